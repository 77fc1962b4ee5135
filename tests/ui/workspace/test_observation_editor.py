"""The observation editor on its own: what its box asks per step, Esc keeps what was typed,
"Weggooien" asks first, and a marker made while recording is answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.domain.markers import MARKER_PROMPT, make_marker
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.profiles import Question, QuestionKind, Step, Theme
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.workspace.observation_editor import ObservationDraft, ObservationEditor

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)


def question(step: Step, kind: QuestionKind = QuestionKind.OPEN) -> Question:
    extra = {"options": ("ja", "nee")} if kind == QuestionKind.CHOICE else {}
    return Question(id=f"v-{step.value}", text="Een vraag?", kind=kind, step=step, **extra)  # type: ignore[arg-type]


THEME = Theme(
    id="werkrelatie",
    title="Werkrelatie",
    colour="#3A7BD5",
    explanation="Hoe jullie samenwerken.",
    questions=(question(Step.WAARNEMEN),),
)


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[ObservationEditor]:
    """The editor in a window (it hides itself when closed, as in the workspace)."""
    window = QWidget()
    layout = QVBoxLayout(window)
    widget = ObservationEditor(window)
    layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    yield widget


def test_each_step_asks_its_own_question_in_the_empty_box(editor: ObservationEditor) -> None:
    placeholders = {}
    for step in Step:
        editor.begin(1000, THEME, question(step))
        placeholders[step] = editor.text_edit.placeholderText()
    assert len(set(placeholders.values())) == 3, placeholders
    assert "zonder oordeel" in placeholders[Step.WAARNEMEN]
    assert "ander" in placeholders[Step.BETEKENIS]
    assert "volgende keer" in placeholders[Step.ALTERNATIEF]
    assert "zonder oordeel" not in placeholders[Step.BETEKENIS] + placeholders[Step.ALTERNATIEF]
    editor.begin(1000, THEME, question(Step.BETEKENIS, QuestionKind.CHOICE))
    assert editor.text_edit.placeholderText() == "Toelichting (mag leeg blijven)"
    editor.begin(1000)
    assert editor.text_edit.placeholderText() == (
        "Wat zie je gebeuren? Beschrijf eerst, zonder oordeel."
    )


def test_escape_closes_and_keeps_what_was_typed(editor: ObservationEditor, qtbot: QtBot) -> None:
    editor.begin(2500)
    QTest.keyClicks(editor.text_edit, "De klant zucht")
    with qtbot.waitSignal(editor.kept) as kept:
        QTest.keyClick(editor.text_edit, Qt.Key.Key_Escape)
    draft = kept.args[0]
    assert isinstance(draft, ObservationDraft)
    assert (draft.text, draft.time_ms) == ("De klant zucht", 2500)
    assert not editor.active
    # nothing typed: Esc simply closes
    editor.begin(2500)
    with qtbot.waitSignal(editor.cancelled):
        QTest.keyClick(editor.text_edit, Qt.Key.Key_Escape)


def test_escape_on_an_unchanged_observation_changes_nothing(
    editor: ObservationEditor, qtbot: QtBot
) -> None:
    marker = make_marker("r1", 4000, author_role=Role.KLANTMANAGER, now=NOW)
    existing = marker.model_copy(update={"text": "Al beschreven"})
    editor.begin(0, existing=existing)
    with qtbot.assertNotEmitted(editor.kept), qtbot.waitSignal(editor.cancelled):
        QTest.keyClick(editor.text_edit, Qt.Key.Key_Escape)


def test_weggooien_asks_before_it_drops_anything(
    editor: ObservationEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(messages, "ask", ask)
    editor.begin(1000)
    QTest.keyClicks(editor.text_edit, "Bijna weg")
    editor.cancel_button.click()
    assert editor.active and editor.current_text() == "Bijna weg", "No keeps it"
    with qtbot.waitSignal(editor.cancelled), qtbot.assertNotEmitted(editor.kept):
        editor.cancel_button.click()
    assert len(asked) == 2 and not editor.active


def test_a_marker_is_answered_with_its_prompt(editor: ObservationEditor, qtbot: QtBot) -> None:
    marker = make_marker("r1", 12_300, author_role=Role.KLANTMANAGER, type_id="weerstand", now=NOW)
    editor.begin(0, existing=marker)
    assert editor.heading.text() == "Weerstand op 0:12,3 beantwoorden"
    assert MARKER_PROMPT in editor.question_label.text()
    QTest.keyClicks(editor.text_edit, "Ze schuift haar stoel naar achteren")
    with qtbot.waitSignal(editor.saved) as saved:
        QTest.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    draft = saved.args[0]
    assert draft.existing == marker and draft.text == "Ze schuift haar stoel naar achteren"


def test_the_choice_buttons_grow_with_the_text(editor: ObservationEditor) -> None:
    from PySide6.QtWidgets import QRadioButton, QStyle, QStyleOptionButton

    choice = question(Step.WAARNEMEN, QuestionKind.CHOICE)

    def indicator_width() -> int:
        editor.begin(1000, THEME, choice)
        button = editor.findChildren(QRadioButton)[-1]
        button.ensurePolished()
        option = QStyleOptionButton()
        button.initStyleOption(option)
        rect = button.style().subElementRect(
            QStyle.SubElement.SE_RadioButtonIndicator, option, button
        )
        editor.cancel()
        return rect.width()

    normal = indicator_width()
    font = editor.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    editor.setFont(font)
    assert indicator_width() >= normal * 1.6, "at 200 % text the round buttons grow too"


def test_the_choice_buttons_are_visible_in_high_contrast(editor: ObservationEditor) -> None:
    from PySide6.QtWidgets import QRadioButton

    from vknz_desktop.ui.common.appearance import apply_appearance

    apply_appearance(100, True)
    try:
        editor.begin(1000, THEME, question(Step.WAARNEMEN, QuestionKind.CHOICE))
        button = editor.findChildren(QRadioButton)[-1]
        image = button.grab().toImage()
        background = image.pixelColor(0, 0)
        height = image.height()
        size = max(13, round(button.fontMetrics().height() * 0.8))
        ring = {
            image.pixelColor(x, y).name()
            for x in range(min(size + 4, image.width()))
            for y in range(height)
        }
        assert ring - {background.name()}, "the round button is drawn in a visible colour"
        editor.cancel()
    finally:
        apply_appearance(100, False)

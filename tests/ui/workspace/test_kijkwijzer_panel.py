"""The Kijkwijzer panel shows a profile's text as plain text, everywhere: a label never renders
markup, a tooltip shows the markup literally. Profiles with markup are refused when loaded
(domain.profiles); these are built past that check (``model_construct``) to prove the second
line of defence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.workspace.reading import shown_as
from vknz_desktop.domain.profiles import Profile, Question, QuestionKind, Step, Theme
from vknz_desktop.ui.workspace.kijkwijzer_panel import KijkwijzerPanel
from vknz_desktop.ui.workspace.observation_editor import ObservationEditor
from vknz_desktop.ui.workspace.plain_text import plain_tooltip

MARKUP = "<img src='x.png'><b>vet</b> &amp; <a href='https://example.org'>link</a>"


def hostile_profile() -> Profile:
    question = Question.model_construct(
        id="v1",
        text="Vraag " + MARKUP,
        kind=QuestionKind.OPEN,
        step=Step.WAARNEMEN,
        hint="Hint " + MARKUP,
        anchors=(),
        options=(),
    )
    theme = Theme.model_construct(
        id="t1",
        title="Thema " + MARKUP,
        colour="#3A7BD5",
        explanation="Uitleg " + MARKUP,
        questions=(question,),
    )
    return Profile.model_construct(
        id="p1",
        name="Profiel " + MARKUP,
        version="1",
        language="nl",
        description="Beschrijving " + MARKUP,
        themes=(theme,),
    )


def markup_texts(root: QWidget) -> list[tuple[str, str]]:
    """(kind, what a user reads) for every label and tooltip under ``root`` holding the profile's
    text; a label that would render markup is reported with what it renders."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip():
            found.append(("tooltip", shown_as(widget.toolTip())))
        if isinstance(widget, QLabel) and widget.text():
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText
                and GuiQt.mightBeRichText(widget.text())
            )
            found.append(("label", shown_as(widget.text()) if rich else widget.text()))
    return found


def test_profile_text_is_shown_as_plain_text_in_the_panel(qtbot: QtBot) -> None:
    panel = KijkwijzerPanel()
    qtbot.addWidget(panel)
    panel.set_profiles([hostile_profile()], "p1")
    texts = markup_texts(panel)
    for prefix in ("Vraag ", "Hint ", "Thema ", "Uitleg ", "Beschrijving "):
        shown = [text for _, text in texts if prefix + MARKUP in text]
        assert shown, f"{prefix!r} is not shown literally: {texts}"
    # nothing of the profile is rendered as markup anywhere
    assert all("vet" not in text or MARKUP in text for _, text in texts), texts
    box = panel.profile_box
    assert box.itemText(0) == "Profiel " + MARKUP
    tip = box.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tip) == "Beschrijving " + MARKUP


def test_the_editor_shows_the_question_as_plain_text(qtbot: QtBot) -> None:
    editor = ObservationEditor()
    qtbot.addWidget(editor)
    profile = hostile_profile()
    theme = profile.themes[0]
    editor.begin(1000, theme, theme.questions[0])
    texts = dict(
        (text.split(" ")[0], text)
        for _, text in markup_texts(editor)
        if text.startswith(("Thema", "Hint"))
    )
    assert "Vraag " + MARKUP in texts["Thema"]
    assert texts["Thema"].startswith("Thema " + MARKUP)
    assert texts["Hint"] == "Hint " + MARKUP


def test_plain_tooltip_keeps_text_literal_and_lines() -> None:
    assert shown_as(plain_tooltip("a <b>b</b>\nc")) == "a <b>b</b>\nc"
    assert plain_tooltip("") == ""

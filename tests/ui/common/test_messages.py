"""The message bridge: one way to tell and ask, and it can close everything it shows."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.ui.common import messages


def later(action: Callable[[], object], ms: int = 50) -> None:
    """Run ``action`` once the modal loop of the next box is running."""
    QTimer.singleShot(ms, action)


def shown_box() -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    visible = [b for b in boxes if b.isVisible()]
    assert len(visible) == 1, visible
    return visible[0]


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_question_closed_by_close_all_answers_cancelled(parent: QWidget) -> None:
    asked: list[str] = []

    def close_while_asking() -> None:
        box = shown_box()
        asked.append(box.text())
        # Yes is what a careless caller would take for an answer; closing must not be Yes.
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        assert messages.close_all() == 1

    later(close_while_asking)
    assert messages.ask(parent, "Verwijderen", "Echt verwijderen?") is False
    assert asked == ["Echt verwijderen?"]
    assert messages.bridge().open_dialogs() == []


def test_a_question_answered_yes_is_true_and_no_is_the_default(parent: QWidget) -> None:
    defaults: list[QMessageBox.StandardButton] = []

    def click_yes() -> None:
        box = shown_box()
        defaults.append(box.standardButton(box.defaultButton()))
        box.button(QMessageBox.StandardButton.Yes).click()

    later(click_yes)
    assert messages.ask(parent, "Verwijderen", "Echt verwijderen?") is True
    assert defaults == [QMessageBox.StandardButton.No]


def test_a_confirmation_is_only_given_by_its_own_button(parent: QWidget) -> None:
    def accept() -> None:
        box = shown_box()
        assert box.informativeText() == "Dit kan niet ongedaan worden gemaakt."
        assert box.defaultButton().text() == "Annuleren"
        next(b for b in box.buttons() if b.text() == "Doorgaan").click()

    later(accept)
    assert messages.confirm(
        parent,
        "Titel",
        "Doorgaan?",
        "Dit kan niet ongedaan worden gemaakt.",
        "Doorgaan",
        "Annuleren",
    )
    later(lambda: messages.close_all())
    assert not messages.confirm(parent, "Titel", "Doorgaan?", "", "Doorgaan", "Annuleren")


def test_text_and_item_questions_return_none_when_closed(parent: QWidget) -> None:
    later(lambda: messages.close_all())
    assert messages.ask_text(parent, "Wachtwoord", "Typ het wachtwoord:") is None

    def choose_second() -> None:
        dialog = next(d for d in messages.bridge().open_dialogs())
        dialog.setTextValue("twee")  # type: ignore[attr-defined]
        dialog.accept()

    later(choose_second)
    assert messages.ask_item(parent, "Kies", "Welke?", ["een", "twee"], 0) == "twee"


def test_close_all_within_a_widget_leaves_other_dialogs_open(parent: QWidget, qtbot: QtBot) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    inside = messages.track(QDialog(parent))
    outside = messages.track(QDialog(other))
    inside.open()
    outside.open()
    assert messages.close_all(within=parent) == 1
    assert not inside.isVisible() and outside.isVisible()
    assert messages.closed_by_bridge(inside) and not messages.closed_by_bridge(outside)
    assert messages.close_all() == 1
    assert messages.bridge().open_dialogs() == []


def test_a_notice_does_not_wait_and_is_closed_with_the_rest(parent: QWidget) -> None:
    box = messages.notify(parent, "Kluis gecontroleerd", "De sleutel is hersteld.")
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert messages.bridge().open_dialogs() == [box]
    messages.close_all()
    assert not box.isVisible()


def test_status_messages_go_to_whoever_shows_them(qtbot: QtBot) -> None:
    with qtbot.waitSignal(messages.bridge().statusShown) as signal:
        messages.status("Waarneming verwijderd", 3000)
    assert signal.args == ["Waarneming verwijderd", 3000]


def test_known_errors_are_plain_messages_and_bugs_a_report(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _parent, _title, text: warned.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    messages.install_excepthook()
    sys.excepthook(KnownError, KnownError("Dat lukt nu niet."), None)
    assert warned == ["Dat lukt nu niet."]

    reports: list[str] = []

    def read_and_close() -> None:
        box = shown_box()
        reports.append(box.detailedText())
        messages.close_all()

    later(read_and_close)
    try:
        raise ValueError("stuk")
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    assert "ValueError: stuk" in reports[0]
    assert "unexpected error" in caplog.text


def test_every_modal_dialog_of_the_app_runs_through_the_bridge() -> None:
    """A dialog ``exec``-ed on its own could not be closed by a lock: only the bridge's
    ``run`` does it (menus, which a lock closes as popups, may exec)."""
    from pathlib import Path

    source = Path(messages.__file__).resolve().parents[1]
    direct = [
        f"{path.relative_to(source).as_posix()}:{number}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "messages.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".exec()" in line
    ]
    assert direct == []

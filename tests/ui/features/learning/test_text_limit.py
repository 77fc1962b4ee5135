"""Long goal texts are capped in the UI with a clear message (the domain allows 5,000
characters for "waarom" and "volgende keer"), and the goal dialog says what its first field
is for."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from vknz_desktop.domain.goals import LearningGoal
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog
from vknz_desktop.ui.features.learning.text_limit import LONG_TEXT_LIMIT, cap_text


def test_text_beyond_the_limit_is_not_taken_over_and_the_user_is_told(qtbot: QtBot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setToolTip("Waarom dit belangrijk is")
    cap_text(edit, 10)
    seen: list[str] = []
    edit.textChanged.connect(lambda: seen.append(edit.toPlainText()))
    said: list[str] = []
    messages.bridge().statusShown.connect(lambda text, _ms: said.append(text))
    edit.setPlainText("kort")
    assert said == [] and edit.toPlainText() == "kort"
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.insertPlainText(" en veel te lang")  # as pasted at the end
    assert edit.toPlainText() == "kort en ve"
    assert seen[-1] == "kort en ve"  # later slots (the goal's undo) read the capped text
    assert said == ["Hier passen hoogstens 10 tekens: de rest is niet overgenomen."]
    assert edit.toolTip() == said[0]
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.insertPlainText("ja, ")  # in front: the text that was there stays
    assert edit.toPlainText() == "kort en ve"
    edit.setPlainText("weer kort")
    assert edit.toolTip() == "Waarom dit belangrijk is"


def test_the_goal_dialog_caps_waarom_and_names_its_choice(qtbot: QtBot) -> None:
    goals: list[LearningGoal] = []
    dialog = GoalDialog([], set(), goals, [], "Leerdoel maken", "Uit deze waarnemingen.")
    qtbot.addWidget(dialog)
    dialog.why_edit.setPlainText("x" * (LONG_TEXT_LIMIT + 100))
    assert len(dialog.why_edit.toPlainText()) == LONG_TEXT_LIMIT
    dialog.next_edit.setPlainText("y" * (LONG_TEXT_LIMIT + 1))
    assert len(dialog.next_edit.toPlainText()) == LONG_TEXT_LIMIT
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Bij &welk leerdoel:" in labels and "&Waar:" not in labels
    QApplication.processEvents()

"""The notes of a recording whose media is gone: replaced by its fragments ("alleen fragmenten
bewaren") or past its keep-until date. The row stays in the library; Enter (or double-click)
on it, or "Aantekeningen van de oorspronkelijke opname…" on one of its fragments, shows its
notes here, read-only, and the fragments it became (each can be opened).

Only what the person working may see is given to this dialog (the library asks the services,
which ask ``domain.visibility``); nothing here can be copied to the clipboard.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.markers import is_marker, marker_label
from vknz_desktop.domain.models import Observation, Recording
from vknz_desktop.ui.common.formatting import format_clip_time, format_date, role_label


class NotesDialog(QDialog):
    """Read the notes kept of a recording whose media is gone; open one of its fragments."""

    #: A fragment to open in the workspace (its id).
    openRequested = Signal(str)

    def __init__(
        self,
        recording: Recording,
        notes: Sequence[Observation],
        fragments: Sequence[Recording] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aantekeningen"))
        self.setAccessibleName(self.tr("Aantekeningen van een opname zonder beeld en geluid"))
        self.setModal(True)
        heading = QLabel(recording.title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.explanation = QLabel(self._explanation(recording, fragments))
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName(self.tr("Aantekeningen"))
        self.notes_list.setWordWrap(True)
        self.notes_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        for note in notes:
            self.notes_list.addItem(QListWidgetItem(self.note_text(note)))
        if not notes:
            self.notes_list.addItem(QListWidgetItem(self.tr("Er zijn geen aantekeningen bewaard.")))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.notes_list, 1)
        self.fragment_buttons: list[QPushButton] = []
        for recording_fragment in fragments:
            button = QPushButton(self.tr("Fragment openen: {0}").format(recording_fragment.title))
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, rid=recording_fragment.id: self._open(rid)
            )
            self.fragment_buttons.append(button)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 70
        self.resize(width, self.fontMetrics().lineSpacing() * 24)

    def _explanation(self, recording: Recording, fragments: Sequence[Recording]) -> str:
        day = format_date(recording.conversation_date)
        if fragments:
            return self.tr(
                "Van deze opname ({day}) zijn alleen de fragmenten bewaard: het beeld en geluid "
                "zelf zijn verwijderd. Dit zijn de aantekeningen die buiten de fragmenten "
                "vielen; die binnen de fragmenten staan bij het fragment."
            ).format(day=day)
        return self.tr(
            "Het beeld en geluid van deze opname ({day}) zijn verwijderd; de aantekeningen "
            "zijn bewaard."
        ).format(day=day)

    def note_text(self, note: Observation) -> str:
        """One note as it is listed: the moment, who made it, and the text."""
        who = role_label(note.author_role)
        if note.author_name:
            who = f"{who} ({note.author_name})"
        if is_marker(note):
            body = f"{marker_label(note)} — {self.tr('Wat gebeurde hier?')}"
        else:
            parts = [part.strip() for part in (note.answer, note.text) if part.strip()]
            body = "\n".join(parts)
        return f"{format_clip_time(note.time_ms)} · {who}\n{body}"

    def _open(self, recording_id: str) -> None:
        self.accept()
        self.openRequested.emit(recording_id)


__all__ = ["NotesDialog"]

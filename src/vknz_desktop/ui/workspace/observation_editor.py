"""Typing an observation: free text, the answer to a Kijkwijzer question, or the answer to a
marker made while recording ("Wat gebeurde hier?"), at a moment.

Nothing typed is ever thrown away silently: Ctrl+Enter stores it, Esc closes and keeps it
(stored as well, undoable), and only "Weggooien" drops it, after asking.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.markers import is_marker, marker_label
from vknz_desktop.domain.models import Observation
from vknz_desktop.domain.profiles import STEP_LABELS, Question, QuestionKind, Step, Theme
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_clip_time
from vknz_desktop.ui.widgets.flow_layout import FlowLayout
from vknz_desktop.ui.workspace.plain_text import escaped, plain_label


@dataclass(frozen=True)
class ObservationDraft:
    """What the editor produced; the workspace turns it into a stored observation."""

    time_ms: int
    text: str
    answer: str
    theme_id: str | None
    question_id: str | None
    existing: Observation | None


def _choice_style(text_height: int) -> str:
    """Round choice buttons as large as the text (Qt keeps them at 13 px) and drawn in the
    palette's text colour, so they stay visible in high contrast (black on black otherwise)."""
    size = max(13, round(text_height * 0.8))
    ring = max(1, size // 8)
    return (
        f"QRadioButton::indicator {{ width: {size}px; height: {size}px;"
        f" border: {ring}px solid palette(text); border-radius: {size // 2 + ring}px;"
        " background: palette(base); }"
        "QRadioButton::indicator:checked { background: palette(highlight); }"
    )


class ObservationEditor(QFrame):
    """An inline editor; Ctrl+Enter saves, Esc closes and keeps what was typed, "Weggooien"
    asks before it drops anything."""

    saved = Signal(object)  # ObservationDraft
    #: Esc with something typed: closed, and the draft is to be kept (stored, undoable).
    kept = Signal(object)  # ObservationDraft
    cancelled = Signal()
    typingStarted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Waarneming bewerken"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.heading = plain_label("", self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.question_label = QLabel(self)
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.RichText)  # made of escaped parts
        layout.addWidget(self.question_label)
        self.hint_label = plain_label("", self)
        self.hint_label.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        layout.addWidget(self.hint_label)
        self._choices_box = QWidget(self)
        self._choices_layout = QVBoxLayout(self._choices_box)
        self._choices_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._choices_box)
        self._choice_group = QButtonGroup(self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Tekst van de waarneming"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(70)
        self.text_edit.textChanged.connect(self._on_text_changed)
        layout.addWidget(self.text_edit)
        buttons = FlowLayout(spacing=6)  # the buttons go under the hint when space runs out
        self.help_label = QLabel(
            self.tr("Ctrl+Enter: vastleggen · Esc: sluiten (wat je typte blijft bewaard)"), self
        )
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: palette(placeholder-text);")
        self.help_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.help_label)
        self.cancel_button = QPushButton(self.tr("Weggooien"), self)
        self.cancel_button.setToolTip(
            self.tr("Gooi weg wat je hier typte (je krijgt eerst een vraag)")
        )
        self.save_button = QPushButton(self.tr("Vastleggen"), self)
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.discard_asking)
        self.save_button.clicked.connect(self.save)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_keeping)
        self._time_ms = 0
        self._theme: Theme | None = None
        self._question: Question | None = None
        self._existing: Observation | None = None
        self._typing_announced = False
        self.hide()

    @property
    def active(self) -> bool:
        """Whether an observation is being typed."""
        return self.isVisible()

    @property
    def time_ms(self) -> int:
        """The moment the observation is anchored at."""
        return self._time_ms

    def begin(
        self,
        time_ms: int,
        theme: Theme | None = None,
        question: Question | None = None,
        existing: Observation | None = None,
    ) -> None:
        """Start typing an observation at ``time_ms`` (or edit ``existing``; a marker made while
        recording is answered)."""
        self._time_ms = existing.time_ms if existing else time_ms
        self._theme, self._question, self._existing = theme, question, existing
        self._typing_announced = False
        self.heading.setText(self._heading(existing, question))
        if existing is not None and is_marker(existing):
            prompt = self.tr("Wat gebeurde hier?")  # domain.markers.MARKER_PROMPT
            self.question_label.setText(f"<b>{prompt}</b>")
            self.question_label.show()
            self.hint_label.setText(
                self.tr("Je zette hier een markering tijdens het opnemen. Wat zag of hoorde je?")
            )
            self.hint_label.show()
        elif question is not None and theme is not None:
            step = STEP_LABELS[question.step]
            self.question_label.setText(
                f"<b>{escaped(theme.title)}</b> · {escaped(step)}<br>{escaped(question.text)}"
            )
            self.question_label.show()
            self.hint_label.setText(question.hint or "")
            self.hint_label.setVisible(bool(question.hint))
        else:
            self.question_label.hide()
            self.hint_label.hide()
        self._build_choices(question, existing.answer if existing else "")
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(existing.text if existing else "")
        self.text_edit.blockSignals(False)
        self.text_edit.setPlaceholderText(self.placeholder_for(question, existing))
        self.show()
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _heading(self, existing: Observation | None, question: Question | None) -> str:
        when = format_clip_time(self._time_ms)
        if existing is not None and is_marker(existing):
            return self.tr("{0} op {1} beantwoorden").format(marker_label(existing), when)
        if existing is not None:
            return self.tr("Waarneming op {0} bewerken").format(when)
        if question is not None:
            return self.tr("Antwoord op {0}").format(when)
        return self.tr("Nieuwe waarneming op {0}").format(when)

    def placeholder_for(self, question: Question | None, existing: Observation | None) -> str:
        """What the empty text box asks: it follows the step of the question (describe,
        what it meant, what else you could do), a marker's prompt, or a free observation."""
        if existing is not None and is_marker(existing):
            return self.tr("Beschrijf wat er gebeurde, nog zonder oordeel.")
        if question is None:
            return self.tr("Wat zie je gebeuren? Beschrijf eerst, zonder oordeel.")
        if question.kind != QuestionKind.OPEN:
            return self.tr("Toelichting (mag leeg blijven)")
        if question.step == Step.BETEKENIS:
            return self.tr("Wat deed het met de ander, denk je? Waaraan merk je dat?")
        if question.step == Step.ALTERNATIEF:
            return self.tr("Wat zou je een volgende keer kunnen proberen?")
        return self.tr("Wat zie of hoor je? Beschrijf eerst, zonder oordeel.")

    def current_text(self) -> str:
        """What has been typed so far (used to save on lock)."""
        return self.text_edit.toPlainText()

    def draft(self) -> ObservationDraft | None:
        """The observation as typed so far, or None when there is nothing to keep."""
        text = self.text_edit.toPlainText().strip()
        answer = ""
        checked = self._choice_group.checkedButton()
        if checked is not None:
            answer = str(checked.property("answer"))
        if not text and not answer:
            return None
        return ObservationDraft(
            time_ms=self._time_ms,
            text=text,
            answer=answer,
            theme_id=self._theme.id
            if self._theme
            else (self._existing.theme_id if self._existing else None),
            question_id=self._question.id
            if self._question
            else (self._existing.question_id if self._existing else None),
            existing=self._existing,
        )

    def choice_buttons(self) -> list[QAbstractButton]:
        """The answers of a scale question (empty for a free observation)."""
        return list(self._choice_group.buttons())

    def save(self) -> None:
        """Hand the draft over (nothing happens when it is empty)."""
        if not self.active:
            return
        draft = self.draft()
        if draft is None:
            self.text_edit.setFocus()
            return
        self._finish()
        self.saved.emit(draft)

    def cancel(self) -> None:
        """Close without keeping anything (nothing typed, or the user said so)."""
        if not self.active:
            return
        self._finish()
        self.cancelled.emit()

    def has_changes(self) -> bool:
        """Whether something was typed or chosen that is not stored yet."""
        draft = self.draft()
        if draft is None:
            return False
        existing = self._existing
        return existing is None or (draft.text, draft.answer) != (
            existing.text.strip(),
            existing.answer,
        )

    def close_keeping(self) -> None:
        """Esc: close; what was typed is kept (``kept``), as closing the app or a lock keeps
        it. Nothing typed: simply close."""
        if not self.active:
            return
        draft = self.draft() if self.has_changes() else None
        self._finish()
        if draft is None:
            self.cancelled.emit()
        else:
            self.kept.emit(draft)

    def discard_asking(self) -> None:
        """ "Weggooien": drop what was typed, after asking (at once when nothing was typed)."""
        if not self.active:
            return
        if self.has_changes() and not messages.ask(
            self,
            self.tr("Weggooien?"),
            self.tr("Wat je typte wordt niet bewaard. Weggooien?"),
        ):
            self.text_edit.setFocus()
            return
        self.cancel()

    def discard(self) -> None:
        """Close silently (after the draft was saved elsewhere, e.g. at a lock)."""
        self._finish()

    def _finish(self) -> None:
        self.hide()
        self.text_edit.blockSignals(True)
        self.text_edit.clear()
        self.text_edit.blockSignals(False)
        self._build_choices(None, "")
        self._theme = self._question = None
        self._existing = None

    def _build_choices(self, question: Question | None, selected: str) -> None:
        for button in self._choice_group.buttons():
            self._choice_group.removeButton(button)
            button.deleteLater()
        while self._choices_layout.count():
            item = self._choices_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not only when the event loop deletes it
                widget.deleteLater()
        if question is None or question.kind == QuestionKind.OPEN:
            self._choices_box.hide()
            return
        labels = (
            [a.label for a in question.anchors]
            if question.kind == QuestionKind.SCALE
            else list(question.options)
        )
        # a scale's choices side by side, wrapping when the text is large
        row = FlowLayout(spacing=12) if question.kind == QuestionKind.SCALE else QVBoxLayout()
        for label in labels:
            button = QRadioButton(label, self._choices_box)
            button.setProperty("answer", label)
            button.setChecked(label == selected)
            self._choice_group.addButton(button)
            row.addWidget(button)
            button.toggled.connect(self._on_text_changed)
        holder = QWidget(self._choices_box)
        holder.setLayout(row)
        holder.setStyleSheet(_choice_style(self.fontMetrics().height()))
        self._choices_layout.addWidget(holder)
        self._choices_box.show()

    def _on_text_changed(self) -> None:
        if not self._typing_announced:
            self._typing_announced = True
            self.typingStarted.emit()

"""The Kijkwijzer beside the video: themes with their questions, from describing to interpreting.

Questions are focusable, word-wrapped rows: click, Enter or Space answers one at the current
moment. Within a theme they are grouped by step: waarnemen, then betekenis, then alternatief.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.profiles import STEP_LABELS, STEP_PROMPTS, Profile, Question, Theme
from vknz_desktop.ui.widgets.flow_layout import FlowLayout
from vknz_desktop.ui.workspace.plain_text import plain_label, plain_tooltip


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A small filled square in ``colour``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _step_font(font: QFont) -> QFont:
    """The font of a step heading (waarnemen, betekenis, alternatief): 80 % of ``font``."""
    small = QFont(font)
    if small.pointSizeF() > 0:
        small.setPointSizeF(small.pointSizeF() * 0.8)
    small.setBold(True)
    return small


def _bold(font: QFont) -> QFont:
    """``font`` in bold (a theme's title)."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


class QuestionRow(QFrame):
    """One question: a wrapped label that can be clicked or activated with the keyboard."""

    activated = Signal(str, str)

    def __init__(self, theme: Theme, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme_id, self.question_id = theme.id, question.id
        self.setObjectName("questionRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(question.text)
        self.setAccessibleDescription(question.hint or "")
        if question.hint:
            self.setToolTip(plain_tooltip(question.hint))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 3, 4, 3)
        self.label = plain_label(question.text, self)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label)
        self.setStyleSheet(
            "QFrame#questionRow { border-radius: 4px; }"
            "QFrame#questionRow:hover { background: palette(midlight); }"
            "QFrame#questionRow:focus { border: 2px solid palette(highlight); }"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.theme_id, self.question_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.theme_id, self.question_id)
            return
        super().keyPressEvent(event)


class ThemeSection(QWidget):
    """A theme heading (colour, title, fold button) with its questions grouped by step."""

    def __init__(self, theme: Theme, questions: Sequence[Question], panel: KijkwijzerPanel) -> None:
        super().__init__(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(1)
        header = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAccessibleName(self.tr("{0} in- of uitklappen").format(theme.title))
        header.addWidget(self.toggle)
        chip = QLabel(self)
        chip.setPixmap(colour_icon(theme.colour, 14).pixmap(14, 14))
        header.addWidget(chip)
        self.title = plain_label(theme.title, self)
        self.title.setFont(_bold(panel.font()))
        title = self.title
        title.setToolTip(plain_tooltip(theme.explanation))
        header.addWidget(title, 1)
        layout.addLayout(header)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.explanation = explanation = plain_label(theme.explanation, self.body)
        explanation.setContentsMargins(18, 0, 4, 2)
        explanation.setStyleSheet("color: palette(placeholder-text);")
        body.addWidget(explanation)
        last_step = None
        for question in questions:
            if question.step != last_step:
                last_step = question.step
                step = plain_label(STEP_LABELS[question.step].upper(), self.body, wrap=False)
                step.setObjectName("stepLabel")
                step.setToolTip(plain_tooltip(STEP_PROMPTS[question.step]))
                step.setContentsMargins(18, 4, 4, 0)
                # smaller than the text around it, but growing with the text size setting
                step.setStyleSheet(f"color: {theme.colour};")
                step.setFont(_step_font(panel.font()))
                body.addWidget(step)
            row = QuestionRow(theme, question, self.body)
            row.activated.connect(panel.questionChosen)
            body.addWidget(row)
        layout.addWidget(self.body)
        self.toggle.toggled.connect(self._on_toggled)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            for step in self.body.findChildren(QLabel, "stepLabel"):
                step.setFont(_step_font(self.font()))
            self.title.setFont(_bold(self.font()))

    def _on_toggled(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)


class KijkwijzerPanel(QWidget):
    """Shows the chosen profile; activating a question asks the workspace to answer it now."""

    questionChosen = Signal(str, str)  # theme id, question id
    profileChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Kijkwijzer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # label and choice side by side, or the choice under its label when space runs out
        top = FlowLayout(spacing=6)
        label = QLabel(self.tr("Kijkwijzer:"), self)
        self.profile_box = QComboBox(self)
        self.profile_box.setAccessibleName(self.tr("Kijkwijzer kiezen"))
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # never narrower than the longest name (the column scrolls or widens instead)
        self.profile_box.setSizePolicy(
            QSizePolicy.Policy.MinimumExpanding, QSizePolicy.Policy.Fixed
        )
        label.setBuddy(self.profile_box)
        top.addWidget(label)
        top.addWidget(self.profile_box)
        layout.addLayout(top)
        self.description = QLabel(
            self.tr(
                "Eerst waarnemen, dan betekenis, dan alternatief. Klik op een vraag om "
                "haar te beantwoorden op dit moment."
            ),
            self,
        )
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.description)
        self.profile_label = label
        self._compact = False
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Thema's en vragen"))
        layout.addWidget(self.scroll_area, 1)
        self._profiles: list[Profile] = []
        self._profile: Profile | None = None
        self.sections: list[ThemeSection] = []
        self.profile_box.currentIndexChanged.connect(self._on_profile_index)

    @property
    def profile(self) -> Profile | None:
        """The profile shown."""
        return self._profile

    @property
    def compact(self) -> bool:
        """Whether explanations are left out (they stay in the tooltips)."""
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Leave out the panel's and the themes' explanations (large text on a small screen):
        the questions get the room; the explanations stay in the tooltips of the label and the
        theme titles."""
        self._compact = compact
        self.description.setVisible(not compact)
        self.profile_label.setToolTip(plain_tooltip(self.description.text()) if compact else "")
        for section in self.sections:
            section.explanation.setVisible(not compact)

    def first_question_bottom(self) -> int:
        """How far down the scrolled content the first question ends (0 before the layout)."""
        content = self.scroll_area.widget()
        rows = self.question_rows()
        if content is None or not rows:
            return 0
        first = min(rows, key=lambda row: row.mapTo(content, row.rect().topLeft()).y())
        return first.mapTo(content, first.rect().bottomLeft()).y() + 1

    def question_rows(self) -> list[QuestionRow]:
        """All question rows (for tests and keyboard navigation)."""
        return self.findChildren(QuestionRow)

    def set_profiles(self, profiles: Sequence[Profile], current_id: str | None) -> None:
        """The profiles to choose from, showing ``current_id`` (or the first)."""
        self._profiles = list(profiles)
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for profile in self._profiles:
            self.profile_box.addItem(profile.name, profile.id)
            self.profile_box.setItemData(
                self.profile_box.count() - 1,
                plain_tooltip(profile.description.strip()),
                Qt.ItemDataRole.ToolTipRole,
            )
        index = max(0, self.profile_box.findData(current_id)) if current_id else 0
        self.profile_box.setCurrentIndex(index if self._profiles else -1)
        self.profile_box.blockSignals(False)
        self._show(self._profiles[index] if self._profiles else None)

    def clear(self) -> None:
        """Show nothing (used when the vault locks)."""
        self._show(None)

    def _on_profile_index(self, index: int) -> None:
        if 0 <= index < len(self._profiles):
            self._show(self._profiles[index])
            self.profileChosen.emit(self._profiles[index].id)

    def _show(self, profile: Profile | None) -> None:
        self._profile = profile
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.sections = []
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(2)
        if profile is not None:
            self.profile_box.setToolTip(plain_tooltip(profile.description.strip()))
            for theme, questions in profile.questions_in_order():
                section = ThemeSection(theme, questions, self)
                section.setParent(content)
                section.explanation.setVisible(not self._compact)
                self.sections.append(section)
                column.addWidget(section)
        column.addStretch(1)
        self.scroll_area.setWidget(content)

"""A dialog that turns observations into a leerdoel, or adds them to an existing one.

Used for 'maak leerdoel van deze waarnemingen', at the end of reviewing a recording and at the
end of a review session. The observations are listed with check boxes; nothing is stored until
the user confirms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.goals import LearningGoal, suggest_theme
from vknz_desktop.domain.models import Observation
from vknz_desktop.domain.profiles import Profile
from vknz_desktop.ui.common.formatting import format_duration
from vknz_desktop.ui.features.learning.text_limit import LONG_TEXT_LIMIT, cap_text
from vknz_desktop.ui.workspace.kijkwijzer_panel import colour_icon
from vknz_desktop.ui.workspace.observation_list import FREE_COLOUR

__all__ = ["GoalDialog", "GoalDialogResult"]

_ID_ROLE = Qt.ItemDataRole.UserRole
_CLIP_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GoalDialogResult:
    """What the user chose: a new goal (``goal_id`` None) or an existing one, and evidence."""

    goal_id: str | None
    goal: str
    why: str
    next_time: str
    observation_ids: tuple[str, ...]
    clip_ids: tuple[str, ...] = ()


class GoalDialog(QDialog):
    """Goal text, why and next time, plus the observations and fragments to link."""

    def __init__(
        self,
        observations: Sequence[Observation],
        preselected: set[str],
        goals: Sequence[LearningGoal],
        profiles: Sequence[Profile],
        title: str,
        intro: str,
        parent: QWidget | None = None,
        clips: Sequence[Clip] = (),
        preselected_clips: set[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.observations = list(observations)
        self.clips = list(clips)
        self._profiles = list(profiles)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        self._build_fields(goals)
        self._build_list(preselected, preselected_clips or set())
        form = self._build_form()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        observations_label = QLabel(self.tr("Waarnemingen die erbij &horen:"), self)
        observations_label.setBuddy(self.list)
        layout.addWidget(observations_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.theme_label)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self._connect()
        self._update()
        self.goal_edit.setFocus()

    def _build_fields(self, goals: Sequence[LearningGoal]) -> None:
        self.target_box = QComboBox(self)
        self.target_box.setAccessibleName(self.tr("Nieuw of bestaand leerdoel"))
        self.target_box.addItem(self.tr("Een nieuw leerdoel"), None)
        for goal in goals:
            self.target_box.addItem(
                self.tr("Toevoegen aan: {0}").format(
                    goal.title or self.tr("(zonder omschrijving)")
                ),
                goal.id,
            )
        self.goal_edit = QLineEdit(self)
        self.goal_edit.setPlaceholderText(self.tr("Bijvoorbeeld: stiltes laten vallen"))
        self.goal_edit.setAccessibleName(self.tr("Leerdoel"))
        self.goal_edit.setMaxLength(500)
        self.why_edit = QPlainTextEdit(self)
        self.why_edit.setPlaceholderText(self.tr("Waarom is dit belangrijk? (mag later)"))
        self.why_edit.setAccessibleName(self.tr("Waarom dit belangrijk is"))
        self.why_edit.setTabChangesFocus(True)
        self.next_edit = QPlainTextEdit(self)
        self.next_edit.setPlaceholderText(self.tr("Wat probeer ik de volgende keer? (mag later)"))
        self.next_edit.setAccessibleName(self.tr("Wat ik de volgende keer probeer"))
        self.next_edit.setTabChangesFocus(True)
        for edit in (self.why_edit, self.next_edit):
            cap_text(edit, LONG_TEXT_LIMIT)
            edit.setMaximumHeight(70)

    def _build_list(self, preselected: set[str], chosen_clips: set[str]) -> None:
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Waarnemingen om te koppelen"))
        self.list.setMinimumHeight(160)
        for observation in sorted(self.observations, key=lambda o: (o.recording_id, o.time_ms)):
            text = f"{format_duration(observation.time_ms)}  {observation.first_line}"
            item = QListWidgetItem(colour_icon(self._colour(observation)), text)
            item.setData(_ID_ROLE, observation.id)
            item.setToolTip(observation.text or observation.answer)
            self._checkable(item, observation.id in preselected)
        for clip in sorted(self.clips, key=lambda c: (c.recording_id, c.start_ms)):
            note_lines = clip.note.strip().splitlines()
            name = clip.title.strip() or (note_lines[0] if note_lines else "")
            text = self.tr("{0}  Fragment: {1}").format(
                format_duration(clip.start_ms), name or self.tr("(zonder titel)")
            )
            item = QListWidgetItem(colour_icon(self._clip_colour(clip)), text)
            item.setData(_CLIP_ROLE, clip.id)
            item.setToolTip(clip.note or clip.title)
            self._checkable(item, clip.id in chosen_clips)
        self.theme_label = QLabel(self)
        self.theme_label.setStyleSheet("color: palette(mid);")

    def _checkable(self, item: QListWidgetItem, checked: bool) -> None:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Bij &welk leerdoel:"), self.target_box)
        form.addRow(self.tr("&Leerdoel:"), self.goal_edit)
        form.addRow(self.tr("Waaro&m:"), self.why_edit)
        form.addRow(self.tr("Volgende &keer:"), self.next_edit)
        for field in (self.target_box, self.goal_edit, self.why_edit, self.next_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        self._new_only = [self.goal_edit, self.why_edit, self.next_edit]
        return form

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Leerdoel bewaren"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.target_box.currentIndexChanged.connect(lambda _i: self._update())
        self.goal_edit.textChanged.connect(lambda _t: self._update())
        self.list.itemChanged.connect(lambda _item: self._update())

    def _colour(self, observation: Observation) -> str:
        for profile in self._profiles:
            if profile.id == observation.profile_id and observation.theme_id:
                theme = profile.theme(observation.theme_id)
                if theme:
                    return theme.colour
        return FREE_COLOUR

    def _clip_colour(self, clip: Clip) -> str:
        for profile in self._profiles:
            theme = profile.theme(clip.theme_id) if clip.theme_id else None
            if theme:
                return theme.colour
        return FREE_COLOUR

    def _checked(self, role: int) -> list[str]:
        result = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            value = item.data(role) if item is not None else None
            if value and item is not None and item.checkState() == Qt.CheckState.Checked:
                result.append(str(value))
        return result

    def checked_ids(self) -> list[str]:
        """The observations ticked."""
        return self._checked(_ID_ROLE)

    def checked_clip_ids(self) -> list[str]:
        """The clips (fragments) ticked."""
        return self._checked(_CLIP_ROLE)

    def _update(self) -> None:
        new = self.target_box.currentData() is None
        for widget in self._new_only:
            widget.setEnabled(new)
        ids = set(self.checked_ids())
        chosen = [o for o in self.observations if o.id in ids]
        if new:
            self.ok_button.setText(self.tr("Leerdoel bewaren"))
            self.ok_button.setEnabled(bool(self.goal_edit.text().strip()))
            profile_id, theme_id = suggest_theme(chosen)
            theme = None
            for profile in self._profiles:
                if profile.id == profile_id and theme_id:
                    theme = profile.theme(theme_id)
            self.theme_label.setText(
                self.tr("Thema: {0} (het thema van de meeste gekozen waarnemingen)").format(
                    theme.title
                )
                if theme
                else self.tr("Thema: nog geen (kies het later bij het leerdoel)")
            )
        else:
            self.ok_button.setText(self.tr("Toevoegen"))
            clips = self.checked_clip_ids()
            self.ok_button.setEnabled(bool(chosen or clips))
            self.theme_label.setText(
                self.tr("{0} moment(en) worden aan het leerdoel toegevoegd.").format(
                    len(chosen) + len(clips)
                )
            )

    def result_value(self) -> GoalDialogResult:
        """What the user chose."""
        target = self.target_box.currentData()
        return GoalDialogResult(
            goal_id=str(target) if target else None,
            goal=self.goal_edit.text().strip(),
            why=self.why_edit.toPlainText().strip(),
            next_time=self.next_edit.toPlainText().strip(),
            observation_ids=tuple(self.checked_ids()),
            clip_ids=tuple(self.checked_clip_ids()),
        )

"""Settings kept inside the vault: typing and playback, reaction offset, automatic lock."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.ports import OpenVault
from vknz_desktop.ui.common.appearance import MAX_TEXT_SCALE, MIN_TEXT_SCALE
from vknz_desktop.ui.common.identity import WorkspaceSettings
from vknz_desktop.ui.common.language import LANGUAGE_NAMES
from vknz_desktop.ui.shell.inactivity import DEFAULT_MINUTES

_PAUSE = "workspace.pause_while_typing"
_RESUME = "workspace.resume_after_save"
_OFFSET = "workspace.reaction_offset_ms"
_LOCK = "lock.minutes"
_AUTO_REMOVE = "retention.auto_remove"
_TEXT_SCALE = "appearance.text_scale"
_HIGH_CONTRAST = "appearance.high_contrast"


@dataclass
class AppSettings:
    """All user settings."""

    workspace: WorkspaceSettings
    lock_minutes: int = DEFAULT_MINUTES
    auto_remove_expired: bool = False
    text_scale: int = 100  # % of the system's font size (100-200)
    high_contrast: bool = False

    @classmethod
    def load(cls, vault: OpenVault) -> AppSettings:
        """Read from the vault; missing or unreadable values fall back to the defaults."""
        defaults = WorkspaceSettings()

        def flag(key: str, default: bool) -> bool:
            value = vault.setting(key)
            return default if value is None else value == "1"

        def number(key: str, default: int, low: int, high: int) -> int:
            value = vault.setting(key)
            try:
                return default if value is None else max(low, min(high, int(value)))
            except ValueError:
                return default

        return cls(
            WorkspaceSettings(
                pause_while_typing=flag(_PAUSE, defaults.pause_while_typing),
                resume_after_save=flag(_RESUME, defaults.resume_after_save),
                reaction_offset_ms=number(_OFFSET, defaults.reaction_offset_ms, -10_000, 0),
            ),
            number(_LOCK, DEFAULT_MINUTES, 1, 60),
            flag(_AUTO_REMOVE, False),
            number(_TEXT_SCALE, 100, MIN_TEXT_SCALE, MAX_TEXT_SCALE),
            flag(_HIGH_CONTRAST, False),
        )

    def save(self, vault: OpenVault) -> None:
        """Store in the vault."""
        vault.set_setting(_PAUSE, "1" if self.workspace.pause_while_typing else "0")
        vault.set_setting(_RESUME, "1" if self.workspace.resume_after_save else "0")
        vault.set_setting(_OFFSET, str(self.workspace.reaction_offset_ms))
        vault.set_setting(_LOCK, str(self.lock_minutes))
        vault.set_setting(_AUTO_REMOVE, "1" if self.auto_remove_expired else "0")
        vault.set_setting(_TEXT_SCALE, str(self.text_scale))
        vault.set_setting(_HIGH_CONTRAST, "1" if self.high_contrast else "0")


class SettingsDialog(QDialog):
    """Edit AppSettings."""

    def __init__(
        self, settings: AppSettings, parent: QWidget | None = None, language: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Instellingen"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.pause = QCheckBox(self.tr("Afspelen pauzeren zodra ik een waarneming typ"), self)
        self.pause.setChecked(settings.workspace.pause_while_typing)
        form.addRow(self.pause)
        self.resume = QCheckBox(self.tr("Verder afspelen na vastleggen (Ctrl+Enter)"), self)
        self.resume.setChecked(settings.workspace.resume_after_save)
        form.addRow(self.resume)
        self.offset = QDoubleSpinBox(self)
        self.offset.setRange(-10.0, 0.0)
        self.offset.setSingleStep(0.5)
        self.offset.setDecimals(1)
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setValue(settings.workspace.reaction_offset_ms / 1000)
        self.offset.setAccessibleName(self.tr("Reactietijd"))
        form.addRow(self.tr("Reactietijd:"), self.offset)
        hint = QLabel(
            self.tr(
                "Een nieuwe waarneming komt zoveel eerder op de tijdlijn dan het "
                "moment waarop je op M drukt."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(hint)
        self.lock = QSpinBox(self)
        self.lock.setRange(1, 60)
        self.lock.setSuffix(self.tr(" minuten"))
        self.lock.setValue(settings.lock_minutes)
        self.lock.setAccessibleName(self.tr("Automatisch vergrendelen na"))
        form.addRow(self.tr("Automatisch vergrendelen na:"), self.lock)
        self.auto_remove = QCheckBox(
            self.tr("Opnames voorbij de bewaartermijn verwijderen zonder het eerst te vragen"),
            self,
        )
        self.auto_remove.setChecked(settings.auto_remove_expired)
        form.addRow(self.auto_remove)
        self.text_scale = QSpinBox(self)
        self.text_scale.setRange(MIN_TEXT_SCALE, MAX_TEXT_SCALE)
        self.text_scale.setSingleStep(10)
        self.text_scale.setSuffix(" %")
        self.text_scale.setValue(settings.text_scale)
        self.text_scale.setAccessibleName(self.tr("Tekstgrootte"))
        form.addRow(self.tr("Tekstgrootte:"), self.text_scale)
        self.high_contrast = QCheckBox(self.tr("Hoog contrast (zwart, wit en geel)"), self)
        self.high_contrast.setChecked(settings.high_contrast)
        self.high_contrast.setAccessibleName(self.tr("Hoog contrast"))
        form.addRow(self.high_contrast)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("Zoals het systeem"), None)
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.setAccessibleName(self.tr("Taal"))
        self.language_combo.setToolTip(self.tr("Geldt vanaf de volgende start"))
        form.addRow(self.tr("Taal:"), self.language_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def language(self) -> str | None:
        """The chosen UI language code, or None to follow the system."""
        data = self.language_combo.currentData()
        return data if isinstance(data, str) else None

    def settings(self) -> AppSettings:
        """The values as edited."""
        return AppSettings(
            WorkspaceSettings(
                pause_while_typing=self.pause.isChecked(),
                resume_after_save=self.resume.isChecked(),
                reaction_offset_ms=round(self.offset.value() * 1000),
            ),
            self.lock.value(),
            self.auto_remove.isChecked(),
            self.text_scale.value(),
            self.high_contrast.isChecked(),
        )

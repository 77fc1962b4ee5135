"""The shell's screens: the library, the workspace, the locked window and the unlock dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.models import Role
from vknz_desktop.domain.ports import OpenVault
from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog
from vknz_desktop.ui.shell.manual_dialog import ManualDialog
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog


def library(stage: Stage) -> QWidget | None:
    stage.window.show_library()
    stage.pump(0.5)
    return None


def workspace(stage: Stage) -> QWidget | None:
    stage.window.open_recording(stage.demo["video"])
    stage.pump(1.0)
    stage.window.context.controller.seek(31_000)
    stage.pump(1.0)
    return None


def unlock_dialog(stage: Stage) -> QWidget | None:
    """The dialog as it shows over the locked window (the vault stays open underneath)."""
    return stage.show_dialog(UnlockDialog(stage.window.context.gateway, stage.window))


class _NoVaultYet:
    """A gateway for the first start: no vault exists (nothing is created by the scene)."""

    def exists(self) -> bool:
        return False

    def create(self, passphrase: str, role: Role) -> OpenVault:
        raise NotImplementedError

    def open(self, passphrase: str) -> OpenVault:
        raise NotImplementedError

    def change_passphrase(self, old: str, new: str) -> None:
        raise NotImplementedError


def new_vault_dialog(stage: Stage) -> QWidget | None:
    """The unlock dialog at the first start, with the strength meter while typing."""
    stage.window.help_overlay.hide()  # the overlay scene leaves it open
    context = stage.window.context
    dialog = UnlockDialog(_NoVaultYet(), stage.window, estimator=context.estimator)
    dialog.passphrase.setText("wachtwoord1234")
    return stage.show_dialog(dialog)


def package_passphrase(stage: Stage) -> QWidget | None:
    """The AVG package's passphrase, typed twice, with the strength meter."""
    stage.window.help_overlay.hide()  # the overlay scene leaves it open
    dialog = NewPassphraseDialog(
        "Wachtwoord voor het pakket",
        "Kies een wachtwoord voor het pakket (minstens 10 tekens, bijvoorbeeld een zin van "
        "vier losse woorden). Geef het los van het pakket door, bijvoorbeeld telefonisch.",
        stage.window.context.estimator,
        stage.window,
    )
    dialog.passphrase.setText("paraplu vulkaan notenbalk zeef")
    return stage.show_dialog(dialog)


def shortcuts_overlay(stage: Stage) -> QWidget | None:
    """'?' over the workspace: the list must stay readable over the side panel."""
    stage.window.open_recording(stage.demo["video"])
    stage.pump(0.8)
    stage.window.show_shortcuts()
    stage.pump(0.3)
    return None


def manual(stage: Stage) -> QWidget | None:
    stage.window.help_overlay.hide()  # the overlay scene leaves it open
    manual_path = stage.window.context.manual
    assert manual_path is not None
    return stage.show_dialog(ManualDialog(manual_path, stage.window))


def audit_log(stage: Stage) -> QWidget | None:
    stage.window.help_overlay.hide()  # the overlay scene leaves it open
    vault = stage.window.vault
    assert vault is not None
    dialog = AuditLogDialog(vault.audit_entries(), vault.audit_problems(), stage.window)
    return stage.show_dialog(dialog)


SCENES = [
    Scene("library", library),
    Scene("workspace", workspace),
    Scene("unlock-dialog", unlock_dialog),
    Scene("new-vault-dialog", new_vault_dialog),
    Scene("package-passphrase", package_passphrase),
    Scene("manual", manual),
    Scene("audit-log", audit_log),
    Scene("shortcuts-overlay", shortcuts_overlay),  # last: it leaves the overlay open
]

"""Bewerken → Wachtwoord wijzigen: lock, change, reopen with the new passphrase."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from vknz_desktop.domain.errors import WrongPassphraseError
from vknz_desktop.domain.models import AuditAction
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog

NEW = "paraplu vulkaan notenbalk zeef"


def _answer(monkeypatch: pytest.MonkeyPatch, current: str, new: str) -> None:
    monkeypatch.setattr(messages, "ask_text", lambda *_a, **_k: current)
    real_run = messages.run

    def run(dialog: Any) -> int:
        if not isinstance(dialog, NewPassphraseDialog):
            return real_run(dialog)
        assert dialog.meter is not None
        dialog.passphrase.setText(new)
        dialog.repeat.setText(new)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(messages, "run", run)


def test_the_vault_reopens_with_the_new_passphrase(
    window: MainWindow,
    demo_vault: dict[str, str],
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    unlock(window)
    action = window.registry.action("edit.passphrase")
    assert action in window.registry.menu("edit").actions() and action.isEnabled()
    _answer(monkeypatch, PASSPHRASE, NEW)
    action.trigger()
    assert window.vault is not None and window.vault.is_open
    assert window.vault.audit_entries()[-2].action == AuditAction.PASSPHRASE_CHANGED
    assert shown_messages == []
    window.lock()
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()
    with pytest.raises(WrongPassphraseError):
        Vault.open(paths.vault_dir, PASSPHRASE)
    Vault.open(paths.vault_dir, NEW).close()


def test_a_wrong_current_passphrase_changes_nothing(
    window: MainWindow,
    demo_vault: dict[str, str],
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    unlock(window)
    _answer(monkeypatch, "niet het wachtwoord", NEW)
    window.registry.action("edit.passphrase").trigger()
    assert shown_messages[-1][0] == "warning"
    assert "klopt niet" in shown_messages[-1][2] and "niets gewijzigd" in shown_messages[-1][2]
    assert window.vault is None  # locked; the unlock dialog asks for the old passphrase
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()
    Vault.open(paths.vault_dir, PASSPHRASE).close()

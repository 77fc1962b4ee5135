"""The user's name (inside the vault) and a maximised window are remembered between starts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.remembered import MAXIMIZED_KEY, NAME_KEY
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog


def _reopen(window: MainWindow, identity: Identity) -> None:
    window.lock()
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()
    window.open_vault(window.context.gateway.open(PASSPHRASE), identity)


def test_the_name_is_kept_in_the_vault_and_used_after_a_restart(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    window.open_vault(window.context.gateway.open(PASSPHRASE), Identity(name="Sam Tester"))
    assert window.vault is not None and window.vault.setting(NAME_KEY) == "Sam Tester"
    _reopen(window, Identity())  # a restart: the unlock dialog cannot know the name
    assert window.identity.name == "Sam Tester"
    assert window.workspace.identity.name == "Sam Tester"  # new observations carry it
    _reopen(window, Identity(name="Kim"))
    assert window.identity.name == "Kim"
    assert window.vault is not None and window.vault.setting(NAME_KEY) == "Kim"
    window.lock()
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def test_a_maximised_window_is_maximised_again(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    window.open_vault(window.context.gateway.open(PASSPHRASE), Identity())
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.lock()
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized(), timeout=2000)
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()
    window.open_vault(window.context.gateway.open(PASSPHRASE), Identity())
    assert window.vault is not None and window.vault.setting(MAXIMIZED_KEY) == "1"
    qtbot.waitUntil(window.isMaximized, timeout=2000)

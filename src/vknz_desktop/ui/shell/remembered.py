"""What the app remembers between starts, inside the vault (the user's name is personal data,
so it is never kept outside it): the name for new observations and a maximised window."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QWidget

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.ports import OpenVault
from vknz_desktop.ui.common.identity import Identity

NAME_KEY = "identity.name"
MAXIMIZED_KEY = "window.maximized"


def _store(vault: OpenVault, key: str, value: str) -> None:
    if vault.read_only:
        return
    with contextlib.suppress(KnownError):  # a damaged vault refuses; nothing to remember then
        if vault.setting(key) != value:
            vault.set_setting(key, value)


def remembered_identity(vault: OpenVault, typed: Identity) -> Identity:
    """The name typed at unlock is remembered in the vault; left empty, the remembered one is
    used (so new observations keep the user's name after a restart)."""
    if typed.name:
        _store(vault, NAME_KEY, typed.name)
        return typed
    return Identity(typed.role, vault.setting(NAME_KEY) or "")


def remember_window(vault: OpenVault, window: QWidget) -> None:
    """Note whether the window is maximised (at lock and close)."""
    if window.isVisible():
        _store(vault, MAXIMIZED_KEY, "1" if window.isMaximized() else "0")


def restore_window(vault: OpenVault, window: QWidget) -> None:
    """Maximise the window again when it was maximised last time."""
    if vault.setting(MAXIMIZED_KEY) == "1" and not window.isMaximized():
        window.showMaximized()


__all__ = ["remember_window", "remembered_identity", "restore_window"]

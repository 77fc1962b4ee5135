"""Damage found after the unlock, and a missing sound device: said once, in plain Dutch.

The vault checks itself fully in a background thread after it opened (``health_problem``):
damage found there makes it refuse every change. The watcher looks for that while the vault
is open and offers to lock at once; unlocked again, the vault opens read-only with what is still
sound and names the damage. A missing sound device (``audio_notice`` of the playback engine) is
said once per start of the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from vknz_desktop.domain.ports import OpenVault
from vknz_desktop.ui.common import messages

#: How often the watcher looks (the check itself takes seconds to minutes).
POLL_MS = 500


class VaultHealthWatcher(QObject):
    """Looks for ``vault.health_problem`` while a vault is open; ``lock`` is offered once."""

    def __init__(self, window: QWidget, lock: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._lock = lock
        self._vault: OpenVault | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        #: The problem shown for the open vault (None: none found yet).
        self.shown: str | None = None

    def watch(self, vault: OpenVault) -> None:
        """Start looking at ``vault`` (just unlocked)."""
        self._vault = vault
        self.shown = None
        if not vault.read_only:
            self.timer.start()

    def stop(self) -> None:
        """The vault closes: stop looking."""
        self.timer.stop()
        self._vault = None

    def check(self) -> None:
        """Say it once when the background check found damage; offer to lock now."""
        vault = self._vault
        if vault is None or not vault.is_open:
            self.stop()
            return
        problem = vault.health_problem
        if problem is None or self.shown is not None:
            return
        self.timer.stop()
        self.shown = problem
        lock_now = messages.ask(
            self._window,
            self.tr("Schade in de kluis"),
            problem
            + "\n\n"
            + self.tr(
                "Nu vergrendelen? Open de kluis daarna opnieuw met je wachtwoord: wat nog "
                "leesbaar is, kun je dan bekijken."
            ),
        )
        if lock_now and self._vault is vault:
            self._lock()


class AudioNotice(QObject):
    """The playback engine's ``audio_notice`` (no sound device), shown once per app start."""

    def __init__(self, notice: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.notice = notice
        self.shown = False

    def show_once(self) -> None:
        """A notice that does not wait (the library stays usable)."""
        if self.notice is None or self.shown:
            return
        self.shown = True
        messages.notify(self._parent, self.tr("Geen geluid"), self.notice)


__all__ = ["POLL_MS", "AudioNotice", "VaultHealthWatcher"]

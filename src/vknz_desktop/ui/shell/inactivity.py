"""Locks the app after a period without keyboard or mouse input (as KeePassXC does)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class InactivityLock(QObject):
    """An application-wide event filter that restarts a single-shot timer on any input."""

    timedOut = Signal()

    def __init__(self, minutes: int = DEFAULT_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timedOut)
        self._wanted = False  # counting (unlocked), unless held
        self._held = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """Timeout between 1 and 60 minutes."""
        self._timer.setInterval(max(1, min(60, minutes)) * 60_000)

    @property
    def minutes(self) -> int:
        """After how many minutes without input the vault locks."""
        return self._timer.interval() // 60_000

    def start(self) -> None:
        """Begin counting (after an unlock); while held, from when it is released."""
        self._wanted = True
        if not self._held:
            self._timer.start()

    def stop(self) -> None:
        """Stop counting (while locked)."""
        self._wanted = False
        self._timer.stop()

    def hold(self, held: bool) -> None:
        """While held (a recording is running: the conversation is the activity), the vault
        does not lock for want of input; released, counting starts afresh."""
        self._held = held
        if held:
            self._timer.stop()
        elif self._wanted:
            self._timer.start()

    @property
    def held(self) -> bool:
        """Whether the lock is held off."""
        return self._held

    @property
    def active(self) -> bool:
        """Whether the timer runs."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

"""Locks when the operating system locks the screen, suspends or switches user.

Linux: the freedesktop/GNOME ScreenSaver ``ActiveChanged(true)`` signal on the session bus and
logind's ``PrepareForSleep(true)`` and session ``Lock`` signals on the system bus.
Windows: ``WM_WTSSESSION_CHANGE`` (lock, logoff, console disconnect) and power suspend.
Where a bus or platform is missing the watcher simply does nothing; the inactivity timer and
Ctrl+L still lock.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QByteArray, QObject, Signal, Slot

log = logging.getLogger(__name__)

# (path, interface) of ActiveChanged(bool) signals. The sender is not filtered: a spoofed
# signal can only make the app lock, which is harmless.
_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WTS_LOCK_EVENTS = {0x3, 0x5, 0x7}  # console disconnect, session logoff, session lock
#: Qt's names for a Windows MSG in nativeEventFilter; anything else (xcb, Cocoa) is ignored.
WINDOWS_EVENT_TYPES = {b"windows_generic_MSG", b"windows_dispatcher_MSG"}


class SessionLockWatcher(QObject):
    """Emits ``lockRequested`` when the OS session locks, sleeps or switches user."""

    lockRequested = Signal(str)  # the reason, for the log

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        self.native: _WindowsFilter | None = None

    def start(
        self, session_bus: Any = None, system_bus: Any = None, platform: str = sys.platform
    ) -> None:
        """Subscribe to what this platform offers (buses and platform may be given for tests)."""
        if platform.startswith("linux"):
            self._connect_dbus(session_bus, system_bus)
        elif platform == "win32":
            self.install_windows_filter()

    def stop(self) -> None:
        """Remove the Windows message filter, if one was installed."""
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if self.native is not None and app is not None:
            app.removeNativeEventFilter(self.native)
        self.native = None

    def _connect_dbus(self, session_bus: Any, system_bus: Any) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus is part of PySide6-Essentials
            return
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if session.isConnected():
            for path, interface in _SCREENSAVERS:
                if self._subscribe(
                    session, path, interface, "ActiveChanged", "_on_screensaver(bool)"
                ):
                    self.connected.append(f"{interface}.ActiveChanged")
        if system.isConnected():
            if self._subscribe(
                system,
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "_on_sleep(bool)",
            ):
                self.connected.append("login1.PrepareForSleep")
            # Every session object: a Lock signal for ours is what matters; others are harmless.
            if self._subscribe(
                system, "", "org.freedesktop.login1.Session", "Lock", "_on_session_lock()"
            ):
                self.connected.append("login1.Session.Lock")
        log.info("session lock watcher: %d signal(s)", len(self.connected))

    def _subscribe(self, bus: Any, path: str, interface: str, name: str, slot: str) -> bool:
        # Any sender: a spoofed signal can only make the app lock. PySide6 wants the slot as a
        # SLOT() string at run time although its stubs say bytes.
        connect: Any = bus.connect
        return bool(connect("", path, interface, name, self, SLOT(slot)))

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active:
            self.lockRequested.emit("screensaver")

    @Slot(bool)
    def _on_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lockRequested.emit("sleep")

    @Slot()
    def _on_session_lock(self) -> None:
        self.lockRequested.emit("session-lock")

    def install_windows_filter(self, register: Callable[[int], object] | None = None) -> None:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is None:
            return
        self.native = _WindowsFilter(self, register)
        app.installNativeEventFilter(self.native)
        self.connected.append("WM_WTSSESSION_CHANGE")


class _WindowsFilter(QAbstractNativeEventFilter):
    """Registers each top-level window for session notifications and watches the messages.

    ``register`` is ``WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)`` on
    Windows; tests pass their own (the MSG layout comes from ctypes.wintypes on any platform).
    """

    def __init__(
        self, watcher: SessionLockWatcher, register: Callable[[int], object] | None = None
    ) -> None:
        super().__init__()
        self._watcher = watcher
        self._registered: set[int] = set()
        self._register = register or _register_session_notification

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        name = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if name not in WINDOWS_EVENT_TYPES or not message:
            return False, 0
        import ctypes.wintypes

        msg = ctypes.wintypes.MSG.from_address(int(message))
        if msg.hWnd and msg.hWnd not in self._registered:
            self._registered.add(msg.hWnd)
            self._register(msg.hWnd)
        if msg.message == WM_WTSSESSION_CHANGE and msg.wParam in WTS_LOCK_EVENTS:
            self._watcher.lockRequested.emit("windows-session")
        elif msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND:
            self._watcher.lockRequested.emit("windows-suspend")
        return False, 0


def _register_session_notification(hwnd: int) -> object:  # pragma: no cover - Windows only
    import ctypes

    return ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, 0)  # type: ignore[attr-defined]

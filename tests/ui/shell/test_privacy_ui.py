"""OS lock signals, the clipboard, the audit log view, failed unlocks and the privacy page."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.common.clipboard import KDE_HINT, SensitiveClipboard
from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog
from vknz_desktop.ui.features.privacy.privacy_help import PrivacyHelpDialog, privacy_text
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """A D-Bus daemon of our own (no system or user bus is touched)."""
    socket = tmp_path / "bus.sock"
    out = tmp_path / "bus.addr"
    with out.open("w") as handle:
        daemon = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--print-address=1",
                f"--address=unix:path={socket}",
            ],
            stdout=handle,
            stderr=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + 10
    while not out.read_text().strip() and time.monotonic() < deadline:
        time.sleep(0.02)
    address = out.read_text().strip()
    assert address, "dbus-daemon did not start"
    yield address
    daemon.terminate()
    daemon.wait(5)


def _send(address: str, path: str, member: str, *args: str) -> None:
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, member, *args],
        check=True,
        timeout=10,
    )


@pytest.mark.parametrize(
    ("path", "member", "args"),
    [
        (
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            ("boolean:true",),
        ),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", ("boolean:true",)),
        (
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            ("boolean:true",),
        ),
        ("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session.Lock", ()),
    ],
    ids=["freedesktop-screensaver", "gnome-screensaver", "suspend", "session-lock"],
)
def test_os_lock_signals_lock_the_vault(
    window: MainWindow,
    demo_vault: dict[str, str],
    private_bus: str,
    qtbot: QtBot,
    path: str,
    member: str,
    args: tuple[str, ...],
) -> None:
    from PySide6.QtDBus import QDBusConnection

    name = f"vknz-test-{time.monotonic_ns()}"
    bus = QDBusConnection.connectToBus(private_bus, name)
    try:
        assert bus.isConnected()
        window.session_watcher.start(session_bus=bus, system_bus=bus)
        assert len(window.session_watcher.connected) >= 4
        unlock(window)
        window.open_recording(demo_vault["video"])
        _send(
            private_bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:false",
        )  # unlocking: ignored
        QTest.qWait(200)
        assert window.vault is not None
        _send(private_bus, path, member, *args)
        qtbot.waitUntil(lambda: window.vault is None, timeout=3000)
        assert window.stack.currentWidget() is window.locked_page
    finally:
        for dialog in window.findChildren(UnlockDialog):
            dialog.close()
        QDBusConnection.disconnectFromBus(name)


def test_copied_text_is_marked_and_cleared(qtbot: QtBot) -> None:
    clipboard = SensitiveClipboard(clear_after_ms=100)
    clipboard.copy("De klant zucht")
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None and data.text() == "De klant zucht"
    assert bytes(data.data(KDE_HINT)) == b"secret"
    assert clipboard.pending
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)


def test_clipboard_is_left_alone_if_something_else_was_copied(qtbot: QtBot) -> None:
    clipboard = SensitiveClipboard(clear_after_ms=100)
    clipboard.copy("van ons")
    QGuiApplication.clipboard().setText("van iemand anders")
    qtbot.wait(250)
    assert QGuiApplication.clipboard().text() == "van iemand anders"


def test_ctrl_c_in_the_list_copies_and_lock_clears(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    window.open_recording(demo_vault["video"])
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, "Kopieerbare zin")
    window.workspace.editor.save()
    table = window.workspace.observation_list.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Kopieerbare zin"
    window.lock()
    assert QGuiApplication.clipboard().text() == ""
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def test_failed_unlocks_are_audited_without_content(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    window.show_unlock()
    dialog = window.findChild(UnlockDialog)
    assert dialog is not None
    for _ in range(2):
        dialog.passphrase.setText("verkeerd wachtwoord")
        dialog.try_unlock()
    dialog.passphrase.setText("paard batterij nietje")
    dialog.try_unlock()
    assert window.vault is not None
    entries = window.vault.audit_entries()
    failed = [e for e in entries if e.action.value == "failed_unlock"]
    assert len(failed) == 1 and failed[0].details["attempts"] == 2


def test_audit_log_dialog_shows_entries_and_tampering(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    assert window.vault is not None
    dialog = AuditLogDialog(window.vault.audit_entries(), window.vault.audit_problems(), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 4  # created, two imports, this unlock
    assert "intact" in dialog.status.text()
    texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert any("geïmporteerd" in t for t in texts)
    assert not any("Testgesprek" in t for t in texts)
    with window.vault.writing() as conn:
        conn.execute("UPDATE audit_log SET role = 'collega' WHERE id = 2")
    tampered = AuditLogDialog(window.vault.audit_entries(), window.vault.audit_problems(), window)
    qtbot.addWidget(tampered)
    assert "aangepast" in tampered.status.text()


def test_privacy_page_says_the_essentials(qtbot: QtBot) -> None:
    dialog = PrivacyHelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for phrase in (
        "Wat gebeurt er met de opnames?",
        "versleuteld",
        "leersamenvatting",
        "twaalf maanden",
        "vergrendelt",
        "nooit",
    ):
        assert phrase.lower() in text.lower(), phrase
    assert "cijfer" in privacy_text()  # 'geeft geen cijfers': learning, not assessment


def test_lock_is_fast_even_while_a_stream_is_being_read(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock(window)
    window.open_recording(demo_vault["video"])
    assert window.vault is not None
    stream = window.vault.open_media(demo_vault["video"])
    stop = threading.Event()
    errors: list[str] = []

    def reader() -> None:
        offset = 0
        while not stop.is_set():
            try:
                stream.read_at(offset % 100_000, 65536)  # type: ignore[attr-defined]
            except (ValueError, OSError) as error:
                errors.append(type(error).__name__)
                return
            offset += 4096

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    window.inactivity.timedOut.emit()  # as if the inactivity timer fired
    elapsed = time.monotonic() - started
    thread.join(2)
    stop.set()
    print(f"lock took {elapsed * 1000:.0f} ms; reader stopped with {errors}")
    assert elapsed < 2.0
    assert not thread.is_alive()
    assert errors == ["ValueError"]
    assert window.vault is None
    image = window.grab().toImage()
    assert window.stack.currentWidget() is window.locked_page
    assert image.width() > 0
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


@pytest.mark.parametrize(
    ("message", "w_param", "locks"),
    [
        (0x02B1, 0x7, True),  # WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK
        (0x02B1, 0x5, True),  # WTS_SESSION_LOGOFF
        (0x02B1, 0x3, True),  # WTS_CONSOLE_DISCONNECT (user switch)
        (0x02B1, 0x8, False),  # WTS_SESSION_UNLOCK: nothing to do
        (0x0218, 0x4, True),  # WM_POWERBROADCAST, PBT_APMSUSPEND
        (0x0218, 0x7, False),  # PBT_APMRESUMESUSPEND
        (0x0100, 0x7, False),  # WM_KEYDOWN with the same wParam: not a session event
    ],
)
def test_windows_session_messages_lock_the_vault(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    message: int,
    w_param: int,
    locks: bool,
) -> None:
    """The Windows filter reads a real MSG structure (ctypes.wintypes, same layout as on
    Windows); only WTSRegisterSessionNotification is replaced, as it needs user32/wtsapi32."""
    import ctypes
    import ctypes.wintypes

    registered: list[int] = []
    watcher = window.session_watcher
    watcher.install_windows_filter(registered.append)
    native = watcher.native
    assert native is not None
    try:
        unlock(window)
        msg = ctypes.wintypes.MSG()
        msg.hWnd, msg.message, msg.wParam = 0x1234, message, w_param
        # Events of another platform's type are ignored without reading the pointer.
        native.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(msg))
        assert registered == [] and window.vault is not None
        for _ in range(2):
            native.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
        assert registered == [0x1234]  # each window registered once
        if locks:
            qtbot.waitUntil(lambda: window.vault is None, timeout=3000)
            assert window.stack.currentWidget() is window.locked_page
        else:
            QTest.qWait(100)
            assert window.vault is not None
    finally:
        watcher.stop()
        for dialog in window.findChildren(UnlockDialog):
            dialog.close()

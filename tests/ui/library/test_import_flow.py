"""The import flow: probe, details and consent, encrypt in the background, cancel."""

from __future__ import annotations

import datetime as dt
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures.media_facts import AUDIO_M4A, BROKEN_RANDOM, VIDEO_DURATION_MS, VIDEO_MP4
from tests.integration.helpers import snapshot
from tests.ui.data import TODAY, S
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import (
    Participant,
    Recording,
    Role,
)
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.recordings import RecordingService
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.library.consent_dialog import ImportDetailsDialog
from vknz_desktop.ui.library.import_flow import ImportFlow

# Showing top-level windows on the offscreen platform logs this; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


# ---------------------------------------------------------------------------- import flow


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    opened = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def dialog_runs(monkeypatch: pytest.MonkeyPatch) -> list[ImportDetailsDialog]:
    """Replace the dialog's exec: fill in a title, a participant and a scope, then accept."""
    runs: list[ImportDetailsDialog] = []

    def fake_exec(self: ImportDetailsDialog) -> int:
        runs.append(self)
        self.title_edit.setText(f"Intake {len(runs)}")
        self.participants_editor.name_edits()[0].setText("Klant Fictief")
        self.scope_checkboxes[S.SELF].setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDetailsDialog, "exec", fake_exec)
    return runs


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make_flow(window: QWidget, vault: Vault) -> ImportFlow:
    prober = PyAvProber()
    service = RecordingService(vault, prober)
    return ImportFlow(window, service, prober, Role.KLANTMANAGER, today=lambda: TODAY)


def without_wal_index(files: dict[str, str]) -> dict[str, str]:
    """Reads update SQLite's shared-memory WAL index; it holds no data, so leave it out."""
    return {name: digest for name, digest in files.items() if not name.endswith("-shm")}


def import_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "vknz-import"]


def test_flow_imports_a_video_into_the_vault(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
) -> None:
    from vknz_desktop.ui.common import messages

    flow = make_flow(window, vault)
    imported: list[Recording] = []
    flow.imported.connect(imported.append)
    statuses: list[str] = []
    messages.bridge().statusShown.connect(lambda text, _ms: statuses.append(text))
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.start([VIDEO_MP4])
    assert flow.wait_idle(1000)
    assert shown_messages == []
    # a confirmation in the main window's status bar, whatever page is showing; no title
    assert statuses == ["Geïmporteerd; de opname staat in de bibliotheek (Ctrl+B)."]
    assert len(dialog_runs) == 1
    assert len(imported) == 1
    stored = vault.recordings()
    assert [r.id for r in stored] == [imported[0].id]
    assert stored[0].title == "Intake 1"
    assert stored[0].conversation_date == TODAY
    assert stored[0].media.has_video
    assert abs(stored[0].duration_ms - VIDEO_DURATION_MS) < 200
    assert stored[0].participants == (Participant(display_name="Klant Fictief", role=Role.KLANT),)
    assert stored[0].consent.scopes == {S.SELF}
    assert stored[0].consent.keep_until == dt.date(2027, 11, 28)
    assert flow.progress_dialog() is None
    assert import_threads() == []


def test_flow_refuses_a_broken_file_and_a_duplicate(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
) -> None:
    flow = make_flow(window, vault)
    before = snapshot(vault.directory)
    flow.start([BROKEN_RANDOM])
    assert flow.wait_idle(30_000)
    assert len(shown_messages) == 1
    kind, _title, text = shown_messages[0]
    assert kind == "warning"
    assert "broken_random.mp4" in text
    assert "kan niet worden geïmporteerd" in text
    assert dialog_runs == []  # nothing asked, nothing written
    assert vault.recordings() == []
    assert without_wal_index(snapshot(vault.directory)) == without_wal_index(before)

    shown_messages.clear()
    finished: list[bool] = []
    flow.finished.connect(lambda: finished.append(True))
    flow.start([VIDEO_MP4, BROKEN_RANDOM, VIDEO_MP4])
    assert flow.wait_idle(30_000)
    assert finished == [True]
    assert len(vault.recordings()) == 1
    assert [kind for kind, _t, _m in shown_messages] == ["warning", "warning"]
    assert "staat al in de kluis" in shown_messages[1][2]
    assert import_threads() == []


def test_flow_skips_a_file_when_the_dialog_is_cancelled(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        ImportDetailsDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value
    )
    flow = make_flow(window, vault)
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.start([VIDEO_MP4])
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert shown_messages == []


def test_flow_reports_a_file_that_disappears(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    source = tmp_path / "weg.mp4"
    source.write_bytes(VIDEO_MP4.read_bytes())

    def exec_then_delete(self: ImportDetailsDialog) -> int:
        self.scope_checkboxes[S.SELF].setChecked(True)
        source.unlink()  # gone after probing, before importing
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDetailsDialog, "exec", exec_then_delete)
    flow = make_flow(window, vault)
    flow.start([source])
    assert flow.wait_idle(30_000)
    assert len(shown_messages) == 1
    assert shown_messages[0][0] == "warning"
    assert "weg.mp4" in shown_messages[0][2]
    assert "bestaat niet" in shown_messages[0][2]
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert import_threads() == []


def big_wav(path: Path, megabytes: int = 60) -> Path:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16_000)
        block = bytes(range(256)) * 4096  # 1 MiB of a quiet saw tooth
        for _ in range(megabytes):
            handle.writeframes(block)
    return path


def test_cancel_from_the_progress_dialog_keeps_nothing(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
    tmp_path: Path,
) -> None:
    source = big_wav(tmp_path / "lang gesprek.wav")
    flow = make_flow(window, vault)
    labels: list[str] = []

    def cancel_on_first_progress(done: int, total: int) -> None:
        dialog = flow.progress_dialog()
        if dialog is None or labels:
            return
        labels.append(dialog.labelText())
        assert dialog.isVisible()
        button = dialog.findChild(QPushButton)
        assert button is not None
        assert button.text() == "Afbreken"
        button.click()

    flow.progressChanged.connect(cancel_on_first_progress)
    flow.start([source])
    assert flow.wait_idle(60_000)
    assert len(labels) == 1
    assert "MB" in labels[0]
    assert "%" in labels[0]
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert shown_messages == [
        ("information", "Importeren afgebroken", "Importeren afgebroken; er is niets bewaard.")
    ]
    assert flow.progress_dialog() is None
    assert import_threads() == []


def test_the_source_is_removed_after_the_import_when_asked(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    tmp_path: Path,
    shown_messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vknz_desktop.storage.source_files import SourceFileRemover
    from vknz_desktop.ui.common import messages

    def fill_and_remove(self: ImportDetailsDialog) -> int:
        assert self.remove_source_box.isEnabled()
        self.participants_editor.name_edits()[0].setText("Klant Fictief")
        self.scope_checkboxes[S.SELF].setChecked(True)
        self.remove_source_box.setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDetailsDialog, "exec", fill_and_remove)
    statuses: list[str] = []
    messages.bridge().statusShown.connect(lambda text, _ms: statuses.append(text))
    source = tmp_path / "kaart" / "gesprek.mp4"
    source.parent.mkdir()
    source.write_bytes(VIDEO_MP4.read_bytes())
    prober = PyAvProber()
    flow = ImportFlow(
        window,
        RecordingService(vault, prober),
        prober,
        Role.KLANTMANAGER,
        today=lambda: TODAY,
        remover=SourceFileRemover(vault),
    )
    flow.start([source])
    assert flow.wait_idle(30_000)
    assert shown_messages == []
    assert not source.exists()
    [recording] = vault.recordings()
    assert recording.title == "Gesprek 28 nov. 2026"  # the neutral suggestion
    removed = [e for e in vault.audit_entries() if e.action.value == "source_removed"]
    assert [e.recording_id for e in removed] == [recording.id]
    assert any("bronbestand is verwijderd" in text and "cloud" in text for text in statuses)

    # A removal that fails after a good import says so and keeps the recording.
    second = tmp_path / "kaart" / "tweede.m4a"
    second.write_bytes(AUDIO_M4A.read_bytes())

    def fails(*_args: object) -> bool:
        raise KnownError("'tweede.m4a' kon niet worden verwijderd (bezet). Verwijder het zelf.")

    monkeypatch.setattr(SourceFileRemover, "remove", fails)
    flow.start([second])
    assert flow.wait_idle(30_000)
    assert len(vault.recordings()) == 2 and second.exists()
    assert shown_messages == [
        (
            "warning",
            "Bronbestand niet verwijderd",
            "'tweede.m4a' kon niet worden verwijderd (bezet). Verwijder het zelf.",
        )
    ]

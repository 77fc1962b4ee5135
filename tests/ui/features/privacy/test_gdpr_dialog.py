"""Help → AVG-verzoek: participants, encrypted package, plain folder and erasure in the GUI."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.ui.conftest import privacy, unlock
from vknz_desktop.cli import gdpr_commands as cli_gdpr
from vknz_desktop.domain.errors import DiskFullError
from vknz_desktop.domain.models import AuditAction, ConsentScope, Participant, Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.features.privacy import gdpr_dialog
from vknz_desktop.ui.features.privacy.gdpr_dialog import GdprDialog
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog

PACKAGE_PASSPHRASE = "wachtwoord van de functionaris"


def _import(vault: Vault, source: Path, title: str, *people: tuple[str, Role]) -> str:
    request = ImportRequest(
        source=source,
        title=title,
        consent=make_consent(
            [ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)
        ),
        participants=tuple(Participant(display_name=n, role=r) for n, r in people),
    )
    return RecordingService(vault, PyAvProber()).import_recording(request).id


@pytest.fixture
def people_vault(paths: AppPaths) -> dict[str, str]:
    """Jansen (with a klantmanager) on the video, Pieters on the audio; notes on both."""
    with Vault.create(paths.vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        video = _import(
            vault,
            facts.VIDEO_MP4,
            "Gesprek Jansen",
            ("Klant Jansen", Role.KLANT),
            ("Mevrouw De Vries", Role.KLANTMANAGER),
        )
        audio = _import(vault, facts.AUDIO_WAV, "Gesprek Pieters", ("Klant Pieters", Role.KLANT))
        service = ObservationService(vault)
        service.create(video, 1000, text="Over Jansen één")
        service.create(video, 2000, text="Over Jansen twee")
        service.create(audio, 1000, text="Over Pieters")
    return {"video": video, "audio": audio}


@pytest.fixture
def no_bug_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """A traceback dialog (sys.excepthook) fails the test."""

    def fail(*args: object) -> None:
        pytest.fail(f"unexpected error reached the excepthook: {args[1]!r}")

    monkeypatch.setattr("sys.excepthook", fail)


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: tuple[str, bool]) -> list[str]:
    """``messages.ask_text`` answers ``answers`` in turn ((text, ok); not ok is cancelling);
    returns the prompts it was shown."""
    queue = list(answers)
    prompts: list[str] = []

    def ask_text(_parent: object, _title: str, label: str, *_a: object, **_k: object) -> Any:
        prompts.append(" ".join(label.split()))  # the dialog wraps its questions
        assert queue, f"asked more than expected: {label!r}"
        text, ok = queue.pop(0)
        return text if ok else None

    monkeypatch.setattr(messages, "ask_text", ask_text)
    return prompts


def _package_passphrase(monkeypatch: pytest.MonkeyPatch, first: str, second: str) -> list[str]:
    """The package's passphrase dialog gets ``first`` and ``second`` typed and OK pressed;
    returns the problems it showed (it then is cancelled)."""
    problems: list[str] = []
    real_run = messages.run

    def run(dialog: Any) -> int:
        if not isinstance(dialog, NewPassphraseDialog):
            return real_run(dialog)
        assert dialog.meter is not None  # the real window has the Dutch estimator
        QTest.keyClicks(dialog.passphrase, first)
        assert dialog.meter.label.text().startswith("Sterkte: ")
        dialog.repeat.setText(second)
        dialog.try_accept()
        if dialog.chosen is None:
            problems.append(dialog.message.text())
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(messages, "run", run)
    return problems


def _choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(file_dialogs, "choose_folder", lambda *a, **k: folder)


@pytest.fixture
def dialog(window: MainWindow, people_vault: dict[str, str], qtbot: QtBot) -> Iterator[GdprDialog]:
    unlock(window)
    assert window.registry.action("privacy.request") in window.registry.menu("help").actions()
    assert window.registry.action("privacy.request").isEnabled()
    window.registry.action("privacy.request").trigger()
    shown = privacy(window).dialog
    assert shown is not None and shown.isVisible()
    yield shown
    if privacy(window).dialog is not None:
        qtbot.waitUntil(lambda: not shown.busy, timeout=20_000)


def _wait(qtbot: QtBot, dialog: GdprDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def _audit_actions(window: MainWindow) -> list[AuditAction]:
    assert window.vault is not None
    return [entry.action for entry in window.vault.audit_entries()]


def test_lists_participants_and_what_is_involved(dialog: GdprDialog) -> None:
    rows = [
        (dialog.table.item(row, 0).text(), dialog.table.item(row, 1).text())
        for row in range(dialog.table.rowCount())
    ]
    assert rows == [
        ("Klant Jansen", "Klant"),
        ("Klant Pieters", "Klant"),
        ("Mevrouw De Vries", "Klantmanager"),
    ]
    assert not dialog.erase_button.isEnabled()  # nothing selected yet
    assert dialog.select("klant jansen")
    assert dialog.selected_name() == "Klant Jansen"
    assert dialog.recording_list.count() == 1
    assert "Gesprek Jansen" in dialog.recording_list.item(0).text()
    assert "2 waarneming(en)" in dialog.recording_list.item(0).text()
    summary = dialog.summary.text()
    assert "1 opname(s)" in summary and "2 waarneming(en)" in summary
    assert "ook anderen" in summary  # De Vries is on the same recording
    for button in (dialog.encrypted_button, dialog.plain_button, dialog.erase_button):
        assert button.isEnabled()
    dialog.filter_edit.setText("piet")
    assert dialog.selected_name() is None  # the hidden row is no longer acted on
    assert [dialog.table.isRowHidden(r) for r in range(3)] == [True, False, True]
    assert not dialog.erase_button.isEnabled()


def test_every_control_is_named_keyboard_reachable_and_esc_closes(
    window: MainWindow, dialog: GdprDialog, qtbot: QtBot
) -> None:
    controls: list[QWidget] = [
        *dialog.findChildren(QPushButton),
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QTableWidget),
        *dialog.findChildren(QListWidget),
    ]
    assert len(controls) >= 7
    for control in controls:
        label = control.text() if isinstance(control, QPushButton) else ""
        assert control.accessibleName(), f"{type(control).__name__} {label} has no name"
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    dialog.activateWindow()
    QTest.qWaitForWindowActive(dialog)
    dialog.select("Klant Pieters")  # enables the action buttons
    dialog.filter_edit.setFocus()
    reached = set()
    for _ in range(20):
        reached.add(dialog.focusWidget())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    for control in controls:
        assert control in reached, f"{control.accessibleName()} not reached with Tab"
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: privacy(window).dialog is None)
    assert not dialog.isVisible()


def test_encrypted_package_opens_with_its_own_passphrase(
    window: MainWindow,
    dialog: GdprDialog,
    people_vault: dict[str, str],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
    no_bug_reports: None,
) -> None:
    target = tmp_path / "pakket"
    target.mkdir()  # an empty folder is used as it is
    _choose_folder(monkeypatch, target)
    _package_passphrase(monkeypatch, PACKAGE_PASSPHRASE, PACKAGE_PASSPHRASE)
    assert dialog.select("Klant Jansen")
    dialog.encrypted_button.click()
    _wait(qtbot, dialog)
    assert shown_messages and shown_messages[-1][0] == "information", shown_messages
    assert str(target) in shown_messages[-1][2]
    entry = window.vault.audit_entries()[-1]  # type: ignore[union-attr]
    assert entry.action == AuditAction.GDPR_ACCESS
    assert entry.details == {"recordings": 1, "form": "versleuteld"}
    assert entry.recording_id is None
    raw = b"".join(p.read_bytes() for p in target.rglob("*") if p.is_file())
    assert b"Over Jansen" not in raw and b"Jansen" not in raw
    assert facts.VIDEO_MP4.read_bytes()[1000:1064] not in raw
    with Vault.open(target, PACKAGE_PASSPHRASE) as copy:
        assert [r.id for r in copy.recordings()] == [people_vault["video"]]
        texts = [o.text for o in copy.observations(people_vault["video"])]
        assert texts == ["Over Jansen één", "Over Jansen twee"]
        with copy.open_media(people_vault["video"]) as stream:
            assert stream.read() == facts.VIDEO_MP4.read_bytes()
        assert copy.verify() == []


def test_package_passphrase_must_be_typed_twice_the_same(
    window: MainWindow,
    dialog: GdprDialog,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    target = tmp_path / "pakket"
    target.mkdir()
    _choose_folder(monkeypatch, target)
    before = _audit_actions(window)
    problems = _package_passphrase(monkeypatch, PACKAGE_PASSPHRASE, PACKAGE_PASSPHRASE + "!")
    dialog.select("Klant Jansen")
    dialog.encrypted_button.click()
    assert not dialog.busy
    assert "niet gelijk" in problems[-1]
    problems = _package_passphrase(monkeypatch, "kort", "kort")
    dialog.encrypted_button.click()
    assert "te kort" in problems[-1]
    problems = _package_passphrase(monkeypatch, "wachtwoord1234", "wachtwoord1234")
    dialog.encrypted_button.click()
    assert "makkelijk te raden" in problems[-1]  # the estimator's Dutch feedback
    assert list(target.iterdir()) == []
    assert _audit_actions(window) == before


def test_plain_folder_needs_the_exact_typed_word(
    window: MainWindow,
    dialog: GdprDialog,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
    no_bug_reports: None,
) -> None:
    assert gdpr_dialog.PLAIN_CONFIRMATION == cli_gdpr.PLAIN_CONFIRMATION == "ONVERSLEUTELD"
    chosen = tmp_path / "documenten"
    chosen.mkdir()
    (chosen / "iets anders.txt").write_text("van de gebruiker")
    _choose_folder(monkeypatch, chosen)
    before = _audit_actions(window)
    dialog.select("Klant Pieters")
    for wrong in ("onversleuteld", "ja", ""):
        prompts = _answers(monkeypatch, (wrong, True))
        dialog.plain_button.click()
        assert "ONVERSLEUTELD" in prompts[0]
        assert not dialog.busy
        assert (
            shown_messages[-1][0] == "warning" and "Er is niets geschreven" in shown_messages[-1][2]
        )
    _answers(monkeypatch, (cli_gdpr.PLAIN_CONFIRMATION, False))  # Annuleren
    count = len(shown_messages)
    dialog.plain_button.click()
    assert len(shown_messages) == count and not dialog.busy
    assert [p.name for p in chosen.iterdir()] == ["iets anders.txt"]
    assert _audit_actions(window) == before

    _answers(monkeypatch, (" ONVERSLEUTELD ", True))
    dialog.plain_button.click()
    _wait(qtbot, dialog)
    assert shown_messages[-1][0] == "information", shown_messages
    # The chosen folder was not empty: the files went into a new folder inside it.
    target = chosen / f"AVG-inzage-{dt.date.today().isoformat()}"
    assert str(target) in shown_messages[-1][2]
    data = json.loads((target / "gegevens.json").read_text(encoding="utf-8"))
    assert [o["tekst"] for entry in data for o in entry["waarnemingen"]] == ["Over Pieters"]
    assert (target / data[0]["bestand"]).read_bytes() == facts.AUDIO_WAV.read_bytes()
    entry = window.vault.audit_entries()[-1]  # type: ignore[union-attr]
    assert entry.action == AuditAction.GDPR_ACCESS
    assert entry.details == {"recordings": 1, "form": "onversleuteld"}


class _Gate:
    """Stands in for the repository: the export waits until the test lets it go."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.started = threading.Event()
        self.go = threading.Event()
        self.error: BaseException | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def export_plain(self, *args: Any, **kwargs: Any) -> Any:
        self.started.set()
        self.go.wait(10)
        if self.error is not None:
            raise self.error
        return self.real.export_plain(*args, **kwargs)


def test_cancelling_an_export_leaves_nothing(
    window: MainWindow,
    dialog: GdprDialog,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
    no_bug_reports: None,
) -> None:
    target = tmp_path / "inzage"
    target.mkdir()
    _choose_folder(monkeypatch, target)
    _answers(monkeypatch, ("ONVERSLEUTELD", True))
    gate = _Gate(dialog.requests)
    dialog.requests = gate
    before = _audit_actions(window)
    dialog.select("Klant Jansen")
    dialog.plain_button.click()
    assert gate.started.wait(5)
    assert dialog.busy
    progress = dialog.progress
    assert progress is not None and progress.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # the dialog stays while the work runs
    assert dialog.isVisible()
    QTest.keyClick(progress, Qt.Key.Key_Escape)  # Esc on the progress dialog = Afbreken
    assert progress.cancelling
    gate.go.set()
    _wait(qtbot, dialog)
    assert shown_messages[-1][:2] == ("information", "Afgebroken")
    assert list(target.iterdir()) == []
    assert _audit_actions(window) == before


def test_a_full_disk_is_a_clear_message(
    window: MainWindow,
    dialog: GdprDialog,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
    no_bug_reports: None,
) -> None:
    _choose_folder(monkeypatch, tmp_path / "leeg")
    (tmp_path / "leeg").mkdir()
    _answers(monkeypatch, ("ONVERSLEUTELD", True))
    gate = _Gate(dialog.requests)
    gate.error = DiskFullError("De schijf is vol. Maak ruimte vrij en probeer het opnieuw.")
    gate.go.set()
    dialog.requests = gate
    dialog.select("Klant Jansen")
    dialog.plain_button.click()
    _wait(qtbot, dialog)
    assert shown_messages[-1] == (
        "warning",
        "Niet gelukt",
        "De schijf is vol. Maak ruimte vrij en probeer het opnieuw.",
    )


def test_erasure_needs_the_typed_name_and_refreshes_the_library(
    window: MainWindow,
    dialog: GdprDialog,
    people_vault: dict[str, str],
    paths: AppPaths,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
    no_bug_reports: None,
) -> None:
    vault = window.vault
    assert vault is not None
    assert window.library.recording_count() == 2
    before = _audit_actions(window)
    dialog.select("Klant Jansen")
    for wrong in ("klant jansen", "Jansen", "ja"):
        prompts = _answers(monkeypatch, (wrong, True))
        dialog.erase_button.click()
        assert "definitief" in prompts[0] and "ook anderen" in prompts[0]
        assert "staat nu op deze plekken" in prompts[0]  # remaining(name), by kind of place
        assert "deelnemer aan opname: 1×" in prompts[0]
        assert shown_messages[-1][0] == "warning" and "niets verwijderd" in shown_messages[-1][2]
    assert _audit_actions(window) == before
    assert window.library.recording_count() == 2

    window.open_recording(people_vault["video"])  # erasing closes it first
    assert window.workspace.recording is not None
    _answers(monkeypatch, ("Klant Jansen", True))
    dialog.erase_button.click()
    _wait(qtbot, dialog)
    assert shown_messages[-1][0] == "information", shown_messages
    assert window.workspace.recording is None
    assert window.stack.currentWidget() is window.library
    assert [r.id for r in vault.recordings()] == [people_vault["audio"]]
    assert window.library.recording_count() == 1
    assert vault.observations(people_vault["video"]) == []
    assert vault.search_observations("Jansen") == []
    assert not (paths.vault_dir / "media" / f"{people_vault['video']}.vkm").exists()
    entries = vault.audit_entries()
    assert [e.action for e in entries[-2:]] == [AuditAction.DELETE, AuditAction.GDPR_ERASURE]
    assert entries[-1].details == {
        "recordings": 1,
        "mentions": 0,
        "register": "vergeten",
        "register_entries": 1,
    }
    assert entries[-1].recording_id is None
    assert vault.audit_problems() == []
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["Klant Pieters"]  # De Vries was only on the erased recording
    assert dialog.selected_name() is None and not dialog.erase_button.isEnabled()


def test_erasure_can_keep_the_name_in_the_register_with_the_honest_text(
    window: MainWindow,
    dialog: GdprDialog,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    questions: list[str] = []

    def keep(_parent: object, _title: str, text: str) -> bool:
        questions.append(" ".join(text.split()))
        return True

    monkeypatch.setattr(messages, "ask", keep)
    dialog.select("Klant Pieters")
    _answers(monkeypatch, ("Klant Pieters", True))
    dialog.erase_button.click()
    _wait(qtbot, dialog)
    assert "een hash zou geen bescherming zijn" in questions[0]
    entry = window.vault.audit_entries()[-1]  # type: ignore[union-attr]
    assert entry.action == AuditAction.GDPR_ERASURE
    assert entry.details["register"] == "bewaard"


def test_locking_closes_the_dialog(window: MainWindow, dialog: GdprDialog, qtbot: QtBot) -> None:
    dialog.select("Klant Jansen")
    window.lock()
    assert privacy(window).dialog is None
    assert not dialog.isVisible()
    assert dialog.table.rowCount() == 0 and dialog.recording_list.count() == 0
    assert not window.registry.action("privacy.request").isEnabled()
    qtbot.waitUntil(lambda: bool(window.findChildren(UnlockDialog)))
    for unlock_dialog in window.findChildren(UnlockDialog):
        unlock_dialog.close()

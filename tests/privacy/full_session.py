"""A full scripted session of the real app, run in a sandbox by test_full_session.py.

Usage: python full_session.py MEDIA CANARY EXPORT_FILE
Environment: HOME, XDG_*, TMPDIR and VKNZ_HOME point into the sandbox; QT_QPA_PLATFORM is
offscreen. Every socket the Python side creates or connects is written to $VKNZ_AUDIT_OUT.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

AUDIT_OUT = Path(os.environ["VKNZ_AUDIT_OUT"])
_NETWORK_FAMILIES = {int(socket.AF_INET), int(socket.AF_INET6)}


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if isinstance(family, int) and family in _NETWORK_FAMILIES:
            with AUDIT_OUT.open("a") as out:
                out.write(f"{event} family={family}\n")
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
        with AUDIT_OUT.open("a") as out:
            out.write(f"{event} {args[1:2]!r}\n")


sys.addaudithook(_audit)

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from vknz_desktop.app import create_window  # noqa: E402
from vknz_desktop.cli import run_command  # noqa: E402
from vknz_desktop.domain.models import ConsentScope, Participant, Role  # noqa: E402
from vknz_desktop.hardening import harden_process  # noqa: E402
from vknz_desktop.logging_setup import setup_logging  # noqa: E402
from vknz_desktop.paths import AppPaths  # noqa: E402
from vknz_desktop.services.goals import GoalService  # noqa: E402
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent  # noqa: E402
from vknz_desktop.storage.goals_repo import GoalRepository  # noqa: E402
from vknz_desktop.storage.keyfile import TEST_PROFILE  # noqa: E402
from vknz_desktop.ui.workspace import Identity  # noqa: E402

PASSPHRASE = os.environ["VKNZ_PASSPHRASE"]


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_for(condition: object, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return
        pump(0.05)
    raise SystemExit(f"timed out waiting for {condition}")


def main() -> None:
    media, canary, export_file = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    harden_process()
    paths = AppPaths.resolve()
    setup_logging(paths.log_dir)
    app = QApplication(sys.argv[:1])
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    window.resize(1366, 768)
    window.show()
    identity = Identity(Role.KLANTMANAGER, "Sam")
    vault = window.context.gateway.create(PASSPHRASE, Role.KLANTMANAGER)
    recording = RecordingService(vault, window.context.prober).import_recording(
        ImportRequest(
            source=media,
            title="Titel Kanarie-gesprek",
            consent=make_consent(
                [ConsentScope.SELF],
                given_by=Role.KLANT,
                given_on=__import__("datetime").date.today(),
            ),
            participants=(Participant(display_name="Kanarie Klant", role=Role.KLANT),),
        )
    )
    window._on_unlocked(vault, identity)
    window.open_recording(recording.id)
    controller, workspace = window.context.controller, window.workspace
    controller.play()
    wait_for(lambda: controller.position_ms() > 1500)
    controller.pause()
    controller.seek(3000)
    controller.set_rate(1.5)
    controller.play()
    pump(0.6)
    controller.pause()
    wait_for(
        lambda: (
            vault.derived_media(recording.id, "thumbnails-v1") is not None
            and vault.derived_media(recording.id, "waveform-v1") is not None
        )
    )
    for index in range(3):
        workspace.new_observation()
        QTest.keyClicks(
            workspace.editor.text_edit,
            f"{canary} {index}: Kanarie Klant kijkt weg als ik over geld begin.",
        )
        workspace.editor.save()
    workspace.new_observation()
    QTest.keyClicks(workspace.editor.text_edit, f"Half getypt {canary}")
    window.lock()  # saves what was being typed first
    pump(0.3)
    vault = window.context.gateway.open(PASSPHRASE)
    window._on_unlocked(vault, identity)
    pump(0.5)
    observations = vault.observations(recording.id)
    assert sum(canary in o.text for o in observations) == 4, "observations lost"
    GoalService(GoalRepository(vault)).create_from_observations(
        observations,
        goal="Ik laat stiltes vallen",
        why="Dan vertelt de klant meer",
        next_time="Tot vijf tellen wachten",
    )
    window.close()
    controller.shutdown()
    engine.release()
    app.processEvents()
    code = run_command(["summary", "--out", str(export_file), "--format", "md"])
    assert code == 0, f"summary failed with {code}"
    print("SESSION-DONE", flush=True)


if __name__ == "__main__":
    main()

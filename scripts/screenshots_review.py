"""Screenshots of fragments and reviewing together under Xvfb: the workspace with clips, the
prepare page, session mode and the compare view, with a real (synthetic) recording.

Usage: python scripts/screenshots_review.py OUT_DIR [WIDTHxHEIGHT ...]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_vault import build_demo_vault
from vknz_desktop.app import create_window, install_translations
from vknz_desktop.domain.models import ConsentScope, Participant, Role
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.ui.workspace import Identity

CLIPS = [
    (4_000, 13_500, "Begroeting", "werkrelatie", "Hoe begin ik het gesprek?"),
    (21_000, 33_000, "Doel van het gesprek", "doel-en-agenda", ""),
    (41_500, 52_000, "Stilte laten vallen", "luisteren", "Acht seconden stilte."),
    (63_000, 75_500, "Afspraken maken", "doel-en-agenda", ""),
]
PROMPTS = [
    "Kijk naar de eerste minuut: wat doe je om de klant op zijn gemak te stellen?",
    "Wanneer noem je het doel van het gesprek? Wat zie je de klant doen op dat moment?",
    "Hier valt een stilte. Wat gebeurt er daarna?",
]


def flags_contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def prepare_vault(vault, recording_id: str) -> tuple[str, str]:
    repo = FragmentsRepository(vault)
    clips = ClipService(repo)
    audio = next(r for r in vault.recordings() if not r.media.has_video)
    clips.create(audio.id, 500, 2500, title="Telefonische afspraak")  # consent: only self
    made = [
        clips.create(recording_id, start, end, title=title, theme_id=theme, note=note)
        for start, end, title, theme, note in CLIPS
    ]
    consent = make_consent(
        [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
        given_by=Role.KLANT,
        given_on=dt.date(2026, 10, 12),
    )
    vault.set_consent(recording_id, consent, role=Role.ONDERZOEKER)
    service = ReviewSessionService(repo, vault, vault)
    session = service.create(
        "Terugkijken met Ans (onderzoeker)",
        session_date=dt.date(2026, 11, 24),
        participants=(
            Participant(display_name="Ans", role=Role.ONDERZOEKER),
            Participant(display_name="Sam", role=Role.KLANTMANAGER),
        ),
    )
    for clip, prompt in zip(made, PROMPTS, strict=False):
        service.add_clip(session.id, clip.id, prompt)
    entry = service.playlist(session.id)[0]
    for role, time_ms, text in (
        (
            Role.ONDERZOEKER,
            5_200,
            "Je staat op en loopt naar de klant toe; hij ontspant zichtbaar.",
        ),
        (Role.ONDERZOEKER, 9_800, "Je vraagt hoe de reis was, de klant vertelt uitgebreid."),
        (Role.KLANTMANAGER, 6_100, "Ik merk dat ik mijn papieren nog aan het ordenen ben."),
        (Role.KLANTMANAGER, 11_400, "Ik had het doel van het gesprek hier al kunnen noemen."),
    ):
        service.add_observation(service.session(session.id), entry, role, text, time_ms)
    # A second session, with the klant, whose feedback is shared item by item.
    with_klant = service.create(
        "Samen met de klant",
        session_date=dt.date(2026, 11, 26),
        participants=(
            Participant(display_name="Klant A", role=Role.KLANT),
            Participant(display_name="Ans", role=Role.ONDERZOEKER),
        ),
        perspectives=(Role.KLANT, Role.ONDERZOEKER),
    )
    service.add_clip(with_klant.id, made[2].id, "Hoe was die stilte voor u?")
    klant_entry = service.playlist(with_klant.id)[0]
    said = service.add_observation(
        service.session(with_klant.id),
        klant_entry,
        Role.KLANT,
        "Die stilte gaf mij tijd om na te denken.",
        44_000,
    )
    service.set_sharing(said, _shared(), role=Role.ONDERZOEKER)
    service.add_observation(
        service.session(with_klant.id),
        klant_entry,
        Role.KLANT,
        "Ik was bang dat ik iets fout had gedaan.",
        47_500,
    )
    return session.id, with_klant.id


def _shared():
    from vknz_desktop.domain.models import SharingState

    return SharingState.SHARED


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[2:]] or [(1366, 768)]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    home = Path(tempfile.mkdtemp(prefix="vknz-shots-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, recording_id = build_demo_vault(paths.vault_dir, home)
    session_id, klant_session_id = prepare_vault(vault, recording_id)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    for width, height in sizes:
        window.resize(width, height)
        window.show()
        pump(0.3)
        vault = window.context.gateway.open("paard batterij nietje")
        window._on_unlocked(vault, Identity(Role.ONDERZOEKER, "Ans"))
        pump(0.5)
        # Workspace with clips on the timeline and in the list.
        window.open_recording(recording_id)
        pump(1.5)
        controller = window.context.controller
        controller.seek(8_000)
        pump(0.3)
        clips = window.workspace.clips
        clips.select(clips.clips[0].id)
        controller.seek(44_500)
        clips.mark_in()
        controller.seek(49_000)
        pump(1.2)
        window.grab().save(str(out / f"clips-{width}x{height}.png"))
        clips.clear_marks()
        # Prepare page.
        window.review.show_prepare(session_id)
        pump(0.5)
        page = window.review.prepare_page
        page.playlist.setCurrentRow(0)
        tree = page.clip_tree
        private = next(
            tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
            if "Telefoon" in tree.topLevelItem(i).text(0)
        )
        tree.setCurrentItem(private.child(0))
        pump(0.3)
        window.grab().save(str(out / f"prepare-{width}x{height}.png"))
        # Session mode.
        window.review.start_session(session_id)
        pump(1.0)
        view = window.review.session_view
        view.playback.seek(9_000)
        pump(1.2)
        view.right_column.input.setPlainText("Ik wil het doel eerder noemen.")
        pump(0.2)
        window.grab().save(str(out / f"session-{width}x{height}.png"))
        view.right_column.input.clear()
        window.review.start_session(klant_session_id)
        pump(1.0)
        view.playback.seek(47_800)
        view.left_column.list.setCurrentRow(1)
        pump(1.2)
        window.grab().save(str(out / f"session-klant-{width}x{height}.png"))
        # Compare view: the start of two conversations moments side by side, locked.
        window.review.show_compare()
        pump(1.0)
        compare = window.review.compare_view
        for pane, title in ((compare.left, "Begroeting"), (compare.right, "Afspraken maken")):
            pane.fragment_box.setCurrentIndex(pane.fragment_box.findText(title, flags_contains()))
            pane.fragmentChosen.emit()
        compare.sync_box.setChecked(True)
        compare.seek_left(7_000)
        pump(1.5)
        window.grab().save(str(out / f"compare-{width}x{height}.png"))
        window.lock()
        pump(0.5)
    window.close()
    window.context.controller.shutdown()
    engine.release()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()

"""``vknz self-test``: proves that this installation (or bundle) works from end to end.

In a temporary folder it creates a vault (with a fast KDF), makes a few seconds of synthetic
H.264 + AAC with PyAV, imports it (encrypted), plays 1 s of it through libVLC without any
picture or sound output, decodes a frame with PyAV from the vault stream, writes an
anonymised learning summary (deduce), and removes everything again. One Dutch line per step.
The user's own vault, settings and profiles are never read or touched.

Like ``cli`` this is a composition root: it wires storage, media, export and services.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import ConsentScope, Participant, Role

__all__ = ["PLAY_MS", "run_self_test"]

log = logging.getLogger(__name__)

PLAY_MS = 1000
FRAME_MS = 1500
RECORDING_SECONDS = 3.0
RECORDING_SIZE = (160, 120)
# Fictitious people: the summary must contain neither name.
_PARTICIPANT = "Fenna Verzonnen"
_NOTE = "Fenna Verzonnen vertelt dat Jeroen de Testman haar morgen om 10.00 uur belt."


@contextmanager
def _step(name: str) -> Iterator[None]:
    """Turn any failure inside a step into one clear known error naming the step."""
    try:
        yield
    except KnownError as error:
        log.info("self-test failed at %s (%s)", name, type(error).__name__)
        raise KnownError(f"Zelftest mislukt bij '{name}': {error.message}") from error
    except Exception as error:
        log.exception("self-test failed at %s", name)
        raise KnownError(
            f"Zelftest mislukt bij '{name}': {type(error).__name__}: {error}"
        ) from error


def _seconds(ms: float) -> str:
    """'1,5 s': Dutch decimal comma."""
    return f"{ms / 1000:.1f} s".replace(".", ",")


def _wait(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


def run_self_test(
    out: TextIO,
    *,
    vlc_args: tuple[str, ...] = ("--vout=dummy", "--aout=dummy"),
    temp_parent: Path | None = None,
) -> int:
    """Run every step, printing one line each; returns 0 or raises :class:`KnownError`."""
    started = time.perf_counter()
    total = 7
    workdir = Path(tempfile.mkdtemp(prefix="vknz-zelftest-", dir=temp_parent))

    def say(number: int, text: str) -> None:
        print(f"[{number}/{total}] {text}", file=out, flush=True)

    try:
        with ExitStack() as cleanup:
            _run_steps(workdir, cleanup, say, vlc_args)
    finally:
        with _step("tijdelijke kluis opruimen"):
            shutil.rmtree(workdir, ignore_errors=True)
            if workdir.exists():
                raise KnownError(f"De map {workdir} kon niet worden verwijderd.")
    say(total, "Tijdelijke kluis en testopname verwijderd")
    elapsed = _seconds((time.perf_counter() - started) * 1000)
    print(f"Zelftest geslaagd in {elapsed}.", file=out, flush=True)
    return 0


def _run_steps(workdir: Path, cleanup: ExitStack, say: Any, vlc_args: tuple[str, ...]) -> None:
    from vknz_desktop import export
    from vknz_desktop.domain.summary import SCHEMA_VERSION
    from vknz_desktop.export import deidentifier
    from vknz_desktop.export.render import render
    from vknz_desktop.media.analysis import PyAvAnalyzer
    from vknz_desktop.media.probe import PyAvProber
    from vknz_desktop.media.synthetic import CENTRE_RGB, write_test_recording
    from vknz_desktop.media.vlc_player import VlcEngine, VlcPlayer
    from vknz_desktop.services.goals import GoalService
    from vknz_desktop.services.observations import ObservationService
    from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
    from vknz_desktop.services.summary import SummaryService
    from vknz_desktop.storage.goals_repo import GoalRepository
    from vknz_desktop.storage.keyfile import TEST_PROFILE
    from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles
    from vknz_desktop.storage.vault import Vault

    with _step("Kijkwijzer-profielen laden"):
        profiles = load_profiles(builtin_profiles_dir(), None)
        if not profiles.profiles:
            raise KnownError(f"geen ingebouwde profielen gevonden in {builtin_profiles_dir()}")
    say(1, f"Ingebouwde Kijkwijzer-profielen geladen ({len(profiles.profiles)})")

    with _step("tijdelijke kluis maken"):
        passphrase = secrets.token_urlsafe(18)
        vault = Vault.create(workdir / "kluis", passphrase, kdf_profile=TEST_PROFILE)
        cleanup.callback(vault.close)
    say(2, f"Tijdelijke kluis gemaakt in {workdir}")

    with _step("testopname maken en importeren"):
        source = workdir / "testopname.mp4"
        write_test_recording(source, RECORDING_SECONDS, RECORDING_SIZE)
        consent = make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date.today())
        request = ImportRequest(
            source=source,
            consent=consent,
            title="Zelftest",
            participants=(Participant(display_name=_PARTICIPANT, role=Role.KLANT),),
        )
        recording = RecordingService(vault, PyAvProber()).import_recording(request)
        source.unlink()
        if not (recording.media.has_video and recording.media.has_audio):
            raise KnownError("de testopname is niet herkend als beeld met geluid")
        codecs = f"{recording.media.video_codec} + {recording.media.audio_codec}".upper()
    say(
        3,
        f"Testopname ({_seconds(recording.duration_ms)}, {codecs}) gemaakt en versleuteld "
        "geïmporteerd",
    )

    with _step("afspelen met libVLC"):
        engine = VlcEngine(vlc_args)
        cleanup.callback(engine.release)
        stream: Any = vault.open_media(recording.id)
        cleanup.callback(stream.close)
        player = VlcPlayer(engine)
        cleanup.callback(player.close)
        frames: list[int] = []
        player.load(stream, on_frame=lambda frame: frames.append(frame.width), display_size=None)
        player.play()
        if not _wait(lambda: player.time_ms() >= PLAY_MS, timeout=20.0):
            raise KnownError(
                f"libVLC kwam niet verder dan {max(0, player.time_ms())} ms "
                f"(toestand: {player.state()})"
            )
        player.stop()
        if not frames:
            raise KnownError("libVLC speelde af maar leverde geen enkel beeld")
    say(4, f"{_seconds(PLAY_MS)} afgespeeld met libVLC ({len(frames)} beelden ontvangen)")

    with _step("beeld decoderen met PyAV"):
        frame = PyAvAnalyzer().exact_frame(stream, FRAME_MS)
        if (frame.width, frame.height) != RECORDING_SIZE:
            raise KnownError(f"beeld van {frame.width}×{frame.height} in plaats van 160×120")
        centre = frame.stride * (frame.height // 2) + 4 * (frame.width // 2)
        blue, green, red = frame.data[centre : centre + 3]
        if max(abs(a - b) for a, b in zip((red, green, blue), CENTRE_RGB, strict=True)) > 24:
            raise KnownError(f"verkeerde kleur in het midden van het beeld: {(red, green, blue)}")
    say(5, f"Beeld op {_seconds(FRAME_MS)} gedecodeerd met PyAV uit de kluis")

    with _step("leersamenvatting schrijven"):
        observation = ObservationService(vault).create(recording.id, PLAY_MS, text=_NOTE)
        repository = GoalRepository(vault)
        GoalService(repository).create_from_observations(
            [observation], goal="Eerst laten uitpraten", why=_NOTE
        )
        service = SummaryService(
            repository,
            vault,
            profiles.profiles,
            export.deidentify,
            method=deidentifier.method_description(),
        )
        built = service.build()
        target = workdir / "leersamenvatting.json"
        target.write_text(render(built.summary, "json"), encoding="utf-8")
        service.record_export(built, "json", Role.KLANTMANAGER)
        text = target.read_text(encoding="utf-8")
        data = json.loads(text)
        if data.get("schema_version") != SCHEMA_VERSION or len(data.get("goals", [])) != 1:
            raise KnownError("de samenvatting heeft niet de verwachte vorm")
        for word in ("Fenna", "Verzonnen", "Jeroen", "Testman", "10.00"):
            if word in text:
                raise KnownError("de samenvatting bevat nog een naam of tijd uit de test")
    say(
        6,
        f"Geanonimiseerde leersamenvatting geschreven (JSON, {built.replacements} "
        f"vervanging(en), {deidentifier.method_description().split(' +')[0]})",
    )

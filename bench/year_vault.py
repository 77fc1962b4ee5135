"""A year of data in one vault, built once and cached: 300 recordings, 50,000 observations,
2,000 fragments (clips), 200 learning goals; and a small vault built the same way as baseline.

Every recording has a small media file of its own (random WAV samples, so no two are equal),
derived media like the app stores after analysis (60 thumbnails of ~4 KB, a 3,000-byte
waveform), two participants and a consent. Observations are Dutch sentences from a fixed
vocabulary, spread over the recordings. Rows go in through the app's own repositories and SQL,
in large transactions (building is not what is measured).

The vault is cached under ``<tmp>/vknz-bench-cache/`` keyed by ``BUILD_VERSION``; delete it (or
bump the version) to rebuild. Built in about a minute on 2 cores.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.common import PASSPHRASE, new_vault, write_wav
from vknz_desktop.domain.goals import Evidence, EvidenceKind, LearningGoal
from vknz_desktop.domain.models import (
    ConsentScope,
    MediaInfo,
    Observation,
    Participant,
    Role,
)
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage import observations_repo
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.vault import Vault

BUILD_VERSION = 1
SEED = 20261101


@dataclass(frozen=True)
class Size:
    recordings: int
    observations: int
    clips: int
    goals: int

    @property
    def label(self) -> str:
        return (
            f"{self.recordings} recordings, {self.observations:,} observations, "
            f"{self.clips:,} fragments, {self.goals} goals"
        )


YEAR = Size(recordings=300, observations=50_000, clips=2_000, goals=200)
SMALL = Size(recordings=5, observations=50, clips=5, goals=2)

_TEXT = (
    "klant vertelde over haar werk en ik luisterde zonder te onderbreken stilte liet ruimte "
    "vraag open gesloten samenvatten doel gesprek afspraak vervolg uitleg regels uitkering "
    "re-integratie sollicitatie taal pictogram begrip vertrouwen echt gehoord lichaamstaal "
    "oogcontact tempo structuur agenda afsluiting overweging hardop samen besluit plan week "
    "zorgen kinderen opvang schulden budget vrijwilligerswerk cursus motivatie spanning boos "
    "verdrietig lachte knikte zuchtte herhaalde vroeg door toonde begrip gaf voorbeeld"
)
_WORDS = _TEXT.split()
_THEMES = ("werkrelatie", "doel", "maatwerk", "vakmanschap", "klantbeleving")
_NAMES = ("Fenna Oosterbroek", "Joost Zwanenburg", "Marit Stolk", "Ayoub Bennani", "Truus Egmond")


def cache_root(base: Path) -> Path:
    return base / "vknz-bench-cache"


def vault_path(base: Path, size: Size) -> Path:
    """The cached vault of ``size`` (built when missing)."""
    name = f"year-v{BUILD_VERSION}-{size.recordings}-{size.observations}"
    target = cache_root(base) / name
    if not (target / "built").exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        build(target / "vault", size)
        (target / "built").write_text("ok\n", encoding="ascii")
    return target / "vault"


def open_vault(base: Path, size: Size) -> Vault:
    return Vault.open(vault_path(base, size), PASSPHRASE)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def build(directory: Path, size: Size) -> None:
    rng = random.Random(SEED)
    scratch = directory.parent / "media-source"
    scratch.mkdir(parents=True, exist_ok=True)
    start = dt.date(2026, 1, 5)
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    vault = new_vault(directory)
    try:
        recording_ids: list[str] = []
        for index in range(size.recordings):
            source = scratch / f"r{index}.wav"
            write_wav(source, 16_384)
            day = start + dt.timedelta(days=index * 365 // max(1, size.recordings))
            recording = vault.add_recording(
                source,
                title=f"Gesprek {index + 1} met {_NAMES[index % len(_NAMES)].split()[0]}",
                conversation_date=day,
                media=MediaInfo(
                    container="mp4",
                    duration_ms=45 * 60 * 1000,
                    has_video=True,
                    has_audio=True,
                    video_codec="h264",
                    audio_codec="aac",
                    width=1280,
                    height=720,
                    rotation=0,
                    frame_rate=25.0,
                ),
                participants=(
                    Participant(display_name=_NAMES[index % len(_NAMES)], role=Role.KLANT),
                    Participant(display_name="Sam de Vries", role=Role.KLANTMANAGER),
                ),
                consent=make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=day),
                role=Role.KLANTMANAGER,
            )
            source.unlink()
            recording_ids.append(recording.id)
            thumbs = os.urandom(60 * 4096)  # stands in for 60 JPEGs: incompressible, same size
            with vault.writing() as conn:
                for kind, data in (("thumbnails", thumbs), ("waveform", os.urandom(3000))):
                    conn.execute(
                        "INSERT INTO derived_media(recording_id, kind, data, created_at)"
                        " VALUES (?,?,?,?)",
                        (recording.id, kind, data, now.isoformat(timespec="seconds")),
                    )
        shutil.rmtree(scratch, ignore_errors=True)
        observation_ids: list[tuple[str, str]] = []
        batch = 5_000
        for first in range(0, size.observations, batch):
            with vault.writing() as conn:
                for index in range(first, min(size.observations, first + batch)):
                    recording_id = recording_ids[index % len(recording_ids)]
                    observation = Observation(
                        id=uuid.UUID(int=rng.getrandbits(128)).hex,
                        recording_id=recording_id,
                        time_ms=rng.randrange(0, 45 * 60 * 1000),
                        profile_id="klantgesprek",
                        theme_id=_THEMES[index % len(_THEMES)],
                        text=_sentence(rng, rng.randrange(8, 30)),
                        author_role=Role.KLANTMANAGER,
                        author_name="Sam de Vries",
                        created_at=now,
                        edited_at=now,
                    )
                    observations_repo.save(conn, observation)
                    observation_ids.append((observation.id, recording_id))
        with vault.writing() as conn:
            for index in range(size.clips):
                begin = rng.randrange(0, 40 * 60 * 1000)
                conn.execute(
                    "INSERT INTO clips(id, recording_id, start_ms, end_ms, title, note,"
                    " theme_id, created_at, edited_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        uuid.UUID(int=rng.getrandbits(128)).hex,
                        recording_ids[index % len(recording_ids)],
                        begin,
                        begin + rng.randrange(5_000, 120_000),
                        f"Fragment {index + 1}",
                        _sentence(rng, 10),
                        _THEMES[index % len(_THEMES)],
                        now.isoformat(),
                        now.isoformat(),
                    ),
                )
        goals = GoalRepository(vault)
        for index in range(size.goals):
            evidence = tuple(
                Evidence(
                    kind=EvidenceKind.OBSERVATION, item_id=obs_id, recording_id=rec_id, time_ms=0
                )
                for obs_id, rec_id in rng.sample(observation_ids, 5)
            )
            goals.save_goal(
                LearningGoal(
                    id=uuid.UUID(int=rng.getrandbits(128)).hex,
                    goal=f"Leerdoel {index + 1}: {_sentence(rng, 8)}",
                    why=_sentence(rng, 12),
                    next_time=_sentence(rng, 10),
                    created_at=now,
                    updated_at=now,
                    evidence=evidence,
                )
            )
    finally:
        vault.close()

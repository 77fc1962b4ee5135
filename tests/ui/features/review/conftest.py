"""A real vault with two recordings and the review services on it, for testing the review
screens on their own (without the main window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from vknz_desktop.domain.models import ConsentScope, Observation, Role
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.keep_fragments import KeepFragmentsService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


@dataclass
class ReviewVault:
    """The vault, its two recordings (ids) and the services the review screens use."""

    vault: Vault
    video: str
    audio: str
    repository: FragmentsRepository
    clips: ClipService
    sessions: ReviewSessionService
    keep: KeepFragmentsService

    def allow(self, recording_id: str, *scopes: ConsentScope) -> None:
        self.vault.set_consent(
            recording_id,
            make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
            role=Role.KLANTMANAGER,
        )


@pytest.fixture
def review_vault(tmp_path: Path) -> Iterator[ReviewVault]:
    """Video with consent for the onderzoeker, audio for reviewing alone."""
    from vknz_desktop.media.deferred import DeferredRemuxer

    vault = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf_profile=TEST_PROFILE)
    video = import_file(vault, facts.VIDEO_MP4, title="Gesprek met mevrouw Jansen").id
    audio = import_file(vault, facts.AUDIO_M4A, title="Telefoon Pietersen").id
    repository = FragmentsRepository(vault)
    made = ReviewVault(
        vault,
        video,
        audio,
        repository,
        ClipService(repository),
        ReviewSessionService(repository, vault, vault),
        KeepFragmentsService(vault, repository, DeferredRemuxer()),
    )
    made.allow(audio, ConsentScope.SELF)
    yield made
    vault.close()


def observation(oid: str, *, author_role: Role = Role.KLANTMANAGER) -> Observation:
    """A made-up observation on recording r1."""
    moment = dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)
    return Observation(
        id=oid,
        recording_id="r1",
        time_ms=1000,
        text="Fictief",
        author_role=author_role,
        created_at=moment,
        edited_at=moment,
    )


@dataclass
class FakeVault:
    """Observations by id, as the sharing action reads them."""

    found: dict[str, Observation]

    def observation(self, observation_id: str) -> Observation | None:
        return self.found.get(observation_id)

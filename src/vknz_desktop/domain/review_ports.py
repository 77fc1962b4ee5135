"""Ports for fragments and reviewing together: what the services need from the vault
(``storage.fragments_repo``) and from PyAV (``media.remux``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from vknz_desktop.domain.fragments import (
    Clip,
    ClipMove,
    ObservationMove,
    ReviewSession,
    SessionItem,
)
from vknz_desktop.domain.models import MediaInfo, Observation, Recording, Role, SharingState
from vknz_desktop.domain.ports import CancelToken, MediaStream
from vknz_desktop.domain.sealing import OnderzoekerKey, SealedItem


class ClipRepository(Protocol):
    """Clips in the vault; every call is committed when it returns."""

    def clips(self, recording_id: str) -> list[Clip]: ...

    def all_clips(self) -> list[Clip]: ...

    def clip(self, clip_id: str) -> Clip | None: ...

    def save_clip(self, clip: Clip) -> None: ...

    def delete_clip(self, clip_id: str) -> None: ...

    def session_items_for_clip(self, clip_id: str) -> list[SessionItem]: ...

    def restore_session_items(self, items: Sequence[SessionItem]) -> None: ...


class ReviewSessionRepository(Protocol):
    """Prepared review sessions and their playlists."""

    def sessions(self) -> list[ReviewSession]: ...

    def session(self, session_id: str) -> ReviewSession | None: ...

    def save_session(self, session: ReviewSession) -> None: ...

    def delete_session(self, session_id: str) -> None: ...

    def session_items(self, session_id: str) -> list[SessionItem]: ...

    def save_session_items(self, session_id: str, items: Sequence[SessionItem]) -> None: ...

    def session_observations(self, session_id: str) -> list[Observation]: ...


class SharingRepository(Protocol):
    """Changing whether klant feedback may be shared (audited, without text). A sealed item
    needs an onderzoeker's unlocked ``key`` (``domain.sealing``)."""

    def set_sharing_state(
        self,
        observation_id: str,
        state: SharingState,
        *,
        role: Role,
        key: OnderzoekerKey | None = None,
    ) -> Observation: ...


class StagedMedia(Protocol):
    """Encrypted media written to the store but not yet owned by a recording."""

    @property
    def recording_id(self) -> str: ...

    @property
    def size_bytes(self) -> int: ...

    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class NewFragment:
    """A staged fragment with what the new recording row needs."""

    staged: StagedMedia
    title: str
    media: MediaInfo


class FragmentStore(Protocol):
    """Replacing a recording by new recordings made of its fragments."""

    def stage_media(self, data: bytes) -> StagedMedia: ...

    def discard_staged(self, staged: StagedMedia) -> None: ...

    def replace_with_fragments(
        self,
        original_id: str,
        fragments: Sequence[NewFragment],
        clip_moves: Sequence[ClipMove],
        observation_moves: Sequence[ObservationMove],
        *,
        role: Role,
        now: dt.datetime,
    ) -> list[Recording]: ...

    def replaced_recordings(self) -> dict[str, list[str]]: ...

    def original_of(self, recording_id: str) -> str | None: ...

    def sealed_items(self, recording_id: str) -> list[SealedItem]:
        """The sealed klant items of a recording (facts only): they move with their
        fragment like observations."""
        ...


class ReviewRepository(
    ClipRepository, ReviewSessionRepository, SharingRepository, FragmentStore, Protocol
):
    """Everything fragments and sessions need from an unlocked vault."""


@dataclass(frozen=True)
class RemuxedFragment:
    """A fragment cut exactly out of a recording (re-encoded), held in memory only."""

    data: bytes
    media: MediaInfo
    cut_start_ms: int  # where the fragment starts in the original: the chosen in point


class FragmentRemuxer(Protocol):
    """Cuts a range out of a recording exactly at its in and out points (PyAV, re-encoding).

    ``progress`` is called with the milliseconds of the range done so far; ``cancel`` is
    checked while cutting.
    """

    def remux(
        self,
        stream: MediaStream,
        start_ms: int,
        end_ms: int,
        *,
        progress: Callable[[int], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> RemuxedFragment: ...

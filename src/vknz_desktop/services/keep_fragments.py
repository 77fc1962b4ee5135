"""Keep fragments only (data minimisation): replace a recording by one new encrypted recording
per clip, cut without re-encoding; observations inside clips move along (times rebased),
those outside stay as text; the original's key is destroyed.

Plaintext exists only in memory: the remuxer writes each fragment into a buffer, the store
encrypts that buffer into the media store. Until the final transaction nothing is visible;
on any error or cancel the staged files are removed and the original is untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import (
    Clip,
    FragmentPlan,
    move_clips,
    place_observations,
    plan_fragments,
)
from vknz_desktop.domain.models import Observation, Recording, Role
from vknz_desktop.domain.ports import CancelToken, MediaStream, ProgressCallback
from vknz_desktop.domain.review_ports import (
    ClipRepository,
    FragmentRemuxer,
    FragmentStore,
    NewFragment,
    StagedMedia,
)


class MediaSource(Protocol):
    """The vault as far as this use case reads from it."""

    def recording(self, recording_id: str) -> Recording: ...

    def observations(self, recording_id: str) -> list[Observation]: ...

    def open_media(self, recording_id: str) -> MediaStream: ...


class FragmentRepository(ClipRepository, FragmentStore, Protocol):
    """Clips plus the store that replaces a recording by its fragments."""


@dataclass(frozen=True)
class KeepFragmentsPreview:
    """What "Alleen fragmenten bewaren" would do, for the confirmation dialog."""

    recording: Recording
    clips: tuple[Clip, ...]
    fragments: tuple[FragmentPlan, ...]
    observations_inside: int
    observations_outside: int

    @property
    def kept_ms(self) -> int:
        """Total length of the marked ranges (the fragments start a little earlier)."""
        return sum(plan.end_ms - plan.start_ms for plan in self.fragments)


@dataclass(frozen=True)
class KeepFragmentsResult:
    """What was made: the new recordings (in time order) and where their cuts start."""

    original_id: str
    recordings: tuple[Recording, ...]
    cut_starts_ms: tuple[int, ...]
    observations_moved: int
    observations_kept_as_text: int


def fragment_title(recording: Recording, number: int, plan: FragmentPlan) -> str:
    """``"<title> — fragment 2: <clip title>"``."""
    named = next((c.title for c in plan.clips if c.title.strip()), "")
    base = f"{recording.title} — fragment {number}"
    return f"{base}: {named.strip()}" if named else base


class KeepFragmentsService:
    """Replaces a recording by its fragments."""

    def __init__(
        self,
        media: MediaSource,
        store: FragmentRepository,
        remuxer: FragmentRemuxer,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._media = media
        self._store = store
        self._remuxer = remuxer
        self._now = now

    def preview(self, recording_id: str) -> KeepFragmentsPreview:
        """What would be kept; KnownError when there is nothing to keep."""
        recording = self._media.recording(recording_id)
        if not recording.media_available:
            raise KnownError("Van deze opname is de video of het geluid al verwijderd.")
        clips = tuple(self._store.clips(recording_id))
        if not clips:
            raise KnownError(
                "Deze opname heeft nog geen fragmenten. Markeer eerst wat u wilt bewaren "
                "(I voor het begin, O voor het einde)."
            )
        plans = tuple(plan_fragments(clips))
        observations = self._media.observations(recording_id)
        inside = sum(
            1 for o in observations if any(p.start_ms <= o.time_ms <= p.end_ms for p in plans)
        )
        return KeepFragmentsPreview(recording, clips, plans, inside, len(observations) - inside)

    def run(
        self,
        recording_id: str,
        *,
        role: Role,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> KeepFragmentsResult:
        """Cut, encrypt and swap. Progress is reported per fragment (done, total)."""
        preview = self.preview(recording_id)
        recording = preview.recording
        plans = list(preview.fragments)
        staged: list[StagedMedia] = []
        media: list[NewFragment] = []
        final_plans: list[FragmentPlan] = []
        cuts: list[int] = []
        by_hash: dict[str, int] = {}
        stream = self._media.open_media(recording_id)
        total = len(plans) + 1
        try:
            for index, plan in enumerate(plans):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if progress is not None:
                    progress(index, total)
                cut = self._remuxer.remux(stream, plan.start_ms, plan.end_ms)
                digest = hashlib.sha256(cut.data).hexdigest()
                if digest in by_hash:
                    # Two clips that need the very same bytes share one new recording.
                    same = by_hash[digest]
                    merged = final_plans[same]
                    final_plans[same] = FragmentPlan(
                        min(merged.start_ms, plan.start_ms),
                        max(merged.end_ms, plan.end_ms),
                        merged.clips + plan.clips,
                    )
                    continue
                by_hash[digest] = len(final_plans)
                one = self._store.stage_media(cut.data)
                staged.append(one)
                final_plans.append(plan)
                cuts.append(cut.cut_start_ms)
                media.append(NewFragment(one, "", cut.media))
                del cut
            if cancel is not None:
                cancel.raise_if_cancelled()
            if progress is not None:
                progress(len(plans), total)
            durations = [m.media.duration_ms for m in media]
            fragments = [
                NewFragment(m.staged, fragment_title(recording, n + 1, plan), m.media)
                for n, (m, plan) in enumerate(zip(media, final_plans, strict=True))
            ]
            observation_moves, kept = place_observations(
                self._media.observations(recording_id), final_plans, cuts, durations
            )
            clip_moves = move_clips(final_plans, cuts, durations)
            recordings = self._store.replace_with_fragments(
                recording_id,
                fragments,
                clip_moves,
                observation_moves,
                role=role,
                now=self._now(),
            )
        except BaseException:
            for one in staged:
                self._store.discard_staged(one)
            raise
        finally:
            stream.close()
        if progress is not None:
            progress(total, total)
        return KeepFragmentsResult(
            original_id=recording_id,
            recordings=tuple(recordings),
            cut_starts_ms=tuple(cuts),
            observations_moved=len(observation_moves),
            observations_kept_as_text=len(kept),
        )

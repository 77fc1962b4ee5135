"""Keep fragments only (data minimisation): replace a recording by one new encrypted recording
per range of clips, cut exactly at the in and out points (re-encoded); observations inside the
ranges move along (times rebased), those outside stay as text; the original's key is destroyed.

Clips that overlap or touch become one range, so nothing is kept twice. The figures of the
confirmation (``KeepFragmentsPreview``) are those the cut produces: the new recordings last
exactly as long as the ranges. Counts of observations are of those the person asking may see:
hidden klant feedback, and klant feedback sealed for the onderzoeker (``domain.sealing``),
moves along like the rest but is never counted.

Plaintext exists only in memory: the cutter writes each fragment into a buffer, the store
encrypts that buffer into the media store. Until the final transaction nothing is visible;
on any error or cancel the staged files are removed and the original is untouched.

Afterwards the original stays as a text-only recording: ``replaced`` and ``notes_of_original``
find its notes from any of its fragments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import (
    Clip,
    FragmentPlan,
    Placed,
    kept_ms,
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
from vknz_desktop.domain.visibility import Audience, Decision, visible_on_screen


class MediaSource(Protocol):
    """The vault as far as this use case reads from it."""

    def recording(self, recording_id: str) -> Recording: ...

    def observations(self, recording_id: str) -> list[Observation]: ...

    def open_media(self, recording_id: str) -> MediaStream: ...


class FragmentRepository(ClipRepository, FragmentStore, Protocol):
    """Clips plus the store that replaces a recording by its fragments."""


@dataclass(frozen=True)
class KeepFragmentsPreview:
    """What "Alleen fragmenten bewaren" will do: the figures the confirmation shows.

    ``kept_ms`` is what the new recordings will last together (overlapping clips merged, cut
    exactly at the in and out points); the observation counts are of those the person who
    asked may see.
    """

    recording: Recording
    clips: tuple[Clip, ...]
    fragments: tuple[FragmentPlan, ...]
    observations_inside: int
    observations_outside: int

    @property
    def kept_ms(self) -> int:
        """Total length of the new recordings."""
        return kept_ms(self.fragments)

    @property
    def removed_ms(self) -> int:
        """How much of the recording is destroyed."""
        return max(0, self.recording.duration_ms - self.kept_ms)

    @property
    def fragment_count(self) -> int:
        """How many new recordings are made."""
        return len(self.fragments)

    @property
    def clip_count(self) -> int:
        """How many marked fragments they hold."""
        return len(self.clips)


@dataclass(frozen=True)
class KeepFragmentsResult:
    """What was made: the new recordings (in time order) and where they start in the old one."""

    original_id: str
    recordings: tuple[Recording, ...]
    cut_starts_ms: tuple[int, ...]
    observations_moved: int
    observations_kept_as_text: int

    @property
    def kept_ms(self) -> int:
        """Total length of the new recordings, as stored."""
        return sum(r.duration_ms for r in self.recordings)


@dataclass(frozen=True)
class ReplacedRecording:
    """A recording replaced by its fragments: its row stays with the notes made outside them."""

    original: Recording
    fragments: tuple[Recording, ...]
    notes: tuple[Observation, ...]


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

    def state(self, recording_id: str) -> Decision:
        """Whether "Alleen fragmenten bewaren" can run on a recording, and if not, why (for
        the disabled menu item)."""
        try:
            self._check(recording_id)
        except KnownError as error:
            return Decision.no(error.message)
        return Decision.yes()

    def preview(self, recording_id: str, viewer: Role = Role.KLANTMANAGER) -> KeepFragmentsPreview:
        """What would be kept; KnownError when there is nothing to keep."""
        recording, clips = self._check(recording_id)
        plans = tuple(plan_fragments(clips))
        audience = Audience.alone(viewer)
        shown = [
            o for o in self._media.observations(recording_id) if visible_on_screen(o, audience)
        ]
        inside = sum(1 for o in shown if any(p.start_ms <= o.time_ms <= p.end_ms for p in plans))
        return KeepFragmentsPreview(recording, clips, plans, inside, len(shown) - inside)

    def _check(self, recording_id: str) -> tuple[Recording, tuple[Clip, ...]]:
        recording = self._media.recording(recording_id)
        if not recording.media_available:
            raise KnownError("Van deze opname is de video of het geluid al verwijderd.")
        clips = tuple(self._store.clips(recording_id))
        if not clips:
            raise KnownError(
                "Deze opname heeft nog geen fragmenten. Markeer eerst wat je wilt bewaren "
                "(I voor het begin, O voor het einde)."
            )
        return recording, clips

    def run(
        self,
        recording_id: str,
        *,
        role: Role,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> KeepFragmentsResult:
        """Cut, encrypt and swap. Progress is reported in milliseconds of media cut (done,
        total); the last step is the swap."""
        preview = self.preview(recording_id, role)
        recording = preview.recording
        plans = list(preview.fragments)
        staged: list[StagedMedia] = []
        media: list[NewFragment] = []
        total = preview.kept_ms + 1
        done = 0
        stream = self._media.open_media(recording_id)
        try:
            for plan in plans:
                if cancel is not None:
                    cancel.raise_if_cancelled()

                def report(ms: int, before: int = done) -> None:
                    if progress is not None:
                        progress(min(before + ms, total - 1), total)

                cut = self._remuxer.remux(
                    stream, plan.start_ms, plan.end_ms, progress=report, cancel=cancel
                )
                done += plan.end_ms - plan.start_ms
                one = self._store.stage_media(cut.data)
                staged.append(one)
                info = cut.media
                if info.has_video and recording.media.has_video:
                    # The cut keeps the source's frame rate; only its first picture is shorter.
                    info = info.model_copy(
                        update={
                            "frame_rate": recording.media.frame_rate,
                            "variable_frame_rate": recording.media.variable_frame_rate,
                        }
                    )
                media.append(NewFragment(one, "", info))
                del cut
            if cancel is not None:
                cancel.raise_if_cancelled()
            cuts = [plan.start_ms for plan in plans]
            durations = [m.media.duration_ms for m in media]
            fragments = [
                NewFragment(m.staged, fragment_title(recording, n + 1, plan), m.media)
                for n, (m, plan) in enumerate(zip(media, plans, strict=True))
            ]
            observations = self._media.observations(recording_id)
            # Sealed klant items move with their fragment too (their words stay sealed).
            placed: list[Placed] = [*observations, *self._store.sealed_items(recording_id)]
            observation_moves, kept = place_observations(placed, plans, cuts, durations)
            clip_moves = move_clips(plans, cuts, durations)
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
        audience = Audience.alone(role)
        shown = {o.id for o in observations if visible_on_screen(o, audience)}
        return KeepFragmentsResult(
            original_id=recording_id,
            recordings=tuple(recordings),
            cut_starts_ms=tuple(cuts),
            observations_moved=sum(1 for m in observation_moves if m.observation_id in shown),
            observations_kept_as_text=sum(1 for k in kept if k in shown),
        )

    # -- the notes of a replaced recording ----------------------------------------------------
    def replaced(self, viewer: Role = Role.KLANTMANAGER) -> list[ReplacedRecording]:
        """Every recording replaced by its fragments, with its notes ``viewer`` may see."""
        result = []
        for original_id, fragment_ids in self._store.replaced_recordings().items():
            found = self._replaced(original_id, fragment_ids, viewer)
            if found is not None:
                result.append(found)
        return result

    def notes_of_original(
        self, recording_id: str, viewer: Role = Role.KLANTMANAGER
    ) -> ReplacedRecording | None:
        """For a fragment (or the replaced recording itself): the recording it came from and
        the notes kept there as text; None when it was not made by keeping fragments."""
        original_id = self._store.original_of(recording_id) or recording_id
        fragment_ids = self._store.replaced_recordings().get(original_id)
        if not fragment_ids:
            return None
        return self._replaced(original_id, fragment_ids, viewer)

    def _replaced(
        self, original_id: str, fragment_ids: Sequence[str], viewer: Role
    ) -> ReplacedRecording | None:
        try:
            original = self._media.recording(original_id)
        except KnownError:
            return None
        fragments = []
        for fragment_id in fragment_ids:
            try:
                fragments.append(self._media.recording(fragment_id))
            except KnownError:
                continue  # deleted since
        audience = Audience.alone(viewer)
        notes = tuple(
            o for o in self._media.observations(original_id) if visible_on_screen(o, audience)
        )
        return ReplacedRecording(original, tuple(fragments), notes)

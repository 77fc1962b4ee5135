"""Use cases for clips (fragments of a recording): mark, edit, delete and restore, navigate."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import MIN_CLIP_MS, Clip, SessionItem
from vknz_desktop.domain.review_ports import ClipRepository

#: Within this much after a clip's start, "previous clip" goes to the one before it.
RESTART_GRACE_MS = 1500


def normalise_range(a_ms: int, b_ms: int, duration_ms: int | None = None) -> tuple[int, int]:
    """The two marks in order, kept inside the recording; KnownError when too short."""
    start, end = sorted((int(a_ms), int(b_ms)))
    start = max(0, start)
    if duration_ms is not None and duration_ms > 0:
        end = min(end, duration_ms)
        start = min(start, duration_ms)
    if end - start < MIN_CLIP_MS:
        raise KnownError(
            "Een fragment moet minstens 0,1 seconde lang zijn: zet het eindpunt (O) later "
            "dan het beginpunt (I)."
        )
    return start, end


def next_clip(clips: Sequence[Clip], position_ms: int) -> Clip | None:
    """The first clip that starts after ``position_ms``."""
    later = [c for c in clips if c.start_ms > position_ms + 1]
    return min(later, key=lambda c: (c.start_ms, c.end_ms), default=None)


def previous_clip(clips: Sequence[Clip], position_ms: int) -> Clip | None:
    """The clip before the one playing; within the first moments of a clip, the one before."""
    earlier = [c for c in clips if c.start_ms < position_ms - RESTART_GRACE_MS]
    return max(earlier, key=lambda c: (c.start_ms, c.end_ms), default=None)


def clip_at(clips: Sequence[Clip], position_ms: int) -> Clip | None:
    """The clip that contains ``position_ms`` (the latest starting one when they overlap)."""
    inside = [c for c in clips if c.contains(position_ms)]
    return max(inside, key=lambda c: (c.start_ms, c.end_ms), default=None)


@dataclass(frozen=True)
class DeletedClip:
    """A removed clip and the playlist places it had, so that undo puts both back."""

    clip: Clip
    session_items: tuple[SessionItem, ...] = ()


class ClipService:
    """Creates and changes clips; every change is stored at once."""

    def __init__(
        self, repository: ClipRepository, now: Callable[[], dt.datetime] = utc_now
    ) -> None:
        self._repository = repository
        self._now = now

    def create(
        self,
        recording_id: str,
        start_ms: int,
        end_ms: int,
        *,
        title: str = "",
        note: str = "",
        theme_id: str | None = None,
        duration_ms: int | None = None,
    ) -> Clip:
        """A new clip between two marks (in any order), stored at once."""
        start, end = normalise_range(start_ms, end_ms, duration_ms)
        moment = self._now()
        clip = Clip(
            id=uuid.uuid4().hex,
            recording_id=recording_id,
            start_ms=start,
            end_ms=end,
            title=title.strip(),
            note=note,
            theme_id=theme_id,
            created_at=moment,
            edited_at=moment,
        )
        self._repository.save_clip(clip)
        return clip

    def update(self, clip: Clip, **changes: object) -> Clip:
        """Store a changed copy of ``clip`` (fields as keyword arguments)."""
        changed = Clip.model_validate({**clip.model_dump(), **changes, "edited_at": self._now()})
        if changed.duration_ms < MIN_CLIP_MS:
            raise KnownError("Een fragment moet minstens 0,1 seconde lang zijn.")
        self._repository.save_clip(changed)
        return changed

    def restore(self, clip: Clip) -> None:
        """Put back a clip exactly as it was (undo of delete or edit)."""
        self._repository.save_clip(clip)

    def delete(self, clip_id: str) -> DeletedClip | None:
        """Remove a clip (and its places in session playlists); returns what undo needs."""
        existing = self._repository.clip(clip_id)
        if existing is None:
            return None
        items = tuple(self._repository.session_items_for_clip(clip_id))
        self._repository.delete_clip(clip_id)
        return DeletedClip(existing, items)

    def undelete(self, deleted: DeletedClip) -> None:
        """Undo a deletion: the clip and its playlist places come back."""
        self._repository.save_clip(deleted.clip)
        self._repository.restore_session_items(deleted.session_items)

    def for_recording(self, recording_id: str) -> list[Clip]:
        """A recording's clips in time order."""
        return self._repository.clips(recording_id)

    def all(self) -> list[Clip]:
        """Clips of every recording whose media is still in the vault."""
        return self._repository.all_clips()

"""Fragments and reviewing together: clips, prepared review sessions, klant feedback with
consent, and the plan for keeping only the fragments of a recording. Pure rules, no I/O.

- A **clip** is a marked range of one recording (title, note, theme).
- A **review session** ("samen terugkijken") has a title, a date, participants and an ordered
  playlist of clips (``SessionItem``), each with an optional prompt by the preparer. It shows
  observations in two columns, one per *perspective* (a role).
- Observations authored by or for the **klant** carry a ``SharingState``; until it is
  ``SHARED`` the item is hidden from everyone but the klant and the onderzoeker (the
  intermediary who asks), and it never leaves the vault.
- Who may see what, and which recording may be shown to whom, is decided by the one policy in
  ``domain.visibility``.
- **Keep fragments only** (data minimisation): ``plan_fragments`` merges overlapping clips
  into the ranges to cut, ``place_observations`` decides which observations move (times
  rebased) and ``move_clips`` where the clips go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import (
    Participant,
    Role,
    SharingState,
)

__all__ = [
    "MIN_CLIP_MS",
    "SHARING_LABELS",
    "Clip",
    "ClipMove",
    "ConsentRefusedError",
    "FragmentPlan",
    "ObservationMove",
    "Placed",
    "ReviewSession",
    "SessionItem",
    "SessionSummary",
    "SharingState",
    "kept_ms",
    "move_clips",
    "place_observations",
    "plan_fragments",
]

#: The shortest clip (the timeline's handles stop here too).
MIN_CLIP_MS = 100

SHARING_LABELS: dict[SharingState, str] = {
    SharingState.NOT_ASKED: "nog niet gevraagd",
    SharingState.SHARED: "mag gedeeld worden",
    SharingState.NOT_SHARED: "niet delen",
}


class ConsentRefusedError(KnownError):
    """A recording's consent does not cover the people of a session."""


# -- clips ----------------------------------------------------------------------------------
class Clip(BaseModel):
    """A marked range of a recording: a fragment worth looking at again."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    recording_id: str
    start_ms: int = Field(ge=0)
    end_ms: int
    title: str = ""
    note: str = ""
    theme_id: str | None = None
    created_at: dt.datetime
    edited_at: dt.datetime

    @model_validator(mode="after")
    def _end_after_start(self) -> Clip:
        if self.end_ms - self.start_ms < 1:
            raise ValueError("het einde van een fragment moet na het begin liggen")
        return self

    @property
    def duration_ms(self) -> int:
        """Length of the marked range."""
        return self.end_ms - self.start_ms

    def contains(self, time_ms: int) -> bool:
        """Whether a moment lies in the marked range (both ends included)."""
        return self.start_ms <= time_ms <= self.end_ms


# -- review sessions ------------------------------------------------------------------------
class ReviewSession(BaseModel):
    """A prepared session of reviewing fragments together."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    title: str = Field(min_length=1, max_length=200)
    session_date: dt.date | None = None
    participants: tuple[Participant, ...] = ()
    perspectives: tuple[Role, Role] = (Role.ONDERZOEKER, Role.KLANTMANAGER)
    created_at: dt.datetime
    edited_at: dt.datetime
    ended_at: dt.datetime | None = None

    @field_validator("title")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("een sessie heeft een titel nodig")
        return value

    @field_validator("perspectives")
    @classmethod
    def _two_different(cls, value: tuple[Role, Role]) -> tuple[Role, Role]:
        if value[0] == value[1]:
            raise ValueError("kies twee verschillende perspectieven")
        return value

    def roles(self) -> list[Role]:
        """Everyone the session is with: the participants' roles, and a perspective's role
        when no participant has it."""
        roles = [p.role for p in self.participants]
        return roles + [role for role in self.perspectives if role not in roles]


class SessionItem(BaseModel):
    """One fragment in a session's playlist, with an optional prompt by the preparer."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    session_id: str
    clip_id: str
    position: int = Field(ge=0)
    prompt: str = ""


@dataclass(frozen=True)
class SessionSummary:
    """The short overview at the end of a session."""

    fragments_total: int
    fragments_seen: int
    observations: dict[Role, int] = field(default_factory=dict)

    @property
    def observations_total(self) -> int:
        """All observations made in the session."""
        return sum(self.observations.values())


# -- keep fragments only --------------------------------------------------------------------
@dataclass(frozen=True)
class FragmentPlan:
    """One new recording to be made: the range to cut and the clips it will hold."""

    start_ms: int
    end_ms: int
    clips: tuple[Clip, ...]


@dataclass(frozen=True)
class ClipMove:
    """Where a clip goes: fragment ``fragment`` (index), with times inside the new recording."""

    clip_id: str
    fragment: int
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class ObservationMove:
    """Where an observation goes: fragment ``fragment`` (index), times rebased."""

    observation_id: str
    fragment: int
    time_ms: int
    end_ms: int | None


def plan_fragments(clips: Sequence[Clip]) -> list[FragmentPlan]:
    """The ranges to cut, in time order: clips that overlap or touch become one range, so no
    moment is kept twice."""
    plans: list[FragmentPlan] = []
    for clip in sorted(clips, key=lambda c: (c.start_ms, c.end_ms, c.id)):
        if plans and clip.start_ms <= plans[-1].end_ms:
            last = plans[-1]
            plans[-1] = FragmentPlan(
                last.start_ms, max(last.end_ms, clip.end_ms), (*last.clips, clip)
            )
        else:
            plans.append(FragmentPlan(clip.start_ms, clip.end_ms, (clip,)))
    return plans


def kept_ms(plans: Sequence[FragmentPlan]) -> int:
    """How much of the recording the plans keep (overlaps merged, so counted once)."""
    return sum(plan.end_ms - plan.start_ms for plan in plans)


def move_clips(
    plans: Sequence[FragmentPlan], cut_starts: Sequence[int], durations: Sequence[int]
) -> list[ClipMove]:
    """Each clip's range inside its new recording (which starts at its cut: the in point)."""
    moves: list[ClipMove] = []
    for index, (plan, cut, duration) in enumerate(zip(plans, cut_starts, durations, strict=True)):
        for clip in plan.clips:
            start = max(0, clip.start_ms - cut)
            end = min(max(start + 1, clip.end_ms - cut), max(duration, start + 1))
            moves.append(ClipMove(clip.id, index, start, end))
    return moves


class Placed(Protocol):
    """Anything with a moment in a recording: an observation, or a sealed klant item's facts
    (``domain.sealing.SealedItem``), which move with their fragment like observations."""

    @property
    def id(self) -> str: ...

    @property
    def time_ms(self) -> int: ...

    @property
    def end_ms(self) -> int | None: ...


def place_observations(
    observations: Sequence[Placed],
    plans: Sequence[FragmentPlan],
    cut_starts: Sequence[int],
    durations: Sequence[int],
) -> tuple[list[ObservationMove], list[str]]:
    """Which observations move into which fragment (times rebased), and which stay as text.

    An observation moves when its moment lies in a planned range (ranges never overlap).
    Everything else stays on the old recording as text.
    """
    moves: list[ObservationMove] = []
    kept: list[str] = []
    for observation in observations:
        target = next(
            (
                index
                for index, plan in enumerate(plans)
                if plan.start_ms <= observation.time_ms <= plan.end_ms
            ),
            None,
        )
        if target is None:
            kept.append(observation.id)
            continue
        cut, duration = cut_starts[target], durations[target]
        time_ms = min(max(0, observation.time_ms - cut), duration)
        end_ms = (
            None
            if observation.end_ms is None
            else max(time_ms, min(observation.end_ms - cut, duration))
        )
        moves.append(ObservationMove(observation.id, target, time_ms, end_ms))
    return moves, kept

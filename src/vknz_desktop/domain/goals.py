"""Leerdoelen: what a klantmanager wants to learn, in their own words, with the moments that
show it (observations and clips from any recording).

A learning goal is never a score or a rating: its status says where the klantmanager stands
with it themselves (actief, geoefend, bereikt, losgelaten). This module imports only the
standard library and pydantic (an import-linter contract).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vknz_desktop.domain.models import Observation, Role

__all__ = [
    "GOAL_STATUS_LABELS",
    "GOAL_STATUS_ORDER",
    "ClipInfo",
    "Evidence",
    "EvidenceKind",
    "GoalStatus",
    "GoalStore",
    "GoalVault",
    "LearningGoal",
    "evidence_for",
    "is_shareable",
    "suggest_theme",
]


class GoalStatus(StrEnum):
    """Where the klantmanager stands with a goal (their own words, never a judgement)."""

    ACTIEF = "actief"
    GEOEFEND = "geoefend"
    BEREIKT = "bereikt"
    LOSGELATEN = "losgelaten"


GOAL_STATUS_ORDER: tuple[GoalStatus, ...] = (
    GoalStatus.ACTIEF,
    GoalStatus.GEOEFEND,
    GoalStatus.BEREIKT,
    GoalStatus.LOSGELATEN,
)

GOAL_STATUS_LABELS: dict[GoalStatus, str] = {
    GoalStatus.ACTIEF: "Actief",
    GoalStatus.GEOEFEND: "Geoefend",
    GoalStatus.BEREIKT: "Bereikt",
    GoalStatus.LOSGELATEN: "Losgelaten",
}


class EvidenceKind(StrEnum):
    """What a piece of evidence points at."""

    OBSERVATION = "observation"
    CLIP = "clip"


class Evidence(BaseModel):
    """A moment that shows the goal: an observation or a clip, by id and kind.

    ``recording_id`` and the times are remembered when the link is made, so a clip can be
    played without knowing the clips' own tables; observations are looked up live.
    """

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    kind: EvidenceKind
    item_id: Annotated[str, Field(min_length=1, max_length=100)]
    recording_id: str | None = None
    time_ms: int | None = Field(default=None, ge=0)
    end_ms: int | None = Field(default=None, ge=0)

    @property
    def key(self) -> str:
        """A stable key of this evidence (kind and id)."""
        return f"{self.kind.value}:{self.item_id}"


GoalText = Annotated[str, Field(max_length=500)]
LongGoalText = Annotated[str, Field(max_length=5000)]


class LearningGoal(BaseModel):
    """A leerdoel with its direction, evidence and what to try next time."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    goal: GoalText = ""  # in the klantmanager's own words
    why: LongGoalText = ""  # richting: why it matters
    next_time: LongGoalText = ""  # what I will try next time
    status: GoalStatus = GoalStatus.ACTIEF
    profile_id: str | None = None
    theme_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    review_on: dt.date | None = None
    session_id: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime

    @field_validator("evidence")
    @classmethod
    def _evidence_unique(cls, value: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        seen: set[str] = set()
        unique: list[Evidence] = []
        for item in value:
            if item.key not in seen:
                seen.add(item.key)
                unique.append(item)
        return tuple(unique)

    @property
    def title(self) -> str:
        """The goal's first line, for lists."""
        for line in self.goal.splitlines():
            if line.strip():
                return line.strip()
        return ""


class ClipInfo(BaseModel):
    """What the goals need to know of a clip (provided by the clips feature when present)."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    recording_id: str
    start_ms: int = Field(ge=0)
    end_ms: int = Field(ge=0)
    text: str = ""
    profile_id: str | None = None
    theme_id: str | None = None
    perspective: str | None = None
    sharing_state: str | None = None


class GoalStore(Protocol):
    """What the goal use cases need from the vault."""

    def goals(self) -> list[LearningGoal]: ...

    def goal(self, goal_id: str) -> LearningGoal | None: ...

    def save_goal(self, goal: LearningGoal) -> None: ...

    def delete_goal(self, goal_id: str) -> None: ...

    def extra_terms(self) -> list[str]: ...

    def set_extra_terms(self, terms: Sequence[str]) -> None: ...

    def record_export(self, role: Role | None, details: Mapping[str, int | str]) -> None: ...


class GoalVault(GoalStore, Protocol):
    """The goal store of an open vault, with what it can tell about clips and sessions."""

    def clip_info(self, clip_id: str) -> ClipInfo | None: ...

    def sessions_between(self, start: dt.date, end: dt.date) -> int | None: ...


# -- pure rules ------------------------------------------------------------------------------
SHARED_STATE = "mag_gedeeld"
_KLANT = "klant"


def _code(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value)).strip().lower()


def is_shareable(item: object) -> bool:
    """Whether an observation or clip may appear in anything that leaves the laptop.

    Items from the klant's perspective (or written by the klant) only with the klant's explicit
    permission ('mag gedeeld worden', item by item); any item marked 'niet delen' never.
    Works with observations that do not (yet) carry a sharing state.
    """
    state = _code(getattr(item, "sharing_state", None))
    perspective = _code(getattr(item, "perspective", None))
    author = _code(getattr(item, "author_role", None))
    if state in ("niet_delen", "niet-delen"):
        return False
    if perspective == _KLANT or author == Role.KLANT.value:
        return state == SHARED_STATE
    return True


def suggest_theme(observations: Sequence[Observation]) -> tuple[str | None, str | None]:
    """The (profile, theme) most of these observations answer, or (None, None)."""
    counts = Counter(
        (o.profile_id, o.theme_id) for o in observations if o.theme_id and o.profile_id
    )
    if not counts:
        return None, None
    (profile_id, theme_id), _count = max(
        counts.items(), key=lambda item: (item[1], -_first_index(observations, item[0]))
    )
    return profile_id, theme_id


def _first_index(observations: Sequence[Observation], key: tuple[str | None, str | None]) -> int:
    for index, o in enumerate(observations):
        if (o.profile_id, o.theme_id) == key:
            return index
    return len(observations)


def evidence_for(observation: Observation) -> Evidence:
    """Evidence pointing at an observation (with its recording and moment)."""
    return Evidence(
        kind=EvidenceKind.OBSERVATION,
        item_id=observation.id,
        recording_id=observation.recording_id,
        time_ms=observation.time_ms,
        end_ms=observation.end_ms,
    )

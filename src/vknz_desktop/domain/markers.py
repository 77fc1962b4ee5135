"""Live markers: a tap while recording catches a moment that touches (a *raakmoment*).

A marker is stored like an observation: the time in the recording, the author, its type and an
empty text. At review it is a prompt to answer ("Wat gebeurde hier?"), not a judgement. The
built-in profile names the raakmomenten from public VKNZ material; a plain marker has no type.

This module imports only the standard library and the domain models.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from vknz_desktop.domain.models import Observation, Role

#: ``Observation.profile_id`` of every marker (plain or typed).
MARKER_PROFILE_ID = "raakmomenten"
#: ``Observation.theme_id`` of a plain marker (the big button or its key).
PLAIN_MARKER = "moment"
#: The question a marker asks at review.
MARKER_PROMPT = "Wat gebeurde hier?"


@dataclass(frozen=True)
class MarkerType:
    """One kind of marker in a profile: an id (stored) and a Dutch label (shown)."""

    id: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class MarkerProfile:
    """The typed markers offered in the optional second row of buttons."""

    id: str
    title: str
    types: tuple[MarkerType, ...]

    def type(self, type_id: str) -> MarkerType:
        """The marker type with ``type_id``; ValueError when the profile has none."""
        for marker_type in self.types:
            if marker_type.id == type_id:
                return marker_type
        options = ", ".join(t.id for t in self.types)
        raise ValueError(f"onbekend soort markering '{type_id}' (kies uit: {options})")


RAAKMOMENTEN = MarkerProfile(
    id=MARKER_PROFILE_ID,
    title="Raakmomenten",
    types=(
        MarkerType("frustratie", "Frustratie", "iemand raakt geïrriteerd of teleurgesteld"),
        MarkerType("weerstand", "Weerstand", "iemand duwt terug of gaat ertegenin"),
        MarkerType("afhaken", "Afhaken", "iemand doet niet meer mee"),
        MarkerType("verstarring", "Verstarring", "het gesprek zit vast in een patroon"),
        MarkerType("stagnatie", "Stagnatie", "het gesprek komt niet verder"),
        MarkerType("stroming", "Stroming", "het gesprek loopt, er komt beweging"),
        MarkerType("spontaniteit", "Spontaniteit", "iets onverwachts en echts gebeurt"),
    ),
)


def make_marker(
    recording_id: str,
    time_ms: int,
    *,
    author_role: Role,
    author_name: str = "",
    type_id: str | None = None,
    now: dt.datetime,
    profile: MarkerProfile = RAAKMOMENTEN,
) -> Observation:
    """A marker at ``time_ms`` (never below 0): an observation with an empty text."""
    theme = PLAIN_MARKER if type_id is None else profile.type(type_id).id
    return Observation(
        id=uuid.uuid4().hex,
        recording_id=recording_id,
        time_ms=max(0, int(time_ms)),
        profile_id=profile.id,
        theme_id=theme,
        text="",
        author_role=author_role,
        author_name=author_name,
        created_at=now,
        edited_at=now,
    )


def is_marker(observation: Observation) -> bool:
    """Whether ``observation`` is a live marker that nobody has answered yet."""
    return (
        observation.profile_id == MARKER_PROFILE_ID
        and not observation.text.strip()
        and not observation.answer.strip()
    )


def marker_label(observation: Observation, profile: MarkerProfile = RAAKMOMENTEN) -> str:
    """What a marker is called in the list and on the timeline ("Raakmoment", "Weerstand")."""
    if observation.theme_id in (None, PLAIN_MARKER):
        return "Raakmoment"
    try:
        return profile.type(observation.theme_id).label
    except ValueError:
        return observation.theme_id or "Raakmoment"


def clamp_markers(markers: list[Observation], duration_ms: int) -> list[Observation]:
    """Markers past the end of a recording that was cut short moved to its end."""
    end = max(0, duration_ms - 1)
    return [m if m.time_ms <= end else m.model_copy(update={"time_ms": end}) for m in markers]

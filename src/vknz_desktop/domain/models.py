"""Pydantic models of recordings, participants, consent and audit entries.

Times in the domain are integer milliseconds; dates are ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vknz_desktop.domain.errors import KnownError


class Role(StrEnum):
    """Roles of the people who appear in or work with a recording."""

    KLANTMANAGER = "klantmanager"
    KLANT = "klant"
    ONDERZOEKER = "onderzoeker"
    COLLEGA = "collega"
    LEIDINGGEVENDE = "leidinggevende"


class ConsentScope(StrEnum):
    """What the people in a recording agreed it may be used for."""

    SELF = "zelf"  # alleen zelf terugkijken
    RESEARCHER = "onderzoeker"  # samen met onderzoeker/trainer
    COLLEAGUES = "collegas"  # met collega's (intervisie)
    CLIENT = "klant"  # klant kijkt mee


CONSENT_SCOPE_LABELS: dict[ConsentScope, str] = {
    ConsentScope.SELF: "alleen zelf terugkijken",
    ConsentScope.RESEARCHER: "samen met onderzoeker/trainer",
    ConsentScope.COLLEAGUES: "met collega's (intervisie)",
    ConsentScope.CLIENT: "klant kijkt mee",
}

DEFAULT_KEEP_MONTHS = 12


class ContradictoryConsentError(KnownError):
    """A consent that says "alleen zelf terugkijken" and also allows others to watch."""


def consent_contradiction(scopes: Iterable[ConsentScope]) -> str | None:
    """Why these scopes contradict each other (Dutch), or None.

    *Alleen zelf terugkijken* means nobody else watches, so it cannot go together with any
    scope that lets someone else watch (reviewing alone is always part of those).
    """
    chosen = set(scopes)
    others = [s for s in ConsentScope if s in chosen and s != ConsentScope.SELF]
    if ConsentScope.SELF not in chosen or not others:
        return None
    labels = ", ".join(f"'{CONSENT_SCOPE_LABELS[s]}'" for s in others)
    return (
        f"'{CONSENT_SCOPE_LABELS[ConsentScope.SELF]}' kan niet samen met {labels}: "
        "kies óf alleen zelf terugkijken, óf met wie de opname ook bekeken mag worden "
        "(zelf terugkijken mag dan altijd)."
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the last day of the month."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class Participant(BaseModel):
    """Someone in a recording, named as the user chooses (pseudonyms are fine)."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    display_name: str = Field(min_length=1, max_length=200)
    role: Role

    @field_validator("display_name")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("naam mag niet leeg zijn")
        return value


class Consent(BaseModel):
    """Who agreed to what, and for how long the recording may be kept."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    given_on: dt.date
    given_by: Role
    scopes: frozenset[ConsentScope] = Field(min_length=1)
    keep_until: dt.date

    @field_validator("keep_until")
    @classmethod
    def _not_in_past_of_given(cls, value: dt.date, info: object) -> dt.date:
        data = getattr(info, "data", {})
        given = data.get("given_on") if isinstance(data, dict) else None
        if isinstance(given, dt.date) and value < given:
            raise ValueError("bewaren tot ligt vóór de datum van toestemming")
        return value

    @model_validator(mode="after")
    def _not_contradictory(self) -> Consent:
        problem = consent_contradiction(self.scopes)
        if problem is not None:
            raise ContradictoryConsentError(problem)
        return self

    def scope_codes(self) -> list[str]:
        """Scopes as sorted codes, stable for storage and output."""
        return sorted(scope.value for scope in self.scopes)


class MediaInfo(BaseModel):
    """What probing a media file found; all times in milliseconds."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    container: str
    duration_ms: int = Field(gt=0)
    has_video: bool
    has_audio: bool
    video_codec: str | None = None
    audio_codec: str | None = None
    width: int | None = None
    height: int | None = None
    rotation: int = 0
    frame_rate: float | None = None
    variable_frame_rate: bool = False


class Recording(BaseModel):
    """A recording in the vault (its bytes live encrypted in the media store)."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    title: str
    conversation_date: dt.date | None
    media: MediaInfo
    size_bytes: int
    sha256: str
    participants: tuple[Participant, ...] = ()
    consent: Consent
    imported_at: dt.datetime
    media_available: bool = True
    profile_id: str | None = None

    @property
    def duration_ms(self) -> int:
        """Duration of the recording in milliseconds."""
        return self.media.duration_ms


class AuditAction(StrEnum):
    """What an audit entry records. Never any free text."""

    VAULT_CREATED = "vault_created"
    UNLOCK = "unlock"
    IMPORT = "import"
    DELETE = "delete"
    CONSENT_CHANGED = "consent_changed"
    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 - an action name
    MIGRATED = "migrated"
    EXPORT = "export"
    FAILED_UNLOCK = "failed_unlock"
    SHARING_CHANGED = "sharing_changed"
    RETENTION_DELETE = "retention_delete"
    KEEP_FRAGMENTS = "keep_fragments"
    GDPR_ACCESS = "gdpr_access"
    GDPR_ERASURE = "gdpr_erasure"
    # Recording in the app (services.live_recording) and removing an import's source file.
    RECORD_START = "record_start"
    RECORD_FINISH = "record_finish"
    RECORD_INTERRUPTED = "record_interrupted"
    SOURCE_REMOVED = "source_removed"
    ONDERZOEKER_REGISTERED = "onderzoeker_registered"
    ONDERZOEKER_UNLOCK = "onderzoeker_unlock"
    ONDERZOEKER_UNLOCK_FAILED = "onderzoeker_unlock_failed"
    SEALED = "sealed"


class AuditEntry(BaseModel):
    """One line of the audit log: when, which role, which ids, never content."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: int
    at: dt.datetime
    action: AuditAction
    role: Role | None
    recording_id: str | None
    details: dict[str, int | str]


class SharingState(StrEnum):
    """Whether a klant's feedback may be passed on to the klantmanager (asked item by item)."""

    NOT_ASKED = "nog_niet_gevraagd"
    SHARED = "mag_gedeeld"
    NOT_SHARED = "niet_delen"


class Observation(BaseModel):
    """What someone noticed at a moment in a recording, perhaps answering a Kijkwijzer question."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    recording_id: str
    time_ms: int = Field(ge=0)
    end_ms: int | None = None
    profile_id: str | None = None
    theme_id: str | None = None
    question_id: str | None = None
    answer: str = ""
    text: str = ""
    author_role: Role = Role.KLANTMANAGER
    author_name: str = ""
    created_at: dt.datetime
    edited_at: dt.datetime
    # Set when the observation was typed during a review session ("samen terugkijken"), in the
    # column of this perspective; klant items carry a sharing state (see domain.fragments).
    session_id: str | None = None
    perspective: Role | None = None
    sharing_state: SharingState = SharingState.NOT_ASKED
    # Set when an onderzoeker recorded that the klant agreed to share it (domain.sealing):
    # when, and which onderzoeker (their id).
    shared_at: dt.datetime | None = None
    shared_by: str | None = None

    @field_validator("end_ms")
    @classmethod
    def _end_after_start(cls, value: int | None, info: object) -> int | None:
        data = getattr(info, "data", {})
        start = data.get("time_ms") if isinstance(data, dict) else None
        if value is not None and isinstance(start, int) and value < start:
            raise ValueError("het einde ligt vóór het begin")
        return value

    @property
    def first_line(self) -> str:
        """The first non-empty line of the text, or the answer when there is no text."""
        for source in (self.text, self.answer):
            for line in source.splitlines():
                if line.strip():
                    return line.strip()
        return ""


class SearchHit(BaseModel):
    """An observation found by a search, with the title of its recording."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    observation: Observation
    recording_title: str
    snippet: str

"""Klant feedback sealed for the onderzoeker: the klant's words stay private until the klant
agrees, item by item, that they may be passed on. Pure rules and ports, no I/O, no crypto.

- An **onderzoeker** (researcher, trainer, the independent intermediary) registers once in the
  vault with a passphrase of their own. The vault keeps their public key; their private key is
  stored wrapped under a key derived from that passphrase (``storage.sealing_repo``).
- A **klant item** (``visibility.is_klant_feedback``) that may not (yet) be shared is *sealed*
  at the moment it is written: encrypted to the public keys of every registered onderzoeker,
  so it can be written without an onderzoeker present (samen kijken). The vault then keeps
  only its ``SealedItem`` facts (when, which recording, which session and column, the sharing
  state) in the clear; its words (``SEALED_FIELDS``) are readable only with an onderzoeker's
  passphrase.
- The klantmanager's vault passphrase never reveals a sealed item: not on screen, not in
  search, not in a summary, export or access package. The role picked when unlocking the
  vault is only written in the audit log; it protects nothing.
- When the klant agrees (*mag gedeeld worden*), the onderzoeker unseals the item and it is
  stored as an ordinary observation under the vault key (searchable), with the moment and the
  onderzoeker (``Observation.shared_at``/``shared_by``). *Niet delen* keeps it sealed.
- Without a registered onderzoeker no klant item can be stored (``NoOnderzoekerError``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.visibility import Decision

__all__ = [
    "NO_ONDERZOEKER_EXPLANATION",
    "NO_ONDERZOEKER_MESSAGE",
    "SEALED_FIELDS",
    "SEALED_STATES",
    "NoOnderzoekerError",
    "NotYourItemError",
    "Onderzoeker",
    "OnderzoekerKey",
    "SealedItem",
    "SealingRepository",
    "WrongOnderzoekerPassphraseError",
    "klant_items_possible",
    "onderzoeker_name_problem",
    "payload_of",
    "sealed_facts",
    "unsealed",
]

#: The parts of an observation that are sealed (everything a person wrote or chose).
SEALED_FIELDS = ("text", "answer", "author_name", "profile_id", "theme_id", "question_id")

#: The sharing states a sealed item can have: shared items are not sealed.
SEALED_STATES = frozenset({SharingState.NOT_ASKED, SharingState.NOT_SHARED})

#: Why klant feedback cannot be stored yet, and how to change that.
NO_ONDERZOEKER_EXPLANATION = (
    "Feedback van de klant kan nog niet worden bewaard: er is in deze kluis nog geen "
    "onderzoeker geregistreerd. Wat de klant zegt, wordt versleuteld voor de onderzoeker, "
    "zodat alleen die het kan lezen tot de klant toestemming geeft om het te delen. "
    "Laat de onderzoeker zich eerst registreren met een eigen wachtwoord: menu "
    "Onderzoeker, Onderzoeker registreren… (op de opdrachtregel: vknz onderzoeker "
    "register NAAM)."
)
NO_ONDERZOEKER_MESSAGE = NO_ONDERZOEKER_EXPLANATION + " Er is niets bewaard."


class NoOnderzoekerError(KnownError):
    """A klant item was to be stored while no onderzoeker is registered to seal it for."""

    def __init__(self, message: str = NO_ONDERZOEKER_MESSAGE) -> None:
        super().__init__(message)


class WrongOnderzoekerPassphraseError(KnownError):
    """The passphrase does not unlock the onderzoeker's key (the attempt is audited)."""


class NotYourItemError(KnownError):
    """A sealed item was sealed before this onderzoeker registered, for others only."""


class Onderzoeker(BaseModel):
    """A registered onderzoeker: a name to choose from and when they registered."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    name: str = Field(min_length=1, max_length=200)
    registered_at: dt.datetime

    @field_validator("name")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("naam mag niet leeg zijn")
        return value


class SealedItem(BaseModel):
    """What the vault shows of a sealed klant item without an onderzoeker's passphrase: its
    place and state, never its words."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    id: str
    recording_id: str
    time_ms: int = Field(ge=0)
    end_ms: int | None = None
    author_role: Role
    session_id: str | None = None
    perspective: Role | None = None
    sharing_state: SharingState = SharingState.NOT_ASKED
    created_at: dt.datetime
    edited_at: dt.datetime
    #: Onderzoekers (ids) who can open it.
    readable_by: tuple[str, ...] = ()


def onderzoeker_name_problem(name: str, taken: Sequence[str]) -> str | None:
    """Why ``name`` cannot be an onderzoeker's name here (Dutch), or None."""
    cleaned = name.strip()
    if not cleaned:
        return "Geef de naam van de onderzoeker op."
    if len(cleaned) > 200:
        return "De naam van de onderzoeker is te lang (hoogstens 200 tekens)."
    if cleaned.casefold() in {t.strip().casefold() for t in taken}:
        return f"Er is al een onderzoeker '{cleaned}' geregistreerd in deze kluis."
    return None


def klant_items_possible(onderzoekers: int) -> Decision:
    """Whether klant feedback can be stored now: only when it can be sealed for someone."""
    return Decision.yes() if onderzoekers > 0 else Decision.no(NO_ONDERZOEKER_EXPLANATION)


def payload_of(observation: Observation) -> dict[str, str | None]:
    """The sealed part of an observation (``SEALED_FIELDS``)."""
    return {name: getattr(observation, name) for name in SEALED_FIELDS}


def sealed_facts(observation: Observation) -> SealedItem:
    """What stays readable of ``observation`` once it is sealed."""
    state = observation.sharing_state
    return SealedItem(
        id=observation.id,
        recording_id=observation.recording_id,
        time_ms=observation.time_ms,
        end_ms=observation.end_ms,
        author_role=observation.author_role,
        session_id=observation.session_id,
        perspective=observation.perspective,
        sharing_state=state if state in SEALED_STATES else SharingState.NOT_ASKED,
        created_at=observation.created_at,
        edited_at=observation.edited_at,
    )


def unsealed(item: SealedItem, payload: Mapping[str, object]) -> Observation:
    """The observation again, from its facts and its unsealed words."""
    words = {name: payload.get(name) for name in SEALED_FIELDS}
    return Observation(
        id=item.id,
        recording_id=item.recording_id,
        time_ms=item.time_ms,
        end_ms=item.end_ms,
        profile_id=_text_or_none(words["profile_id"]),
        theme_id=_text_or_none(words["theme_id"]),
        question_id=_text_or_none(words["question_id"]),
        answer=str(words["answer"] or ""),
        text=str(words["text"] or ""),
        author_role=item.author_role,
        author_name=str(words["author_name"] or ""),
        created_at=item.created_at,
        edited_at=item.edited_at,
        session_id=item.session_id,
        perspective=item.perspective,
        sharing_state=item.sharing_state,
    )


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


# -- ports -----------------------------------------------------------------------------------
class OnderzoekerKey(Protocol):
    """An onderzoeker's private key, unlocked with their passphrase (``storage.sealing_repo``).

    Held only in memory while needed; ``close()`` overwrites it.
    """

    @property
    def onderzoeker_id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def closed(self) -> bool: ...

    def close(self) -> None: ...


class SealingRepository(Protocol):
    """Onderzoekers and sealed klant items in the vault (``storage.sealing_repo``)."""

    def onderzoekers(self) -> list[Onderzoeker]: ...

    def register(
        self,
        name: str,
        passphrase: str,
        *,
        role: Role | None,
        grant_from: OnderzoekerKey | None = None,
    ) -> tuple[Onderzoeker, int]: ...

    def unlock(self, name: str, passphrase: str, *, role: Role | None) -> OnderzoekerKey: ...

    def onderzoeker(self, name_or_id: str) -> Onderzoeker: ...

    def sealed_items(self, recording_id: str | None = None) -> list[SealedItem]: ...

    def session_items(self, session_id: str) -> list[SealedItem]: ...

    def open_recording(self, key: OnderzoekerKey, recording_id: str) -> list[Observation]: ...

    def open_session(self, key: OnderzoekerKey, session_id: str) -> list[Observation]: ...

    def open_items(
        self, key: OnderzoekerKey, item_ids: Sequence[str] | None = None
    ) -> list[Observation]: ...

    def share(self, key: OnderzoekerKey, item_id: str, *, role: Role | None) -> Observation: ...

    def set_sealed_state(
        self, key: OnderzoekerKey, item_id: str, state: SharingState, *, role: Role | None
    ) -> Observation: ...

    def unsealed_klant_items(self) -> int: ...

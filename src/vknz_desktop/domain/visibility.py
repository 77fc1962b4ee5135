"""The one consent and visibility policy: which recording may be shown to whom, and what a
screen may show while others are watching. Pure rules, no I/O, no Qt.

Every screen, command and service asks this module instead of deciding for itself:

- **Who is watching** is an ``Audience``: the people in front of the screen by role
  (``Audience.alone``, ``Audience.samen_kijken``, ``Audience.of_session``, ``Audience.of``).
- **May this recording be shown to them?** ``may_show`` (consent and whether the media is still
  there), ``samen_kijken`` (the klant watches), ``may_store_klant_item`` (klant feedback needs
  *klant kijkt mee*). A refusal is a ``Decision`` with a Dutch reason that names no title, so a
  disabled action can say why, also on a shared screen.
- **What may a shared screen show?** ``screen_title`` (the neutral label "Opname 3, 12 okt."
  whenever anyone but the klantmanager alone is watching), ``screen_prompt`` (the preparer's
  prompt or a neutral default, never a private note), ``fragment_heading`` (no fragment titles
  where a klant takes part), ``visible_on_screen`` (klant feedback only when everyone watching
  may see it), ``screen_observations`` (this session's observations; earlier ones only on
  request, only for klantmanager and onderzoeker: ``earlier_observations``), and
  ``visible_counts`` (counts of what is shown, never of hidden items).
- **Consent itself**: ``consent_contradiction`` (*alleen zelf terugkijken* together with
  anything else is refused by the ``Consent`` model), ``required_scopes``.
- **Import**: ``suggest_title`` proposes a neutral title instead of the file name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vknz_desktop.domain.models import (
    CONSENT_SCOPE_LABELS,
    ConsentScope,
    Observation,
    Recording,
    Role,
    SharingState,
    consent_contradiction,
)

if TYPE_CHECKING:
    from vknz_desktop.domain.fragments import ReviewSession

__all__ = [
    "DEFAULT_PROMPT",
    "MONTHS_SHORT",
    "SHARING_ROLES",
    "Audience",
    "Decision",
    "ScreenPrompt",
    "consent_contradiction",
    "consent_problem",
    "earlier_observations",
    "fragment_heading",
    "is_klant_feedback",
    "may_leave_vault",
    "may_set_sharing",
    "may_show",
    "may_store_klant_item",
    "neutral_label",
    "neutral_labels",
    "recording_numbers",
    "required_scopes",
    "samen_kijken",
    "screen_observations",
    "screen_prompt",
    "screen_title",
    "suggest_title",
    "visible_counts",
    "visible_on_screen",
    "visible_to",
]

#: Shown on a shared screen when the preparer wrote no prompt for a fragment.
DEFAULT_PROMPT = "Kijk samen en vertel wat je ziet."

MONTHS_SHORT = (
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)

#: The consent scope that each kind of other person in front of the screen needs.
_SCOPE_FOR_ROLE: dict[Role, ConsentScope] = {
    Role.ONDERZOEKER: ConsentScope.RESEARCHER,
    Role.COLLEGA: ConsentScope.COLLEAGUES,
    Role.LEIDINGGEVENDE: ConsentScope.COLLEAGUES,
    Role.KLANT: ConsentScope.CLIENT,
}

#: Who may see klant feedback that is not (yet) shared, and record whether it may be passed on:
#: the klant and the intermediary.
SHARING_ROLES = frozenset({Role.KLANT, Role.ONDERZOEKER})

#: Who may ask for observations of earlier sessions (never with a klant or colleagues present).
_SEES_EARLIER = frozenset({Role.KLANTMANAGER, Role.ONDERZOEKER})

_MEDIA_GONE = "Van deze opname is de video of het geluid verwijderd; alleen de tekst is er nog."


# -- who is watching --------------------------------------------------------------------------
@dataclass(frozen=True)
class Audience:
    """Everyone in front of a screen, by role (the person at the keyboard included).

    A role may appear twice: a second klantmanager is a colleague.
    """

    roles: tuple[Role, ...]

    @classmethod
    def of(cls, *roles: Role) -> Audience:
        """These people (at least one)."""
        return cls(tuple(roles) or (Role.KLANTMANAGER,))

    @classmethod
    def alone(cls, role: Role = Role.KLANTMANAGER) -> Audience:
        """One person working alone."""
        return cls((role,))

    @classmethod
    def samen_kijken(cls) -> Audience:
        """*Samen kijken met de klant*: the klantmanager and the klant."""
        return cls((Role.KLANTMANAGER, Role.KLANT))

    @classmethod
    def of_session(cls, session: ReviewSession) -> Audience:
        """The people of a review session (its participants and perspectives)."""
        return cls.of(*session.roles())

    @property
    def has_klant(self) -> bool:
        """Whether a klant is watching."""
        return Role.KLANT in self.roles

    @property
    def private(self) -> bool:
        """Whether only the klantmanager (the person in the recording) is watching."""
        return self.roles == (Role.KLANTMANAGER,)

    def with_role(self, role: Role) -> Audience:
        """This audience and one more person."""
        return Audience((*self.roles, role))


@dataclass(frozen=True)
class Decision:
    """Whether something is allowed, and if not, why (Dutch, for a disabled action's tooltip
    or a refusal). Reasons never contain a recording's title."""

    allowed: bool
    reason: str = ""

    @classmethod
    def yes(cls) -> Decision:
        """Allowed."""
        return cls(True)

    @classmethod
    def no(cls, reason: str) -> Decision:
        """Refused, because of ``reason``."""
        return cls(False, reason)


# -- consent ----------------------------------------------------------------------------------
def required_scopes(roles: Iterable[Role]) -> frozenset[ConsentScope]:
    """The consent scopes a recording needs to be watched by people of these roles.

    The first klantmanager is the person in the recording (reviewing alone needs nothing
    extra); a second klantmanager is a colleague.
    """
    needed: set[ConsentScope] = set()
    klantmanagers = 0
    for role in roles:
        if role == Role.KLANTMANAGER:
            klantmanagers += 1
            if klantmanagers > 1:
                needed.add(ConsentScope.COLLEAGUES)
            continue
        needed.add(_SCOPE_FOR_ROLE[role])
    return frozenset(needed)


def consent_problem(recording: Recording, roles: Iterable[Role]) -> str | None:
    """Why ``recording``'s consent does not allow these people to watch it (Dutch), or None."""
    missing = required_scopes(roles) - recording.consent.scopes
    if not missing:
        return None
    if recording.consent.scopes == frozenset({ConsentScope.SELF}):
        return (
            "De toestemming voor deze opname is alleen zelf terugkijken. "
            "Ze kan daarom niet worden bekeken met anderen erbij."
        )
    labels = ", ".join(CONSENT_SCOPE_LABELS[s] for s in ConsentScope if s in missing)
    return (
        f"Voor deze opname is geen toestemming gegeven voor: {labels}. "
        "Ze kan daarom niet worden bekeken met deze mensen erbij."
    )


def may_show(recording: Recording, audience: Audience) -> Decision:
    """Whether ``recording`` may be played to ``audience`` (consent, and media still there)."""
    problem = consent_problem(recording, audience.roles)
    if problem is not None:
        return Decision.no(problem)
    if not recording.media_available:
        return Decision.no(_MEDIA_GONE)
    return Decision.yes()


def samen_kijken(recording: Recording | None) -> Decision:
    """Whether *Samen kijken met de klant* may open on ``recording``."""
    if recording is None:
        return Decision.no("Open eerst een opname.")
    return may_show(recording, Audience.samen_kijken())


def may_store_klant_item(recording: Recording) -> Decision:
    """Whether feedback of the klant may be stored on ``recording``: only when the klant was
    allowed to watch it (*klant kijkt mee*)."""
    if ConsentScope.CLIENT in recording.consent.scopes:
        return Decision.yes()
    return Decision.no(
        "Voor deze opname is geen toestemming gegeven voor: "
        f"{CONSENT_SCOPE_LABELS[ConsentScope.CLIENT]}. Er kan daarom geen feedback van de "
        "klant bij worden bewaard."
    )


# -- klant feedback ---------------------------------------------------------------------------
def is_klant_feedback(observation: Observation) -> bool:
    """Whether an observation is the klant's (typed by the klant or in the klant's column)."""
    return observation.author_role == Role.KLANT or observation.perspective == Role.KLANT


def visible_to(observation: Observation, role: Role) -> bool:
    """Whether someone working as ``role`` may see ``observation``.

    Klant feedback is hidden from everyone but the klant and the onderzoeker until the klant
    agreed that it may be shared (*mag gedeeld worden*).
    """
    if not is_klant_feedback(observation) or observation.sharing_state == SharingState.SHARED:
        return True
    return role in SHARING_ROLES


def visible_on_screen(observation: Observation, audience: Audience) -> bool:
    """Whether ``observation`` may be on a screen that all of ``audience`` can see."""
    return all(visible_to(observation, role) for role in audience.roles)


def may_leave_vault(observation: Observation) -> bool:
    """Whether an observation may appear in any export (klant feedback only when shared)."""
    return not is_klant_feedback(observation) or (observation.sharing_state == SharingState.SHARED)


def may_set_sharing(
    observation: Observation, role: Role, *, onderzoeker_key: bool = False
) -> Decision:
    """Whether ``role`` may record the klant's answer to "may this be passed on?".

    ``onderzoeker_key``: an onderzoeker unlocked their own key (``domain.sealing``), which
    proves who they are whatever role was picked when the vault was unlocked. The role alone
    protects nothing: a sealed item cannot be shared without that key.
    """
    if not is_klant_feedback(observation):
        return Decision.no("Alleen voor feedback van de klant wordt om toestemming gevraagd.")
    if role not in SHARING_ROLES and not onderzoeker_key:
        return Decision.no(
            "Alleen de onderzoeker (of de klant zelf) legt vast wat de klant wil delen."
        )
    return Decision.yes()


# -- what a shared screen shows ---------------------------------------------------------------
def earlier_observations(audience: Audience) -> Decision:
    """Whether observations from earlier sessions (or made alone) may be shown on request.

    Only to the klantmanager and the onderzoeker; never where a klant takes part, nor with
    colleagues watching.
    """
    if audience.has_klant:
        return Decision.no(
            "Waarnemingen uit eerdere sessies worden niet getoond als de klant meekijkt."
        )
    counted = Counter(audience.roles)
    if any(role not in _SEES_EARLIER for role in counted) or counted[Role.KLANTMANAGER] > 1:
        return Decision.no(
            "Waarnemingen uit eerdere sessies zijn alleen voor de klantmanager en de onderzoeker."
        )
    return Decision.yes()


def screen_observations(
    observations: Iterable[Observation],
    audience: Audience,
    session_id: str,
    *,
    include_earlier: bool = False,
) -> list[Observation]:
    """The observations a session screen shows: those made in this session, plus, when asked
    for and allowed (``earlier_observations``), those made elsewhere; always only what everyone
    watching may see."""
    earlier = include_earlier and earlier_observations(audience).allowed
    return [
        o
        for o in observations
        if (o.session_id == session_id or earlier) and visible_on_screen(o, audience)
    ]


def visible_counts(observations: Iterable[Observation], audience: Audience) -> dict[Role, int]:
    """Observations per perspective (or author) among those ``audience`` may see: a count
    never includes hidden items."""
    counts: Counter[Role] = Counter()
    for observation in observations:
        if visible_on_screen(observation, audience):
            counts[observation.perspective or observation.author_role] += 1
    return dict(counts)


def recording_numbers(recordings: Iterable[Recording]) -> dict[str, int]:
    """A stable number per recording (1, 2, 3, … in order of import), for neutral labels."""
    ordered = sorted(recordings, key=lambda r: (r.imported_at, r.id))
    return {recording.id: number for number, recording in enumerate(ordered, start=1)}


def _short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]}"


def neutral_label(number: int, day: dt.date | None) -> str:
    """``"Opname 3, 12 okt."``: names a recording without its title."""
    return f"Opname {number}, {_short_date(day)}" if day else f"Opname {number}"


def neutral_labels(recordings: Iterable[Recording]) -> dict[str, str]:
    """The neutral label of every recording (numbers as ``recording_numbers``)."""
    recordings = list(recordings)
    numbers = recording_numbers(recordings)
    return {
        r.id: neutral_label(numbers[r.id], r.conversation_date or r.imported_at.date())
        for r in recordings
    }


def screen_title(recording: Recording, label: str, audience: Audience) -> str:
    """What to call a recording on a screen: its title only for the klantmanager alone,
    else ``label`` (from ``neutral_labels``)."""
    return recording.title if audience.private else label


@dataclass(frozen=True)
class ScreenPrompt:
    """What a session screen shows beside a fragment."""

    text: str
    from_preparer: bool  # False: the neutral default, not written for this fragment


def screen_prompt(prompt: str) -> ScreenPrompt:
    """The preparer's prompt, or a neutral default. Never the fragment's private note."""
    text = prompt.strip()
    return ScreenPrompt(text, True) if text else ScreenPrompt(DEFAULT_PROMPT, False)


def fragment_heading(title: str, position: int, total: int, audience: Audience) -> str:
    """A fragment's heading: its title (written by the preparer), or ``"Fragment 2 van 5"``
    where a klant takes part or when it has none (position counts from 1)."""
    if title.strip() and not audience.has_klant:
        return title.strip()
    return f"Fragment {position} van {total}"


# -- import -----------------------------------------------------------------------------------
def suggest_title(conversation_date: dt.date | None, taken: Iterable[str] = ()) -> str:
    """A neutral title for a new recording instead of its file name (which is often a
    client's name): ``"Gesprek 12 okt. 2026"``, with `` (2)`` etc. when that is taken."""
    base = (
        f"Gesprek {_short_date(conversation_date)} {conversation_date.year}"
        if conversation_date
        else "Gesprek"
    )
    existing = {t.strip().casefold() for t in taken}
    if base.casefold() not in existing:
        return base
    number = 2
    while f"{base} ({number})".casefold() in existing:
        number += 1
    return f"{base} ({number})"

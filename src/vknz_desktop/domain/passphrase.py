"""Rules for a new vault passphrase (pure; no I/O).

``passphrase_problem`` is the floor every new passphrase must pass (length, variety, no bare
number). How guessable a passphrase is (Dutch words, names, places, years) is estimated by a
``PassphraseEstimator`` adapter (``vknz_desktop.strength``, zxcvbn with Dutch word lists); its
result is a ``StrengthEstimate`` with Dutch feedback the GUI can show while the user types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

#: A passphrase must need at least 10^10 guesses by the estimate (zxcvbn's top score). At
#: about 0.5-1 s per Argon2id guess that is centuries for one core, years for a hundred.
MIN_GUESSES_LOG10 = 10.0
#: Strength 0-4 as words, for a meter.
STRENGTH_LABELS = ("heel zwak", "zwak", "matig", "redelijk", "sterk")


@dataclass(frozen=True)
class StrengthEstimate:
    """How guessable a passphrase is: ``score`` 0-4, the estimated number of guesses (log10),
    whether it is strong enough for a vault, and why not in Dutch (empty when it is)."""

    score: int
    guesses_log10: float
    acceptable: bool
    feedback: str

    @property
    def label(self) -> str:
        """The score as a Dutch word."""
        return STRENGTH_LABELS[max(0, min(self.score, len(STRENGTH_LABELS) - 1))]


class PassphraseEstimator(Protocol):
    """Estimates passphrase strength (implemented by ``vknz_desktop.strength``)."""

    def estimate(self, passphrase: str) -> StrengthEstimate:
        """Strength and Dutch feedback; fast enough to call at every key press."""
        ...

    def suggestion(self) -> str:
        """A random example passphrase of several unrelated Dutch words."""
        ...


MIN_LENGTH = 10
MIN_DISTINCT_CHARACTERS = 5

# Lower-cased passphrases that are refused whatever their length.
_COMMON = frozenset(
    {
        "wachtwoord",
        "wachtwoord1",
        "wachtwoord123",
        "welkom01",
        "welkom123",
        "welkomwelkom",
        "password",
        "password1",
        "password123",
        "1234567890",
        "0123456789",
        "qwertyuiop",
        "azertyuiop",
        "abcdefghij",
        "geheimgeheim",
        "gemeente123",
        "vknzvknzvknz",
    }
)

_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _is_sequence(text: str) -> bool:
    lowered = text.lower()
    return any(lowered in seq or lowered in seq[::-1] for seq in _SEQUENCES)


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` is unfit for a new vault, in Dutch, or ``None`` if it is fine."""
    if not passphrase or not passphrase.strip():
        return (
            "Het wachtwoord is leeg. Kies een wachtwoord: "
            "zonder wachtwoord is de kluis niet beschermd."
        )
    if len(passphrase) < MIN_LENGTH:
        return (
            f"Het wachtwoord is te kort ({len(passphrase)} tekens). "
            f"Gebruik minstens {MIN_LENGTH} tekens, bijvoorbeeld een zin van drie of vier woorden."
        )
    if len(set(passphrase)) < MIN_DISTINCT_CHARACTERS:
        return (
            "Het wachtwoord herhaalt te weinig verschillende tekens. "
            "Kies iets minder voorspelbaars."
        )
    if passphrase.lower() in _COMMON or _is_sequence(passphrase):
        return (
            "Dit wachtwoord is te bekend en makkelijk te raden. "
            "Kies een eigen zin van een paar woorden."
        )
    if _NUMBER_LIKE.fullmatch(passphrase):
        return (
            "Een wachtwoord van alleen cijfers, zoals een telefoonnummer of een datum, is "
            "makkelijk te raden. Kies een zin van vier of meer losse woorden."
        )
    return None


def strength_problem(passphrase: str, estimator: PassphraseEstimator) -> str | None:
    """Why ``passphrase`` is unfit for a new vault (the floor, then the estimate), in Dutch,
    or ``None`` when it is strong enough."""
    problem = passphrase_problem(passphrase)
    if problem:
        return problem
    estimate = estimator.estimate(passphrase)
    if estimate.acceptable:
        return None
    return f"Dit wachtwoord is te makkelijk te raden. {estimate.feedback}".strip()


_NUMBER_LIKE = re.compile(r"[\d\s+().\-/]+")

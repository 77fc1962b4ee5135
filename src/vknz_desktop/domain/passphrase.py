"""Rules for a new vault passphrase (pure; no I/O)."""

from __future__ import annotations

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
    return None

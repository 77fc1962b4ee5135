"""Finding and removing one person's name in free text (AVG erasure); pure, no I/O."""

from __future__ import annotations

import re

#: What an erased name is replaced by in free text that stays (goals, notes, session titles).
ERASED = "[verwijderd]"


def name_pattern(name: str) -> re.Pattern[str]:
    """The whole name, any case, with any spacing between its parts, as a word of its own
    (so 'Jan' does not match 'januari'). A name without letters or digits matches nothing."""
    parts = [re.escape(part) for part in name.split()]
    if not parts or not any(ch.isalnum() for ch in name):
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def mentions(text: str, name: str) -> int:
    """How often ``name`` occurs in ``text``."""
    return len(name_pattern(name).findall(text or ""))


def scrub(text: str, name: str) -> str:
    """``text`` with every occurrence of ``name`` replaced by ``ERASED``."""
    return name_pattern(name).sub(ERASED, text or "")

"""Rules shared by every way of handling a privacy request (AVG-verzoek): CLI and GUI."""

from __future__ import annotations

#: The word a privacy officer must type, exactly, before an access request is written as a
#: plain (unencrypted) folder instead of an encrypted package.
PLAIN_EXPORT_CONFIRMATION = "ONVERSLEUTELD"


def confirms_plain_export(typed: str) -> bool:
    """Whether ``typed`` is the confirmation word (surrounding spaces ignored, case exact)."""
    return typed.strip() == PLAIN_EXPORT_CONFIRMATION

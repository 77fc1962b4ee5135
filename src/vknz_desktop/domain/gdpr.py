"""Rules shared by every way of handling a privacy request (AVG-verzoek): CLI and GUI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.ports import CancelToken, ProgressCallback

#: The word a privacy officer must type, exactly, before an access request is written as a
#: plain (unencrypted) folder instead of an encrypted package.
PLAIN_EXPORT_CONFIRMATION = "ONVERSLEUTELD"


def confirms_plain_export(typed: str) -> bool:
    """Whether ``typed`` is the confirmation word (surrounding spaces ignored, case exact)."""
    return typed.strip() == PLAIN_EXPORT_CONFIRMATION


class RemainingPlace(Protocol):
    """One place where a person is still named: what kind of place, and how often."""

    @property
    def where(self) -> str: ...

    @property
    def count(self) -> int: ...


class GdprRequests(Protocol):
    """Privacy requests on an open vault (``storage.gdpr_repo.GdprRepository``): the GUI's port."""

    def participants(self) -> list[tuple[str, str]]: ...

    def recordings_of(self, name: str) -> list[Recording]: ...

    def observation_counts(self, name: str) -> dict[str, int]: ...

    def export_encrypted(
        self,
        name: str,
        target: Path,
        passphrase: str,
        *,
        role: Role | None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[Recording]: ...

    def export_plain(
        self,
        name: str,
        target: Path,
        *,
        role: Role | None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[Recording]: ...

    def remaining(self, name: str) -> Sequence[RemainingPlace]: ...

    def erase(
        self,
        name: str,
        *,
        role: Role | None,
        progress: ProgressCallback | None = None,
        keep_in_register: bool = False,
    ) -> list[Recording]: ...

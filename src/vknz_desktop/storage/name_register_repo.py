"""The name register: every name ever registered in the vault (schema 6), kept after the
recording, session or note that carried it is deleted, so old goals are still de-identified.

Names are registered by triggers wherever they are written (participants of recordings and
sessions, authors of observations, extra terms); :meth:`NameRegisterRepository.register` adds
names that have no row of their own, such as the user's own name typed at unlock. A name is
removed only by :meth:`NameRegisterRepository.forget` (the privacy officer's choice at an AVG
erasure). The register lives in the encrypted database like the names it came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from vknz_desktop.storage.vault import Vault

__all__ = ["NAME", "TERM", "NameRegisterRepository"]

NAME = "naam"  # matched whole and in parts
TERM = "term"  # an extra term: matched whole
MAX_NAME_LENGTH = 200


class NameRegisterRepository:
    """The register of one open vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def register(self, names: Iterable[str], kind: str = NAME) -> int:
        """Add names (blank ones are skipped; a name already there is kept as it is).
        Returns how many were new. Nothing is written when nothing is new."""
        if kind not in (NAME, TERM):
            raise ValueError(kind)
        cleaned: dict[str, str] = {}
        for name in names:
            value = " ".join(name.split())[:MAX_NAME_LENGTH]
            if value:
                cleaned.setdefault(value.casefold(), value)
        if not cleaned or self._vault.read_only:
            return 0
        known = {n.casefold() for n in self.names()} | {t.casefold() for t in self.terms()}
        new = sorted(value for key, value in cleaned.items() if key not in known)
        if not new:
            return 0
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._vault.writing() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO name_register(name, kind, added_at) VALUES (?, ?, ?)",
                [(name, kind, now) for name in new],
            )
        return len(new)

    def names(self) -> list[str]:
        """Registered names (matched whole and in parts), alphabetically."""
        return self._select(NAME)

    def terms(self) -> list[str]:
        """Registered extra terms (matched whole), alphabetically."""
        return self._select(TERM)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        with self._vault.reading() as conn:
            row = conn.execute(
                "SELECT 1 FROM name_register WHERE name = ?", (" ".join(name.split()),)
            ).fetchone()
        return row is not None

    def forget(self, name: str) -> bool:
        """Remove ``name`` (any letter case) from the register; whether it was there.

        Only for the privacy officer's choice at an AVG erasure: afterwards old goals that
        mention the name are no longer de-identified for it, unless it is still on a
        recording or a note (their names are always used) or is written again.
        """
        with self._vault.writing() as conn:
            cursor = conn.execute(
                "DELETE FROM name_register WHERE name = ?", (" ".join(name.split()),)
            )
            return bool(cursor.rowcount)

    def _select(self, kind: str) -> list[str]:
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT name FROM name_register WHERE kind = ? ORDER BY name COLLATE NOCASE",
                (kind,),
            ).fetchall()
        return [str(row[0]) for row in rows]

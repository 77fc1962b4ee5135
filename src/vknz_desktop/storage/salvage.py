"""Reading what is still sound out of a damaged vault database, into memory only.

SQLCipher authenticates every 4 KiB page; a flipped byte makes that page (and only that page)
unreadable. When the vault's schema page is intact, the rows on the other pages can still be
read. ``salvage`` copies every readable row into a fresh in-memory database with the current
schema and opens it query-only, so the app can show what is left without ever writing to (or
beside) the damaged file. Nothing is written to disk: the copy lives in RAM and is gone when
the vault is closed.

Rows are read in rowid order. When a read fails, the damaged region is stepped over by
searching (doubling, then bisecting) for the first rowid that can be reached again; a row whose
own payload (e.g. an overflow page) is damaged is skipped on its own. SQLCipher poisons a
connection after a failed page (a "deferred error"), so every failure is followed by a fresh
connection from ``opener``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from vknz_desktop.storage.migrations import pending

#: Tables the app keeps, with the Dutch name of what they hold (for the user's message).
TABLE_LABELS: dict[str, str] = {
    "recordings": "opnamen",
    "participants": "deelnemers",
    "consents": "toestemmingen",
    "audit_log": "logboek",
    "settings": "instellingen",
    "observations": "aantekeningen",
    "derived_media": "miniaturen en geluidsgolven",
    "clips": "fragmenten",
    "review_sessions": "terugkijksessies",
    "review_session_participants": "deelnemers aan sessies",
    "review_session_items": "onderdelen van sessies",
    "learning_goals": "leerdoelen",
    "goal_evidence": "onderbouwing van leerdoelen",
    "export_terms": "extra termen voor anonimiseren",
    "recording_spares": "reservekopieën van de sleutels van opnames",
    "onderzoekers": "onderzoekers",
    "sealed_items": "verzegelde feedback van klanten",
    "sealed_item_keys": "sleutels van verzegelde feedback",
    "source_reminders": "herinneringen om bronbestanden ook elders te verwijderen",
}

#: Title shown for a recording whose own row was lost but whose spare key survived.
RESTORED_TITLE = "Opname (titel onleesbaar)"

_MAX_STEP = 1 << 62

Opener = Callable[[], Any]


class _Source:
    """The damaged database; reconnects after every failed read (see module docstring)."""

    def __init__(self, opener: Opener) -> None:
        self._opener = opener
        self._conn: Any = None

    def conn(self) -> Any:
        if self._conn is None:
            self._conn = self._opener()
            self._conn.execute("PRAGMA query_only = ON")
        return self._conn

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[Any]:
        """All rows, or DatabaseError (after which the next call uses a new connection)."""
        try:
            return list(self.conn().execute(sql, params).fetchall())
        except sqlcipher3.DatabaseError:
            self.reset()
            raise

    def reset(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlcipher3.Error):
                self._conn.close()
            self._conn = None


@dataclass
class TableSalvage:
    """What was read from one table."""

    table: str
    rows_read: int = 0
    damaged: bool = False

    @property
    def label(self) -> str:
        """The Dutch name of what the table holds."""
        return TABLE_LABELS.get(self.table, self.table)


@dataclass
class SalvageReport:
    """The outcome of a salvage: damaged pages and, per table, rows read and damage met."""

    damaged_pages: list[int] = field(default_factory=list)
    page_count: int = 0
    tables: list[TableSalvage] = field(default_factory=list)
    schema_version: int = 0
    #: Recordings rebuilt from their spare key (their own row was on a damaged page).
    restored_recordings: int = 0
    #: Recordings whose consent was lost: shown for reviewing alone (the narrowest consent).
    consent_lost: int = 0

    @property
    def damaged_tables(self) -> list[TableSalvage]:
        """Tables where at least one row could not be read."""
        return [t for t in self.tables if t.damaged]

    def rows_read(self, table: str) -> int:
        """How many rows of ``table`` were read."""
        return next((t.rows_read for t in self.tables if t.table == table), 0)

    def message(self) -> str:
        """A Dutch explanation for the user: what is damaged, what is still there."""
        lost = [t.label for t in self.damaged_tables]
        count = len(self.damaged_pages)
        pages = (
            f"{count} van de {self.page_count} blokken {'is' if count == 1 else 'zijn'}"
            if count
            else "een deel is"
        )
        kept = ", ".join(
            f"{t.rows_read} {t.label}"
            for t in self.tables
            if t.table in ("recordings", "observations", "clips", "learning_goals")
        )
        where = (
            "Onleesbaar: (een deel van de) " + ", ".join(lost) + "."
            if lost
            else "Alleen zoekgegevens of indexen waren beschadigd."
        )
        restored = ""
        if self.restored_recordings:
            restored += (
                f" {self.restored_recordings} opname(s) zonder leesbare titel zijn hersteld uit "
                "de reservekopie van hun sleutel en spelen gewoon af."
            )
        if self.consent_lost:
            restored += (
                f" Van {self.consent_lost} opname(s) is de toestemming onleesbaar; ze zijn "
                "alleen beschikbaar om zelf terug te kijken."
            )
        return (
            f"Het kluisbestand (vault.db) is beschadigd: {pages} onleesbaar. {where}{restored} "
            f"De kluis is alleen-lezen geopend met wat nog gaaf is ({kept}). "
            "Er wordt niets in de kluis gewijzigd. Zet een reservekopie van de kluismap terug "
            "of vraag de functioneel beheerder om hulp."
        )


def damaged_pages(source: _Source) -> list[int]:
    """Page numbers that fail SQLCipher's authentication (``PRAGMA cipher_integrity_check``)."""
    pages: list[int] = []
    with contextlib.suppress(sqlcipher3.DatabaseError):
        for (line,) in source.query("PRAGMA cipher_integrity_check"):
            match = re.search(r"page (\d+)", str(line))
            if match:
                pages.append(int(match.group(1)))
    return sorted(set(pages))


def salvage(opener: Opener) -> tuple[Any, SalvageReport]:
    """Copy every readable row of the damaged database (``opener()`` gives a keyed connection
    to it) into a new in-memory database with the current schema; return that (query-only)
    and the report. The damaged file is only read."""
    source = _Source(opener)
    try:
        return _salvage(source)
    finally:
        source.reset()


def _salvage(source: _Source) -> tuple[Any, SalvageReport]:
    report = SalvageReport()
    report.damaged_pages = damaged_pages(source)
    with contextlib.suppress(sqlcipher3.DatabaseError):
        report.page_count = int(source.query("PRAGMA page_count")[0][0])
    with contextlib.suppress(sqlcipher3.DatabaseError):
        report.schema_version = int(source.query("PRAGMA user_version")[0][0])
    source_tables = _source_tables(source)
    target = sqlcipher3.connect(":memory:", isolation_level=None, check_same_thread=False)
    target.execute("PRAGMA temp_store = MEMORY")
    for step in pending(0):
        step.apply(target)
        target.execute(f"PRAGMA user_version = {int(step.version)}")
    target.execute("PRAGMA foreign_keys = OFF")
    target.execute("BEGIN")
    for table in _target_tables(target):
        if table not in source_tables:
            continue
        result = TableSalvage(table)
        source_columns = _source_columns(source, table)
        columns = [c for c in _columns(target, table) if c in source_columns]
        if not columns:
            result.damaged = True
            report.tables.append(result)
            continue
        placeholders = ",".join("?" for _ in columns)
        column_list = ",".join(f'"{c}"' for c in columns)
        # Spare keys are also made by a trigger as recordings are copied: the same values.
        verb = "INSERT OR REPLACE" if table == "recording_spares" else "INSERT"
        insert = f'{verb} INTO "{table}"({column_list}) VALUES ({placeholders})'
        for row in _readable_rows(source, table, column_list, result):
            target.execute(insert, row)
            result.rows_read += 1
        report.tables.append(result)
    if "recording_spares" in source_tables:
        _restore_from_spares(target, report)
    target.execute("COMMIT")
    target.execute("PRAGMA query_only = ON")
    return target, report


def _restore_from_spares(target: Any, report: SalvageReport) -> None:
    """Damage costs only the rows on the damaged page: a recording whose row was lost comes
    back from its spare (media key and technical facts; the title stays lost), and one whose
    consent was lost gets the narrowest consent (reviewing alone), flagged in the report."""
    from vknz_desktop.storage.schema.v0005_privacy import SPARE_COLUMNS

    columns = ", ".join(SPARE_COLUMNS)
    restored = target.execute(
        f"INSERT INTO recordings(id, title, {columns})"  # noqa: S608 - constant column names
        f" SELECT s.recording_id, ?, {', '.join('s.' + c for c in SPARE_COLUMNS)}"
        " FROM recording_spares AS s LEFT JOIN recordings AS r ON r.id = s.recording_id"
        " WHERE r.id IS NULL",
        (RESTORED_TITLE,),
    )
    report.restored_recordings = max(0, restored.rowcount)
    lost = target.execute(
        "INSERT INTO consents(recording_id, given_on, given_by, scopes, keep_until, updated_at)"
        " SELECT r.id, substr(r.imported_at, 1, 10), 'klantmanager', 'zelf',"
        " substr(r.imported_at, 1, 10), r.imported_at"
        " FROM recordings AS r LEFT JOIN consents AS c ON c.recording_id = r.id"
        " WHERE c.recording_id IS NULL"
    )
    report.consent_lost = max(0, lost.rowcount)


def _readable_rows(
    source: _Source, table: str, column_list: str, result: TableSalvage
) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` that can be read, in rowid order; marks ``result.damaged``."""
    select = f'SELECT rowid, {column_list} FROM "{table}"'  # noqa: S608
    last: int | None = None
    try:
        for row in source.conn().execute(select + " ORDER BY rowid"):
            last = int(row[0])
            yield tuple(row[1:])
        return
    except sqlcipher3.DatabaseError:
        source.reset()
        result.damaged = True
    # Slow path, only for a table with damage: one row at a time, stepping over bad regions.
    position = last if last is not None else -_MAX_STEP
    while True:
        following = _next_rowid(source, table, position)
        if following is _DAMAGED:
            after = _skip_damage(source, table, position)
            if after is None:
                return
            following = after
        if following is None:
            return
        assert isinstance(following, int)
        try:
            rows = source.query(select + " WHERE rowid = ?", (following,))
        except sqlcipher3.DatabaseError:
            result.damaged = True
            rows = []
        if rows:
            yield tuple(rows[0][1:])
        position = following


_DAMAGED = object()


def _next_rowid(source: _Source, table: str, after: int) -> int | object | None:
    """The first rowid greater than ``after``; None at the end; _DAMAGED when unreachable."""
    try:
        rows = source.query(
            f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1',  # noqa: S608
            (after,),
        )
    except sqlcipher3.DatabaseError:
        return _DAMAGED
    return int(rows[0][0]) if rows else None


def _skip_damage(source: _Source, table: str, position: int) -> int | None:
    """The first reachable rowid beyond the damaged region after ``position`` (None: none)."""
    step = 1
    low = position  # searching from here fails
    while True:
        probe = min(position + step, _MAX_STEP)
        found = _next_rowid(source, table, probe)
        if found is not _DAMAGED:
            high = probe
            break
        low = probe
        if probe >= _MAX_STEP:
            return None
        step *= 2
    # Bisect between low (fails) and high (works) for the smallest start that works.
    while high - low > 1:
        middle = (low + high) // 2
        if _next_rowid(source, table, middle) is _DAMAGED:
            low = middle
        else:
            high = middle
    found = _next_rowid(source, table, high)
    return found if isinstance(found, int) else None


def _source_tables(source: _Source) -> set[str]:
    with contextlib.suppress(sqlcipher3.DatabaseError):
        rows = source.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}
    return set()


def _source_columns(source: _Source, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in source.query(f'PRAGMA table_info("{table}")')]
    except sqlcipher3.DatabaseError:
        return []


def _target_tables(conn: Any) -> list[str]:
    """Ordinary tables of the current schema (full-text tables are filled by triggers)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid"
    ).fetchall()
    names = [str(r[0]) for r in rows]
    virtual = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    ]
    return [n for n in names if not any(n.startswith(v + "_") for v in virtual)]


def _columns(conn: Any, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]
    except sqlcipher3.DatabaseError:
        return []


def describe(path: Path, report: SalvageReport) -> str:
    """One line for logs: counts only, never content."""
    tables = ",".join(f"{t.table}={t.rows_read}{'!' if t.damaged else ''}" for t in report.tables)
    return f"salvaged {path.name}: damaged_pages={len(report.damaged_pages)} {tables}"

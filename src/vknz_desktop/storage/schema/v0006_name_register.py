"""Schema version 6: the name register, accepted words and the summaries' vault id.

The name register keeps every name ever registered in the vault, so that a name is still
removed from summaries after its recording is deleted: participants of recordings and of
review sessions, authors of observations (the user's own name) and the user's extra terms.
Triggers register names where they are written, whichever code writes them; existing rows are
registered here once. Deleting a recording or session leaves the register as it is; only
``NameRegisterRepository.forget`` removes a name (a choice at AVG erasure).

``accepted_words`` holds the doubtful words the user chose to keep in summaries. (The setting
``summary_vault_id``, an opaque random id that summaries carry, is made when first needed.)
A name already there is kept as it is (``ON CONFLICT IGNORE``), also when the damaged-vault
salvage copies rows that the triggers have already registered.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 6

_NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now')"


def _register(table: str, column: str, kind: str, condition: str = "") -> str:
    """Triggers that register ``new.<column>`` of ``table`` on insert and on update."""
    value = f"trim(new.{column})"
    # No OR IGNORE here: an outer statement's own ON CONFLICT clause (an upsert) would
    # override it; a name already registered is simply not inserted again.
    insert = (
        f"INSERT INTO name_register(name, kind, added_at)"  # noqa: S608 - constants only
        f" SELECT {value}, '{kind}', {_NOW} WHERE {value} <> ''"
        f" AND NOT EXISTS (SELECT 1 FROM name_register WHERE name = {value});"
    )
    when = f" WHEN {condition}" if condition else ""
    return (
        f"CREATE TRIGGER name_register_{table}_insert AFTER INSERT ON {table}{when} BEGIN\n"
        f"    {insert}\nEND;\n"
        f"CREATE TRIGGER name_register_{table}_update AFTER UPDATE OF {column} ON {table}{when}"
        f" BEGIN\n    {insert}\nEND;\n"
    )


def apply(conn: Any) -> None:
    run_script(
        conn,
        f"""
        CREATE TABLE name_register (
            name TEXT NOT NULL COLLATE NOCASE PRIMARY KEY ON CONFLICT IGNORE,
            kind TEXT NOT NULL CHECK (kind IN ('naam', 'term')),
            added_at TEXT NOT NULL
        );
        CREATE TABLE accepted_words (
            word TEXT NOT NULL COLLATE NOCASE PRIMARY KEY ON CONFLICT IGNORE,
            added_at TEXT NOT NULL
        );
        {_register("participants", "display_name", "naam")}
        {_register("review_session_participants", "display_name", "naam")}
        {_register("observations", "author_name", "naam", "new.author_name IS NOT NULL")}
        {_register("export_terms", "term", "term")}
        INSERT OR IGNORE INTO name_register(name, kind, added_at)
            SELECT DISTINCT trim(display_name), 'naam', {_NOW} FROM participants
            WHERE trim(display_name) <> '';
        INSERT OR IGNORE INTO name_register(name, kind, added_at)
            SELECT DISTINCT trim(display_name), 'naam', {_NOW} FROM review_session_participants
            WHERE trim(display_name) <> '';
        INSERT OR IGNORE INTO name_register(name, kind, added_at)
            SELECT DISTINCT trim(author_name), 'naam', {_NOW} FROM observations
            WHERE trim(coalesce(author_name, '')) <> '';
        INSERT OR IGNORE INTO name_register(name, kind, added_at)
            SELECT DISTINCT trim(term), 'term', {_NOW} FROM export_terms WHERE trim(term) <> ''
        """,  # noqa: S608 - constant table and column names only
    )

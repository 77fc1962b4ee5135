"""Schema migrations, one module per version: ``vNNNN_<what>.py`` with ``VERSION`` and
``apply(conn)``. They are discovered in order by ``storage.migrations``; a new feature adds its
own module with the next free number and touches no shared list."""

from __future__ import annotations

from typing import Any

import sqlcipher3


def run_script(conn: Any, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    ``executescript`` would commit first; statements (triggers included) are split where
    SQLite itself says a statement is complete.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        conn.execute(buffer)

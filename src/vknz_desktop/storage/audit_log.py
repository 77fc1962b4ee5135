"""The audit log: a hash chain of who-did-what entries, never with content."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from vknz_desktop.domain.models import AuditAction, AuditEntry, Role

GENESIS_HASH = "0" * 64


def _entry_hash(
    prev_hash: str, at: str, action: str, role: str | None, recording_id: str | None, details: str
) -> str:
    material = json.dumps(
        [prev_hash, at, action, role, recording_id, details], separators=(",", ":")
    )
    return hashlib.sha256(material.encode()).hexdigest()


def append(
    conn: Any,
    action: AuditAction,
    role: Role | None,
    recording_id: str | None = None,
    details: Mapping[str, int | str] | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Append one entry; call inside the transaction of the change it records."""
    at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    details_text = json.dumps(dict(details or {}), sort_keys=True, separators=(",", ":"))
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = row[0] if row else GENESIS_HASH
    role_text = role.value if role else None
    conn.execute(
        "INSERT INTO audit_log(at, action, role, recording_id, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            at,
            action.value,
            role_text,
            recording_id,
            details_text,
            prev_hash,
            _entry_hash(prev_hash, at, action.value, role_text, recording_id, details_text),
        ),
    )
    head = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.execute(
        "INSERT INTO settings(key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (f"{head[0]}:{head[1]}",),
    )


def entries(conn: Any) -> list[AuditEntry]:
    """All entries, oldest first."""
    rows = conn.execute(
        "SELECT id, at, action, role, recording_id, details FROM audit_log ORDER BY id"
    ).fetchall()
    return [
        AuditEntry(
            id=row[0],
            at=dt.datetime.fromisoformat(row[1]),
            action=AuditAction(row[2]),
            role=Role(row[3]) if row[3] else None,
            recording_id=row[4],
            details=json.loads(row[5]),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ChainProblem:
    """An audit entry that was edited, or a gap where entries were removed."""

    entry_id: int
    message: str


def verify_chain(conn: Any) -> list[ChainProblem]:
    """Check every entry's hash and link; report edited and removed entries."""
    problems: list[ChainProblem] = []
    prev_hash = GENESIS_HASH
    prev_id = 0
    rows = conn.execute(
        "SELECT id, at, action, role, recording_id, details, prev_hash, hash"
        " FROM audit_log ORDER BY id"
    ).fetchall()
    for entry_id, at, action, role, recording_id, details, stored_prev, stored_hash in rows:
        if stored_prev != prev_hash or entry_id != prev_id + 1:
            problems.append(
                ChainProblem(entry_id, f"logboekregel(s) vóór regel {entry_id} verwijderd")
            )
        if _entry_hash(stored_prev, at, action, role, recording_id, details) != stored_hash:
            problems.append(ChainProblem(entry_id, f"logboekregel {entry_id} is gewijzigd"))
        prev_hash = stored_hash
        prev_id = entry_id
    head = conn.execute("SELECT value FROM settings WHERE key = 'audit_head'").fetchone()
    expected_head = head[0] if head else None
    actual_head = f"{prev_id}:{prev_hash}" if rows else None
    if expected_head != actual_head:
        problems.append(
            ChainProblem(prev_id, "de laatste logboekregel(s) zijn verwijderd of gewijzigd")
        )
    return problems

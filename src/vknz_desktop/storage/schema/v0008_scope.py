"""Schema version 8: which recording a fragment was cut from, and no contradictory consent.

- ``recordings.derived_from``: the recording a fragment was made from by *alleen fragmenten
  bewaren*, so the notes kept as text on the replaced recording can be found from each of its
  fragments. Filled for earlier fragments from their audit entries (``keep_fragments`` with a
  ``source``).
- A consent that says *alleen zelf terugkijken* together with another scope (earlier versions
  allowed ticking both) is read the narrow way: only reviewing alone. Each change is written
  to the audit log as ``consent_changed`` with the old and new scope codes. A trigger does the
  same for rows copied in later (rescuing a damaged vault copies rows into a new schema); the
  app itself can no longer save such a consent (``domain.models.Consent`` refuses it).

Independent of versions 5 to 7: it only touches tables of versions 1 and 3.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.domain.models import AuditAction
from vknz_desktop.storage import audit_log
from vknz_desktop.storage.schema import run_script

VERSION = 8

#: Scopes are stored as sorted codes joined by commas, e.g. "collegas,zelf".
_CONTRADICTORY = "(',' || scopes || ',') LIKE '%,zelf,%' AND scopes <> 'zelf'"


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        ALTER TABLE recordings ADD COLUMN derived_from TEXT
            REFERENCES recordings(id) ON DELETE SET NULL;
        CREATE INDEX recordings_by_source ON recordings(derived_from);
        UPDATE recordings SET derived_from = (
            SELECT source FROM (
                SELECT a.id AS entry, a.recording_id AS fragment,
                    CASE WHEN json_valid(a.details)
                        THEN json_extract(a.details, '$.source') END AS source
                FROM audit_log a WHERE a.action = 'keep_fragments'
            )
            WHERE fragment = recordings.id AND source IN (SELECT id FROM recordings)
            ORDER BY entry DESC LIMIT 1
        );
        CREATE TRIGGER consents_alleen_zelf_insert AFTER INSERT ON consents
        WHEN (',' || NEW.scopes || ',') LIKE '%,zelf,%' AND NEW.scopes <> 'zelf'
        BEGIN
            UPDATE consents SET scopes = 'zelf' WHERE recording_id = NEW.recording_id;
        END;
        CREATE TRIGGER consents_alleen_zelf_update AFTER UPDATE OF scopes ON consents
        WHEN (',' || NEW.scopes || ',') LIKE '%,zelf,%' AND NEW.scopes <> 'zelf'
        BEGIN
            UPDATE consents SET scopes = 'zelf' WHERE recording_id = NEW.recording_id;
        END
        """,
    )
    rows = conn.execute(
        f"SELECT recording_id, scopes FROM consents WHERE {_CONTRADICTORY}"  # noqa: S608
        " ORDER BY recording_id"
    ).fetchall()
    for recording_id, scopes in rows:
        conn.execute("UPDATE consents SET scopes = 'zelf' WHERE recording_id = ?", (recording_id,))
        audit_log.append(
            conn,
            AuditAction.CONSENT_CHANGED,
            None,
            recording_id,
            {"scopes": "zelf", "was": scopes, "reason": "tegenstrijdig"},
        )

"""Schema version 10: what the library shows without reading every picture.

- ``source_reminders``: a recording imported from a phone or a removable medium (a memory
  card, a USB stick), so that the library reminds the user to remove it there too, and from
  the phone's cloud backup; ``source_removed`` once the app removed the file itself. It goes
  with its recording (cascade), or when the user says it is done. Only an id and two facts;
  never the file name.
- ``derived_media`` of kind ``cover-v1``: one picture per recording (the library's thumbnail),
  taken from the recording's 60 thumbnails so the library reads ~4 KB instead of ~240 KB per
  row. From now on ``Vault.store_derived_media`` stores it together with the thumbnails.
- ``observations_tally``: an index that holds what ``Vault.observation_tallies`` groups by, so
  the library's counts read the index alone (at a year of data 0.6 s → a few ms: the rows,
  with their text, are not decrypted).
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.domain.derived import COVER_KIND, THUMBNAILS_KIND, cover_of, decode_thumbnails
from vknz_desktop.storage.schema import run_script

VERSION = 10


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        CREATE TABLE source_reminders (
            recording_id TEXT PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
            medium TEXT NOT NULL CHECK (medium IN ('telefoon', 'verwisselbaar')),
            source_removed INTEGER NOT NULL DEFAULT 0 CHECK (source_removed IN (0, 1)),
            noted_at TEXT NOT NULL
        );
        CREATE INDEX observations_tally
            ON observations(recording_id, author_role, perspective, sharing_state);
        """,
    )
    rows = conn.execute(
        "SELECT recording_id, data, created_at FROM derived_media WHERE kind = ?",
        (THUMBNAILS_KIND,),
    ).fetchall()
    for recording_id, data, created_at in rows:
        try:
            cover = cover_of(decode_thumbnails(bytes(data)))
        except ValueError:
            continue  # a damaged cache: the library shows the placeholder
        if cover is not None:
            conn.execute(
                "INSERT OR REPLACE INTO derived_media(recording_id, kind, data, created_at)"
                " VALUES (?, ?, ?, ?)",
                (recording_id, COVER_KIND, cover, created_at),
            )

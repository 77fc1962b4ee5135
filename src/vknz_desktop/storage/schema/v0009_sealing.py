"""Schema version 9: klant feedback sealed for the onderzoeker (see ``domain.sealing``).

- ``onderzoekers``: each registered onderzoeker's name, X25519 public key and private key
  wrapped under their own passphrase (JSON, ``storage.sealing_crypto.WrappedPrivateKey``).
- ``sealed_items``: a klant item that may not (yet) be shared. Its facts in the clear (when,
  which recording, session and column, sharing state); its words only as AES-256-GCM
  ciphertext. It goes when its recording goes (cascade), like an observation.
- ``sealed_item_keys``: the item's key wrapped for one onderzoeker (ephemeral X25519 public
  key, nonce, wrapped key).
- ``observations.shared_at`` / ``shared_by``: when and by which onderzoeker the klant's *mag
  gedeeld worden* was recorded.

Guards in the database itself, whatever code writes:

- an id is never both an observation and a sealed item (``never both``);
- once an onderzoeker is registered, no klant item that is not shared can be written into
  ``observations`` (where the full-text index would take its words): it must be sealed.

Nothing is sealed here: the first onderzoeker's registration seals the klant items already
there (``storage.sealing_repo``). Independent of versions 7 and 8.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 9

#: An unshared klant item (``domain.visibility.is_klant_feedback``), for the triggers.
_UNSHARED_KLANT = (
    "(NEW.author_role = 'klant' OR NEW.perspective = 'klant')"
    " AND NEW.sharing_state <> 'mag_gedeeld'"
)


def apply(conn: Any) -> None:
    run_script(
        conn,
        f"""
        CREATE TABLE onderzoekers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            private_key TEXT NOT NULL,
            registered_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX onderzoekers_by_name ON onderzoekers(lower(name));
        CREATE TABLE sealed_items (
            id TEXT PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            time_ms INTEGER NOT NULL CHECK (time_ms >= 0),
            end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= time_ms),
            author_role TEXT NOT NULL,
            session_id TEXT REFERENCES review_sessions(id) ON DELETE SET NULL,
            perspective TEXT,
            sharing_state TEXT NOT NULL DEFAULT 'nog_niet_gevraagd'
                CHECK (sharing_state IN ('nog_niet_gevraagd', 'niet_delen')),
            created_at TEXT NOT NULL,
            edited_at TEXT NOT NULL,
            nonce BLOB NOT NULL,
            ciphertext BLOB NOT NULL
        );
        CREATE INDEX sealed_items_by_recording ON sealed_items(recording_id, time_ms);
        CREATE INDEX sealed_items_by_session ON sealed_items(session_id);
        CREATE TABLE sealed_item_keys (
            item_id TEXT NOT NULL REFERENCES sealed_items(id) ON DELETE CASCADE,
            onderzoeker_id TEXT NOT NULL REFERENCES onderzoekers(id) ON DELETE CASCADE,
            ephemeral_public BLOB NOT NULL CHECK (length(ephemeral_public) = 32),
            nonce BLOB NOT NULL,
            wrapped_key BLOB NOT NULL,
            PRIMARY KEY (item_id, onderzoeker_id)
        );
        CREATE INDEX sealed_item_keys_by_onderzoeker ON sealed_item_keys(onderzoeker_id);
        ALTER TABLE observations ADD COLUMN shared_at TEXT;
        ALTER TABLE observations ADD COLUMN shared_by TEXT;
        CREATE TRIGGER sealed_items_not_both BEFORE INSERT ON sealed_items
        WHEN EXISTS (SELECT 1 FROM observations WHERE id = NEW.id)
        BEGIN
            SELECT RAISE(ABORT, 'item is already an observation');
        END;
        CREATE TRIGGER observations_not_both BEFORE INSERT ON observations
        WHEN EXISTS (SELECT 1 FROM sealed_items WHERE id = NEW.id)
        BEGIN
            SELECT RAISE(ABORT, 'item is sealed');
        END;
        CREATE TRIGGER observations_klant_sealed_insert BEFORE INSERT ON observations
        WHEN {_UNSHARED_KLANT} AND EXISTS (SELECT 1 FROM onderzoekers)
        BEGIN
            SELECT RAISE(ABORT, 'klant item must be sealed');
        END;
        CREATE TRIGGER observations_klant_sealed_update
        BEFORE UPDATE OF author_role, perspective, sharing_state ON observations
        WHEN {_UNSHARED_KLANT} AND EXISTS (SELECT 1 FROM onderzoekers)
        BEGIN
            SELECT RAISE(ABORT, 'klant item must be sealed');
        END
        """,  # noqa: S608 - a constant condition
    )

"""Sealed klant items inside the caller's transaction: the rows of schema 9 (``sealed_items``,
``sealed_item_keys``, ``onderzoekers``) and the crypto of ``sealing_crypto``.

Used by ``observations_repo`` (every klant item that is not shared is sealed where it is
written) and ``sealing_repo`` (registering, unsealing, sharing). Every function takes an open
connection and never commits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from vknz_desktop.domain.errors import VaultDamagedError
from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.sealing import (
    NotYourItemError,
    SealedItem,
    payload_of,
    sealed_facts,
    unsealed,
)
from vknz_desktop.storage import sealing_crypto
from vknz_desktop.storage.sealing_crypto import SealedWords, Stanza

#: Sealed words are padded to a multiple of this many bytes, so the ciphertext's length says
#: little about how much the klant said.
PAD_BYTES = 256

_ITEM_COLUMNS = (
    "id, recording_id, time_ms, end_ms, author_role, session_id, perspective, sharing_state,"
    " created_at, edited_at"
)
_READERS = "(SELECT group_concat(onderzoeker_id) FROM sealed_item_keys k WHERE k.item_id = s.id)"

NOT_YOURS_MESSAGE = (
    "Dit item is verzegeld voordat deze onderzoeker zich registreerde, alleen voor de "
    "onderzoekers van toen. Een van hen kan het openen of toegang geven."
)


def has_tables(conn: Any) -> bool:
    """Whether the vault has schema 9's tables (an older schema during migration: no)."""
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sealed_items'"
        ).fetchone()
        is not None
    )


def recipients(conn: Any) -> list[tuple[str, bytes]]:
    """Every registered onderzoeker: (id, public key), in order of registration."""
    if not has_tables(conn):
        return []
    rows = conn.execute(
        "SELECT id, public_key FROM onderzoekers ORDER BY registered_at, id"
    ).fetchall()
    return [(str(i), bytes(k)) for i, k in rows]


def state_of(conn: Any, item_id: str) -> SharingState | None:
    """The sharing state of a sealed item, or None when ``item_id`` is not sealed."""
    if not has_tables(conn):
        return None
    row = conn.execute("SELECT sharing_state FROM sealed_items WHERE id = ?", (item_id,)).fetchone()
    return SharingState(row[0]) if row else None


def encode(observation: Observation) -> bytes:
    """The words to seal: JSON of ``SEALED_FIELDS``, padded with spaces."""
    data = json.dumps(payload_of(observation), ensure_ascii=False, sort_keys=True).encode()
    return data + b" " * (-len(data) % PAD_BYTES)


def decode(data: bytes) -> dict[str, Any]:
    """The words of an unsealed item."""
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise VaultDamagedError(sealing_crypto.DAMAGED_SEALED_ITEM) from error
    if not isinstance(payload, dict):
        raise VaultDamagedError(sealing_crypto.DAMAGED_SEALED_ITEM)
    return payload


def insert(conn: Any, observation: Observation, readers: Sequence[tuple[str, bytes]]) -> None:
    """Seal ``observation`` for ``readers`` (id, public key) and store it (a new id)."""
    facts = sealed_facts(observation)
    words, stanzas = sealing_crypto.seal(observation.id, encode(observation), readers)
    conn.execute(
        f"INSERT INTO sealed_items({_ITEM_COLUMNS}, nonce, ciphertext)"  # noqa: S608
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            facts.id,
            facts.recording_id,
            facts.time_ms,
            facts.end_ms,
            facts.author_role.value,
            facts.session_id,
            facts.perspective.value if facts.perspective else None,
            facts.sharing_state.value,
            facts.created_at.isoformat(),
            facts.edited_at.isoformat(),
            words.nonce,
            words.ciphertext,
        ),
    )
    insert_stanzas(conn, observation.id, stanzas)


def insert_stanzas(conn: Any, item_id: str, stanzas: Sequence[Stanza]) -> None:
    """Store the item key wrapped for these onderzoekers."""
    conn.executemany(
        "INSERT OR REPLACE INTO sealed_item_keys(item_id, onderzoeker_id, ephemeral_public,"
        " nonce, wrapped_key) VALUES (?,?,?,?,?)",
        [(item_id, s.onderzoeker_id, s.ephemeral_public, s.nonce, s.wrapped_key) for s in stanzas],
    )


def readers_of(conn: Any, item_id: str) -> list[tuple[str, bytes]]:
    """The onderzoekers (id, public key) who can open a sealed item."""
    rows = conn.execute(
        "SELECT o.id, o.public_key FROM sealed_item_keys k JOIN onderzoekers o"
        " ON o.id = k.onderzoeker_id WHERE k.item_id = ? ORDER BY o.registered_at, o.id",
        (item_id,),
    ).fetchall()
    return [(str(i), bytes(k)) for i, k in rows]


def reseal(conn: Any, observation: Observation) -> None:
    """Replace a sealed item's words (an edit), sealed for the same onderzoekers as before."""
    readers = readers_of(conn, observation.id) or recipients(conn)
    conn.execute("DELETE FROM sealed_items WHERE id = ?", (observation.id,))
    insert(conn, observation, readers)


def seal_plain(conn: Any, observation: Observation, readers: Sequence[tuple[str, bytes]]) -> None:
    """Move a plaintext observation row into the sealed items (its words leave the row and
    the full-text index at once: secure-delete). The caller reclaims the space afterwards."""
    conn.execute("DELETE FROM observations WHERE id = ?", (observation.id,))
    insert(conn, observation, readers)


def _to_item(row: tuple[Any, ...]) -> SealedItem:
    (
        item_id,
        recording_id,
        time_ms,
        end_ms,
        author_role,
        session_id,
        perspective,
        state,
        created,
        edited,
        readers,
    ) = row
    return SealedItem(
        id=item_id,
        recording_id=recording_id,
        time_ms=time_ms,
        end_ms=end_ms,
        author_role=Role(author_role),
        session_id=session_id,
        perspective=Role(perspective) if perspective else None,
        sharing_state=SharingState(state),
        created_at=dt.datetime.fromisoformat(created),
        edited_at=dt.datetime.fromisoformat(edited),
        readable_by=tuple(sorted(str(readers).split(","))) if readers else (),
    )


def items(
    conn: Any, *, recording_id: str | None = None, session_id: str | None = None
) -> list[SealedItem]:
    """Sealed items (facts only) in time order, of one recording or session or all."""
    if not has_tables(conn):
        return []
    where = ""
    params: tuple[str, ...] = ()
    if recording_id is not None:
        where, params = " WHERE s.recording_id = ?", (recording_id,)
    elif session_id is not None:
        where, params = " WHERE s.session_id = ?", (session_id,)
    prefixed = ", ".join(f"s.{c.strip()}" for c in _ITEM_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {prefixed}, {_READERS} FROM sealed_items s{where}"  # noqa: S608
        " ORDER BY s.recording_id, s.time_ms, s.created_at",
        params,
    ).fetchall()
    return [_to_item(row) for row in rows]


def item(conn: Any, item_id: str) -> SealedItem | None:
    """One sealed item's facts."""
    prefixed = ", ".join(f"s.{c.strip()}" for c in _ITEM_COLUMNS.split(","))
    row = conn.execute(
        f"SELECT {prefixed}, {_READERS} FROM sealed_items s WHERE s.id = ?",  # noqa: S608
        (item_id,),
    ).fetchone()
    return _to_item(row) if row else None


def stanza(conn: Any, item_id: str, onderzoeker_id: str) -> Stanza | None:
    """The item key wrapped for one onderzoeker, if the item was sealed for them."""
    row = conn.execute(
        "SELECT ephemeral_public, nonce, wrapped_key FROM sealed_item_keys"
        " WHERE item_id = ? AND onderzoeker_id = ?",
        (item_id, onderzoeker_id),
    ).fetchone()
    if row is None:
        return None
    return Stanza(onderzoeker_id, bytes(row[0]), bytes(row[1]), bytes(row[2]))


def words(conn: Any, item_id: str) -> SealedWords:
    """A sealed item's encrypted words."""
    row = conn.execute(
        "SELECT nonce, ciphertext FROM sealed_items WHERE id = ?", (item_id,)
    ).fetchone()
    if row is None:
        raise VaultDamagedError(sealing_crypto.DAMAGED_SEALED_ITEM)
    return SealedWords(bytes(row[0]), bytes(row[1]))


def open_item(conn: Any, facts: SealedItem, onderzoeker_id: str, private: bytearray) -> Observation:
    """Unseal one item with an onderzoeker's private key (NotYourItemError when it was not
    sealed for them)."""
    found = stanza(conn, facts.id, onderzoeker_id)
    if found is None:
        raise NotYourItemError(NOT_YOURS_MESSAGE)
    plaintext = bytearray(sealing_crypto.unseal(facts.id, words(conn, facts.id), found, private))
    try:
        return unsealed(facts, decode(bytes(plaintext)))
    finally:
        sealing_crypto.wipe(plaintext)


def item_key(conn: Any, item_id: str, onderzoeker_id: str, private: bytearray) -> bytearray:
    """The item key (for granting a new onderzoeker access), or NotYourItemError."""
    found = stanza(conn, item_id, onderzoeker_id)
    if found is None:
        raise NotYourItemError(NOT_YOURS_MESSAGE)
    return sealing_crypto.open_item_key(item_id, found, private)


def plain_klant_rows(conn: Any) -> list[str]:
    """Ids of klant items stored in the clear that are not shared (a vault from before any
    onderzoeker registered)."""
    rows = conn.execute(
        "SELECT id FROM observations WHERE (author_role = 'klant' OR perspective = 'klant')"
        " AND sharing_state <> 'mag_gedeeld' ORDER BY rowid"
    ).fetchall()
    return [str(r[0]) for r in rows]

"""Keys in memory: held in ``bytearray``s that are overwritten when they are no longer needed.

Python's ``bytes`` and ``str`` cannot be changed, and the memory of one that is no longer used
keeps its contents until something else is put there. So the vault holds its database key and
the media keys it hands out in ``bytearray``s and overwrites them (``wipe``) at lock and close;
the database is keyed with ``sqlite3_key`` (``Connection.set_key``) from a ``bytearray``, never
through an SQL text (``PRAGMA key = "x'…'"`` left the key in hexadecimal in Python's and
SQLite's memory); and the few ``bytes`` a library hands back with key material in them (the
Argon2id result, a media key read from the database, ``os.urandom``) are overwritten in place
right after they are copied (``scrub``, CPython only).

What this cannot reach (docs/privacy.md says so): copies libraries make on their own, such as
the decrypted database pages SQLite frees without overwriting them (``cipher_memory_security``
is off, see docs/architecture.md), and Python strings (notes, titles, the passphrase typed).
"""

from __future__ import annotations

import ctypes
import os
import sys

#: Where the contents of a ``bytes`` object start, counted from the object (CPython).
_BYTES_DATA_OFFSET = sys.getsizeof(b"") - 1
_HEX_DIGITS = b"0123456789abcdef"


def wipe(buffer: bytearray | None) -> None:
    """Overwrite ``buffer`` with zeros (in place)."""
    if buffer:
        buffer[:] = bytes(len(buffer))


def scrub(value: bytes | None) -> None:
    """Overwrite the contents of an immutable ``bytes`` object that holds key material and is
    referenced nowhere else (e.g. what ``os.urandom`` or a database row just returned).

    Only on CPython, only for ``bytes`` of 2 bytes or more (shorter ones are shared
    singletons); never call it for a value that was hashed or may be shared.
    """
    if type(value) is not bytes or len(value) < 2 or sys.implementation.name != "cpython":
        return
    ctypes.memset(id(value) + _BYTES_DATA_OFFSET, 0, len(value))


def as_buffer(value: bytes) -> bytearray:
    """``value`` copied into a ``bytearray``; the ``bytes`` object is scrubbed."""
    buffer = bytearray(value)
    scrub(value)
    return buffer


def new_key(length: int = 32) -> bytearray:
    """A fresh random key in a ``bytearray``."""
    return as_buffer(os.urandom(length))


def raw_key_literal(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<hex>'`` of ``key``, built in a ``bytearray`` (no ``str``
    or ``bytes`` copy of the key is made); ``wipe`` it after use."""
    literal = bytearray(2 * len(key) + 3)
    literal[0:2] = b"x'"
    for index, byte in enumerate(key):
        literal[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
        literal[3 + 2 * index] = _HEX_DIGITS[byte & 0x0F]
    literal[-1] = ord("'")
    return literal


__all__ = ["as_buffer", "new_key", "raw_key_literal", "scrub", "wipe"]

"""Reading a vault the way an attacker with the raw database key would: page by page.

A logical read (SQL, ``sqlcipher_export``) only shows live rows. Deleted rows, free pages, old
page versions in the WAL and copies in ``backups/`` are only seen by decrypting every page of
every file. SQLCipher 4 with its default settings and a raw key (``PRAGMA key = "x'…'"``):

- pages of 4096 bytes; the last 80 bytes of each are reserved: IV (16) then HMAC-SHA512 (64);
- page 1 starts with the 16-byte file salt, the rest of every page is AES-256-CBC under the raw
  key with that page's IV (page 1 from byte 16, other pages from byte 0);
- the HMAC key is PBKDF2-HMAC-SHA512(raw key, salt XOR 0x3a, 2 iterations, 32 bytes); the HMAC
  covers the encrypted bytes, the IV and the page number (4 bytes, little-endian);
- a WAL file is a 32-byte header and frames of a 24-byte header (page number big-endian first)
  plus one encrypted page, encrypted like the page in the database file.

Reusable: ``decrypt_file`` gives every page of a database, WAL or backup file;
``find_secrets`` scans a whole vault folder (decrypting what is SQLCipher, reading everything
else raw) for byte strings that must not be there.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Page:
    """One decrypted page: where it came from and its plaintext (4096 - 80 bytes)."""

    source: str
    number: int
    plaintext: bytes
    authentic: bool


def hmac_key(raw_key: bytes, salt: bytes) -> bytes:
    """SQLCipher 4's HMAC key for a raw key and a file salt."""
    mask = bytes(b ^ 0x3A for b in salt)
    return hashlib.pbkdf2_hmac("sha512", raw_key, mask, 2, 32)


def decrypt_page(raw_key: bytes, salt: bytes, number: int, page: bytes) -> tuple[bytes, bool]:
    """Plaintext of one encrypted page and whether its HMAC checks out."""
    start = SALT_SIZE if number == 1 else 0
    body = page[start : PAGE_SIZE - RESERVE]
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - HMAC_SIZE]
    tag = page[PAGE_SIZE - HMAC_SIZE : PAGE_SIZE]
    mac = hmac.new(hmac_key(raw_key, salt), body + iv + number.to_bytes(4, "little"), "sha512")
    decryptor = Cipher(algorithms.AES(raw_key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(body) + decryptor.finalize()
    if number == 1:
        plain = SQLITE_HEADER + plain
    return plain, hmac.compare_digest(mac.digest(), tag)


def _pages_of_database(path: Path, raw_key: bytes, salt: bytes) -> Iterator[Page]:
    data = path.read_bytes()
    for index in range(len(data) // PAGE_SIZE):
        page = data[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
        if not any(page):
            yield Page(str(path), index + 1, bytes(PAGE_SIZE - RESERVE), True)
            continue
        plain, ok = decrypt_page(raw_key, salt, index + 1, page)
        yield Page(str(path), index + 1, plain, ok)


def _pages_of_wal(path: Path, raw_key: bytes, salt: bytes) -> Iterator[Page]:
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + WAL_FRAME_HEADER + PAGE_SIZE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + PAGE_SIZE]
        if number and any(page):
            plain, ok = decrypt_page(raw_key, salt, number, page)
            yield Page(f"{path}#frame@{offset}", number, plain, ok)
        offset += WAL_FRAME_HEADER + PAGE_SIZE


def decrypt_file(path: Path, raw_key: bytes, salt: bytes | None = None) -> list[Page]:
    """Every page of a SQLCipher database file (``*.db``) or WAL file (``*-wal``), free
    pages and stale frames included. ``salt``: the database's salt (read from ``path`` itself
    for a database file; give the main file's salt for a WAL)."""
    if path.name.endswith("-wal"):
        if salt is None:
            main = path.with_name(path.name[: -len("-wal")])
            salt = main.read_bytes()[:SALT_SIZE]
        return list(_pages_of_wal(path, raw_key, salt))
    return list(_pages_of_database(path, raw_key, salt or path.read_bytes()[:SALT_SIZE]))


def is_sqlcipher_file(path: Path) -> bool:
    """Database, WAL or backup files of a vault (by name)."""
    name = path.name
    return name.endswith((".db", ".db-wal")) or name in ("vault.db", "vault.db-wal")


@dataclass(frozen=True)
class Finding:
    """A secret found: in which file (and page), and which one."""

    where: str
    label: str


def variants(secret: bytes | str) -> list[bytes]:
    """The forms a secret can take on a page: as given (UTF-8), lower case, and lower case
    without its first character: FTS5 stores a term after the prefix it shares with the term
    before it. Choose text canaries whose first two letters no ordinary word starts with
    (e.g. 'qj…', 'zx…') and that stay unique without their first letter."""
    if isinstance(secret, bytes):
        return [secret]
    text = secret
    forms = {text.encode(), text.lower().encode()}
    if len(text) >= 8:
        forms.add(text.lower()[1:].encode())
    return sorted(forms)


def find_secrets(
    vault_dir: Path, raw_key: bytes, secrets: dict[str, bytes | str]
) -> tuple[list[Finding], int]:
    """Every occurrence of any secret in the vault folder: decrypted pages of every SQLCipher
    file (every page, every WAL frame, every backup) and the raw bytes of every other file.
    Returns the findings and how many pages were decrypted (all must authenticate)."""
    wanted = {label: variants(value) for label, value in secrets.items()}
    findings: list[Finding] = []
    pages = 0
    for dirpath, _dirs, names in os.walk(vault_dir):
        for name in sorted(names):
            path = Path(dirpath) / name
            if is_sqlcipher_file(path) and path.stat().st_size:
                chunks: Iterable[tuple[str, bytes]] = []
                decrypted = decrypt_file(path, raw_key)
                bad = [p.number for p in decrypted if not p.authentic]
                assert not bad, f"{path}: pages that do not authenticate: {bad}"
                pages += len(decrypted)
                chunks = [(f"{p.source} page {p.number}", p.plaintext) for p in decrypted]
            else:
                chunks = [(str(path), path.read_bytes())]
            for where, content in chunks:
                for label, forms in wanted.items():
                    if any(form in content for form in forms):
                        findings.append(Finding(where, label))
    return findings, pages

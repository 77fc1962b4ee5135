"""Encrypted media at rest: one file per recording, made of AES-256-GCM chunks.

Layout of ``media/<recording id>.vkm``::

    header   = b"VKNZMED1" + chunk_size (u32, big endian) + recording id (16 bytes)
    chunk i  = nonce (12 bytes) + ciphertext (<= chunk_size bytes) + tag (16 bytes)

Every chunk is authenticated with associated data = header + i (u64) + last-flag, so a chunk
that is changed, moved to another place, taken from another recording, or a file that is cut
short at a chunk boundary, all fail authentication. Each recording has its own random key kept
in the vault database; destroying that key makes the file unreadable (crypto-shredding).
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vknz_desktop.domain.errors import VaultDamagedError
from vknz_desktop.storage.fsutil import (
    disk_full_as_known_error,
    fsync_dir,
    open_private_for_writing,
)

MAGIC = b"VKNZMED1"
HEADER = struct.Struct(">8sI16s")
HEADER_SIZE = HEADER.size
NONCE_SIZE = 12
TAG_SIZE = 16
CHUNK_OVERHEAD = NONCE_SIZE + TAG_SIZE
DEFAULT_CHUNK_SIZE = 1024 * 1024
MEDIA_SUFFIX = ".vkm"
PARTIAL_SUFFIX = ".part"
DEFAULT_CACHE_CHUNKS = 8


class MediaDamagedError(VaultDamagedError):
    """A media file failed authentication or is cut short."""

    def __init__(self, recording_id: str, detail: str) -> None:
        super().__init__(f"De opname {recording_id} is beschadigd: {detail}.")
        self.recording_id = recording_id


@dataclass(frozen=True)
class MediaLayout:
    """What is needed to find and authenticate a recording's chunks."""

    recording_id: str
    size: int
    chunk_size: int = DEFAULT_CHUNK_SIZE

    @property
    def header(self) -> bytes:
        """The file header, also bound into every chunk's associated data."""
        return HEADER.pack(MAGIC, self.chunk_size, uuid.UUID(hex=self.recording_id).bytes)

    @property
    def chunk_count(self) -> int:
        """Number of chunks (at least one)."""
        return max(1, -(-self.size // self.chunk_size))

    @property
    def file_size(self) -> int:
        """Exact size of a sound media file for this layout."""
        return HEADER_SIZE + self.chunk_count * CHUNK_OVERHEAD + self.size

    def chunk_offset(self, index: int) -> int:
        """Where chunk ``index`` starts in the file."""
        return HEADER_SIZE + index * (CHUNK_OVERHEAD + self.chunk_size)

    def chunk_plain_size(self, index: int) -> int:
        """Plaintext length of chunk ``index``."""
        if index < self.chunk_count - 1:
            return self.chunk_size
        return self.size - (self.chunk_count - 1) * self.chunk_size

    def associated_data(self, index: int) -> bytes:
        """Associated data for chunk ``index``: header, index and whether it is the last."""
        last = b"\x01" if index == self.chunk_count - 1 else b"\x00"
        return self.header + struct.pack(">Q", index) + last


def media_path(media_dir: Path, recording_id: str) -> Path:
    """Where the encrypted bytes of ``recording_id`` live."""
    return media_dir / f"{recording_id}{MEDIA_SUFFIX}"


class ChunkWriter:
    """Writes a new encrypted media file chunk by chunk, to a ``.part`` file first.

    ``commit()`` renames it into place; ``discard()`` removes it. The plaintext never touches
    the disk: data is buffered in memory up to one chunk and encrypted before it is written.
    """

    def __init__(
        self, media_dir: Path, recording_id: str, key: bytes, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> None:
        self.recording_id = recording_id
        self._media_dir = media_dir
        self._aead = AESGCM(key)
        self._chunk_size = chunk_size
        self._header = MediaLayout(recording_id, 0, chunk_size).header
        self._partial = media_dir / f"{recording_id}{PARTIAL_SUFFIX}"
        self._buffer = bytearray()
        self._index = 0
        self._size = 0
        self._closed_by_last = False
        self._sealed: bytearray | None = None  # nonce + ciphertext + tag, reused per chunk
        with disk_full_as_known_error():
            self._fd: int | None = open_private_for_writing(self._partial)
            self._write(self._header)

    @property
    def size(self) -> int:
        """Plaintext bytes accepted so far."""
        return self._size

    def write(self, data: bytes | memoryview) -> None:
        """Accept plaintext bytes; whole chunks are encrypted and written as soon as known."""
        self._buffer += data
        self._size += len(data)
        # Keep at least one byte back: the final chunk must be flagged as last.
        while len(self._buffer) > self._chunk_size:
            self._emit(bytes(self._buffer[: self._chunk_size]), last=False)
            del self._buffer[: self._chunk_size]

    def write_chunk(self, plain: bytes | memoryview, *, last: bool) -> None:
        """Encrypt and write one whole chunk directly (fast path for imports).

        Every chunk but the last must be exactly ``chunk_size`` bytes.
        """
        if self._buffer:
            raise ValueError("cannot mix write() and write_chunk()")
        if not last and len(plain) != self._chunk_size:
            raise ValueError("only the last chunk may be shorter than chunk_size")
        self._size += len(plain)
        self._emit(plain, last=last)
        self._closed_by_last = last

    def commit(self) -> MediaLayout:
        """Write the last chunk, flush to disk and move the file into place."""
        if not self._closed_by_last:
            self._emit(bytes(self._buffer), last=True)
            self._buffer.clear()
        fd = self._require_fd()
        with disk_full_as_known_error():
            os.fsync(fd)
            os.close(fd)
            self._fd = None
            self._partial.replace(media_path(self._media_dir, self.recording_id))
            fsync_dir(self._media_dir)
        return MediaLayout(self.recording_id, self._size, self._chunk_size)

    def discard(self) -> None:
        """Forget everything written so far (idempotent)."""
        self._buffer.clear()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(FileNotFoundError):
            self._partial.unlink()

    def flush_to_disk(self) -> None:
        """Push what is written so far to the disk (may run in another thread than write)."""
        fd = self._fd
        if fd is None:
            return
        with disk_full_as_known_error():
            (os.fdatasync if hasattr(os, "fdatasync") else os.fsync)(fd)

    def _emit(self, plain: bytes | memoryview, *, last: bool) -> None:
        last_flag = b"\x01" if last else b"\x00"
        associated = self._header + struct.pack(">Q", self._index) + last_flag
        nonce = os.urandom(NONCE_SIZE)
        if hasattr(self._aead, "encrypt_into"):  # cryptography >= 44: no allocation per chunk
            end = NONCE_SIZE + len(plain) + TAG_SIZE
            if self._sealed is None or len(self._sealed) < end:
                self._sealed = bytearray(max(end, NONCE_SIZE + self._chunk_size + TAG_SIZE))
            view = memoryview(self._sealed)
            view[:NONCE_SIZE] = nonce
            self._aead.encrypt_into(nonce, plain, associated, view[NONCE_SIZE:end])
            self._write(view[:end])
            self._index += 1
            return
        sealed = self._aead.encrypt(nonce, plain, associated)
        fd = self._require_fd()
        if hasattr(os, "writev"):
            # Nonce and ciphertext in one system call, without joining them in memory.
            with disk_full_as_known_error():
                written = os.writev(fd, [nonce, sealed])
            if written < len(nonce) + len(sealed):
                self._write((nonce + sealed)[written:])
        else:  # pragma: no cover - Windows
            self._write(nonce + sealed)
        self._index += 1

    def _write(self, data: bytes | memoryview) -> None:
        fd = self._require_fd()
        view = memoryview(data)
        with disk_full_as_known_error():
            while view:
                written = os.write(fd, view)
                view = view[written:]

    def _require_fd(self) -> int:
        if self._fd is None:
            raise ValueError("writer is closed")
        return self._fd


class DecryptedStream(io.RawIOBase):
    """A read-only, seekable, thread-safe file-like view of one recording's plaintext.

    Serves libVLC (through ``read_at``, each reader keeping its own position) and PyAV
    (``av.open(stream)``, using ``read``/``seek``). Decrypted chunks are held in a small LRU
    cache in memory only. ``close()`` makes every later read fail at once.
    """

    def __init__(
        self, path: Path, key: bytes, layout: MediaLayout, cache_chunks: int = DEFAULT_CACHE_CHUNKS
    ) -> None:
        super().__init__()
        self.layout = layout
        self._aead: AESGCM | None = AESGCM(key)
        self._lock = threading.RLock()
        self._cache: OrderedDict[int, bytes] = OrderedDict()
        self._cache_chunks = max(1, cache_chunks)
        self._position = 0
        #: The first damage met while reading (a player that stops early can say why).
        self.damage: MediaDamagedError | None = None
        try:
            self._file: io.BufferedReader | None = path.open("rb", buffering=0)  # type: ignore[assignment]
        except FileNotFoundError as error:
            raise MediaDamagedError(
                layout.recording_id, "het versleutelde mediabestand ontbreekt"
            ) from error
        actual = os.fstat(self._file.fileno()).st_size  # type: ignore[union-attr]
        if actual != layout.file_size:
            self._file.close()  # type: ignore[union-attr]
            self._file = None
            raise MediaDamagedError(
                layout.recording_id,
                "het mediabestand is afgekapt"
                if actual < layout.file_size
                else "het mediabestand heeft een onverwachte lengte",
            )

    # -- io.RawIOBase -------------------------------------------------------------------------
    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    @property
    def size(self) -> int:
        """Plaintext size in bytes."""
        return self.layout.size

    def tell(self) -> int:
        with self._lock:
            return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        with self._lock:
            self._check_open()
            if whence == io.SEEK_SET:
                target = offset
            elif whence == io.SEEK_CUR:
                target = self._position + offset
            elif whence == io.SEEK_END:
                target = self.layout.size + offset
            else:
                raise ValueError(f"invalid whence {whence}")
            if target < 0:
                raise ValueError("negative seek position")
            self._position = target
            return target

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        with self._lock:
            data = self.read_at(self._position, len(buffer))
            buffer[: len(data)] = data
            self._position += len(data)
            return len(data)

    def read(self, size: int = -1) -> bytes:
        with self._lock:
            if size is None or size < 0:
                size = max(0, self.layout.size - self._position)
            data = self.read_at(self._position, size)
            self._position += len(data)
            return data

    def readall(self) -> bytes:
        return self.read(-1)

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
            self._aead = None
            self._cache.clear()
        super().close()

    # -- positional reads ---------------------------------------------------------------------
    def read_at(self, offset: int, size: int) -> bytes:
        """Up to ``size`` plaintext bytes from ``offset`` (fewer only at the end)."""
        self._check_open()
        end = min(offset + max(size, 0), self.layout.size)
        if offset >= end:
            return b""
        chunk_size = self.layout.chunk_size
        parts: list[bytes] = []
        position = offset
        while position < end:
            index = position // chunk_size
            chunk = self._chunk(index)
            start = position - index * chunk_size
            stop = min(len(chunk), end - index * chunk_size)
            parts.append(chunk[start:stop])
            position = index * chunk_size + stop
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def verify_all(self) -> None:
        """Authenticate every chunk; raises MediaDamagedError naming the recording."""
        for index in range(self.layout.chunk_count):
            self._decrypt(index)

    def _chunk(self, index: int) -> bytes:
        with self._lock:
            cached = self._cache.get(index)
            if cached is not None:
                self._cache.move_to_end(index)
                return cached
        plain = self._decrypt(index)
        with self._lock:
            self._cache[index] = plain
            while len(self._cache) > self._cache_chunks:
                self._cache.popitem(last=False)
        return plain

    def _decrypt(self, index: int) -> bytes:
        layout = self.layout
        length = layout.chunk_plain_size(index) + CHUNK_OVERHEAD
        with self._lock:
            self._check_open()
            file = self._file
            aead = self._aead
            assert file is not None and aead is not None
            raw = (
                os.pread(file.fileno(), length, layout.chunk_offset(index))
                if hasattr(os, "pread")
                else self._seek_read(file, layout.chunk_offset(index), length)
            )
        if len(raw) != length:
            raise self._damaged("het mediabestand is afgekapt")
        try:
            return aead.decrypt(raw[:NONCE_SIZE], raw[NONCE_SIZE:], layout.associated_data(index))
        except InvalidTag as error:
            raise self._damaged(
                f"blok {index} is gewijzigd of staat op de verkeerde plaats"
            ) from error

    def _damaged(self, detail: str) -> MediaDamagedError:
        error = MediaDamagedError(self.layout.recording_id, detail)
        if self.damage is None:
            self.damage = error
        return error

    @staticmethod
    def _seek_read(file: io.BufferedReader, offset: int, length: int) -> bytes:
        file.seek(offset)
        return file.read(length)

    def _check_open(self) -> None:
        if self._file is None or self.closed:
            raise ValueError("I/O operation on closed stream")

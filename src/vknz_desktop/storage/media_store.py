"""Encrypted media at rest: one file per recording, made of AES-256-GCM chunks.

Layout of ``media/<recording id>.vkm``::

    header   = b"VKNZMED1" + chunk_size (u32, big endian) + recording id (16 bytes)
    chunk i  = nonce (12 bytes) + ciphertext (<= chunk_size bytes) + tag (16 bytes)

Every chunk is authenticated with associated data = header + i (u64) + last-flag, so a chunk
that is changed, moved to another place, taken from another recording, or a file that is cut
short at a chunk boundary, all fail authentication. Each recording has its own random key kept
in the vault database; destroying that key makes the file unreadable (crypto-shredding).

A recording made in the app is written while it is produced, in the *live* layout::

    header   = b"VKNZLIV1" + max chunk size (u32) + recording id (16 bytes)
    chunk i  = plain length (u32) + media ms (u32) + nonce (12) + ciphertext + tag (16)

with associated data = header + i (u64) + length (u32) + media ms (u32) + last-flag. Chunks are
small and sealed at least every few seconds (``LiveChunkWriter.flush``), so a crash loses only
the chunk being filled; ``close_interrupted_live`` cuts such a file at its last complete chunk
and seals it with an empty last chunk. ``DecryptedStream`` reads both layouts (it looks at the
magic). After a recording stops it is remuxed into a normal (fixed-chunk) file through
``SeekableChunkWriter``, which muxers that go back to write an index can use.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import os
import struct
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vknz_desktop.domain.errors import VaultDamagedError
from vknz_desktop.storage.fsutil import (
    disk_full_as_known_error,
    fsync_dir,
    open_private_for_writing,
)

MAGIC = b"VKNZMED1"
LIVE_MAGIC = b"VKNZLIV1"
HEADER = struct.Struct(">8sI16s")
LIVE_RECORD = struct.Struct(">II")  # plain length, media milliseconds
LIVE_RECORD_SIZE = LIVE_RECORD.size
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
        self,
        media_dir: Path,
        recording_id: str,
        key: bytes | bytearray,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
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
        self,
        path: Path,
        key: bytes | bytearray,
        layout: MediaLayout,
        cache_chunks: int = DEFAULT_CACHE_CHUNKS,
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
        try:
            self._table: _ChunkTable = _table_for(self._file, layout)  # type: ignore[arg-type]
        except BaseException:
            self._file.close()  # type: ignore[union-attr]
            self._file = None
            raise

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
        table = self._table
        parts: list[bytes] = []
        position = offset
        while position < end:
            index = table.index_at(position)
            chunk = self._chunk(index)
            chunk_start = table.plain_offset(index)
            start = position - chunk_start
            stop = min(len(chunk), end - chunk_start)
            parts.append(chunk[start:stop])
            position = chunk_start + stop
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def verify_all(self) -> None:
        """Authenticate every chunk; raises MediaDamagedError naming the recording."""
        for index in range(self._table.chunk_count):
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
        table = self._table
        offset, length = table.sealed_range(index)
        with self._lock:
            self._check_open()
            file = self._file
            aead = self._aead
            assert file is not None and aead is not None
            raw = (
                os.pread(file.fileno(), length, offset)
                if hasattr(os, "pread")
                else self._seek_read(file, offset, length)
            )
        if len(raw) != length:
            raise self._damaged("het mediabestand is afgekapt")
        try:
            plain = aead.decrypt(raw[:NONCE_SIZE], raw[NONCE_SIZE:], table.associated_data(index))
        except InvalidTag as error:
            raise self._damaged(
                f"blok {index} is gewijzigd of staat op de verkeerde plaats"
            ) from error
        if len(plain) != table.plain_size(index):  # pragma: no cover - the tag binds the length
            raise self._damaged(f"blok {index} heeft een onverwachte lengte")
        return plain

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


# -- chunk tables: where each chunk of a file is ---------------------------------------------
class _ChunkTable(Protocol):
    chunk_count: int

    def index_at(self, plain_offset: int) -> int: ...

    def plain_offset(self, index: int) -> int: ...

    def plain_size(self, index: int) -> int: ...

    def sealed_range(self, index: int) -> tuple[int, int]: ...

    def associated_data(self, index: int) -> bytes: ...


class _FixedTable:
    """The normal layout: every chunk but the last is ``chunk_size`` bytes."""

    def __init__(self, layout: MediaLayout) -> None:
        self._layout = layout
        self.chunk_count = layout.chunk_count

    def index_at(self, plain_offset: int) -> int:
        return plain_offset // self._layout.chunk_size

    def plain_offset(self, index: int) -> int:
        return index * self._layout.chunk_size

    def plain_size(self, index: int) -> int:
        return self._layout.chunk_plain_size(index)

    def sealed_range(self, index: int) -> tuple[int, int]:
        return (
            self._layout.chunk_offset(index),
            self._layout.chunk_plain_size(index) + CHUNK_OVERHEAD,
        )

    def associated_data(self, index: int) -> bytes:
        return self._layout.associated_data(index)


@dataclass(frozen=True)
class LiveChunk:
    """One chunk of a live-layout file, as found by scanning the record headers."""

    file_offset: int  # where its record header starts
    plain_offset: int
    length: int
    media_ms: int

    @property
    def end(self) -> int:
        """File offset just after this chunk."""
        return self.file_offset + LIVE_RECORD_SIZE + CHUNK_OVERHEAD + self.length


def live_associated_data(
    header: bytes, index: int, length: int, media_ms: int, last: bool
) -> bytes:
    """Associated data of chunk ``index`` in the live layout."""
    return (
        header
        + struct.pack(">Q", index)
        + LIVE_RECORD.pack(length, media_ms)
        + (b"\x01" if last else b"\x00")
    )


class _LiveTable:
    """The live layout: chunks of any size up to the maximum, found by their record headers."""

    def __init__(self, header: bytes, chunks: list[LiveChunk]) -> None:
        self._header = header
        self._chunks = chunks
        self._starts = [c.plain_offset for c in chunks]
        self.chunk_count = len(chunks)

    def index_at(self, plain_offset: int) -> int:
        index = bisect.bisect_right(self._starts, plain_offset) - 1
        # Skip empty chunks (an empty last chunk shares its start with nothing after it).
        while index > 0 and self._chunks[index].length == 0:
            index -= 1
        return max(0, index)

    def plain_offset(self, index: int) -> int:
        return self._chunks[index].plain_offset

    def plain_size(self, index: int) -> int:
        return self._chunks[index].length

    def sealed_range(self, index: int) -> tuple[int, int]:
        chunk = self._chunks[index]
        return chunk.file_offset + LIVE_RECORD_SIZE, chunk.length + CHUNK_OVERHEAD

    def associated_data(self, index: int) -> bytes:
        chunk = self._chunks[index]
        last = index == self.chunk_count - 1
        return live_associated_data(self._header, index, chunk.length, chunk.media_ms, last)


@dataclass(frozen=True)
class LiveScan:
    """What scanning a live-layout file found."""

    header: bytes
    max_chunk: int
    chunks: list[LiveChunk]
    file_size: int
    #: Bytes after the last whole record (a record being written when the process stopped).
    torn_tail: bool

    @property
    def size(self) -> int:
        """Plaintext bytes in the whole records."""
        return sum(c.length for c in self.chunks)


def scan_live(fd: int, recording_id: str) -> LiveScan:
    """Read the record headers of a live-layout file (no decryption)."""
    file_size = os.fstat(fd).st_size
    raw_header = os.pread(fd, HEADER_SIZE, 0)
    if len(raw_header) != HEADER_SIZE:
        raise MediaDamagedError(recording_id, "het mediabestand is afgekapt")
    magic, max_chunk, id_bytes = HEADER.unpack(raw_header)
    if magic != LIVE_MAGIC or id_bytes != uuid.UUID(hex=recording_id).bytes:
        raise MediaDamagedError(recording_id, "de kop van het mediabestand klopt niet")
    chunks: list[LiveChunk] = []
    offset = HEADER_SIZE
    plain = 0
    torn = False
    while offset < file_size:
        record = os.pread(fd, LIVE_RECORD_SIZE, offset)
        if len(record) < LIVE_RECORD_SIZE:
            torn = True
            break
        length, media_ms = LIVE_RECORD.unpack(record)
        chunk = LiveChunk(offset, plain, length, media_ms)
        if length > max_chunk or chunk.end > file_size:
            torn = True
            break
        chunks.append(chunk)
        plain += length
        offset = chunk.end
    return LiveScan(raw_header, max_chunk, chunks, file_size, torn)


def live_file_problem(path: Path, recording_id: str, size: int) -> str | None:
    """For ``verify`` before decrypting: whether a live-layout file's header, records and
    plaintext size fit the recording (a Dutch problem), or None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return f"het bestand kan niet worden gelezen ({error.strerror})"
    try:
        scan = scan_live(fd, recording_id)
    except MediaDamagedError:
        return (
            "de kop van het bestand klopt niet (beschadigd, of het bestand van een andere opname)"
        )
    finally:
        os.close(fd)
    if scan.torn_tail or not scan.chunks:
        return "het bestand is afgekapt of het laatste blok is onvolledig"
    if scan.size != size:
        return f"het bestand bevat {scan.size} bytes in plaats van {size} (afgekapt of verlengd)"
    return None


def _table_for(file: io.RawIOBase, layout: MediaLayout) -> _ChunkTable:
    fd = file.fileno()
    magic = os.pread(fd, len(MAGIC), 0)
    if magic == LIVE_MAGIC:
        scan = scan_live(fd, layout.recording_id)
        if scan.torn_tail or not scan.chunks:
            raise MediaDamagedError(layout.recording_id, "het mediabestand is afgekapt")
        if scan.size != layout.size:
            raise MediaDamagedError(
                layout.recording_id,
                "het mediabestand is afgekapt"
                if scan.size < layout.size
                else "het mediabestand heeft een onverwachte lengte",
            )
        return _LiveTable(scan.header, scan.chunks)
    actual = os.fstat(fd).st_size
    if actual != layout.file_size:
        raise MediaDamagedError(
            layout.recording_id,
            "het mediabestand is afgekapt"
            if actual < layout.file_size
            else "het mediabestand heeft een onverwachte lengte",
        )
    return _FixedTable(layout)


# -- writing a recording while it is made ----------------------------------------------------
#: A live file's chunks are at most this big (a chunk is sealed earlier by ``flush``).
LIVE_MAX_CHUNK = 256 * 1024


class LiveChunkWriter:
    """Appends a recording to ``media/<id>.vkm`` in the live layout while it is produced.

    The file exists from the start under its final name (the recording's row and key are
    stored before capture starts, so the next open keeps it). ``write`` buffers plaintext in
    memory only; ``flush`` seals what is buffered as one chunk and pushes it to the disk, so a
    crash loses at most what came after the last flush. ``close`` seals the last chunk.
    Thread-safe: the muxer writes while a timer may flush.
    """

    def __init__(
        self, media_dir: Path, recording_id: str, key: bytes, max_chunk: int = LIVE_MAX_CHUNK
    ) -> None:
        self.recording_id = recording_id
        self._aead = AESGCM(key)
        self._max_chunk = max_chunk
        self._header = HEADER.pack(LIVE_MAGIC, max_chunk, uuid.UUID(hex=recording_id).bytes)
        self._path = media_path(media_dir, recording_id)
        self._lock = threading.Lock()
        self._buffer = bytearray()
        self._index = 0
        self._size = 0
        self._sealed_size = 0
        self._media_ms = 0
        with disk_full_as_known_error():
            self._fd: int | None = open_private_for_writing(self._path)
            _write_all(self._fd, self._header)
            os.fsync(self._fd)
            fsync_dir(media_dir)

    @property
    def size(self) -> int:
        """Plaintext bytes accepted so far."""
        return self._size

    @property
    def sealed_size(self) -> int:
        """Plaintext bytes sealed in chunks on disk so far."""
        return self._sealed_size

    @property
    def file_size(self) -> int:
        """Bytes the file takes on disk so far."""
        return HEADER_SIZE + self._sealed_size + self._index * (LIVE_RECORD_SIZE + CHUNK_OVERHEAD)

    def write(self, data: bytes | memoryview) -> int:
        """Accept plaintext bytes (sealed when ``max_chunk`` bytes are buffered or at flush)."""
        with self._lock:
            self._require_fd()
            self._buffer += data
            self._size += len(data)
            while len(self._buffer) >= self._max_chunk:
                self._seal(bytes(self._buffer[: self._max_chunk]), last=False)
                del self._buffer[: self._max_chunk]
        return len(data)

    def flush(self, media_ms: int | None = None) -> None:
        """Seal what is buffered as a chunk and push it to the disk.

        ``media_ms``: how much of the recording (milliseconds) the bytes so far surely hold;
        kept in the chunk so an interrupted recording's length is known without decoding.
        """
        with self._lock:
            if media_ms is not None:
                self._media_ms = max(self._media_ms, min(int(media_ms), 0xFFFFFFFF))
            if self._fd is None:
                return
            if self._buffer:
                self._seal(bytes(self._buffer), last=False)
                self._buffer.clear()
            with disk_full_as_known_error():
                (os.fdatasync if hasattr(os, "fdatasync") else os.fsync)(self._fd)

    def close(self, media_ms: int | None = None) -> int:
        """Seal the rest as the last chunk and close the file; returns the plaintext size."""
        with self._lock:
            if media_ms is not None:
                self._media_ms = max(self._media_ms, min(int(media_ms), 0xFFFFFFFF))
            fd = self._require_fd()
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            with disk_full_as_known_error():
                os.fsync(fd)
            os.close(fd)
            self._fd = None
            return self._size

    def abandon(self) -> None:
        """Close the file without sealing (it stays, to be closed at the next open)."""
        with self._lock:
            self._buffer.clear()
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
                self._fd = None

    @property
    def closed(self) -> bool:
        """Whether close or abandon was called."""
        return self._fd is None

    def _seal(self, plain: bytes, *, last: bool) -> None:
        fd = self._require_fd()
        record = LIVE_RECORD.pack(len(plain), self._media_ms)
        associated = live_associated_data(
            self._header, self._index, len(plain), self._media_ms, last
        )
        nonce = os.urandom(NONCE_SIZE)
        sealed = self._aead.encrypt(nonce, plain, associated)
        with disk_full_as_known_error():
            _write_all(fd, record + nonce + sealed)
        self._index += 1
        self._sealed_size += len(plain)

    def _require_fd(self) -> int:
        if self._fd is None:
            raise ValueError("writer is closed")
        return self._fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


@dataclass(frozen=True)
class ClosedLive:
    """An interrupted live recording, closed at its last complete chunk."""

    size: int
    media_ms: int
    chunks: int
    #: Whether anything had to be cut off or sealed (False: it had been closed normally).
    was_open: bool


def close_interrupted_live(path: Path, key: bytes, recording_id: str) -> ClosedLive:
    """Close a live file that a crash left open: keep every chunk that authenticates, cut the
    file after the last one, and seal it with an empty last chunk.

    A file that already ends with its last chunk is left as it is. A chunk that fails
    authentication in the middle (not a crash: damage) raises MediaDamagedError and nothing
    is changed.
    """
    aead = AESGCM(key)
    fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    try:
        scan = scan_live(fd, recording_id)
        good: list[LiveChunk] = []
        for index, chunk in enumerate(scan.chunks):
            raw = os.pread(fd, chunk.length + CHUNK_OVERHEAD, chunk.file_offset + LIVE_RECORD_SIZE)
            is_final_record = index == len(scan.chunks) - 1
            if is_final_record and not scan.torn_tail:
                with contextlib.suppress(InvalidTag):
                    aead.decrypt(
                        raw[:NONCE_SIZE],
                        raw[NONCE_SIZE:],
                        live_associated_data(
                            scan.header, index, chunk.length, chunk.media_ms, last=True
                        ),
                    )
                    return ClosedLive(
                        sum(c.length for c in scan.chunks), chunk.media_ms, index + 1, False
                    )
            try:
                aead.decrypt(
                    raw[:NONCE_SIZE],
                    raw[NONCE_SIZE:],
                    live_associated_data(
                        scan.header, index, chunk.length, chunk.media_ms, last=False
                    ),
                )
            except InvalidTag as error:
                if scan.file_size - chunk.file_offset > 2 * (
                    scan.max_chunk + LIVE_RECORD_SIZE + CHUNK_OVERHEAD
                ):
                    raise MediaDamagedError(
                        recording_id, f"blok {index} is gewijzigd of staat op de verkeerde plaats"
                    ) from error
                break  # the chunk being written when the process stopped
            good.append(chunk)
        cut = good[-1].end if good else HEADER_SIZE
        media_ms = good[-1].media_ms if good else 0
        index = len(good)
        with disk_full_as_known_error():
            os.ftruncate(fd, cut)
            record = LIVE_RECORD.pack(0, media_ms)
            nonce = os.urandom(NONCE_SIZE)
            sealed = aead.encrypt(
                nonce, b"", live_associated_data(scan.header, index, 0, media_ms, last=True)
            )
            os.pwrite(fd, record + nonce + sealed, cut)
            os.fsync(fd)
        return ClosedLive(sum(c.length for c in good), media_ms, index + 1, True)
    finally:
        os.close(fd)


# -- a seekable writer for muxers that write an index at the end -----------------------------
class SeekableChunkWriter(io.RawIOBase):
    """A writable, seekable file-like object that produces a normal media file.

    For muxers that go back to fill in sizes and an index (Matroska's cues, MP4's moov):
    chunks are kept in memory while they may still change and sealed when the writer has
    moved past them; a seek back into a sealed chunk decrypts it into memory again. Writes
    to ``media/<id>.part``; ``commit`` seals the rest, checks every chunk and renames it.
    """

    def __init__(
        self,
        media_dir: Path,
        recording_id: str,
        key: bytes | bytearray,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        super().__init__()
        self.recording_id = recording_id
        self._media_dir = media_dir
        self._key = key
        self._aead = AESGCM(key)
        self._chunk_size = chunk_size
        self._header = MediaLayout(recording_id, 0, chunk_size).header
        self._partial = media_dir / f"{recording_id}{PARTIAL_SUFFIX}"
        self._dirty: dict[int, bytearray] = {}
        self._on_disk: set[int] = set()
        self._position = 0
        self._size = 0
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        with disk_full_as_known_error():
            self._fd: int | None = os.open(self._partial, flags, 0o600)
            _write_all(self._fd, self._header)

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    @property
    def size(self) -> int:
        """Plaintext bytes in the file so far."""
        return self._size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self._position + offset
        elif whence == io.SEEK_END:
            target = self._size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if target < 0:
            raise ValueError("negative seek position")
        self._position = target
        return target

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        size = self._chunk_size
        position = self._position
        done = 0
        while done < len(view):
            index, start = divmod(position, size)
            chunk = self._chunk(index)
            take = min(size - start, len(view) - done)
            if len(chunk) < start:
                chunk.extend(bytes(start - len(chunk)))
            chunk[start : start + take] = view[done : done + take]
            done += take
            position += take
        self._position = position
        self._size = max(self._size, position)
        self._seal_behind(position // size)
        return len(view)

    def commit(self) -> MediaLayout:
        """Seal every chunk (the last one flagged), check them all, move the file into place."""
        fd = self._require_fd()
        layout = MediaLayout(self.recording_id, self._size, self._chunk_size)
        last = layout.chunk_count - 1
        if last in self._on_disk:
            self._chunk(last)  # sealed as "not last": seal it again with the flag
        for index in range(layout.chunk_count):
            if index not in self._on_disk and index not in self._dirty:
                self._dirty[index] = bytearray()  # a hole: zeros
        for index in sorted(self._dirty):
            self._seal(index, layout)
        with disk_full_as_known_error():
            os.ftruncate(fd, layout.file_size)
            os.fsync(fd)
        os.close(fd)
        self._fd = None
        with DecryptedStream(self._partial, self._key, layout) as check:
            check.verify_all()
        with disk_full_as_known_error():
            self._partial.replace(media_path(self._media_dir, self.recording_id))
            fsync_dir(self._media_dir)
        return layout

    def discard(self) -> None:
        """Forget everything written so far (idempotent)."""
        self._dirty.clear()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(FileNotFoundError):
            self._partial.unlink()

    def close(self) -> None:
        # PyAV closes its output file object at the end; the file is committed explicitly.
        pass

    def _chunk(self, index: int) -> bytearray:
        chunk = self._dirty.get(index)
        if chunk is not None:
            return chunk
        if index in self._on_disk:
            offset = HEADER_SIZE + index * (CHUNK_OVERHEAD + self._chunk_size)
            raw = os.pread(self._require_fd(), self._chunk_size + CHUNK_OVERHEAD, offset)
            plain = self._aead.decrypt(
                raw[:NONCE_SIZE], raw[NONCE_SIZE:], self._not_last_data(index)
            )
            chunk = bytearray(plain)
            self._on_disk.discard(index)
        else:
            chunk = bytearray()
        self._dirty[index] = chunk
        return chunk

    def _seal_behind(self, current: int) -> None:
        for index in [i for i in self._dirty if i < current]:
            chunk = self._dirty[index]
            if len(chunk) == self._chunk_size:
                self._seal(index, None)

    def _not_last_data(self, index: int) -> bytes:
        return self._header + struct.pack(">Q", index) + b"\x00"

    def _seal(self, index: int, final: MediaLayout | None) -> None:
        chunk = self._dirty.pop(index)
        if final is not None:
            expected = final.chunk_plain_size(index)
            if len(chunk) < expected:
                chunk.extend(bytes(expected - len(chunk)))
            associated = final.associated_data(index)
            offset = final.chunk_offset(index)
        else:
            associated = self._not_last_data(index)
            offset = HEADER_SIZE + index * (CHUNK_OVERHEAD + self._chunk_size)
        nonce = os.urandom(NONCE_SIZE)
        sealed = self._aead.encrypt(nonce, bytes(chunk), associated)
        with disk_full_as_known_error():
            os.pwrite(self._require_fd(), nonce + sealed, offset)
        self._on_disk.add(index)

    def _require_fd(self) -> int:
        if self._fd is None:
            raise ValueError("writer is closed")
        return self._fd

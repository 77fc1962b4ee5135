"""The live layout (small chunks sealed while recording), closing an interrupted live file, and
the seekable writer that muxers with an index at the end write through."""

from __future__ import annotations

import io
import os
import random
import uuid
from pathlib import Path

import pytest

from vknz_desktop.storage.media_store import (
    HEADER_SIZE,
    DecryptedStream,
    LiveChunkWriter,
    MediaDamagedError,
    MediaLayout,
    SeekableChunkWriter,
    close_interrupted_live,
    media_path,
    scan_live,
)


def _live(
    tmp_path: Path, pieces: list[bytes], max_chunk: int = 1000
) -> tuple[str, bytes, LiveChunkWriter]:
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    writer = LiveChunkWriter(tmp_path, recording_id, key, max_chunk)
    for n, piece in enumerate(pieces):
        writer.write(piece)
        writer.flush(media_ms=(n + 1) * 1000)
    return recording_id, key, writer


def test_live_file_exists_from_the_start_and_reads_back_after_close(tmp_path: Path) -> None:
    pieces = [os.urandom(n) for n in (10, 999, 1000, 2500, 0, 7)]
    recording_id, key, writer = _live(tmp_path, pieces)
    path = media_path(tmp_path, recording_id)
    assert path.exists()  # under its final name: a row that owns it keeps it at the next open
    size = writer.close(media_ms=9000)
    data = b"".join(pieces)
    assert size == len(data)
    assert data[:64] not in path.read_bytes()
    with DecryptedStream(path, key, MediaLayout(recording_id, size, 1000)) as stream:
        assert stream.read() == data
        stream.seek(2000)
        assert stream.read(1500) == data[2000:3500]
        stream.seek(-3, io.SEEK_END)
        assert stream.read() == data[-3:]
        stream.verify_all()


def test_every_flush_seals_a_chunk_on_disk(tmp_path: Path) -> None:
    recording_id, _key, writer = _live(tmp_path, [b"a" * 10, b"b" * 20])
    path = media_path(tmp_path, recording_id)
    fd = os.open(path, os.O_RDONLY)
    try:
        scan = scan_live(fd, recording_id)
    finally:
        os.close(fd)
    assert [c.length for c in scan.chunks] == [10, 20]
    assert [c.media_ms for c in scan.chunks] == [1000, 2000]
    assert not scan.torn_tail
    assert writer.file_size == path.stat().st_size
    writer.close()


def test_a_live_file_that_was_never_closed_is_refused_by_the_reader(tmp_path: Path) -> None:
    recording_id, key, writer = _live(tmp_path, [b"x" * 50])
    writer.abandon()
    path = media_path(tmp_path, recording_id)
    stream = DecryptedStream(path, key, MediaLayout(recording_id, 50, 1000))
    with stream, pytest.raises(MediaDamagedError):
        stream.read()  # the last chunk is not flagged as last: cut short at a chunk boundary


@pytest.mark.parametrize("cut_back", [0, 1, 5, 17, 40])
def test_interrupted_file_is_closed_at_its_last_complete_chunk(
    tmp_path: Path, cut_back: int
) -> None:
    pieces = [os.urandom(300) for _ in range(5)]
    recording_id, key, writer = _live(tmp_path, pieces)
    writer.write(os.urandom(123))  # buffered, never flushed: lost
    writer.abandon()
    path = media_path(tmp_path, recording_id)
    if cut_back:  # the process died while writing the fifth record
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size - cut_back)
    closed = close_interrupted_live(path, key, recording_id)
    kept = pieces if not cut_back else pieces[:4]
    assert closed.was_open
    assert closed.size == sum(len(p) for p in kept)
    assert closed.media_ms == len(kept) * 1000
    with DecryptedStream(path, key, MediaLayout(recording_id, closed.size, 1000)) as stream:
        stream.verify_all()
        assert stream.read() == b"".join(kept)
    again = close_interrupted_live(path, key, recording_id)  # idempotent
    assert not again.was_open and again.size == closed.size


def test_a_file_killed_before_its_first_chunk_closes_empty(tmp_path: Path) -> None:
    recording_id, key, writer = _live(tmp_path, [])
    writer.abandon()
    path = media_path(tmp_path, recording_id)
    closed = close_interrupted_live(path, key, recording_id)
    assert closed.size == 0 and closed.chunks == 1
    assert path.stat().st_size > HEADER_SIZE


def test_damage_in_the_middle_is_not_cut_away(tmp_path: Path) -> None:
    pieces = [os.urandom(900) for _ in range(8)]
    recording_id, key, writer = _live(tmp_path, pieces)
    writer.abandon()
    path = media_path(tmp_path, recording_id)
    raw = bytearray(path.read_bytes())
    raw[HEADER_SIZE + 40] ^= 0x01  # inside the first chunk's ciphertext
    path.write_bytes(bytes(raw))
    with pytest.raises(MediaDamagedError):
        close_interrupted_live(path, key, recording_id)
    assert path.read_bytes() == bytes(raw)


def test_seekable_writer_with_backward_patches_reads_back_exactly(tmp_path: Path) -> None:
    rng = random.Random(7)
    chunk = 4096
    expected = bytearray()
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    writer = SeekableChunkWriter(tmp_path, recording_id, key, chunk)
    for _ in range(40):  # appends, as a muxer writes packets
        block = os.urandom(rng.randint(1, 3000))
        writer.write(block)
        expected += block
    for _ in range(10):  # then goes back to fill in sizes and an index
        at = rng.randrange(0, len(expected) - 16)
        patch = os.urandom(16)
        writer.seek(at)
        writer.write(patch)
        expected[at : at + 16] = patch
    writer.seek(0, io.SEEK_END)
    writer.write(b"tail")
    expected += b"tail"
    assert not media_path(tmp_path, recording_id).exists()
    layout = writer.commit()
    assert layout.size == len(expected)
    path = media_path(tmp_path, recording_id)
    assert path.stat().st_size == layout.file_size
    with DecryptedStream(path, key, layout) as stream:
        assert stream.read() == bytes(expected)


@pytest.mark.parametrize("size", [4096, 8192, 100])
def test_seekable_writer_flags_the_last_chunk_also_on_a_chunk_boundary(
    tmp_path: Path, size: int
) -> None:
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    writer = SeekableChunkWriter(tmp_path, recording_id, key, 4096)
    data = os.urandom(size)
    writer.write(data)
    writer.write(b"")
    layout = writer.commit()
    with DecryptedStream(media_path(tmp_path, recording_id), key, layout) as stream:
        stream.verify_all()
        assert stream.read() == data


def test_seekable_writer_discard_leaves_nothing(tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    writer = SeekableChunkWriter(media, uuid.uuid4().hex, os.urandom(32), 4096)
    writer.write(os.urandom(10000))
    writer.discard()
    assert list(media.iterdir()) == []

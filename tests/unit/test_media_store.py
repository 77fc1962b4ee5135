"""The encrypted chunk store and DecryptedStream, without the database."""

from __future__ import annotations

import io
import os
import threading
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vknz_desktop.storage.media_store import (
    CHUNK_OVERHEAD,
    HEADER_SIZE,
    ChunkWriter,
    DecryptedStream,
    MediaDamagedError,
    MediaLayout,
    media_path,
)

CHUNK = 4096


def _store(tmp_path: Path, data: bytes, chunk_size: int = CHUNK) -> tuple[MediaLayout, bytes, Path]:
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    writer = ChunkWriter(tmp_path, recording_id, key, chunk_size)
    writer.write(data)
    layout = writer.commit()
    return layout, key, media_path(tmp_path, recording_id)


@pytest.mark.parametrize("size", [1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])
def test_round_trip_for_sizes_around_chunk_boundaries(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    layout, key, path = _store(tmp_path, data)
    assert path.stat().st_size == layout.file_size
    if size >= 16:  # a shorter plaintext may occur in random ciphertext by chance
        assert data not in path.read_bytes()
    with DecryptedStream(path, key, layout) as stream:
        assert stream.read() == data
        back = min(5, size)
        stream.seek(-back, io.SEEK_END)
        assert stream.read(100) == data[-back:]
        assert stream.read(10) == b""


def test_write_chunk_fast_path_equals_buffered_path(tmp_path: Path) -> None:
    data = os.urandom(2 * CHUNK + 100)
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    writer = ChunkWriter(tmp_path, recording_id, key, CHUNK)
    writer.write_chunk(data[:CHUNK], last=False)
    writer.write_chunk(data[CHUNK : 2 * CHUNK], last=False)
    writer.write_chunk(data[2 * CHUNK :], last=True)
    layout = writer.commit()
    with DecryptedStream(media_path(tmp_path, recording_id), key, layout) as stream:
        assert stream.read() == data
    with pytest.raises(ValueError, match="last chunk"):
        ChunkWriter(tmp_path, uuid.uuid4().hex, key, CHUNK).write_chunk(b"short", last=False)


@settings(max_examples=60, deadline=None)
@given(reads=st.lists(st.tuples(st.integers(0, 5 * CHUNK), st.integers(0, 3 * CHUNK)), max_size=30))
def test_random_reads_match_the_plaintext(
    tmp_path_factory: pytest.TempPathFactory, reads: list[tuple[int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("rr")
    data = bytes(range(256)) * (4 * CHUNK // 256) + b"tail"
    layout, key, path = _store(folder, data)
    with DecryptedStream(path, key, layout, cache_chunks=2) as stream:
        for offset, size in reads:
            assert stream.read_at(offset, size) == data[offset : offset + size]
            stream.seek(offset)
            assert stream.read(size) == data[offset : offset + size]
            assert stream.tell() == min(offset + size, max(offset, len(data)))


def test_concurrent_readers_see_consistent_data(tmp_path: Path) -> None:
    data = os.urandom(6 * CHUNK)
    layout, key, path = _store(tmp_path, data)
    errors: list[str] = []
    with DecryptedStream(path, key, layout, cache_chunks=2) as stream:

        def reader(seed: int) -> None:
            import random

            rng = random.Random(seed)
            for _ in range(300):
                offset = rng.randrange(len(data))
                size = rng.randrange(1, 3 * CHUNK)
                if stream.read_at(offset, size) != data[offset : offset + size]:
                    errors.append(f"mismatch at {offset}")

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_flipped_byte_is_detected_and_names_the_chunk(tmp_path: Path) -> None:
    layout, key, path = _store(tmp_path, os.urandom(3 * CHUNK))
    raw = bytearray(path.read_bytes())
    raw[layout.chunk_offset(1) + 40] ^= 0x01
    path.write_bytes(bytes(raw))
    with DecryptedStream(path, key, layout) as stream:
        assert stream.read_at(0, 10)  # chunk 0 is still sound
        with pytest.raises(MediaDamagedError, match="blok 1"):
            stream.read_at(CHUNK, 10)
        with pytest.raises(MediaDamagedError):
            stream.verify_all()


def test_swapped_chunks_are_detected(tmp_path: Path) -> None:
    layout, key, path = _store(tmp_path, os.urandom(3 * CHUNK))
    raw = path.read_bytes()
    size = CHUNK + CHUNK_OVERHEAD
    first, second = layout.chunk_offset(0), layout.chunk_offset(1)
    swapped = (
        raw[:first] + raw[second : second + size] + raw[first : first + size] + raw[second + size :]
    )
    path.write_bytes(swapped)
    with DecryptedStream(path, key, layout) as stream, pytest.raises(MediaDamagedError):
        stream.read_at(0, 10)


def test_truncated_file_is_detected_even_at_a_chunk_boundary(tmp_path: Path) -> None:
    layout, key, path = _store(tmp_path, os.urandom(3 * CHUNK))
    raw = path.read_bytes()
    path.write_bytes(raw[: layout.chunk_offset(2)])
    with pytest.raises(MediaDamagedError, match="afgekapt"):
        DecryptedStream(path, key, layout)
    # Even if the recorded size were cut down too, the last-chunk flag gives it away.
    shorter = MediaLayout(layout.recording_id, 2 * CHUNK, CHUNK)
    with DecryptedStream(path, key, shorter) as stream, pytest.raises(MediaDamagedError):
        stream.verify_all()


def test_chunks_from_another_recording_are_rejected(tmp_path: Path) -> None:
    data = os.urandom(CHUNK)
    layout_a, key, path_a = _store(tmp_path, data)
    other_id = uuid.uuid4().hex
    writer = ChunkWriter(tmp_path, other_id, key, CHUNK)
    writer.write(data)
    writer.commit()
    # Same key, same data, but the file claims to be recording A.
    path_a.write_bytes(media_path(tmp_path, other_id).read_bytes())
    with DecryptedStream(path_a, key, layout_a) as stream, pytest.raises(MediaDamagedError):
        stream.read_at(0, 1)


def test_wrong_key_cannot_read(tmp_path: Path) -> None:
    layout, _key, path = _store(tmp_path, os.urandom(100))
    with DecryptedStream(path, os.urandom(32), layout) as stream, pytest.raises(MediaDamagedError):
        stream.read_at(0, 1)


def test_reads_fail_at_once_after_close(tmp_path: Path) -> None:
    layout, key, path = _store(tmp_path, os.urandom(100))
    stream = DecryptedStream(path, key, layout)
    stream.close()
    with pytest.raises(ValueError, match="closed"):
        stream.read_at(0, 1)


def test_discard_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    writer = ChunkWriter(folder, uuid.uuid4().hex, os.urandom(32), CHUNK)
    writer.write(os.urandom(3 * CHUNK))
    writer.discard()
    assert list(folder.iterdir()) == []


def test_header_size_is_what_the_layout_expects(tmp_path: Path) -> None:
    layout, _key, path = _store(tmp_path, b"x")
    assert path.read_bytes()[:8] == b"VKNZMED1"
    assert layout.file_size == HEADER_SIZE + CHUNK_OVERHEAD + 1

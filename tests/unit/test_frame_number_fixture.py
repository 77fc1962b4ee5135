"""The frame-number fixture reads back what it wrote, also after scaling and hard compression,
and refuses frames that carry no number (instead of misreading them)."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest
from tests.fixtures import frame_numbers as fn


def test_committed_fixture_is_as_documented() -> None:
    assert fn.verify() == []


def test_every_number_round_trips_unencoded() -> None:
    for number in (0, 1, 2, 255, 256, 1234, 4094, fn.MAX_NUMBER):
        assert fn.read_frame_number(fn.paint(number)) == number
    with pytest.raises(ValueError):
        fn.paint(fn.MAX_NUMBER + 1)


@pytest.mark.parametrize("size", [(160, 120), (640, 480), (1280, 720)])
def test_reads_scaled_frames(size: tuple[int, int]) -> None:
    with av.open(str(fn.FRAME_NUMBERS_MP4)) as container:
        for frame in container.decode(video=0):
            if frame.pts is None or frame.time is None or frame.time < 2.0:
                continue
            scaled = frame.to_ndarray(format="rgb24", width=size[0], height=size[1])
            assert fn.read_frame_number(scaled) == round(frame.time * fn.FPS)
            break


def test_reads_back_after_hard_compression_and_refuses_blank_frames() -> None:
    buffer = io.BytesIO()
    fn.write_frame_numbered(buffer, seconds=1.2, size=(176, 144), b_frames=0, audio=False)
    buffer.seek(0)
    assert [n for _t, n in fn.frame_numbers(buffer.getvalue())] == list(range(30))
    # A much lossier copy (crf 45) still reads.
    lossy = io.BytesIO()
    with av.open(io.BytesIO(buffer.getvalue())) as source, av.open(lossy, "w", "mp4") as out:
        stream = out.add_stream("libx264", rate=fn.FPS, options={"crf": "45", "threads": "1"})
        stream.width, stream.height, stream.pix_fmt = 176, 144, "yuv420p"
        for frame in source.decode(video=0):
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    assert [n for _t, n in fn.frame_numbers(lossy.getvalue())] == list(range(30))
    for blank in (0, 255):
        with pytest.raises(fn.FrameNumberError):
            fn.read_frame_number(np.full((240, 320, 3), blank, dtype=np.uint8))
    grey = np.full((240, 320, 3), 128, dtype=np.uint8)
    with pytest.raises(fn.FrameNumberError):
        fn.read_frame_number(grey)

"""The probe refuses absurd dimensions and durations; analysis stops at its time limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixtures import media_facts as facts

from vknz_desktop.domain.errors import UnsupportedMediaError
from vknz_desktop.media import analysis, probe
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.probe import PyAvProber


class FileStream:
    """A plain file as the MediaStream port (read_at / size), for analysis tests."""

    def __init__(self, path: Path) -> None:
        self._data = path.read_bytes()
        self.size = len(self._data)
        self.closed = False

    def read_at(self, offset: int, size: int) -> bytes:
        return self._data[offset : offset + size]


def test_real_limits_are_8k_and_a_day() -> None:
    assert probe.MAX_WIDTH == 7680 and probe.MAX_PIXELS == 7680 * 4320
    assert probe.MAX_DURATION_MS == 24 * 3600 * 1000
    info = PyAvProber().probe(facts.VIDEO_MP4)  # an ordinary recording passes
    assert info.width and info.width <= probe.MAX_WIDTH


def test_too_large_a_picture_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    width = PyAvProber().probe(facts.VIDEO_MP4).width
    assert width
    monkeypatch.setattr(probe, "MAX_PIXELS", width * 2)  # well below this file's size
    with pytest.raises(UnsupportedMediaError, match="beeldpunten"):
        PyAvProber().probe(facts.VIDEO_MP4)
    monkeypatch.setattr(probe, "MAX_PIXELS", 7680 * 4320)
    monkeypatch.setattr(probe, "MAX_WIDTH", width - 1)
    with pytest.raises(UnsupportedMediaError, match="8K"):
        PyAvProber().probe(facts.VIDEO_MP4)


def test_too_long_a_duration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    duration = PyAvProber().probe(facts.AUDIO_WAV).duration_ms
    monkeypatch.setattr(probe, "MAX_DURATION_MS", duration - 1)
    with pytest.raises(UnsupportedMediaError, match="uur kan niet"):
        PyAvProber().probe(facts.AUDIO_WAV)


def test_analysis_stops_at_its_time_limit() -> None:
    analyzer = PyAvAnalyzer()
    video = FileStream(facts.VIDEO_MP4)
    assert len(analyzer.thumbnails(video, 4, 64, lambda: False)) == 4
    assert analyzer.thumbnails(video, 4, 64, lambda: False, time_limit=-1) == []
    audio = FileStream(facts.AUDIO_WAV)
    full = analyzer.waveform(audio, 50, lambda: False)
    assert max(full) == 1.0
    stopped = analyzer.waveform(audio, 50, lambda: False, time_limit=-1)
    assert len(stopped) == 50 and stopped != full


def test_analysis_refuses_pictures_beyond_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "MAX_FRAME_PIXELS", 100)
    video = FileStream(facts.VIDEO_MP4)
    assert PyAvAnalyzer().thumbnails(video, 4, 64, lambda: False) == []
    with pytest.raises(ValueError, match="too large"):
        PyAvAnalyzer().exact_frame(video, 0)

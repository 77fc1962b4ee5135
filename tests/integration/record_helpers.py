"""Helpers for recording tests: lavfi sources at real speed, a vault with the live store, and
reading a recording back with PyAV."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import numpy as np

from vknz_desktop.domain.models import ConsentScope, Participant, Role
from vknz_desktop.domain.recording_ports import CapturePlan, RecordRequest
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
from vknz_desktop.media.recorder.finish import PyAvLiveFinisher
from vknz_desktop.services.live_recording import LiveRecordingService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository
from vknz_desktop.storage.vault import Vault

#: A plain colour the test can recognise in a decoded frame (R, G, B).
COLOUR = (0x33, 0x99, 0xCC)
VIDEO_DEVICE = "lavfi:color=c=0x3399CC:size=640x360:rate=25,realtime"
TONE_HZ = 440
AUDIO_DEVICE = f"lavfi:sine=frequency={TONE_HZ}:sample_rate=48000,arealtime"


#: Busy pictures (noise), so the encoder spends its bit rate: a file of realistic size.
BUSY_VIDEO_DEVICE = "lavfi:testsrc2=size=1280x720:rate=25,noise=alls=30:allf=t+u,realtime"


def request(
    *,
    video: bool,
    audio_device: str = AUDIO_DEVICE,
    video_device: str = VIDEO_DEVICE,
    title: str = "Proefopname",
) -> RecordRequest:
    return RecordRequest(
        consent=make_consent(
            [ConsentScope.RESEARCHER],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        ),
        plan=CapturePlan(audio_device=audio_device, video_device=video_device if video else None),
        title=title,
        participants=(Participant(display_name="Klant Fictief", role=Role.KLANT),),
        author_name="Km Fictief",
    )


def service(vault: Vault) -> LiveRecordingService:
    return LiveRecordingService(
        LiveRecordingRepository(vault), LinuxCaptureBackend(), PyAvLiveFinisher()
    )


@dataclass
class Decoded:
    streams: list[tuple[str, str]]
    video_end: float | None
    audio_end: float | None
    middle_rgb: tuple[float, float, float] | None
    tone_hz: float | None
    size: tuple[int, int] | None


def decode(stream: Any) -> Decoded:
    """Decode a whole recording from a vault stream."""
    reader = io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024)
    with av.open(reader) as container:
        streams = [(s.type, s.codec_context.name) for s in container.streams]
        video_end = audio_end = None
        frames: list[Any] = []
        audio: list[np.ndarray] = []
        for frame in _frames(container):
            end = float(frame.time or 0)
            if isinstance(frame, av.VideoFrame):
                video_end = end
                frames.append(frame)
                if len(frames) > 200:
                    frames = frames[::2]
            else:
                audio_end = end + frame.samples / frame.sample_rate
                audio.append(frame.to_ndarray().reshape(-1))
        middle = frames[len(frames) // 2] if frames else None
        rgb = None
        size = None
        if middle is not None:
            size = (middle.width, middle.height)
            array = middle.to_ndarray(format="rgb24")
            rgb = tuple(float(array[..., i].mean()) for i in range(3))
        tone = None
        if audio:
            samples = np.concatenate(audio)[-48000:]
            spectrum = np.abs(np.fft.rfft(samples))
            tone = float(np.argmax(spectrum) * 48000 / len(samples))
    return Decoded(streams, video_end, audio_end, rgb, tone, size)  # type: ignore[arg-type]


def _frames(container: Any) -> Any:
    """Every decodable frame; an interrupted recording ends inside a cluster (EOF error)."""
    frames = container.decode(*container.streams)
    while True:
        try:
            yield next(frames)
        except StopIteration:
            return
        except (av.EOFError, av.InvalidDataError):
            return


def vault_media_files(vault_dir: Path) -> list[Path]:
    return sorted((vault_dir / "media").iterdir())

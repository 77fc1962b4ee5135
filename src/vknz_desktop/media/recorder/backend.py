"""The Linux capture backend: microphones through PortAudio, cameras through V4L2.

Other platforms get their own backend behind the same port (``CaptureBackend``); only this
module knows where Linux keeps its devices.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from vknz_desktop.domain.recording_ports import (
    CaptureBackend,
    CaptureCallbacks,
    CaptureDevice,
    CapturePlan,
    DeviceKind,
)
from vknz_desktop.media.recorder.session import LinuxCaptureSession
from vknz_desktop.media.recorder.sources import CaptureError, import_sounddevice

_SYS_V4L = Path("/sys/class/video4linux")


class LinuxCaptureBackend:
    """Implements ``domain.recording_ports.CaptureBackend`` for Linux."""

    def __init__(self, dev_dir: Path = Path("/dev"), sys_dir: Path = _SYS_V4L) -> None:
        self._dev_dir = dev_dir
        self._sys_dir = sys_dir

    def list_devices(self) -> list[CaptureDevice]:
        """Microphones (PortAudio inputs) and cameras (``/dev/video*``); raises CaptureError
        only when PortAudio itself is missing."""
        return self.microphones() + self.cameras()

    def microphones(self) -> list[CaptureDevice]:
        sd = import_sounddevice()
        try:
            devices = sd.query_devices()
            default_input = sd.default.device[0]
        except sd.PortAudioError:
            return []
        found: list[CaptureDevice] = []
        for index, info in enumerate(devices):
            if int(info.get("max_input_channels", 0)) <= 0:
                continue
            found.append(
                CaptureDevice(
                    str(index), str(info["name"]), DeviceKind.AUDIO, index == default_input
                )
            )
        return found

    def cameras(self) -> list[CaptureDevice]:
        found: list[CaptureDevice] = []
        for path in sorted(self._dev_dir.glob("video*")):
            name = path.name
            with contextlib.suppress(OSError):
                name = (self._sys_dir / path.name / "name").read_text().strip() or name
            found.append(CaptureDevice(str(path), name, DeviceKind.VIDEO, not found))
        return found

    def open(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> LinuxCaptureSession:
        """Open the devices of ``plan``: preview and sound level start at once."""
        return LinuxCaptureSession(plan, callbacks)


def _check(backend: CaptureBackend) -> None:  # the class implements the port (for mypy)
    pass


_check(LinuxCaptureBackend())
__all__ = ["CaptureError", "LinuxCaptureBackend"]

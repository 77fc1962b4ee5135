"""libVLC playback straight from a ReadAtStream, through ``media_new_callbacks``.

Pitfalls handled here (see PITFALLS.md): every ctypes callback, the media and the stream are kept
referenced for as long as the player may call them; ``read_cb`` copies at most ``length`` bytes
and returns 0 at the end and -1 on error (so closing the stream makes reads fail at once);
a ``seek_cb`` is always given, so VLC never falls back to its on-disk timeshift; and libVLC is
started with network services, art fetching and the media library off.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.media.streams import ReadAtStream

log = logging.getLogger(__name__)
FrameCallback = Callable[[VideoFrame], None]
MAX_OUTPUT_WIDTH = 1920
#: libVLC's callbacks need the GIL; with Python threads busy, a thread waiting for it gets it
#: after at most this long (Python's default is 5 ms, three waits per picture at 30 fps).
#: Measured in bench_playback under load: 0.7-3 % dropped frames at 5 ms, none at 1 ms.
GIL_SWITCH_INTERVAL_S = 0.001
#: The silent output plays a block of sound when it is due, not before (see SilentAudio).
SILENT_AHEAD_S = 0.05
SILENT_MAX_WAIT_S = 0.2
NO_AUDIO_DEVICE_MESSAGE = (
    "Er is geen geluidsapparaat gevonden: opnamen spelen zonder geluid af, op gewone snelheid."
)

# python-vlc declares the chroma argument as c_char_p, which arrives as an immutable copy; we
# need to write "RV32" into it, so the format callback gets a prototype with a writable pointer
# and is cast to python-vlc's type when registered.
_FormatCallback = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.POINTER(ctypes.c_char),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)

# Options that keep libVLC offline, quiet and free of on-disk caches.
BASE_ARGS: tuple[str, ...] = (
    "--quiet",
    "--ignore-config",
    "--no-media-library",
    "--no-metadata-network-access",
    "--no-video-title-show",
    "--no-stats",
    "--no-sub-autodetect-file",
    "--no-snapshot-preview",
    "--no-osd",
    "--no-xlib",
    # libVLC's prefetch reads 16 MiB at a time by default and re-reads after the MP4 demuxer
    # jumps to the index; 1 MiB matches our chunk size (bench: first frame 1.28x -> 1.08x).
    "--prefetch-read-size=1048576",
    # With a seek callback VLC never needs timeshift; if it tried, it could not write anywhere.
    f"--input-timeshift-path={Path(os.devnull) / 'vknz-no-timeshift'}",
    # Why pictures were smeared and blocky under load: when more than 11 pictures in a row came
    # out late, libVLC's avcodec decoder ("hurry up") threw away compressed frames before
    # decoding them, reference frames included, so every picture up to the next keyframe was
    # predicted from pictures that were never decoded. Without hurry-up a late picture is
    # decoded in full and, if still late, dropped whole by the video output: a dropped frame,
    # never a wrong one (tests/integration/test_frame_exact_playback.py, bench_playback).
    "--no-avcodec-hurry-up",
    # Never hand over a picture the decoder itself flags as damaged.
    "--no-avcodec-corrupted",
)
#: ``--aout=dummy`` means our silent output (``SilentAudio``): libVLC's own dummy output
#: takes sound as fast as it comes, so an audio-only recording would race to its end.
TEST_ARGS: tuple[str, ...] = ("--vout=dummy", "--aout=dummy")
SILENT_AOUT_ARGS = ("--aout=dummy", "--aout=none")


def audio_device_available() -> bool:
    """Whether this machine has a sound output libVLC can use (Linux: an ALSA card, or a
    PulseAudio/PipeWire server of this user); elsewhere the system always offers one."""
    if not sys.platform.startswith("linux"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if os.environ.get("PULSE_SERVER"):
        return True
    if runtime and any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0")):
        return True
    try:
        cards = Path("/proc/asound/cards").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return "no soundcards" not in cards and bool(cards.strip())


_no_device_said = False


def _say_no_audio_device_once() -> None:
    global _no_device_said
    if not _no_device_said:
        _no_device_said = True
        log.warning("no audio device: playing through the silent output")


class VlcEngine:
    """One libVLC instance for the process.

    ``deferred``: nothing is loaded yet (python-vlc, libVLC and its plugins take a while on a
    cold start); ``start_in_background`` starts it in a thread, and ``instance`` waits for that
    start (or starts it now). Otherwise it starts at once, raising KnownError without libVLC.
    """

    def __init__(
        self,
        extra_args: tuple[str, ...] = (),
        *,
        deferred: bool = False,
        audio_device: Callable[[], bool] = audio_device_available,
    ) -> None:
        explicit_aout = [a for a in extra_args if a.startswith("--aout=")]
        #: Players of this engine play sound through ``SilentAudio`` (paced, no device).
        self.silent_audio = bool(explicit_aout) and explicit_aout[-1] in SILENT_AOUT_ARGS
        #: Why there is no sound (Dutch, for the UI to show once), or None.
        self.audio_notice: str | None = None
        if not explicit_aout and not audio_device():
            self.silent_audio = True
            self.audio_notice = NO_AUDIO_DEVICE_MESSAGE
            _say_no_audio_device_once()
        args = [a for a in extra_args if a not in SILENT_AOUT_ARGS]
        if self.silent_audio:
            args.append("--aout=amem,none")  # never probe ALSA & co.: no stderr flood
        self._args = list(BASE_ARGS) + args
        if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._instance: Any = None
        self._thread: threading.Thread | None = None
        self._problem: KnownError | None = None
        if not deferred:
            self._instance = _new_instance(self._args)

    def start_in_background(self) -> None:
        """Start libVLC in a thread (once); see ``starting`` and ``start_problem``."""
        if self._instance is None and self._thread is None:
            self._thread = threading.Thread(target=self._start, name="libvlc-start", daemon=True)
            self._thread.start()

    def _start(self) -> None:
        try:
            self._instance = _new_instance(self._args)
        except KnownError as error:
            self._problem = error

    @property
    def starting(self) -> bool:
        """Whether a background start is still running."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def start_problem(self) -> KnownError | None:
        """Why the background start failed (libVLC missing), else None."""
        return self._problem

    @property
    def instance(self) -> Any:
        """The libVLC instance; waits for a background start, or starts it now."""
        if self._thread is not None:
            self._thread.join()
        if self._instance is None:
            self._instance = _new_instance(self._args)  # raises KnownError again if it failed
        return self._instance

    def release(self) -> None:
        """Release the libVLC instance (if it was started)."""
        if self._thread is not None:
            self._thread.join()
        if self._instance is not None:
            self._instance.release()
            self._instance = None


def _new_instance(args: list[str]) -> Any:
    try:
        import vlc  # loads libVLC itself: only when a player is about to be needed

        instance = vlc.Instance(args)
    except (ImportError, NotImplementedError, OSError, NameError, AttributeError) as error:
        raise KnownError(_MISSING_VLC) from error
    if instance is None:
        raise KnownError(_MISSING_VLC)
    return instance


_MISSING_VLC = (
    "Het afspeelonderdeel (libVLC) kan niet worden gestart. Installeer VLC "
    "(op Debian/Ubuntu: apt-get install libvlc5 vlc-plugin-base) en start de app opnieuw."
)


class StreamMediaSource:
    """A libVLC media reading from ``stream``; owns the callbacks for the media's lifetime."""

    def __init__(self, instance: Any, stream: ReadAtStream) -> None:
        import vlc

        self.stream = stream
        self._cursors: dict[int, int] = {}
        self._next_cursor = 1
        self._lock = threading.Lock()
        self.read_errors = 0
        # Keep the ctypes function objects referenced: libVLC calls them from its threads.
        self._open_cb = vlc.CallbackDecorators.MediaOpenCb(self._on_open)
        self._read_cb = vlc.CallbackDecorators.MediaReadCb(self._on_read)
        self._seek_cb = vlc.CallbackDecorators.MediaSeekCb(self._on_seek)
        self._close_cb = vlc.CallbackDecorators.MediaCloseCb(self._on_close)
        self.media: Any = instance.media_new_callbacks(
            self._open_cb, self._read_cb, self._seek_cb, self._close_cb, None
        )
        if self.media is None:
            raise KnownError("De opname kan niet aan de speler worden gegeven.")

    def _on_open(self, _opaque: Any, datap: Any, sizep: Any) -> int:
        with self._lock:
            cursor = self._next_cursor
            self._next_cursor += 1
            self._cursors[cursor] = 0
        datap.contents.value = cursor
        sizep.contents.value = self.stream.size
        return 0

    def _on_read(self, opaque: Any, buffer: Any, length: int) -> int:
        try:
            with self._lock:
                position = self._cursors[int(opaque)]
            data = self.stream.read_at(position, length)
            count = min(len(data), length)
            if count:
                ctypes.memmove(buffer, data, count)
            with self._lock:
                self._cursors[int(opaque)] = position + count
            return count
        except Exception:  # never let an exception cross into C
            self.read_errors += 1
            return -1

    def _on_seek(self, opaque: Any, offset: int) -> int:
        with self._lock:
            if int(opaque) not in self._cursors or offset < 0:
                return -1
            self._cursors[int(opaque)] = offset
        return 0

    def _on_close(self, opaque: Any) -> None:
        with self._lock:
            self._cursors.pop(int(opaque or 0), None)

    def release(self) -> None:
        """Release the libVLC media (callbacks stay referenced until this object goes)."""
        if self.media is not None:
            self.media.release()
            self.media = None


class FrameOutput:
    """Receives decoded pictures from libVLC (``video_set_callbacks``) as 32-bit RGB frames.

    No native window is ever created: libVLC writes into our buffer and we hand a copy of each
    displayed picture to ``on_frame`` (called on a libVLC thread; the GUI hops to its own
    thread with a queued signal).
    """

    def __init__(
        self, player: Any, on_frame: FrameCallback, display_size: tuple[int, int] | None
    ) -> None:
        import numpy  # not at module level: nothing before the unlock dialog needs it
        import vlc

        self._empty = numpy.empty
        self._uint8 = numpy.uint8
        self._on_frame = on_frame
        self._display_size = display_size
        self._lock = threading.Lock()
        self._buffer: Any = None
        self._size = (0, 0)
        self.frames_shown = 0
        self._format_cb = _FormatCallback(self._on_format)
        self._cleanup_cb = vlc.CallbackDecorators.VideoCleanupCb(self._on_cleanup)
        self._lock_cb = vlc.CallbackDecorators.VideoLockCb(self._on_lock)
        self._unlock_cb = vlc.CallbackDecorators.VideoUnlockCb(self._on_unlock)
        self._display_cb = vlc.CallbackDecorators.VideoDisplayCb(self._on_display)
        # No unlock callback (libVLC allows NULL): one GIL round trip less per picture.
        player.video_set_callbacks(self._lock_cb, None, self._display_cb, None)
        vlc.libvlc_video_set_format_callbacks(
            player,
            ctypes.cast(self._format_cb, vlc.CallbackDecorators.VideoFormatCb),
            self._cleanup_cb,
        )

    def _on_format(
        self, _opaque: Any, chroma: Any, width: Any, height: Any, pitches: Any, lines: Any
    ) -> int:
        try:
            # libVLC reports the decoder's buffer size (padded, already rotated); ask for the
            # visible size instead so the picture is neither padded nor stretched.
            out_w, out_h = self._display_size or (int(width[0]), int(height[0]))
            if out_w > MAX_OUTPUT_WIDTH:
                out_w, out_h = MAX_OUTPUT_WIDTH, max(2, out_h * MAX_OUTPUT_WIDTH // out_w)
            out_w, out_h = max(2, out_w), max(2, out_h)
            ctypes.memmove(chroma, b"RV32", 4)
            width[0], height[0] = out_w, out_h
            pitches[0], lines[0] = out_w * 4, out_h
            with self._lock:
                self._buffer = (ctypes.c_ubyte * (out_w * out_h * 4))()
                self._size = (out_w, out_h)
            return 1
        except Exception:  # never let an exception cross into C
            return 0

    def _on_cleanup(self, _opaque: Any) -> None:
        with self._lock:
            self._buffer = None

    def _on_lock(self, _opaque: Any, planes: Any) -> Any:
        with self._lock:
            if self._buffer is not None:
                planes[0] = ctypes.addressof(self._buffer)
        return None

    def _on_unlock(self, _opaque: Any, _picture: Any, _planes: Any) -> None:
        return None

    def _on_display(self, _opaque: Any, _picture: Any) -> None:
        try:
            with self._lock:
                if self._buffer is None:
                    return
                width, height = self._size
                # A fresh buffer for every picture (the receiver may keep it): numpy's empty
                # array is not zeroed, and ctypes.memmove copies with the GIL released, so
                # the page faults and the copy do not hold up Python threads.
                data = self._empty(width * height * 4, dtype=self._uint8)
                ctypes.memmove(data.ctypes.data, self._buffer, data.size)
            self.frames_shown += 1
            self._on_frame(VideoFrame(width=width, height=height, stride=width * 4, data=data.data))
        except Exception:  # never let an exception cross into C
            return


class SilentAudio:
    """A sound output without a device, for a machine that has none (or for tests).

    libVLC hands every block of decoded sound to ``_on_play`` (``audio_set_callbacks``) with
    the moment it is due; we wait until then and throw it away. That wait is what paces an
    audio-only recording: without it (libVLC's dummy output) it plays to its end at once.
    """

    def __init__(self, player: Any) -> None:
        import vlc

        self._clock = vlc.libvlc_clock
        self.blocks = 0
        self._play_cb = vlc.CallbackDecorators.AudioPlayCb(self._on_play)
        self._pause_cb = vlc.CallbackDecorators.AudioPauseCb(self._on_other)
        self._resume_cb = vlc.CallbackDecorators.AudioResumeCb(self._on_other)
        self._flush_cb = vlc.CallbackDecorators.AudioFlushCb(self._on_other)
        self._drain_cb = vlc.CallbackDecorators.AudioDrainCb(self._on_drain)
        player.audio_set_callbacks(
            self._play_cb, self._pause_cb, self._resume_cb, self._flush_cb, self._drain_cb, None
        )
        player.audio_set_format("S16N", 48000, 2)

    def _on_play(self, _opaque: Any, _samples: Any, _count: int, pts: int) -> None:
        try:
            self.blocks += 1
            wait = (int(pts) - int(self._clock())) / 1_000_000 - SILENT_AHEAD_S
            if wait > 0:
                time.sleep(min(wait, SILENT_MAX_WAIT_S))
        except Exception:  # never let an exception cross into C
            return

    def _on_other(self, _opaque: Any, *_args: Any) -> None:
        return None

    def _on_drain(self, _opaque: Any) -> None:
        return None


class VlcPlayer:
    """A thin, synchronous wrapper over a libVLC media player; call from one thread."""

    def __init__(self, engine: VlcEngine) -> None:
        self._engine = engine
        self._media_player: Any = None  # made on first use: the engine may still be starting
        self._closed = False
        self._source: StreamMediaSource | None = None
        self._output: FrameOutput | None = None
        self._silent: SilentAudio | None = None

    @property
    def _player(self) -> Any:
        """libVLC's media player (None once closed)."""
        if self._media_player is None and not self._closed:
            self._media_player = self._engine.instance.media_player_new()
            if self._engine.silent_audio:
                self._silent = SilentAudio(self._media_player)
        return self._media_player

    def load(
        self,
        stream: ReadAtStream,
        on_frame: FrameCallback | None = None,
        display_size: tuple[int, int] | None = None,
    ) -> None:
        """Make ``stream`` the current media (stopping any previous one).

        With ``on_frame``, decoded pictures of ``display_size`` (the visible, rotated size;
        default: what libVLC reports) are handed to it instead of any window.
        """
        self.unload()
        if on_frame is not None:
            self._output = FrameOutput(self._player, on_frame, display_size)
        self._source = StreamMediaSource(self._engine.instance, stream)
        self._player.set_media(self._source.media)

    @property
    def frames_shown(self) -> int:
        """Pictures handed to the frame callback since the last load."""
        return self._output.frames_shown if self._output else 0

    def unload(self) -> None:
        """Stop and forget the current media."""
        if self._media_player is None:
            return  # never loaded anything
        self._player.stop()
        if self._source is not None:
            self._player.set_media(None)
            self._source.release()
            self._source = None

    def play(self) -> None:
        """Start or resume playback."""
        if self._player.play() != 0:
            raise KnownError("De opname kan niet worden afgespeeld.")

    def set_paused(self, paused: bool) -> None:
        """Pause (True) or resume (False)."""
        self._player.set_pause(1 if paused else 0)

    def stop(self) -> None:
        """Stop playback."""
        self._player.stop()

    def seek_ms(self, position_ms: int) -> None:
        """Jump to ``position_ms``."""
        self._player.set_time(int(position_ms))

    def time_ms(self) -> int:
        """libVLC's (coarse) current position in ms, or -1 when unknown."""
        return int(self._player.get_time())

    def length_ms(self) -> int:
        """Length of the media in ms, or -1/0 while unknown."""
        return int(self._player.get_length())

    def is_playing(self) -> bool:
        """Whether libVLC says it is playing."""
        return bool(self._player.is_playing())

    def state(self) -> str:
        """libVLC's state name (e.g. 'Playing', 'Paused', 'Ended', 'Error')."""
        return str(self._player.get_state()).rsplit(".", 1)[-1]

    def set_rate(self, rate: float) -> None:
        """Playback speed (1.0 is normal); libVLC keeps the pitch (scaletempo)."""
        self._player.set_rate(float(rate))

    def set_volume(self, percent: int) -> None:
        """Volume 0-100 (%)."""
        self._player.audio_set_volume(max(0, min(100, int(percent))))

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute."""
        self._player.audio_set_mute(bool(muted))

    def next_frame(self) -> None:
        """Show the next frame while paused."""
        self._player.next_frame()

    def close(self) -> None:
        """Stop and release everything (idempotent)."""
        self._closed = True
        if self._media_player is None:
            return
        self.unload()
        with contextlib.suppress(Exception):
            self._media_player.release()
        self._media_player = None

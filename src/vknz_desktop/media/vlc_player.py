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
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.media.streams import ReadAtStream

FrameCallback = Callable[[VideoFrame], None]
MAX_OUTPUT_WIDTH = 1920

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
)
TEST_ARGS: tuple[str, ...] = ("--vout=dummy", "--aout=dummy")


class VlcEngine:
    """One libVLC instance for the process.

    ``deferred``: nothing is loaded yet (python-vlc, libVLC and its plugins take a while on a
    cold start); ``start_in_background`` starts it in a thread, and ``instance`` waits for that
    start (or starts it now). Otherwise it starts at once, raising KnownError without libVLC.
    """

    def __init__(self, extra_args: tuple[str, ...] = (), *, deferred: bool = False) -> None:
        self._args = list(BASE_ARGS + extra_args)
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
        import vlc

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
        player.video_set_callbacks(self._lock_cb, self._unlock_cb, self._display_cb, None)
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
                data = bytes(self._buffer)
            self.frames_shown += 1
            self._on_frame(VideoFrame(width=width, height=height, stride=width * 4, data=data))
        except Exception:  # never let an exception cross into C
            return


class VlcPlayer:
    """A thin, synchronous wrapper over a libVLC media player; call from one thread."""

    def __init__(self, engine: VlcEngine) -> None:
        self._engine = engine
        self._media_player: Any = None  # made on first use: the engine may still be starting
        self._closed = False
        self._source: StreamMediaSource | None = None
        self._output: FrameOutput | None = None

    @property
    def _player(self) -> Any:
        """libVLC's media player (None once closed)."""
        if self._media_player is None and not self._closed:
            self._media_player = self._engine.instance.media_player_new()
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

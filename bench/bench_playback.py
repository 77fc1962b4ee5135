"""Playback through libVLC: the vault's DecryptedStream against the plain file, in the same run.

A synthetic 1920×1080 30 fps H.264 video (libx264 ultrafast, ~8 Mbit/s, a keyframe every 2 s,
a quiet AAC tone) is generated with PyAV and imported into a vault. Every frame carries its own
number as a row of 24 black/white blocks at the top (12 bits plus their complement as a check),
so each picture libVLC hands over says which frame it is. Both sides go through the app's code
path: ``VlcPlayer.load(stream, on_frame, display_size)`` with libVLC's video callbacks (RGB32,
each picture copied into a new ``bytes``) and ``--aout=dummy``; the plain side reads the same
file through ``PlainFileStream``, the vault side through ``Vault.open_media`` (a fresh
DecryptedStream with a cold chunk cache for every load, as when the app opens a recording).
Both files are read once first, so both come from the page cache. Measured:

1. open → first frame: from ``load()`` + ``play()`` to the first picture handed to ``on_frame``;
   alternating vault and plain (ABBA), after one untimed warm-up of each.
2. seek → frame: while playing, ``seek_ms(t)`` to random positions (fixed seed, the same list for
   both) until a picture whose number lies in [t - one GOP, t + 2 s] arrives.
3. dropped frames: the first 60 s (10 s with --quick) played at normal speed; frames delivered
   (distinct frame numbers seen) against frames in that span. Each picture also goes on, newest
   only, to a thread standing in for the GUI thread that turns it into a QImage as
   ``PlayerController`` does. libVLC's own counters (``--stats``: decoded, displayed, lost
   pictures) are reported beside ours.

Every stream is wrapped in a counter of ``read_at`` calls (the same thin wrapper on both sides),
so the figures show how many reads and bytes libVLC asked for before its first picture. libVLC's
prefetch stream filter asks for 16 MiB per read (``--prefetch-read-size``): for this MP4 (audio
and video interleaved, index at the end, as PyAV writes it) it reads 16 MiB, jumps to the index,
then reads the same 16 MiB again before its first picture; the vault decrypts all of it, twice
(its chunk cache holds 8 MiB). So 1 and 2 are measured once more with ``--prefetch-read-size``
at 1 MiB: a what-if, not the app's setting.
Nothing here asserts on time; goals: first frame and seek ≤ 1.2× plain, dropped < 1 %.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import random
import statistics
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import vlc

from bench.common import MB, MiB, import_recording, new_vault, percentile, ratio, scratch_dir, warm
from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.media.streams import PlainFileStream
from vknz_desktop.media.vlc_player import TEST_ARGS, VlcEngine, VlcPlayer
from vknz_desktop.storage.media_store import DEFAULT_CACHE_CHUNKS, media_path
from vknz_desktop.ui.playback.player_controller import frame_to_image

NAME = "playback"
WIDTH, HEIGHT, FPS = 1920, 1080, 30
GOP = 2 * FPS  # frames between keyframes
BITRATE = 8_000_000
RATE = 48_000  # audio samples per second
BITS = 12  # frame number bits; the next 12 blocks hold their complement
BLOCK_W, BLOCK_H = WIDTH // (2 * BITS), 48
SEED = 20261101
GOAL_RATIO = 1.2
GOAL_DROPPED_PCT = 1.0
FRAME_TIMEOUT_S = 10.0
SEEK_SETTLE_S = 0.4  # play this long after each seek before the next one
MIN_SEEK_GAP_MS = 4000  # so that no picture from before a seek falls in the window after it
WHAT_IF_READ_SIZE = MiB  # libVLC's prefetch filter reads 16 MiB at a time by default


def play_seconds(quick: bool) -> int:
    return 10 if quick else 60


def video_seconds(quick: bool) -> int:
    return play_seconds(quick) + 2


def repetitions(quick: bool) -> int:
    return 6 if quick else 15


def disk_needed(quick: bool) -> int:
    # The video, its encrypted copy in the vault, and room to spare.
    return 3 * video_seconds(quick) * BITRATE // 8 + 32 * MiB


def run(base: Path, quick: bool) -> dict[str, Any]:
    seconds = video_seconds(quick)
    with scratch_dir(base, NAME) as work:
        source = work / "video.mp4"
        started = time.perf_counter()
        make_video(source, seconds)
        generated_s = time.perf_counter() - started
        vault = new_vault(work / "vault")
        try:
            recording = import_recording(vault, source)
            warm(source)
            warm(media_path(vault.media_dir, recording.id))
            sides: dict[str, Callable[[], Any]] = {
                "vault": lambda: vault.open_media(recording.id),
                "plain": lambda: PlainFileStream(source),
            }
            result: dict[str, Any] = {
                "video": {
                    "width": WIDTH,
                    "height": HEIGHT,
                    "fps": FPS,
                    "seconds": seconds,
                    "gop_frames": GOP,
                    "bytes": source.stat().st_size,
                    "mbit_per_s": round(source.stat().st_size * 8 / seconds / 1e6, 2),
                    "generated_s": round(generated_s, 1),
                    "vault_chunk_bytes": _chunk_size(vault, recording.id),
                    "vault_cache_chunks": DEFAULT_CACHE_CHUNKS,
                },
            }
            reps = repetitions(quick)
            engine = VlcEngine(TEST_ARGS)
            try:
                result["first_frame"] = _first_frame(engine, sides, reps)
                result["seek"] = _seek(engine, sides, reps, seconds * 1000)
            finally:
                engine.release()
            # What if libVLC read less at a time? Not the app's setting (see the docstring).
            engine = VlcEngine((*TEST_ARGS, f"--prefetch-read-size={WHAT_IF_READ_SIZE}"))
            try:
                result["what_if_prefetch_read_1mib"] = {
                    "first_frame": _first_frame(engine, sides, reps),
                    "seek": _seek(engine, sides, reps, seconds * 1000),
                }
            finally:
                engine.release()
            # A second instance with libVLC's statistics on (the app runs with --no-stats).
            stats_engine = VlcEngine((*TEST_ARGS, "--stats"))
            try:
                result["dropped"] = _dropped(stats_engine, sides, play_seconds(quick))
            finally:
                stats_engine.release()
        finally:
            vault.close()
    _print(result)
    return result


def _chunk_size(vault: Any, recording_id: str) -> int:
    stream = vault.open_media(recording_id)
    try:
        return int(stream.layout.chunk_size)
    finally:
        stream.close()


# -- the synthetic video -----------------------------------------------------------------------
def make_video(path: Path, seconds: int) -> None:
    """A 1080p30 H.264 + AAC MP4 whose frames carry their number (see ``frame_number``)."""
    rng = np.random.default_rng(SEED)
    margin = 256
    yy, xx = np.mgrid[0:HEIGHT, 0 : WIDTH + margin]
    # A textured background that scrolls 4 px per frame: motion for the encoder, not noise.
    texture = 60 + 40 * (np.sin(xx / 37.0) * np.cos(yy / 23.0) + 1)
    texture = (texture + rng.integers(0, 24, size=yy.shape)).astype(np.uint8)
    u = np.full((HEIGHT // 2, WIDTH // 2), 110, np.uint8)
    v = np.full((HEIGHT // 2, WIDTH // 2), 150, np.uint8)
    u[: BLOCK_H // 2], v[: BLOCK_H // 2] = 128, 128  # grey blocks: clean in RGB
    picture = np.empty((HEIGHT * 3 // 2, WIDTH), np.uint8)  # planar I420, as PyAV wants it
    picture[HEIGHT:] = np.concatenate([u.reshape(-1, WIDTH), v.reshape(-1, WIDTH)])
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.bit_rate = BITRATE
        video.options = {
            "preset": "ultrafast",
            "g": str(GOP),
            "keyint_min": str(GOP),
            "sc_threshold": "0",
        }
        audio = container.add_stream("aac", rate=RATE)
        audio.layout = "mono"
        samples = seconds * RATE
        tone = (0.1 * np.sin(2 * np.pi * 440 * np.arange(samples) / RATE)).astype(np.float32)
        audio_done = 0
        for index in range(seconds * FPS):
            shift = (index * 4) % margin
            picture[:HEIGHT] = texture[:, shift : shift + WIDTH]
            code = (index & 0xFFF) | ((~index & 0xFFF) << BITS)
            for bit in range(2 * BITS):
                value = 235 if (code >> bit) & 1 else 16
                picture[:BLOCK_H, bit * BLOCK_W : (bit + 1) * BLOCK_W] = value
            frame = av.VideoFrame.from_ndarray(picture, format="yuv420p")
            frame.pts = index
            frame.time_base = Fraction(1, FPS)
            for packet in video.encode(frame):
                container.mux(packet)
            # Audio in step with the video, so that the file is interleaved like a recording.
            until = samples if index == seconds * FPS - 1 else (index + 1) * RATE // FPS
            while audio_done < until:
                block_end = min(audio_done + 1024, until)
                block = av.AudioFrame.from_ndarray(
                    tone[audio_done:block_end].reshape(1, -1), format="flt", layout="mono"
                )
                block.sample_rate = RATE
                block.pts = audio_done
                for packet in audio.encode(block):
                    container.mux(packet)
                audio_done = block_end
        for packet in video.encode(None):
            container.mux(packet)
        for packet in audio.encode(None):
            container.mux(packet)


def frame_number(frame: VideoFrame) -> int | None:
    """The number drawn into ``frame`` (RGB32 from libVLC), or None if it does not check out."""
    data, width = frame.data, frame.width
    row = (BLOCK_H // 2) * frame.height // HEIGHT
    code = 0
    for bit in range(2 * BITS):
        x = (bit * BLOCK_W + BLOCK_W // 2) * width // WIDTH
        if data[(row * width + x) * 4 + 1] >= 128:  # B, G, R, X: the green byte
            code |= 1 << bit
    number, check = code & 0xFFF, code >> BITS
    return number if number ^ check == 0xFFF else None


# -- instruments -------------------------------------------------------------------------------
class CountingStream:
    """Counts ``read_at`` calls, bytes and time; the same thin wrapper on both sides."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.reads: list[tuple[int, int, float]] = []  # (asked, got, seconds)

    @property
    def size(self) -> int:
        return int(self._inner.size)

    def read_at(self, offset: int, size: int) -> bytes:
        started = time.perf_counter()
        data = self._inner.read_at(offset, size)
        self.reads.append((size, len(data), time.perf_counter() - started))
        return data

    def close(self) -> None:
        self._inner.close()


class FrameProbe:
    """The ``on_frame`` callback: notes when pictures arrive and which frame each one is."""

    def __init__(self, painter: Painter | None = None) -> None:
        self._lock = threading.Lock()
        self._painter = painter
        self.first = threading.Event()
        self.hit = threading.Event()
        self.first_at = 0.0
        self.first_number: int | None = None
        self.last_number = -1
        self.frames = 0
        self.unreadable = 0
        self.numbers: set[int] = set()
        self._window: tuple[int, int] | None = None
        self.hit_at = 0.0
        self.hit_number = -1
        self.reads_at_first = 0

    def arm(self, low: int, high: int) -> None:
        """Wait for a picture whose number lies in [low, high]."""
        with self._lock:
            self._window = (low, high)
            self.hit.clear()

    def __call__(self, frame: VideoFrame) -> None:
        now = time.perf_counter()
        number = frame_number(frame)
        with self._lock:
            self.frames += 1
            if number is None:
                self.unreadable += 1
            else:
                self.numbers.add(number)
                self.last_number = max(self.last_number, number)
            if not self.first.is_set():
                self.first_at, self.first_number = now, number
                self.first.set()
            window = self._window
            if window is not None and number is not None and window[0] <= number <= window[1]:
                self._window = None
                self.hit_at, self.hit_number = now, number
                self.hit.set()
        if self._painter is not None:
            self._painter.offer(frame)


class Painter(threading.Thread):
    """Stands in for the GUI thread: takes the newest picture and makes a QImage of it."""

    def __init__(self) -> None:
        super().__init__(name="bench-painter", daemon=True)
        self._cond = threading.Condition()
        self._latest: VideoFrame | None = None
        self._finished = False
        self.painted = 0

    def offer(self, frame: VideoFrame) -> None:
        with self._cond:
            self._latest = frame
            self._cond.notify()

    def run(self) -> None:
        while True:
            with self._cond:
                while self._latest is None and not self._finished:
                    self._cond.wait()
                if self._finished:
                    return
                frame, self._latest = self._latest, None
            frame_to_image(frame)
            self.painted += 1

    def finish(self) -> None:
        with self._cond:
            self._finished = True
            self._cond.notify()
        self.join()


def _start(
    player: VlcPlayer, open_stream: Callable[[], Any], probe: FrameProbe
) -> tuple[CountingStream, float]:
    """Load and play; returns the stream and the perf_counter time just before ``load``."""
    stream = CountingStream(open_stream())
    started = time.perf_counter()
    player.load(stream, probe, (WIDTH, HEIGHT))
    player.play()
    return stream, started


def _wait(event: threading.Event, player: VlcPlayer, what: str) -> None:
    if not event.wait(FRAME_TIMEOUT_S):
        raise RuntimeError(f"no {what} within {FRAME_TIMEOUT_S:g} s (libVLC: {player.state()})")


def _summary(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "median_ms": round(statistics.median(ms), 1),
        "p90_ms": round(percentile(ms, 90), 1),
        "min_ms": round(min(ms), 1),
        "max_ms": round(max(ms), 1),
    }


# -- 1. open → first frame ---------------------------------------------------------------------
def _first_frame(
    engine: VlcEngine, sides: dict[str, Callable[[], Any]], reps: int
) -> dict[str, Any]:
    player = VlcPlayer(engine)
    times: dict[str, list[float]] = {name: [] for name in sides}
    reads: dict[str, list[tuple[int, int, float, int]]] = {name: [] for name in sides}
    try:
        for rep in range(-1, reps):  # rep -1: untimed warm-up of both
            order = list(sides) if rep % 2 == 0 else list(reversed(sides))
            for name in order:
                probe = FrameProbe()
                stream, started = _start(player, sides[name], probe)
                _wait(probe.first, player, "first frame")
                count = len(stream.reads)
                player.unload()
                stream.close()
                if rep >= 0:
                    times[name].append(probe.first_at - started)
                    done = stream.reads[:count]
                    reads[name].append(
                        (
                            count,
                            sum(r[1] for r in done),
                            sum(r[2] for r in done),
                            max(r[0] for r in done),
                        )
                    )
    finally:
        player.close()
    result: dict[str, Any] = {"repetitions": reps}
    for name in sides:
        counts = reads[name]
        result[name] = _summary(times[name]) | {
            "reads_before_first_frame": int(statistics.median(c[0] for c in counts)),
            "bytes_before_first_frame": int(statistics.median(c[1] for c in counts)),
            "read_time_before_first_frame_ms": round(
                statistics.median(c[2] for c in counts) * 1000, 2
            ),
            "largest_read_asked_bytes": max(c[3] for c in counts),
        }
    _add_ratios(result)
    return result


def _add_ratios(result: dict[str, Any]) -> None:
    vault, plain = result["vault"], result["plain"]
    result["ratio_median"] = ratio(vault["median_ms"], plain["median_ms"])
    result["ratio_p90"] = ratio(vault["p90_ms"], plain["p90_ms"])
    result["goal_ratio"] = GOAL_RATIO
    result["goal_met"] = result["ratio_median"] <= GOAL_RATIO and result["ratio_p90"] <= GOAL_RATIO


# -- 2. seek → frame ---------------------------------------------------------------------------
def _seek_targets(count: int, blocks: int, length_ms: int) -> list[int]:
    """Seek positions; each block starts from 0:00 and targets stay MIN_SEEK_GAP_MS apart."""
    rng = random.Random(SEED)
    low, high = 1000, length_ms - 2500
    targets: list[int] = []
    for index in range(count):
        previous = 0 if index % (count // blocks) == 0 else targets[-1]
        while True:
            target = rng.randrange(low, high)
            if abs(target - previous) >= MIN_SEEK_GAP_MS:
                break
        targets.append(target)
    return targets


def _seek(
    engine: VlcEngine, sides: dict[str, Callable[[], Any]], reps: int, length_ms: int
) -> dict[str, Any]:
    blocks = 3
    targets = _seek_targets(reps, blocks, length_ms)
    per_block = reps // blocks
    player = VlcPlayer(engine)
    times: dict[str, list[float]] = {name: [] for name in sides}
    offsets: dict[str, list[int]] = {name: [] for name in sides}
    reads: dict[str, list[int]] = {name: [] for name in sides}
    try:
        for block in range(blocks):
            order = list(sides) if block % 2 == 0 else list(reversed(sides))
            for name in order:
                probe = FrameProbe()
                stream, _ = _start(player, sides[name], probe)
                _wait(probe.first, player, "first frame")
                time.sleep(SEEK_SETTLE_S)
                for target in targets[block * per_block : (block + 1) * per_block]:
                    frame = target * FPS // 1000
                    probe.arm(frame - GOP - 2, frame + 2 * FPS)
                    before = len(stream.reads)
                    started = time.perf_counter()
                    player.seek_ms(target)
                    _wait(probe.hit, player, f"frame after a seek to {target} ms")
                    times[name].append(probe.hit_at - started)
                    offsets[name].append(probe.hit_number - frame)
                    reads[name].append(len(stream.reads) - before)
                    time.sleep(SEEK_SETTLE_S)
                player.unload()
                stream.close()
    finally:
        player.close()
    result: dict[str, Any] = {"seeks": len(times["vault"]), "seed": SEED, "targets_ms": targets}
    for name in sides:
        result[name] = _summary(times[name]) | {
            "first_frame_minus_target_frames": {
                "min": min(offsets[name]),
                "median": statistics.median(offsets[name]),
                "max": max(offsets[name]),
            },
            "reads_per_seek_median": statistics.median(reads[name]),
        }
    _add_ratios(result)
    return result


# -- 3. dropped frames -------------------------------------------------------------------------
def _dropped(
    engine: VlcEngine, sides: dict[str, Callable[[], Any]], seconds: int
) -> dict[str, Any]:
    expected = seconds * FPS
    result: dict[str, Any] = {"seconds": seconds, "expected_frames": expected}
    for name in ("vault", "plain"):
        gc.collect()
        player = VlcPlayer(engine)
        painter = Painter()
        painter.start()
        probe = FrameProbe(painter)
        try:
            cpu_before = time.process_time()
            stream, _ = _start(player, sides[name], probe)
            _wait(probe.first, player, "first frame")
            deadline = time.perf_counter() + seconds * 1.5 + FRAME_TIMEOUT_S
            while probe.last_number < expected and time.perf_counter() < deadline:
                if player.state() in ("Ended", "Error"):
                    break
                time.sleep(0.05)
            wall = time.perf_counter() - probe.first_at
            cpu = time.process_time() - cpu_before
            stats = vlc.MediaStats()
            media = player._source.media if player._source is not None else None
            have_stats = bool(media is not None and media.get_stats(stats))
            player.unload()
            stream.close()
        finally:
            painter.finish()
            player.close()
        delivered = sum(1 for n in probe.numbers if 0 <= n < expected)
        side: dict[str, Any] = {
            "delivered_frames": delivered,
            "dropped_frames": expected - delivered,
            "dropped_pct": round(100 * (expected - delivered) / expected, 2),
            "callbacks": probe.frames,
            "unreadable_frames": probe.unreadable,
            "painted_qimages": painter.painted,
            "wall_s": round(wall, 2),
            "process_cpu_s": round(cpu, 1),
            "read_calls": len(stream.reads),
            "read_mib": round(sum(r[1] for r in stream.reads) / MiB, 1),
            "read_time_s": round(sum(r[2] for r in stream.reads), 3),
        }
        if have_stats:
            side["libvlc"] = {
                "decoded_video": stats.decoded_video,
                "displayed_pictures": stats.displayed_pictures,
                "lost_pictures": stats.lost_pictures,
                "demux_corrupted": stats.demux_corrupted,
                "demux_discontinuity": stats.demux_discontinuity,
                "lost_abuffers": stats.lost_abuffers,
            }
        side["goal_met"] = side["dropped_pct"] < GOAL_DROPPED_PCT
        result[name] = side
    result["goal_dropped_pct"] = GOAL_DROPPED_PCT
    return result


# -- output ------------------------------------------------------------------------------------
def _print(r: dict[str, Any]) -> None:
    v = r["video"]
    print(
        f"playback {v['width']}×{v['height']} {v['fps']} fps H.264 {v['mbit_per_s']:.1f} Mbit/s,"
        f" {v['seconds']} s, keyframe every {v['gop_frames'] // v['fps']} s"
        f" (generated in {v['generated_s']:.0f} s); libVLC video callbacks, --aout=dummy"
    )
    _print_latencies(r, "  ")
    f = r["first_frame"]
    print(
        "    read before the first frame (median): plain"
        f" {f['plain']['reads_before_first_frame']} calls"
        f" {f['plain']['bytes_before_first_frame'] / MB:.1f} MB"
        f" in {f['plain']['read_time_before_first_frame_ms']:.1f} ms;"
        f" vault {f['vault']['reads_before_first_frame']} calls"
        f" {f['vault']['bytes_before_first_frame'] / MB:.1f} MB"
        f" in {f['vault']['read_time_before_first_frame_ms']:.1f} ms;"
        f" largest read asked {f['vault']['largest_read_asked_bytes'] / MiB:g} MiB"
    )
    s = r["seek"]
    print(
        "    first frame after a seek, in frames from the target:"
        f" plain {s['plain']['first_frame_minus_target_frames']['min']}"
        f"..{s['plain']['first_frame_minus_target_frames']['max']},"
        f" vault {s['vault']['first_frame_minus_target_frames']['min']}"
        f"..{s['vault']['first_frame_minus_target_frames']['max']}"
    )
    print(f"  what if --prefetch-read-size={WHAT_IF_READ_SIZE // MiB} MiB (not the app's setting):")
    _print_latencies(r["what_if_prefetch_read_1mib"], "    ")
    d = r["dropped"]
    print(f"  dropped frames over the first {d['seconds']} s ({d['expected_frames']} frames):")
    for name in ("plain", "vault"):
        x = d[name]
        goal = "met" if x["goal_met"] else "NOT met"
        lib = x.get("libvlc")
        libvlc = (
            f"; libVLC decoded {lib['decoded_video']}, displayed {lib['displayed_pictures']},"
            f" lost {lib['lost_pictures']}"
            if lib
            else "; libVLC stats unavailable"
        )
        print(
            f"    {name}: {x['delivered_frames']} delivered, {x['dropped_frames']} dropped"
            f" ({x['dropped_pct']:.2f} %, goal < {GOAL_DROPPED_PCT:g} %: {goal})"
            f" in {x['wall_s']:.1f} s, {x['painted_qimages']} QImages{libvlc};"
            f" process CPU {x['process_cpu_s']:.0f} s, read_at {x['read_time_s']:.2f} s"
        )


def _print_latencies(r: dict[str, Any], indent: str) -> None:
    for key, label in (("first_frame", "open → first frame"), ("seek", "seek → frame")):
        m = r[key]
        goal = "met" if m["goal_met"] else "NOT met"
        count = m.get("repetitions", m.get("seeks"))
        print(
            f"{indent}{label} ({count}× each): plain median {m['plain']['median_ms']:.0f} ms"
            f" p90 {m['plain']['p90_ms']:.0f} ms; vault median {m['vault']['median_ms']:.0f} ms"
            f" p90 {m['vault']['p90_ms']:.0f} ms → {m['ratio_median']:.2f}× median,"
            f" {m['ratio_p90']:.2f}× p90 (goal ≤ {GOAL_RATIO}×: {goal})"
        )

"""Playback through libVLC: the vault's DecryptedStream against the plain file, in the same run.

A synthetic 1920×1080 30 fps H.264 video (libx264 ultrafast, ~8 Mbit/s, a keyframe every 2 s,
a quiet AAC tone) is generated with PyAV and imported into a vault. Every frame carries its own
number as a row of 24 black/white blocks at the top (12 bits plus their complement as a check),
so each picture says which frame it is. Both sides go through the app's code path:
``VlcPlayer.load(stream, on_frame, display_size)`` with libVLC's video callbacks (RGB32) and
the silent audio output; the plain side reads the same file through ``PlainFileStream``, the
vault side through ``Vault.open_media`` (a fresh DecryptedStream for every load). Measured:

1. open → first frame: from ``load()`` + ``play()`` to the first picture handed to ``on_frame``;
   alternating vault and plain (ABBA), after one untimed warm-up of each. Goal ≤ 1.1× plain.
2. seek → painted exact frame (paused, as the app shows it): ``PyAvAnalyzer.exact_frame`` at
   random positions (fixed seed, the same list for both) and the picture's number checked.
   Goal p90 ≤ 150 ms and ≤ 1.1× plain.
3. one frame back / forward while paused (``PyAvAnalyzer.exact_step``): runs of 20 steps from
   random positions. Goals p90 ≤ 150 ms back, ≤ 50 ms forward.
4. under load: the first 60 s (10 s with --quick) played at normal speed while another
   process keeps one core busy and a Python thread competes for the interpreter lock (as the
   GUI does). Every picture is checked: its number must read, and it must equal PyAV's decode
   of that number (PSNR ≥ 35 dB on every 8th pixel), else it is a wrong frame (goal 0);
   frames never delivered are dropped (goal < 1 %). Each picture also goes on, newest only, to
   a thread standing in for the GUI thread that turns it into a QImage. The same run with
   libVLC's default ``--avcodec-hurry-up`` shows the cause of the smeared pictures.
Nothing here asserts on time.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import pickle
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import vlc

from bench.common import MiB, import_recording, new_vault, percentile, ratio, scratch_dir, warm
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
GOAL_RATIO = 1.1
GOAL_EXACT_SEEK_P90_MS = 150.0
GOAL_BACK_P90_MS = 150.0
GOAL_FORWARD_P90_MS = 50.0
MIN_PSNR_DB = 35.0
SUBSAMPLE = 8
GOAL_DROPPED_PCT = 1.0
FRAME_TIMEOUT_S = 10.0
SEEK_SETTLE_S = 0.4  # play this long after each seek before the next one
MIN_SEEK_GAP_MS = 4000  # so that no picture from before a seek falls in the window after it


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
                result["seek_playing"] = _seek(engine, sides, reps, seconds * 1000)
            finally:
                engine.release()
            result["exact"] = _exact(sides, seconds * 1000, 20 if quick else 60)
            reference = _reference(source, play_seconds(quick))
            result["under_load"] = {}
            runs = (
                ("app", (), False, sides),
                ("starved_app", (), True, {"vault": sides["vault"]}),
                ("starved_hurry_up_on", ("--avcodec-hurry-up",), True, {"vault": sides["vault"]}),
            )
            for label, extra, starved, chosen in runs:
                engine = VlcEngine((*TEST_ARGS, "--stats", *extra))
                try:
                    result["under_load"][label] = _under_load(
                        engine, chosen, play_seconds(quick), reference, starved
                    )
                finally:
                    engine.release()
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


# -- 2b. exact frames while paused -------------------------------------------------------------
def _exact(sides: dict[str, Callable[[], Any]], length_ms: int, count: int) -> dict[str, Any]:
    """Paused seeks and frame steps through ``PyAvAnalyzer`` (what the app paints paused)."""
    from vknz_desktop.media.analysis import PyAvAnalyzer

    rng = random.Random(SEED + 1)
    targets = [rng.randrange(0, length_ms - 1000) for _ in range(count)]
    starts = [rng.randrange(2000, length_ms - 4000) for _ in range(max(3, count // 20))]
    result: dict[str, Any] = {"seeks": count, "step_runs": len(starts), "steps_per_run": 20}
    for name in ("vault", "plain"):
        analyzer = PyAvAnalyzer()
        stream = sides[name]()
        wrong = 0
        seek_times: list[float] = []
        back_times: list[float] = []
        forward_times: list[float] = []
        try:
            analyzer.exact_frame(stream, 0)  # the first picture of a newly opened recording
            for target in targets:
                started = time.perf_counter()
                frame = analyzer.exact_frame(stream, target)
                seek_times.append(time.perf_counter() - started)
                wrong += frame_number(frame) != target * FPS // 1000
            for begin in starts:
                analyzer.exact_frame(stream, begin)
                for times, frames in ((back_times, -1), (forward_times, 1)):
                    position = begin
                    for _ in range(20):
                        started = time.perf_counter()
                        frame, position = analyzer.exact_step(stream, position, frames)
                        times.append(time.perf_counter() - started)
                        wrong += frame_number(frame) != position * FPS // 1000
        finally:
            analyzer.close_stream(stream)
            stream.close()
        result[name] = {
            "seek": _summary(seek_times),
            "back": _summary(back_times),
            "forward": _summary(forward_times),
            "wrong_frames": wrong,
        }
    vault, plain = result["vault"], result["plain"]
    result["ratio_seek_p90"] = ratio(vault["seek"]["p90_ms"], plain["seek"]["p90_ms"])
    result["goal_met"] = {
        "seek": vault["seek"]["p90_ms"] <= GOAL_EXACT_SEEK_P90_MS
        and result["ratio_seek_p90"] <= GOAL_RATIO,
        "back": vault["back"]["p90_ms"] <= GOAL_BACK_P90_MS,
        "forward": vault["forward"]["p90_ms"] <= GOAL_FORWARD_P90_MS,
    }
    return result


# -- 3. under load: wrong and dropped frames ---------------------------------------------------
def _reference(source: Path, seconds: int) -> dict[int, Any]:
    """PyAV's decode of every frame in the first ``seconds``, every 8th pixel, by number."""
    pictures: dict[int, Any] = {}
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for frame in container.decode(stream):
            number = round(float(frame.time or 0) * FPS)
            if number > seconds * FPS:
                break
            rgb = frame.to_ndarray(format="rgb24")
            pictures[number] = np.ascontiguousarray(rgb[::SUBSAMPLE, ::SUBSAMPLE])
    return pictures


class Load:
    """Another process busy on one core (at normal priority), and a Python thread that works
    in pure Python half of the time (20 ms on, 20 ms off) and so competes for the interpreter
    lock, as a busy GUI thread does."""

    def __init__(self, starved: bool = False) -> None:
        # starved: what deduce loading in the GUI process did (issue 17): a thread unpickling
        # large structures holds the interpreter lock for long stretches, two more threads
        # compete for it, and two processes keep both cores busy. Pictures are then late
        # whatever the player does; the question is only whether a wrong one is shown.
        self._starved = starved

    def __enter__(self) -> Load:
        self._processes = [
            subprocess.Popen([sys.executable, "-c", "while True: pass"], stdout=subprocess.DEVNULL)
            for _ in range(2 if self._starved else 1)
        ]
        self._stop = threading.Event()
        targets = [self._unpickle, self._burn, self._burn] if self._starved else [self._spin]
        self._threads = [threading.Thread(target=t, daemon=True) for t in targets]
        for thread in self._threads:
            thread.start()
        return self

    def _burn(self) -> None:
        while not self._stop.is_set():
            sum(i * i for i in range(200_000))

    def _unpickle(self) -> None:
        blob = pickle.dumps([list(range(1000)) for _ in range(3000)])
        while not self._stop.is_set():
            pickle.loads(blob)  # our own bytes

    def _spin(self) -> None:
        while not self._stop.is_set():
            until = time.perf_counter() + 0.02
            while time.perf_counter() < until:
                sum(i * i for i in range(2_000))
            time.sleep(0.02)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        for process in self._processes:
            process.kill()
            process.wait()


class CheckingProbe(FrameProbe):
    """A FrameProbe that keeps every 8th pixel of each picture, to compare with PyAV."""

    def __init__(self, painter: Painter | None = None) -> None:
        super().__init__(painter)
        self.samples: list[tuple[int | None, Any]] = []

    def __call__(self, frame: VideoFrame) -> None:
        pixels = np.frombuffer(frame.data, dtype=np.uint8).reshape(frame.height, frame.width, 4)
        self.samples.append(
            (frame_number(frame), np.ascontiguousarray(pixels[::SUBSAMPLE, ::SUBSAMPLE, 2::-1]))
        )
        super().__call__(frame)


def _psnr(a: Any, b: Any) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 99.0 if mse == 0 else 10 * float(np.log10(255.0**2 / mse))


def _under_load(
    engine: VlcEngine,
    sides: dict[str, Callable[[], Any]],
    seconds: int,
    reference: dict[int, Any],
    starved: bool,
) -> dict[str, Any]:
    expected = seconds * FPS
    result: dict[str, Any] = {"seconds": seconds, "expected_frames": expected}
    for name in sides:
        gc.collect()
        player = VlcPlayer(engine)
        painter = Painter()
        painter.start()
        probe = CheckingProbe(painter)
        try:
            with Load(starved):
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
        wrong = 0
        worst = 99.0
        for number, sample in probe.samples:
            if number is None or number not in reference:
                wrong += number is None
                continue
            quality = _psnr(sample, reference[number])
            worst = min(worst, quality)
            wrong += quality < MIN_PSNR_DB
        delivered = sum(1 for n in probe.numbers if 0 <= n < expected)
        side: dict[str, Any] = {
            "delivered_frames": delivered,
            "dropped_frames": expected - delivered,
            "dropped_pct": round(100 * (expected - delivered) / expected, 2),
            "wrong_frames": wrong,
            "lowest_psnr_db": round(worst, 1),
            "callbacks": probe.frames,
            "painted_qimages": painter.painted,
            "wall_s": round(wall, 2),
            "process_cpu_s": round(cpu, 1),
            "read_mib": round(sum(r[1] for r in stream.reads) / MiB, 1),
        }
        if have_stats:
            side["libvlc"] = {
                "decoded_video": stats.decoded_video,
                "displayed_pictures": stats.displayed_pictures,
                "lost_pictures": stats.lost_pictures,
            }
        side["goal_met"] = (starved or side["dropped_pct"] < GOAL_DROPPED_PCT) and wrong == 0
        result[name] = side
    result["goal_dropped_pct"] = GOAL_DROPPED_PCT
    return result


# -- output ------------------------------------------------------------------------------------
def _print(r: dict[str, Any]) -> None:
    v = r["video"]
    print(
        f"playback {v['width']}×{v['height']} {v['fps']} fps H.264 {v['mbit_per_s']:.1f} Mbit/s,"
        f" {v['seconds']} s, keyframe every {v['gop_frames'] // v['fps']} s"
        f" (generated in {v['generated_s']:.0f} s); libVLC video callbacks, silent audio output"
    )
    _print_latency(r["first_frame"], "open → first frame", "  ")
    _print_latency(
        r["seek_playing"], "seek while playing → a frame near the target (no goal)", "  "
    )
    e = r["exact"]
    ev, ep = e["vault"], e["plain"]
    goals = e["goal_met"]
    print(
        f"  paused seek → painted exact frame ({e['seeks']}×): vault median"
        f" {ev['seek']['median_ms']:.0f} ms p90 {ev['seek']['p90_ms']:.0f} ms; plain median"
        f" {ep['seek']['median_ms']:.0f} ms p90 {ep['seek']['p90_ms']:.0f} ms →"
        f" {e['ratio_seek_p90']:.2f}× p90 (goal p90 ≤ {GOAL_EXACT_SEEK_P90_MS:g} ms and"
        f" ≤ {GOAL_RATIO}×: {'met' if goals['seek'] else 'NOT met'})"
    )
    print(
        f"  one frame back ({e['step_runs']} runs of {e['steps_per_run']}): vault p90"
        f" {ev['back']['p90_ms']:.0f} ms (plain {ep['back']['p90_ms']:.0f} ms; goal"
        f" ≤ {GOAL_BACK_P90_MS:g} ms: {'met' if goals['back'] else 'NOT met'});"
        f" one frame forward: vault p90 {ev['forward']['p90_ms']:.0f} ms (plain"
        f" {ep['forward']['p90_ms']:.0f} ms; goal ≤ {GOAL_FORWARD_P90_MS:g} ms:"
        f" {'met' if goals['forward'] else 'NOT met'}); wrong pictures: vault"
        f" {ev['wrong_frames']}, plain {ep['wrong_frames']}"
    )
    for label, title in (
        ("app", "under load (another process on one core + a Python thread half busy)"),
        ("starved_app", "starved (both cores busy + a thread holding the GIL while unpickling)"),
        ("starved_hurry_up_on", "starved, with libVLC's default --avcodec-hurry-up (the cause)"),
    ):
        d = r["under_load"][label]
        print(f"  {title}, first {d['seconds']} s ({d['expected_frames']} frames):")
        for name in ("plain", "vault"):
            if name not in d:
                continue
            x = d[name]
            lib = x.get("libvlc")
            libvlc = (
                f"; libVLC decoded {lib['decoded_video']}, displayed {lib['displayed_pictures']},"
                f" lost {lib['lost_pictures']}"
                if lib
                else ""
            )
            drop_goal = "" if label.startswith("starved") else f", goal < {GOAL_DROPPED_PCT:g} %"
            print(
                f"    {name}: wrong {x['wrong_frames']} (goal 0; lowest PSNR"
                f" {x['lowest_psnr_db']:.1f} dB), dropped {x['dropped_frames']}"
                f" ({x['dropped_pct']:.2f} %{drop_goal}):"
                f" {'met' if x['goal_met'] else 'NOT met'}; {x['painted_qimages']} QImages"
                f" in {x['wall_s']:.1f} s{libvlc}"
            )


def _print_latency(m: dict[str, Any], label: str, indent: str) -> None:
    goal = "met" if m["goal_met"] else "NOT met"
    goal_text = "" if "no goal" in label else f" (goal ≤ {GOAL_RATIO}×: {goal})"
    count = m.get("repetitions", m.get("seeks"))
    print(
        f"{indent}{label} ({count}× each): plain median {m['plain']['median_ms']:.0f} ms"
        f" p90 {m['plain']['p90_ms']:.0f} ms; vault median {m['vault']['median_ms']:.0f} ms"
        f" p90 {m['vault']['p90_ms']:.0f} ms → {m['ratio_median']:.2f}× median,"
        f" {m['ratio_p90']:.2f}× p90{goal_text}"
    )

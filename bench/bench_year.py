"""Quick with a year of data: opening, search, the library list and its first paint.

The year vault (bench/year_vault.py: 300 recordings, 50,000 observations, 2,000 fragments,
200 goals, derived pictures as the app stores them) is built once and cached; the baseline is a
small vault built the same way (5 recordings, 50 observations), measured in the same run.

* ``open``: ``Vault`` opening after the key is unwrapped (the KDF is excluded: it is the same
  for every vault). ``quick``: vault.db unchanged since its last full check (the usual case);
  ``full``: after a change the app did not make (the health marker removed), so the full
  check runs at open. The background full check's duration is printed too.
* ``search``: ``search_observations`` for common words, p95, with SQLCipher's
  ``cipher_memory_security`` off (the default) and on.
* ``list``: ``Vault.recordings()``, the library's query.
* ``first_paint``: what the library does after unlocking (recordings, one cover picture
  each, counts and reminders, ``LibraryView.set_recordings``) and the first paint of the view
  (``QWidget.grab``), offscreen.

Goals: open ≤ 100 ms, search p95 ≤ 50 ms, list ≤ 50 ms, first paint < 300 ms at year size.
Nothing here asserts on time.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import PASSPHRASE, percentile, ratio
from bench.year_vault import SMALL, YEAR, Size, vault_path
from vknz_desktop.storage import vault as vault_module
from vknz_desktop.storage.database import remove_health_marker
from vknz_desktop.storage.process_lock import ProcessLock
from vknz_desktop.storage.vault import Vault

NAME = "year"
WORDS = ("klant", "vraag", "stilte", "doel", "gesprek", "begrip", "luisterde", "afspraak")
GOALS_MS = {"open_quick": 100.0, "search_p95": 50.0, "list": 50.0, "first_paint": 300.0}


def disk_needed(_quick: bool) -> int:
    return 300 * 1024 * 1024


def _open_unlocked(directory: Path) -> tuple[Vault, float]:
    """Open as ``Vault.open`` does, timing everything after the key derivation."""
    lock = ProcessLock(directory)
    lock.acquire()
    key, key_read = vault_module._unlock(directory, PASSPHRASE, note_failure=False)
    started = time.perf_counter()
    vault = Vault._open_unlocked(directory, key, key_read, lock, False)
    return vault, time.perf_counter() - started


def _open_figures(directory: Path, repeats: int) -> dict[str, Any]:
    quick: list[float] = []
    full: list[float] = []
    background: list[float] = []
    for _ in range(repeats):
        remove_health_marker(directory / "vault.db")
        vault, seconds = _open_unlocked(directory)
        full.append(seconds)
        vault.close()
        vault, seconds = _open_unlocked(directory)
        quick.append(seconds)
        started = time.perf_counter()
        vault.wait_for_health_check()
        background.append(time.perf_counter() - started)
        vault.close()
    return {
        "quick_ms": round(statistics.median(quick) * 1000, 1),
        "full_check_ms": round(statistics.median(full) * 1000, 1),
        "background_check_ms": round(statistics.median(background) * 1000, 1),
    }


def _search_figures(vault: Vault, rounds: int, setting: str) -> dict[str, Any]:
    conn = vault._conn
    with vault.reading():
        conn.execute(f"PRAGMA cipher_memory_security = {setting}")
        active = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    times: list[float] = []
    hits = 0
    for _ in range(rounds):
        for word in WORDS:
            started = time.perf_counter()
            hits = max(hits, len(vault.search_observations(word)))
            times.append((time.perf_counter() - started) * 1000)
    return {
        "active": str(active),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "max_hits": hits,
    }


def _list_ms(vault: Vault, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        vault.recordings()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _first_paint_ms(vault: Vault, rounds: int) -> float:
    from PySide6.QtWidgets import QApplication

    from vknz_desktop.domain.derived import COVER_KIND
    from vknz_desktop.domain.models import Role
    from vknz_desktop.media.deferred import DeferredProber
    from vknz_desktop.services.recordings import RecordingService
    from vknz_desktop.storage.source_files import SourceFileRemover
    from vknz_desktop.ui.library.library_view import LibraryView
    from vknz_desktop.ui.library.recording_model import RowFacts

    _app = QApplication.instance() or QApplication([])
    service = RecordingService(vault, DeferredProber())
    sources = SourceFileRemover(vault)
    times = []
    for _ in range(rounds):
        view = LibraryView()
        view.resize(1280, 720)
        started = time.perf_counter()
        recordings = vault.recordings()  # as LibraryController.refresh does
        covers: dict[str, bytes] = {}
        for recording in recordings:
            if recording.media.has_video and recording.media_available:
                cover = vault.derived_media(recording.id, COVER_KIND)  # one picture, ~4 KB
                if cover:
                    covers[recording.id] = cover
        counts = service.counts(Role.KLANTMANAGER)
        reminders = sources.reminders()
        facts = {
            rid: RowFacts(
                fragments=counts[rid].fragments if rid in counts else 0,
                observations=counts[rid].observations if rid in counts else 0,
                reminder=reminders.get(rid),
            )
            for rid in set(counts) | set(reminders)
        }
        view.set_recordings(recordings, covers, facts)
        view.grab()
        times.append((time.perf_counter() - started) * 1000)
        view.deleteLater()
    return round(statistics.median(times), 1)


def _measure(base: Path, size: Size, quick: bool) -> dict[str, Any]:
    directory = vault_path(base, size)
    figures: dict[str, Any] = {"open": _open_figures(directory, 2 if quick else 3)}
    with Vault.open(directory, PASSPHRASE) as vault:
        vault.wait_for_health_check()
        figures["search"] = {
            "memory_security_off": _search_figures(vault, 3 if quick else 10, "OFF")
        }
        figures["list_ms"] = _list_ms(vault, 5 if quick else 20)
        figures["first_paint_ms"] = _first_paint_ms(vault, 2 if quick else 5)
    return figures


def _search_with_memory_security(base: Path, size: Size, quick: bool) -> dict[str, Any]:
    # Once on, SQLCipher's memory security stays in force for the whole process (measured:
    # switching it off again does not bring the speed back), so this runs last.
    with Vault.open(vault_path(base, size), PASSPHRASE) as vault:
        vault.wait_for_health_check()
        return _search_figures(vault, 3 if quick else 10, "ON")


def run(base: Path, quick: bool) -> dict[str, Any]:
    started = time.perf_counter()
    vault_path(base, SMALL)
    vault_path(base, YEAR)
    built_s = time.perf_counter() - started
    small = _measure(base, SMALL, quick)
    year = _measure(base, YEAR, quick)
    small["search"]["memory_security_on"] = _search_with_memory_security(base, SMALL, quick)
    year["search"]["memory_security_on"] = _search_with_memory_security(base, YEAR, quick)
    result = {
        "year": YEAR.label,
        "baseline": SMALL.label,
        "cache_build_s": round(built_s, 1),
        "small": small,
        "large": year,
    }
    _print(result)
    return result


def _goal(value: float, key: str) -> str:
    return f"goal ≤ {GOALS_MS[key]:g} ms: {'met' if value <= GOALS_MS[key] else 'NOT met'}"


def _print(r: dict[str, Any]) -> None:
    small, large = r["small"], r["large"]
    print(f"a year of data ({r['year']}); baseline {r['baseline']}")
    so, lo = small["open"], large["open"]
    print(
        f"  open, KDF excluded: {lo['quick_ms']:.0f} ms (small {so['quick_ms']:.0f} ms,"
        f" {ratio(lo['quick_ms'], so['quick_ms']):.1f}×; {_goal(lo['quick_ms'], 'open_quick')});"
        f" after an outside change (full check at open) {lo['full_check_ms']:.0f} ms"
        f" (small {so['full_check_ms']:.0f} ms); background check {lo['background_check_ms']:.0f}"
        " ms"
    )
    for setting in ("off", "on"):
        s, y = (
            small["search"][f"memory_security_{setting}"],
            large["search"][f"memory_security_{setting}"],
        )
        print(
            f"  search, cipher_memory_security {setting}: p95 {y['p95_ms']:.1f} ms"
            f" (p50 {y['p50_ms']:.1f}; small p95 {s['p95_ms']:.1f} ms,"
            f" {ratio(y['p95_ms'], s['p95_ms']):.1f}×; {_goal(y['p95_ms'], 'search_p95')})"
        )
    print(
        f"  library list: {large['list_ms']:.1f} ms (small {small['list_ms']:.1f} ms,"
        f" {ratio(large['list_ms'], small['list_ms']):.1f}×; {_goal(large['list_ms'], 'list')})"
    )
    print(
        f"  library first paint after unlock: {large['first_paint_ms']:.0f} ms"
        f" (small {small['first_paint_ms']:.0f} ms,"
        f" {ratio(large['first_paint_ms'], small['first_paint_ms']):.1f}×;"
        f" {_goal(large['first_paint_ms'], 'first_paint')})"
    )

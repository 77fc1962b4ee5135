"""SQLCipher's ``cipher_memory_security``: what it costs and what it buys, on a year of data.

With the setting on, SQLCipher overwrites every block of memory SQLite frees (and locks it
against swapping). Once on it stays on for the process, so each setting is measured in a
process of its own, on the same cached year-of-data vault (``bench/year_vault.py``; the
baseline is the setting off):

* cost: open (KDF excluded), the library's list, search (p95), one recording's observations,
  every recording's cover thumbnail (the library's first paint), 50 observations saved and
  deleted, close;
* what it buys: before and after ``close()``, how many copies of a note are in the process's
  memory that only SQLite ever read in the clear (a ``count(*)`` over the notes; Python saw
  it only in hexadecimal): decrypted pages in SQLite's cache, and what is left of them once
  SQLite freed them.

Nothing here asserts; the figures are printed as ratios on (on / off).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import PASSPHRASE, percentile, ratio
from bench.year_vault import YEAR, vault_path

NAME = "memory_security"
WORDS = ("klant", "vraag", "stilte", "doel", "gesprek", "begrip", "luisterde", "afspraak")


def disk_needed(_quick: bool) -> int:
    return 0  # the cached year vault only


def _memory_hits(needle: bytearray) -> int:
    """Copies of ``needle`` in this process's writable memory (heap and anonymous maps),
    ``needle`` itself not counted."""
    with open("/proc/self/maps") as maps:
        lines = maps.read().splitlines()  # listed before reading: our own reads are not in it
    hits = 0
    with open("/proc/self/mem", "rb", 0) as mem:
        for line in lines:
            fields = line.split()
            if len(fields) < 2 or not fields[1].startswith("rw"):
                continue
            if len(fields) >= 6 and fields[5].startswith("/") and not fields[5].startswith("/dev"):
                continue  # a file's own data segment
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            hits += data.count(needle)
            del data
    return hits - 1


def measure(vault_dir: str, setting: str, rounds: int) -> dict[str, Any]:
    """One process, one setting (see the module's description)."""
    import datetime as dt
    import uuid

    from vknz_desktop.domain.derived import THUMBNAILS_KIND
    from vknz_desktop.domain.models import Observation
    from vknz_desktop.storage.vault import Vault

    started = time.perf_counter()
    vault = Vault.open(Path(vault_dir), PASSPHRASE)  # includes the KDF: not compared
    vault.wait_for_health_check()
    with vault.reading() as conn:
        conn.execute(f"PRAGMA cipher_memory_security = {setting}")
        active = str(conn.execute("PRAGMA cipher_memory_security").fetchone()[0])
    figures: dict[str, Any] = {"active": active, "open_s": round(time.perf_counter() - started, 2)}

    def timed(action: Any, repeat: int) -> list[float]:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            action()
            times.append((time.perf_counter() - t0) * 1000)
        return times

    recordings = vault.recordings()
    figures["list_ms"] = round(statistics.median(timed(vault.recordings, rounds)), 1)
    search = [
        t for word in WORDS for t in timed(lambda w=word: vault.search_observations(w), rounds)
    ]
    figures["search_p95_ms"] = round(percentile(search, 95), 1)
    first = recordings[0].id
    figures["observations_ms"] = round(
        statistics.median(timed(lambda: vault.observations(first), rounds)), 1
    )
    figures["thumbnails_ms"] = round(
        statistics.median(
            timed(lambda: [vault.derived_media(r.id, THUMBNAILS_KIND) for r in recordings], 3)
        ),
        1,
    )

    def save_and_delete() -> None:
        now = dt.datetime.now(dt.UTC)
        ids = []
        for number in range(50):
            observation = Observation(
                id=str(uuid.uuid4()),
                recording_id=first,
                time_ms=number * 1000,
                text=f"Bench-waarneming {number}",
                created_at=now,
                edited_at=now,
            )
            vault.save_observation(observation)
            ids.append(observation.id)
        for observation_id in ids:
            vault.delete_observation(observation_id)

    figures["save_50_ms"] = round(statistics.median(timed(save_and_delete, 3)), 1)
    # a note only SQLite reads: its page is decrypted into SQLite's cache; Python only sees
    # it in hexadecimal, and the needle is made from that
    with vault.reading() as conn:
        row = conn.execute("SELECT hex(text) FROM observations WHERE rowid = 4242").fetchone()
    needle = bytearray.fromhex(str(row[0]))[-40:]
    del row
    with vault.reading() as conn:
        conn.execute("SELECT count(*) FROM observations WHERE text LIKE '%stilte%'").fetchone()
        conn.execute("SELECT length(text) FROM observations WHERE rowid = 4242").fetchone()
    figures["note_copies_before_close"] = _memory_hits(needle)
    t0 = time.perf_counter()
    vault.close()
    figures["close_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    figures["note_copies_after_close"] = _memory_hits(needle)
    return figures


def _in_process(vault_dir: Path, setting: str, rounds: int) -> dict[str, Any]:
    code = (
        "import json, sys; from bench.bench_memory_security import measure; "
        "print(json.dumps(measure(sys.argv[1], sys.argv[2], int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(vault_dir), setting, str(rounds)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(base: Path, quick: bool) -> dict[str, Any]:
    vault_dir = vault_path(base, YEAR)
    rounds = 3 if quick else 10
    off = _in_process(vault_dir, "OFF", rounds)
    on = _in_process(vault_dir, "ON", rounds)
    result = {"year": YEAR.label, "off": off, "on": on}
    _print(result)
    return result


def _print(r: dict[str, Any]) -> None:
    off, on = r["off"], r["on"]
    print(f"cipher_memory_security on a year of data ({r['year']}); baseline: off")
    for key, label in (
        ("list_ms", "library list"),
        ("search_p95_ms", "search p95"),
        ("observations_ms", "one recording's observations"),
        ("thumbnails_ms", "every recording's thumbnails"),
        ("save_50_ms", "50 observations saved and deleted"),
        ("close_ms", "close"),
    ):
        print(
            f"  {label}: on {on[key]:.1f} ms, off {off[key]:.1f} ms"
            f" ({ratio(on[key], off[key]):.1f}×)"
        )
    print(
        "  copies of a note only SQLite read, in memory before close:"
        f" off {off['note_copies_before_close']}, on {on['note_copies_before_close']};"
        f" after close: off {off['note_copies_after_close']}, on {on['note_copies_after_close']}"
    )

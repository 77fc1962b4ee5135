"""Run the benchmarks: ``python -m bench [--quick] [--only NAME] [--tmp-dir DIR] [--repeats N]``.

Prints one short block per benchmark and writes every figure to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.common import SETTINGS, MiB

# Run in this order; each module has NAME, disk_needed(quick) and run(base_dir, quick), or only
# run(quick) when it writes no scratch files (adapted by _NoScratch).
BENCHMARKS: dict[str, str] = {
    "import": "bench.bench_import",
    "year": "bench.bench_year",
    "memory_security": "bench.bench_memory_security",
    "stream": "bench.bench_stream",
    "chunk_backends": "bench.bench_chunk_backends",
    "timeline": "bench.bench_timeline",
    "playback": "bench.bench_playback",
    "paused_ui": "bench.bench_paused_ui",
    "long": "bench.bench_long",
    "startup": "bench.bench_startup",
    "summary": "bench.bench_summary",
    "keep_fragments": "bench.bench_keep_fragments",
    "record": "bench.bench_record",
}
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes (e.g. 128 MiB instead of 1 GiB)"
    )
    parser.add_argument("--only", choices=list(BENCHMARKS), help="run just this benchmark")
    parser.add_argument(
        "--tmp-dir",
        type=Path,
        default=Path(tempfile.gettempdir()),
        help="where scratch directories are made (default: the system temp dir)",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results file")
    parser.add_argument(
        "--repeats",
        type=int,
        default=int(SETTINGS["repeats"]),
        help="runs per measurement, the best counts (default %(default)s)",
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=SETTINGS["pause_s"],
        help="seconds to wait after sync before each timed run (default %(default)s; see"
        " bench/common.py SETTINGS)",
    )
    args = parser.parse_args(argv)

    names = [args.only] if args.only else list(BENCHMARKS)
    modules = {name: _import_benchmark(BENCHMARKS[name]) for name in names}
    args.tmp_dir.mkdir(parents=True, exist_ok=True)
    needed = max(module.disk_needed(args.quick) for module in modules.values())
    free = shutil.disk_usage(args.tmp_dir).free
    if free < needed:
        print(
            f"Not enough free space in {args.tmp_dir}: {free // MiB} MiB free,"
            f" {needed // MiB} MiB needed. Use --tmp-dir or --quick.",
            file=sys.stderr,
        )
        return 2

    mode = "quick" if args.quick else "full"
    print(
        f"vknz benchmarks ({mode}), scratch in {args.tmp_dir}; MB = 10^6 bytes;"
        f" best of {args.repeats}; sync"
        + (f" + {args.pause:g} s pause" if args.pause > 0 else "")
        + " before each timed run"
    )
    SETTINGS["pause_s"] = max(0.0, args.pause)
    SETTINGS["repeats"] = max(1, args.repeats)
    load_before = _load()
    if load_before[0] > 0.5:
        print(
            f"note: the machine is busy (load average {load_before[0]:.2f});"
            " other processes will make these figures noisy"
        )
    results: dict[str, Any] = {}
    failed = False
    started = time.perf_counter()
    for name, module in modules.items():
        print()
        bench_started = time.perf_counter()
        try:
            results[name] = module.run(args.tmp_dir, args.quick)
        except Exception as error:  # report and go on with the next benchmark
            failed = True
            traceback.print_exc()
            results[name] = {"error": f"{type(error).__name__}: {error}"}
            print(f"{name}: FAILED ({type(error).__name__}: {error})")
        results[name]["elapsed_s"] = round(time.perf_counter() - bench_started, 2)
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f} s")

    _write_json(
        args.output,
        {
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "mode": mode,
            "total_s": round(total, 2),
            "machine": _machine(),
            "repeats": args.repeats,
            "pause_before_timed_runs_s": SETTINGS["pause_s"],
            "load_average_1min": {"before": load_before[0], "after": _load()[0]},
            "benchmarks": results,
        },
    )
    print(f"results written to {args.output}")
    return 1 if failed else 0


def _import_benchmark(module_name: str) -> Any:
    module = importlib.import_module(module_name)
    return module if hasattr(module, "disk_needed") else _NoScratch(module)


class _NoScratch:
    """A benchmark with only ``run(quick)`` and no scratch files (bench_timeline)."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def disk_needed(self, _quick: bool) -> int:
        return 0

    def run(self, _base_dir: Path, quick: bool) -> dict[str, Any]:
        return self._module.run(quick)


def _load() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:  # not available on every platform
        return (0.0, 0.0, 0.0)


def _machine() -> dict[str, Any]:
    versions: dict[str, str] = {}
    for package in ("av", "cryptography", "sqlcipher3", "vknz_desktop"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "?"
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "versions": versions,
    }


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


if __name__ == "__main__":
    sys.exit(main())

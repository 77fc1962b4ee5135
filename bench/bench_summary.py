"""The learning summary with a year of notes, and the de-identification worker (issue 17).

* ``worker``: seconds from starting the worker process to deduce being loaded, against the
  same process started without loading deduce (the baseline: spawn and imports only).
* ``summary``: one ``SummaryService.build`` (what the preview does at every option change) over
  300 recordings with 500 observations, all of them evidence of 50 goals, once the worker has
  loaded; baseline: the same with 50 observations. Goal: ≤ 200 ms per change at 500. The
  first build (every text new to the worker) is printed too.

Figures are p50/p95 in milliseconds (or seconds) and ratios against the baseline measured in
the same run; nothing asserts on time.

Run: ``.venv/bin/python -m bench --only summary``
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from typing import Any

NAME = "summary"
GOAL_MS = 200.0

_NOTES = (
    "Ik onderbrak {name} twee keer toen ze over haar werk bij Bakkerij Van Dongen vertelde.",
    "Stilte laten vallen lukte beter; {name} vertelde daarna over haar zoon.",
    "Ik vatte samen wat ik hoorde en vroeg of dat klopte.",
    "{name} woont op de Kwikstaartlaan 112 en belde op 06-41827365 over de afspraak.",
    "Mijn vraag was te gesloten; volgende keer vraag ik wat de klant zelf wil.",
)
_NAMES = ("Fenna Oosterbroek", "Joost Zwanenburg", "Marit Stolk", "Ayoub Bennani", "Truus Egmond")


def _world(observations: int) -> Any:
    from tests.fixtures.learning_fakes import MemoryGoals, MemorySource, observation, recording

    from vknz_desktop.domain.models import Role
    from vknz_desktop.export import deidentify
    from vknz_desktop.services.goals import GoalService
    from vknz_desktop.services.summary import SummaryService
    from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles

    day = dt.date(2026, 1, 1)
    recordings = [
        recording(
            f"r{i}",
            f"Gesprek {i} met {_NAMES[i % 5]}",
            day + dt.timedelta(days=i),
            [(_NAMES[i % 5], Role.KLANT)],
        )
        for i in range(300)
    ]
    notes = [
        observation(
            f"o{i}",
            f"r{i % 300}",
            _NOTES[i % 5].format(name=_NAMES[i % 5].split()[0]),
            1000 + i,
            profile_id="klantgesprek",
            theme_id="luisteren",
        )
        for i in range(observations)
    ]
    store = MemoryGoals()
    goals = GoalService(store)
    per_goal = max(1, observations // 50)
    for index in range(50):
        chosen = notes[index * per_goal : (index + 1) * per_goal]
        goals.create_from_observations(
            chosen, goal=f"Leerdoel {index}: eerst laten uitpraten", why="Omdat het helpt."
        )
    profiles = load_profiles(builtin_profiles_dir(), None).profiles
    return SummaryService(store, MemorySource(recordings, notes), profiles, deidentify)


def _times(action: Any, repeats: int) -> list[float]:
    result = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        result.append((time.perf_counter() - started) * 1000)
    return result


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(quick: bool = False) -> dict[str, Any]:
    """Measure and print; returns the figures."""
    from vknz_desktop.export.deid_worker import DeidWorker
    from vknz_desktop.export.deidentifier import preload

    light = DeidWorker(warm=False)
    started = time.perf_counter()
    light.wait_ready()
    spawn_s = time.perf_counter() - started
    light.stop()
    full = DeidWorker()
    started = time.perf_counter()
    full.wait_ready()
    load_s = time.perf_counter() - started
    full.stop()
    print(
        f"worker: start → deduce loaded {load_s:.1f} s; baseline (spawn, no deduce) "
        f"{spawn_s:.2f} s; ratio {load_s / spawn_s:.1f}×"
    )

    preload()
    repeats = 5 if quick else 20
    small = _world(50)
    large = _world(500)
    small_ms = _times(small.build, repeats)
    first_ms = _times(large.build, 1)[0]  # new names and texts: everything de-identified
    large_ms = _times(large.build, repeats)  # an option change: the same texts again
    figures = {
        "worker_load_s": round(load_s, 2),
        "worker_spawn_baseline_s": round(spawn_s, 2),
        "summary_500_p50_ms": round(statistics.median(large_ms), 1),
        "summary_500_p95_ms": round(_p(large_ms, 0.95), 1),
        "summary_500_first_ms": round(first_ms, 1),
        "summary_50_p50_ms": round(statistics.median(small_ms), 1),
        "ratio_p50": round(statistics.median(large_ms) / statistics.median(small_ms), 2),
        "goal_ms": GOAL_MS,
    }
    print(
        f"summary build, 500 observations as evidence: p50 {figures['summary_500_p50_ms']} ms, "
        f"p95 {figures['summary_500_p95_ms']} ms (goal ≤ {GOAL_MS:.0f} ms; the first build, "
        f"all texts new: {figures['summary_500_first_ms']} ms); baseline 50: "
        f"p50 {figures['summary_50_p50_ms']} ms; ratio {figures['ratio_p50']}×"
    )
    return figures


if __name__ == "__main__":
    run()

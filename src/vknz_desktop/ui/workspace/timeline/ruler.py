"""Ruler step selection for the timeline (pure Python, no Qt); labels are written by
``domain.timefmt.format_ruler_label``.

All times are integer milliseconds, as everywhere in the application.
"""

from __future__ import annotations

from collections.abc import Callable

_SECOND = 1000
_MINUTE = 60 * _SECOND
_HOUR = 60 * _MINUTE

#: Candidate distances between two labelled ruler ticks, smallest first.
RULER_STEPS_MS: tuple[int, ...] = (
    1,
    2,
    5,
    10,
    20,
    50,
    100,
    200,
    500,
    1 * _SECOND,
    2 * _SECOND,
    5 * _SECOND,
    10 * _SECOND,
    15 * _SECOND,
    30 * _SECOND,
    1 * _MINUTE,
    2 * _MINUTE,
    5 * _MINUTE,
    10 * _MINUTE,
    15 * _MINUTE,
    30 * _MINUTE,
    1 * _HOUR,
    2 * _HOUR,
    3 * _HOUR,
    6 * _HOUR,
    12 * _HOUR,
    24 * _HOUR,
)

# How a labelled step is divided by unlabelled minor ticks, finest first.
_SUBDIVISIONS: dict[int, tuple[int, ...]] = {
    1: (),
    2: (2,),
    5: (5,),
    10: (10, 5, 2),
    20: (4, 2),
    50: (5,),
    100: (10, 5, 2),
    200: (4, 2),
    500: (5,),
    1 * _SECOND: (10, 5, 2),
    2 * _SECOND: (4, 2),
    5 * _SECOND: (5,),
    10 * _SECOND: (10, 5, 2),
    15 * _SECOND: (3,),
    30 * _SECOND: (6, 3),
    1 * _MINUTE: (6, 4, 2),
    2 * _MINUTE: (4, 2),
    5 * _MINUTE: (5,),
    10 * _MINUTE: (10, 5, 2),
    15 * _MINUTE: (3,),
    30 * _MINUTE: (6, 3),
    1 * _HOUR: (4, 2),
    2 * _HOUR: (4, 2),
    3 * _HOUR: (3,),
    6 * _HOUR: (6, 3, 2),
    12 * _HOUR: (4, 2),
    24 * _HOUR: (4, 2),
}


def choose_ruler_step(
    span_ms: float,
    width_px: float,
    min_spacing_px: float | Callable[[int], float] = 80.0,
) -> int:
    """The smallest labelled-tick step that keeps labels at least ``min_spacing_px`` apart.

    ``min_spacing_px`` may be a function of the step, so the caller can pass the width of the
    label text that step produces (sub-second labels are wider); labels then never overlap.
    """
    if span_ms <= 0 or width_px <= 0:
        return RULER_STEPS_MS[-1]
    ms_per_px = span_ms / width_px
    for step in RULER_STEPS_MS:
        needed = min_spacing_px(step) if callable(min_spacing_px) else min_spacing_px
        if step / ms_per_px >= needed:
            return step
    return RULER_STEPS_MS[-1]


def choose_minor_step(step_ms: int, px_per_ms: float, min_spacing_px: float = 6.0) -> int | None:
    """The finest division of ``step_ms`` whose ticks stay ``min_spacing_px`` apart, if any."""
    for parts in _SUBDIVISIONS.get(step_ms, ()):
        minor = step_ms // parts
        if minor * parts == step_ms and minor * px_per_ms >= min_spacing_px:
            return minor
    return None

"""Every way the app writes a time (integer milliseconds) for people, in one place.

One family everywhere — the player, the lists, the timeline's ruler, the command line:
minutes and seconds, hours only from the first hour on, and decimals of a second after a
Dutch decimal comma where they help (``0:10``, ``0:10,0``, ``0:10,040``, ``1:02:03,4``).
Decimals are cut off, never rounded up, so a time never shows a moment that has not come yet.

- ``format_time(ms, decimals)``: the family itself (0–3 decimals);
- ``format_position``: with milliseconds — an exact place (a paused player, search, the CLI);
- ``format_clip_time``: with tenths — fragments, observations, lengths in the workspace;
- ``format_duration``: whole seconds — lengths in lists;
- ``format_ruler_label``: a ruler tick, with as many decimals as the tick distance needs.

Pure Python, shared by the GUI and the command line.
"""

from __future__ import annotations

SECOND_MS = 1000
MINUTE_MS = 60 * SECOND_MS
HOUR_MS = 60 * MINUTE_MS

#: The decimal comma of every time.
DECIMAL_SEPARATOR = ","


def format_time(ms: int, decimals: int = 1) -> str:
    """``[u:]m:ss[,d…]``: e.g. ``format_time(65_250, 1) == "1:05,2"``,
    ``format_time(3_723_004, 3) == "1:02:03,004"``, ``format_time(5_000, 0) == "0:05"``.

    ``decimals`` (0–3) digits of the second, cut off; negative times get a leading minus.
    """
    if not 0 <= decimals <= 3:
        raise ValueError(f"decimals must be 0-3, not {decimals}")
    sign = "-" if ms < 0 else ""
    rest = abs(int(ms))
    hours, rest = divmod(rest, HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    if decimals:
        text += DECIMAL_SEPARATOR + f"{millis:03d}"[:decimals]
    return sign + text


def format_position(ms: int) -> str:
    """An exact place, with milliseconds: ``format_position(65_250) == "1:05,250"``."""
    return format_time(ms, 3)


def format_duration(ms: int) -> str:
    """A length in whole seconds: ``"2:03"``, or ``"1:02:03"`` from an hour (rounded down)."""
    return format_time(ms, 0)


def format_clip_time(ms: int) -> str:
    """With tenths: ``"0:12,3"``, or ``"1:02:03,4"`` from an hour; never negative."""
    return format_time(max(0, int(ms)), 1)


def _fraction_digits(step_ms: int) -> int:
    """How many decimals of a second a label needs to tell ticks ``step_ms`` apart."""
    if step_ms % SECOND_MS == 0:
        return 0
    if step_ms % 100 == 0:
        return 1
    if step_ms % 10 == 0:
        return 2
    return 3


def format_ruler_label(ms: int, step_ms: int) -> str:
    """The label of a ruler tick at ``ms`` when labelled ticks are ``step_ms`` apart: the same
    family with as many decimals as the step needs (``5:00``, ``1:05,5``, ``1:05,25``,
    ``1:01:05,5``)."""
    return format_time(ms, _fraction_digits(step_ms))


__all__ = [
    "DECIMAL_SEPARATOR",
    "format_clip_time",
    "format_duration",
    "format_position",
    "format_ruler_label",
    "format_time",
]

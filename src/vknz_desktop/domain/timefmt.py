"""Every way the app writes a time (integer milliseconds) for people, in one place.

Pure Python, shared by the GUI and the command line:

- ``format_position``: ``uu:mm:ss.mmm`` — exact positions (transport bar, editor, search, CLI);
- ``format_duration``: ``m:ss`` or ``u:mm:ss`` — lengths and list times;
- ``format_clip_time``: ``m:ss,t`` with tenths — fragments, whose edges are set to a tenth;
- ``format_ruler_label``: a ruler tick, with as many decimals as the tick distance needs.
"""

from __future__ import annotations

SECOND_MS = 1000
MINUTE_MS = 60 * SECOND_MS
HOUR_MS = 60 * MINUTE_MS


def format_position(ms: int) -> str:
    """A position as ``uu:mm:ss.mmm``, e.g. ``format_position(65250) == "00:01:05.250"``.

    Negative values get a leading minus sign; hours grow past two digits when needed.
    """
    sign = "-" if ms < 0 else ""
    rest = abs(int(ms))
    hours, rest = divmod(rest, HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def format_duration(ms: int) -> str:
    """A compact length or position for people: ``m:ss`` below an hour (``"2:03"``), else
    ``u:mm:ss`` (``"1:02:03"``); whole seconds, rounded down."""
    sign = "-" if ms < 0 else ""
    total_seconds = abs(int(ms)) // SECOND_MS
    hours, rest = divmod(total_seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


def format_clip_time(ms: int) -> str:
    """``m:ss,t`` (tenths, Dutch decimal comma), or ``u:mm:ss,t`` from an hour; never negative."""
    tenths = max(0, int(ms)) // 100
    seconds, tenth = divmod(tenths, 10)
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d},{tenth}"
    return f"{minutes}:{secs:02d},{tenth}"


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
    """The label of a ruler tick at ``ms`` when labelled ticks are ``step_ms`` apart.

    Whole-second steps give ``u:mm:ss`` (``1:05:00``); finer steps give ``m:ss.mmm``-style labels
    with as many decimals as the step needs (``1:05.5``, ``1:05.25``, ``1:05.125``), with a
    leading hour when the time is past the first hour (``1:01:05.5``).
    """
    sign = "-" if ms < 0 else ""
    rest = abs(int(ms))
    digits = _fraction_digits(step_ms)
    hours, rest = divmod(rest, HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    if digits == 0:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    fraction = f"{millis:03d}"[:digits]
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{fraction}"
    return f"{sign}{minutes}:{seconds:02d}.{fraction}"


__all__ = ["format_clip_time", "format_duration", "format_position", "format_ruler_label"]

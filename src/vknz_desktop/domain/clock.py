"""The current time in UTC: the default clock of services (tests pass their own)."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """Now, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)

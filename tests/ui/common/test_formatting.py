"""Dutch display helpers: dates, numbers, sizes, consent scopes, keep-until states."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.data import TODAY, S, consent
from vknz_desktop.domain.models import (
    CONSENT_SCOPE_LABELS,
)
from vknz_desktop.ui.common.formatting import (
    format_date,
    format_decimal,
    format_duration,
    format_megabytes,
    format_number,
    keep_until_state,
    scope_labels,
)

# ----------------------------------------------------------------------------- formatting


def test_formatting_helpers() -> None:
    assert format_duration(123_000) == "2:03"
    assert format_duration(3_723_000) == "1:02:03"
    assert format_duration(0) == "0:00"
    assert format_date(dt.date(2026, 11, 28)) == "28 nov. 2026"
    assert format_date(dt.date(2026, 5, 1)) == "1 mei 2026"
    assert format_date(dt.date(2026, 3, 9)) == "9 mrt. 2026"
    assert format_date(None) == "–"
    assert format_megabytes(12_345_678) == "12,3"
    assert format_megabytes(1_234_567_890) == "1.234,6"
    assert format_number(1234) == "1.234"
    assert format_number(1_234_567) == "1.234.567"
    assert format_number(999) == "999"
    assert format_decimal(-1234.25, 2) == "-1.234,25"
    both = consent([S.COLLEAGUES, S.RESEARCHER], dt.date(2027, 1, 1))
    assert scope_labels(both) == "samen met onderzoeker/trainer, met collega's (intervisie)"
    # The translatable copies of the labels say exactly what the domain says.
    for scope in S:
        assert scope_labels(consent([scope], dt.date(2027, 1, 1))) == CONSENT_SCOPE_LABELS[scope]


@pytest.mark.parametrize(
    ("keep_until", "state"),
    [
        (TODAY - dt.timedelta(days=1), "expired"),
        (TODAY, "soon"),
        (TODAY + dt.timedelta(days=14), "soon"),
        (TODAY + dt.timedelta(days=15), "ok"),
    ],
)
def test_keep_until_state(keep_until: dt.date, state: str) -> None:
    assert keep_until_state(consent([S.SELF], keep_until), TODAY) == state

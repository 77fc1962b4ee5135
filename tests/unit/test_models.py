from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vknz_desktop.domain.models import Consent, ConsentScope, Participant, Role, add_months
from vknz_desktop.services.recordings import make_consent


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 11, 28), 12, dt.date(2027, 11, 28)),
        (dt.date(2026, 12, 15), 2, dt.date(2027, 2, 15)),
    ],
)
def test_add_months_clamps_to_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_consent_defaults_to_twelve_months() -> None:
    consent = make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 3, 1))
    assert consent.keep_until == dt.date(2027, 3, 1)


def test_consent_needs_a_scope_and_a_sane_keep_until() -> None:
    with pytest.raises(ValidationError):
        Consent(
            given_on=dt.date(2026, 1, 1),
            given_by=Role.KLANT,
            scopes=frozenset(),
            keep_until=dt.date(2027, 1, 1),
        )
    with pytest.raises(ValidationError):
        Consent(
            given_on=dt.date(2026, 1, 1),
            given_by=Role.KLANT,
            scopes=frozenset({ConsentScope.SELF}),
            keep_until=dt.date(2025, 1, 1),
        )


def test_participant_name_is_trimmed_and_not_empty() -> None:
    assert Participant(display_name="  Klant A ", role=Role.KLANT).display_name == "Klant A"
    with pytest.raises(ValidationError):
        Participant(display_name="   ", role=Role.KLANT)

"""The observation list on its own: counts in words, the menu and buttons of the chosen row,
the prompts of markers made while recording, capped tooltips."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from vknz_desktop.domain.models import Observation
from vknz_desktop.ui.workspace.observation_list import ObservationList

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)


def observation(
    oid: str, time_ms: int, text: str = "De klant kijkt weg", **extra: object
) -> Observation:
    return Observation(
        id=oid,
        recording_id="r1",
        time_ms=time_ms,
        text=text,
        created_at=NOW,
        edited_at=NOW,
        **extra,  # type: ignore[arg-type]
    )


def test_the_count_says_one_waarneming_and_two_waarnemingen(qtbot: QtBot) -> None:
    listing = ObservationList()
    qtbot.addWidget(listing)
    listing.set_observations([], None)
    assert listing.count_label.text() == "0 waarnemingen"
    listing.set_observations([observation("a", 1000)], None)
    assert listing.count_label.text() == "1 waarneming"
    listing.set_observations([observation("a", 1000), observation("b", 2000)], None)
    assert listing.count_label.text() == "2 waarnemingen"
    listing.text_filter.setText("niets dat past")
    assert listing.count_label.text() == "0 van 2"


def test_times_in_the_list_have_tenths(qtbot: QtBot) -> None:
    listing = ObservationList()
    qtbot.addWidget(listing)
    listing.set_observations([observation("a", 65_250)], None)
    assert listing.model.index(0, 0).data() == "1:05,2"

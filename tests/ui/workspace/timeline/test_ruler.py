"""The timeline's ruler: labelled steps that follow the zoom and never overlap."""

from __future__ import annotations

import pytest

from vknz_desktop.domain.timefmt import format_ruler_label
from vknz_desktop.ui.workspace.timeline.ruler import choose_minor_step, choose_ruler_step


def test_ruler_step_adapts_to_zoom():
    hour_step = choose_ruler_step(3_600_000, 1000, 80)
    three_seconds_step = choose_ruler_step(3_000, 1000, 80)
    assert hour_step == 5 * 60_000
    assert three_seconds_step == 500
    assert choose_ruler_step(1_000, 1000, 80) == 100
    assert format_ruler_label(300_000, hour_step) == "5:00"
    assert format_ruler_label(3_900_000, hour_step) == "1:05:00"
    assert format_ruler_label(65_500, three_seconds_step) == "1:05,5"
    assert format_ruler_label(65_100, 100) == "1:05,1"
    assert format_ruler_label(65_120, 20) == "1:05,12"


@pytest.mark.parametrize("span", [1_000, 3_000, 17_000, 60_000, 600_000, 3_600_000, 7_200_000])
def test_ruler_labels_never_overlap(span):
    width = 1366

    def label_width(step: int) -> float:
        return len(format_ruler_label(span, step)) * 7.0 + 10.0

    step = choose_ruler_step(span, width, label_width)
    assert step / (span / width) >= label_width(step)


def test_minor_ticks_divide_the_step_only_when_they_stay_apart():
    assert choose_minor_step(10_000, 0.01) == 1000  # 10 px apart
    assert choose_minor_step(10_000, 0.001) is None  # 1 px apart: none
    assert choose_minor_step(1, 10.0) is None  # a millisecond is not divided

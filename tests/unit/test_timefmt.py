"""Every time format of the app, shared by the GUI and the command line."""

from __future__ import annotations

from vknz_desktop.domain.timefmt import (
    format_clip_time,
    format_duration,
    format_position,
    format_ruler_label,
    format_time,
)


def test_format_position():
    assert format_position(65_250) == "1:05,250"
    assert format_position(0) == "0:00,000"
    assert format_position(3_723_004) == "1:02:03,004"
    assert format_duration(65_250) == "1:05"
    assert format_duration(3_723_004) == "1:02:03"
    assert format_position(-1_500) == "-0:01,500"
    assert format_duration(0) == "0:00"
    assert format_duration(-61_000) == "-1:01"


def test_clip_times_have_tenths_with_a_decimal_comma():
    assert format_clip_time(12_340) == "0:12,3"
    assert format_clip_time(3_723_450) == "1:02:03,4"
    assert format_clip_time(-500) == "0:00,0"  # never negative


def test_ruler_labels_carry_the_decimals_the_step_needs():
    assert format_ruler_label(65_125, 5) == "1:05,125"
    assert format_ruler_label(3_665_500, 500) == "1:01:05,5"
    assert format_ruler_label(-5_000, 1000) == "-0:05"
    assert format_ruler_label(3_600_000, 60_000) == "1:00:00"


def test_one_family_cut_off_never_rounded_up():
    assert format_time(10_000, 1) == "0:10,0"
    assert format_time(10_040, 3) == "0:10,040"
    assert format_time(10_999, 1) == "0:10,9"  # not 0:11,0: that moment has not come yet
    assert format_time(59_999, 0) == "0:59"
    assert format_time(3_599_999, 2) == "59:59,99"
    # every formatter is the same family: the shorter ones are prefixes of the longer
    for ms in (0, 1_234, 61_005, 3_723_456):
        assert format_position(ms).startswith(format_clip_time(ms))
        assert format_clip_time(ms).startswith(format_duration(ms))


def test_the_command_line_writes_positions_with_the_same_formatter():
    from vknz_desktop.cli import vault_commands

    assert vault_commands.format_position is format_position

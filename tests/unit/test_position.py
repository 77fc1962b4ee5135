from __future__ import annotations

from vknz_desktop.domain.position import PositionClock


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_extrapolates_between_coarse_reports() -> None:
    clock = FakeClock()
    pos = PositionClock(clock)
    pos.set_playing(True)
    pos.report(1000)
    clock.t += 0.1
    assert pos.position() == 1100
    clock.t += 0.1
    assert pos.position() == 1200


def test_stale_report_does_not_jerk_backwards() -> None:
    clock = FakeClock()
    pos = PositionClock(clock)
    pos.set_playing(True)
    pos.report(1000)
    clock.t += 0.2
    shown = pos.position()
    pos.report(1050)  # libVLC lags by 150 ms: steer, do not jump back
    assert pos.position() >= shown
    for _ in range(10):
        clock.t += 0.03
        value = pos.position()
        assert value >= shown
        shown = value


def test_large_difference_is_a_jump() -> None:
    clock = FakeClock()
    pos = PositionClock(clock)
    pos.set_playing(True)
    pos.report(1000)
    clock.t += 0.1
    pos.report(60_000)
    assert pos.position() == 60_000


def test_paused_holds_and_rate_scales() -> None:
    clock = FakeClock()
    pos = PositionClock(clock)
    pos.jump(5000)
    clock.t += 1
    assert pos.position() == 5000
    pos.set_rate(0.5)
    pos.set_playing(True)
    clock.t += 1
    assert pos.position() == 5500
    pos.set_playing(False)
    clock.t += 1
    assert pos.position() == 5500


def test_clamped_to_duration_and_zero() -> None:
    clock = FakeClock()
    pos = PositionClock(clock)
    pos.set_duration(8000)
    pos.jump(-50)
    assert pos.position() == 0
    pos.jump(7900)
    pos.set_playing(True)
    clock.t += 1
    assert pos.position() == 8000
    pos.jump(3000)  # a seek backwards while playing is allowed
    assert pos.position() == 3000

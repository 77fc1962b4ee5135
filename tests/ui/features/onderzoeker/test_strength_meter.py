"""The strength meter with the real Dutch estimator: weak passphrases say why, a sentence of
four unrelated words is strong, the floor (length, variety) is shown before the estimate."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from vknz_desktop.strength import DutchPassphraseEstimator
from vknz_desktop.ui.features.onderzoeker.strength_meter import StrengthMeter


def test_the_meter_follows_what_is_typed(qtbot: QtBot) -> None:
    meter = StrengthMeter(DutchPassphraseEstimator())
    qtbot.addWidget(meter)
    assert meter.bar.value() == 0 and not meter.acceptable
    assert meter.label.text() == "Sterkte: nog niets getypt"
    meter.update_for("kort")
    assert not meter.acceptable and "te kort" in meter.advice.text()  # the floor first
    meter.update_for("Zoetermeer2026")
    print(meter.label.text(), "|", meter.advice.text())
    assert not meter.acceptable and "Plaatsnamen" in meter.advice.text()
    weak = meter.bar.value()
    meter.update_for("paraplu zadel ijsbeer kruimel")
    assert meter.acceptable and meter.label.text() == "Sterkte: sterk"
    assert meter.advice.text() == "Sterk genoeg." and meter.bar.value() == 5 > weak
    meter.update_for("")
    assert meter.bar.value() == 0 and not meter.acceptable

"""The strength meter with the real Dutch estimator: weak passphrases say why, a sentence of
four unrelated words is strong, the floor (length, variety) is shown before the estimate."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
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


def test_the_meter_follows_a_field_and_says_when_its_advice_changed(qtbot: QtBot) -> None:
    meter = StrengthMeter(DutchPassphraseEstimator())
    edit = QLineEdit()
    qtbot.addWidget(meter)
    qtbot.addWidget(edit)
    changes: list[str] = []
    meter.changed.connect(lambda: changes.append(meter.advice.text()))
    meter.follow(edit)
    assert changes == []  # an empty field: the advice it already shows
    edit.setText("kort")
    assert len(changes) == 1 and "te kort" in changes[0]
    edit.setText("kurt")  # still too short, as long: the same advice, no signal
    assert len(changes) == 1
    example = meter.example()
    edit.setText(example)
    print(f"example: {example}")
    assert len(example.split()) >= 4 and meter.acceptable and changes[-1] == "Sterk genoeg."

"""The shared strength meter and the new-passphrase dialog (AVG package, new vault)."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from vknz_desktop.strength import DutchPassphraseEstimator
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog
from vknz_desktop.ui.widgets.strength_meter import STEPS, StrengthMeter

ESTIMATOR = DutchPassphraseEstimator()


def test_meter_follows_typing_with_dutch_feedback_and_an_example(qtbot: QtBot) -> None:
    meter = StrengthMeter(ESTIMATOR)
    qtbot.addWidget(meter)
    qtbot.waitUntil(lambda: meter.example.text().startswith("Bijvoorbeeld: "))
    first = meter.example.text()
    assert len(first.removeprefix("Bijvoorbeeld: ").split()) == 4
    meter.another.click()
    assert meter.example.text() != first
    assert meter.bar.value() == 0 and "nog niets" in meter.label.text()
    meter.update_for("wachtwoord1234")
    assert not meter.acceptable
    assert meter.label.text() == "Sterkte: zwak"
    assert "makkelijk te raden" in meter.advice.text()
    meter.update_for("kort")
    assert "te kort" in meter.advice.text() and meter.problem() is not None
    meter.update_for("paraplu vulkaan notenbalk zeef")
    assert meter.acceptable and meter.problem() is None
    assert meter.bar.value() == STEPS and meter.advice.text() == "Sterk genoeg."


def test_new_passphrase_dialog_accepts_only_a_strong_one_typed_twice(qtbot: QtBot) -> None:
    dialog = NewPassphraseDialog("Wachtwoord", "Kies een wachtwoord.", ESTIMATOR)
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.passphrase, "wachtwoord1234")
    assert dialog.meter is not None and dialog.meter.label.text() == "Sterkte: zwak"
    dialog.repeat.setText("wachtwoord1234")
    dialog.try_accept()
    assert dialog.chosen is None and "makkelijk te raden" in dialog.message.text()
    dialog.passphrase.setText("paraplu vulkaan notenbalk zeef")
    dialog.repeat.setText("paraplu vulkaan notenbalk")
    dialog.try_accept()
    assert dialog.chosen is None and "niet gelijk" in dialog.message.text()
    dialog.repeat.setText("paraplu vulkaan notenbalk zeef")
    dialog.try_accept()
    assert dialog.chosen == "paraplu vulkaan notenbalk zeef"
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""


def test_the_meter_follows_what_is_typed(qtbot: QtBot) -> None:
    meter = StrengthMeter(ESTIMATOR, with_suggestion=False)
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
    meter = StrengthMeter(ESTIMATOR, with_suggestion=False)
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
    example = ESTIMATOR.suggestion()
    edit.setText(example)
    print(f"example: {example}")
    assert len(example.split()) >= 4 and meter.acceptable and changes[-1] == "Sterk genoeg."

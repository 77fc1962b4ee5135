"""High contrast: unticked check boxes, radio circles and field borders are visible on black."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.common.appearance import apply_appearance


@pytest.fixture
def high_contrast() -> Iterator[None]:
    apply_appearance(100, high_contrast=True)
    yield
    apply_appearance(100, high_contrast=False)


def _bright_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() > 200
    )


def test_unticked_boxes_circles_and_field_borders_are_white_on_black(
    qtbot: QtBot, high_contrast: None
) -> None:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    box, radio, field = QCheckBox(), QRadioButton(), QLineEdit()
    for widget in (box, radio, field):
        layout.addWidget(widget)
    qtbot.addWidget(panel)
    panel.resize(200, 120)
    panel.show()
    qtbot.waitExposed(panel)
    assert QApplication.palette().window().color().lightness() < 20  # black background
    # no text: every bright pixel is the outline of the indicator or the field
    assert _bright_pixels(box) > 20
    assert _bright_pixels(radio) > 20
    assert _bright_pixels(field) >= 2 * (field.width() + field.height()) - 8  # all round


def test_a_slider_at_its_minimum_shows_its_groove_and_handle(
    qtbot: QtBot, high_contrast: None
) -> None:
    """The timeline's zoom slider starts at its minimum and the volume slider's handle must be
    found: groove and handle are drawn in white and yellow on black."""
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 100)
    slider.setValue(0)
    qtbot.addWidget(slider)
    slider.resize(200, 30)
    slider.show()
    qtbot.waitExposed(slider)
    assert _bright_pixels(slider) > 150  # the groove's outline all along, and the handle


def test_the_style_sheet_goes_with_high_contrast(high_contrast: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication) and "indicator" in app.styleSheet()
    apply_appearance(100, high_contrast=False)
    assert app.styleSheet() == ""


def test_applying_the_same_appearance_again_touches_no_widget(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every unlock applies the settings: when they are what the app already shows, no widget
    is polished again (a switch still reaches them)."""
    from vknz_desktop.ui.common import appearance

    polished: list[int] = []
    monkeypatch.setattr(appearance, "_repolish_style_sheet_widgets", lambda: polished.append(1))
    apply_appearance(150, False)
    assert polished == [1]
    apply_appearance(150, False)
    assert polished == [1]
    apply_appearance(100, False)
    assert polished == [1, 1]
    apply_appearance(100, False)
    assert polished == [1, 1]

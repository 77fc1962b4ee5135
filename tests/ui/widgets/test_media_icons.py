"""Drawn symbols: sharp on HiDPI screens, in the palette's colours, greyed out when disabled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette

from vknz_desktop.ui.widgets.media_icons import KINDS, drawn_pixmap, media_icon, paint_symbol


def test_a_drawn_pixmap_is_transparent_and_sized_for_the_screen(qapp) -> None:  # type: ignore[no-untyped-def]
    def dot(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, 4, 4), QColor("#ff0000"))

    pixmap = drawn_pixmap(16, 2.0, dot)
    assert pixmap.size() == QSize(32, 32) and pixmap.devicePixelRatio() == 2.0
    image = pixmap.toImage()
    assert image.pixelColor(1, 1) == QColor("#ff0000")
    assert image.pixelColor(31, 31).alpha() == 0


def test_media_icons_use_the_text_colour_and_a_paler_one_when_disabled(qapp) -> None:  # type: ignore[no-untyped-def]
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#ffffff"))
    icon = media_icon("play", palette, sizes=(20,))
    assert QSize(20, 20) in icon.availableSizes()
    normal = icon.pixmap(24, 24, QIcon.Mode.Normal).toImage()
    disabled = icon.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    centre = (normal.width() // 2, normal.height() // 2)
    assert normal.pixelColor(*centre) == QColor("#ffffff")
    assert disabled.pixelColor(*centre).alpha() < normal.pixelColor(*centre).alpha()


def test_every_kind_draws_and_an_unknown_one_is_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        drawn_pixmap(16, 1.0, lambda p, k=kind: paint_symbol(p, QRectF(0, 0, 16, 16), k, QColor()))
    with pytest.raises(ValueError, match="unknown symbol"):
        drawn_pixmap(16, 1.0, lambda p: paint_symbol(p, QRectF(0, 0, 16, 16), "rewind", QColor()))

"""The picture area: the audio-only view keeps its label clear of the play head, and the
picture shows when it has the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.workspace.video_view import VideoView


def test_the_play_head_never_covers_the_alleen_geluid_label(qtbot: QtBot) -> None:
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.set_audio_only(True)
    view.set_waveform([0.5, 1.0, 0.2] * 100)
    for position in (0, 1, 50_000, 100_000):
        view.set_position(position, 100_000)
        head = view.play_head_x()
        assert head is not None
        label = view.audio_label_rect()
        wave = view.waveform_rect()
        assert wave.top() - 9 > label.bottom(), "the head's round top stays under the label"
        # nothing of the play head's yellow in the label's strip
        image = view.grab().toImage()
        for x in range(int(label.left()), int(label.right()), 2):
            for y in range(int(label.top()), int(label.bottom())):
                colour = image.pixelColor(x, y)
                assert not (colour.red() > 200 and colour.green() > 150 and colour.blue() < 120)


def test_clicking_the_picture_gives_it_the_focus_and_shows_it(qtbot: QtBot) -> None:
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(320, 180)
    view.set_image(_grey(320, 180))
    view.show()
    QTest.qWaitForWindowExposed(view)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton)
    assert view.hasFocus()
    corner = view.grab().toImage().pixelColor(1, 1)
    assert corner == view.palette().color(view.palette().ColorRole.Highlight)


def _grey(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 90, 90))
    return image

"""The wrapping row used wherever large text must not cut buttons off."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.widgets.flow_layout import FlowLayout


def test_flow_layout_wraps_and_shares_the_space_left(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowLayout(host, spacing=4)
    row.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(text, host) for text in ("Afspelen", "Herhalen", "Verwijderen")]
    grow = QLabel("uitrekken", host)
    grow.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    for widget in (grow, *buttons):
        row.addWidget(widget)
    wide = row.sizeHint().width() + 100
    host.resize(wide, row.heightForWidth(wide))
    host.show()
    qtbot.waitUntil(lambda: buttons[-1].geometry().right() > 0)
    one_line = {w.geometry().center().y() for w in (grow, *buttons)}
    assert max(one_line) - min(one_line) <= 1  # one line, centred
    assert grow.width() >= grow.sizeHint().width() + 100 - 1  # the expanding label took the rest
    narrow = max(b.sizeHint().width() for b in buttons) + 10
    assert row.heightForWidth(narrow) >= 3 * buttons[0].sizeHint().height()
    host.resize(narrow, row.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({b.geometry().top() for b in buttons}) == 3)
    for button in buttons:
        assert host.rect().contains(button.geometry())
        assert button.width() >= button.sizeHint().width()
    assert row.minimumSize().width() >= max(b.minimumSizeHint().width() for b in buttons)

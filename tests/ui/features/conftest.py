"""A Host without the main window, for testing a feature on its own."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.features.fakes import FakeHost


@pytest.fixture
def host(qtbot: QtBot) -> FakeHost:
    fake = FakeHost()
    qtbot.addWidget(fake.window)
    return fake

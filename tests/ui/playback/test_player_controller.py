"""The player controller on a real vault: every picture carries the time it belongs to, and a
recording with a variable frame rate steps from picture to picture (presses add up)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import frame_numbers as fn
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.vlc_player import TEST_ARGS, VlcEngine, VlcPlayer
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.playback.player_controller import PlayerController, picture_time


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    opened = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def engine() -> Iterator[VlcEngine]:
    started = VlcEngine(TEST_ARGS)
    yield started
    started.release()


def _player(vault: Vault, engine: VlcEngine, source: Path) -> tuple[PlayerController, list[QImage]]:
    recording = import_file(vault, source)
    player = PlayerController(VlcPlayer(engine), PyAvAnalyzer())
    painted: list[QImage] = []
    player.frameReady.connect(painted.append)
    player.open(recording, lambda: vault.open_media(recording.id))
    return player, painted


def test_a_paused_picture_carries_the_time_it_belongs_to(
    vault: Vault, engine: VlcEngine, qtbot: QtBot
) -> None:
    player, painted = _player(vault, engine, fn.FRAME_NUMBERS_MP4)
    try:
        for target in (2345, 160, 5000):
            player.seek(target)
            qtbot.waitUntil(lambda t=target: bool(painted) and picture_time(painted[-1]) == t)
        player.play()
        qtbot.waitUntil(lambda: player.position_ms() > 5400, timeout=5000)
        player.pause()
        qtbot.waitUntil(lambda: picture_time(painted[-1]) == player.position_ms())
    finally:
        player.shutdown()


def test_a_variable_frame_rate_steps_from_picture_to_picture(
    vault: Vault, engine: VlcEngine, qtbot: QtBot
) -> None:
    player, painted = _player(vault, engine, facts.VIDEO_VFR)
    assert player.recording is not None and player.recording.media.variable_frame_rate
    starts = facts.VFR_PTS_MS  # 0, 40, 120, 160, 240, …: 40 and 80 ms apart
    try:
        qtbot.waitUntil(lambda: bool(painted))
        for _ in range(3):  # three quick presses of "."
            player.frame_step(1)
        qtbot.waitUntil(lambda: player.position_ms() == starts[3], timeout=5000)
        qtbot.waitUntil(lambda: picture_time(painted[-1]) == starts[3])
        player.frame_step(-1)
        qtbot.waitUntil(lambda: player.position_ms() == starts[2], timeout=5000)
        player.seek(1000)  # in the frame that starts at 960
        player.frame_step(1)
        qtbot.waitUntil(lambda: player.position_ms() == 1000 // 120 * 120 + 40, timeout=5000)
        assert player.position_ms() in starts
    finally:
        player.shutdown()

"""The paused picture matches the clock, through the player controller the workspace uses:
after jumps back while playing then pausing (J then K), quick frame steps, paused seeks and
speed changes, the painted picture's frame number is the frame at the displayed time.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import frame_numbers as fn
from tests.integration.helpers import import_file
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.vlc_player import TEST_ARGS, VlcEngine, VlcPlayer
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.playback.player_controller import PlayerController, picture_time


def _number(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8)  # type: ignore[call-overload]
    rows = pixels.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]
    return fn.read_frame_number(np.ascontiguousarray(rows[..., 2::-1]))


def _frame_at(position_ms: int) -> int:
    return min(fn.FRAME_COUNT - 1, position_ms // fn.FRAME_MS)


@pytest.fixture
def controller(vault_dir: Path, qtbot: QtBot) -> Iterator[tuple[PlayerController, Any]]:
    engine = VlcEngine(TEST_ARGS)
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    recording = import_file(vault, fn.FRAME_NUMBERS_MP4)
    player = PlayerController(VlcPlayer(engine), PyAvAnalyzer())
    painted: list[QImage] = []
    player.frameReady.connect(painted.append)
    player.open(recording, lambda: vault.open_media(recording.id))
    try:
        yield player, painted
    finally:
        player.shutdown()
        vault.close()
        engine.release()


def _settled(qtbot: QtBot, player: PlayerController, painted: list[QImage]) -> None:
    """Wait until the painted picture is the frame at the displayed time."""
    qtbot.waitUntil(
        lambda: bool(painted) and _number(painted[-1]) == _frame_at(player.position_ms()),
        timeout=5000,
    )


def _stays(qtbot: QtBot, player: PlayerController, painted: list[QImage], what: str) -> None:
    """Paused and settled: a while later the picture is still the frame at the displayed time
    (no late picture of an earlier place replaces it), and every picture painted meanwhile
    carries the time of the frame it shows."""
    before = len(painted)
    qtbot.wait(250)
    frame = _frame_at(player.position_ms())
    assert _number(painted[-1]) == frame, f"{what}: the picture changed to a wrong one"
    for image in painted[before - 1 :]:
        time_ms = picture_time(image)
        assert time_ms is not None, f"{what}: a picture without its time"
        assert _frame_at(time_ms) == _number(image), f"{what}: {time_ms} ms, {_number(image)}"


def test_the_paused_picture_follows_jumps_steps_seeks_and_speeds(
    controller: tuple[PlayerController, list[QImage]], qtbot: QtBot
) -> None:
    player, painted = controller
    _settled(qtbot, player, painted)  # the first picture after opening
    # J then K: play, jump back 5 s while playing, pause at once.
    player.seek(4000)
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() >= 5200, timeout=10000)
    player.shuttle_back()
    player.pause()
    assert player.position_ms() < 1500
    _settled(qtbot, player, painted)
    # Three quick presses of ".", then two of ",".
    start = _frame_at(player.position_ms())
    for _ in range(3):
        player.frame_step(1)
    assert _frame_at(player.position_ms()) == start + 3
    _settled(qtbot, player, painted)
    player.frame_step(-1)
    player.frame_step(-1)
    assert _frame_at(player.position_ms()) == start + 1
    _settled(qtbot, player, painted)
    # Paused seeks, and speed changes that keep the picture.
    for target in (4321, 1040, 5999, 0, 2501):
        player.seek(target)
        _settled(qtbot, player, painted)
    player.shuttle_forward()  # L: play
    player.shuttle_forward()  # L again: faster
    qtbot.wait(400)
    player.pause()  # K
    _settled(qtbot, player, painted)
    player.set_rate(0.5)
    player.frame_step(1)
    _settled(qtbot, player, painted)


def test_no_picture_from_before_a_seek_is_painted_after_it(
    controller: tuple[PlayerController, list[QImage]], qtbot: QtBot
) -> None:
    """Seeks while playing: once a seek is asked for, no picture of the old place is painted
    (a late picture may be dropped, a wrong one is never shown)."""
    player, painted = controller
    _settled(qtbot, player, painted)
    player.play()
    for start, target in ((400, 4000), (4400, 800), (200, 3000)):
        player.seek(start)
        qtbot.waitUntil(lambda s=start: player.position_ms() >= s + 300, timeout=10000)
        before = len(painted)
        player.seek(target)
        qtbot.wait(700)
        after = [_number(image) for image in painted[before:]]
        assert after, "pictures keep coming after a seek"
        first = _frame_at(target)
        wrong = [n for n in after if not first - 1 <= n <= first + 25]
        assert not wrong, f"after a seek to {target} ms: pictures {after}"
    player.pause()


def test_a_long_random_sequence_of_keys_always_ends_on_the_right_frame(
    controller: tuple[PlayerController, list[QImage]], qtbot: QtBot
) -> None:
    """Any mix of ".", ",", J, K, L, seeks and speed changes (a fixed seed, so a failure can be
    replayed): once paused, the picture is the frame at the clock and stays so."""
    player, painted = controller
    _settled(qtbot, player, painted)
    chance = random.Random(17)
    keys = [".", ",", "J", "L", "seek", "rate", "K"]
    done: list[str] = []
    for _ in range(24):
        key = chance.choice(keys)
        done.append(key)
        if key == ".":
            for _ in range(chance.randint(1, 4)):
                player.frame_step(1)
        elif key == ",":
            for _ in range(chance.randint(1, 4)):
                player.frame_step(-1)
        elif key == "J":
            player.shuttle_back()
        elif key == "L":
            player.shuttle_forward()
            qtbot.wait(chance.randint(50, 400))
        elif key == "seek":
            player.seek(chance.randint(0, fn.SECONDS * 1000 - 1))
        elif key == "rate":
            player.set_rate(chance.choice([0.5, 1.0, 1.5, 2.0]))
        else:
            player.pause()
        if not player.playing:
            _settled(qtbot, player, painted)
            _stays(qtbot, player, painted, " ".join(done))
    player.pause()
    _settled(qtbot, player, painted)
    _stays(qtbot, player, painted, " ".join(done))


def test_frame_steps_stop_at_the_first_and_the_last_frame(
    controller: tuple[PlayerController, list[QImage]], qtbot: QtBot
) -> None:
    player, painted = controller
    _settled(qtbot, player, painted)
    player.seek(0)
    player.frame_step(-1)
    assert _frame_at(player.position_ms()) == 0
    _settled(qtbot, player, painted)
    assert _number(painted[-1]) == 0
    player.jump_to_end()
    _settled(qtbot, player, painted)
    last = _number(painted[-1])
    assert last >= fn.FRAME_COUNT - 2, last
    player.frame_step(1)
    _settled(qtbot, player, painted)
    assert _number(painted[-1]) >= last
    player.frame_step(-3)
    _settled(qtbot, player, painted)
    _stays(qtbot, player, painted, "three back from the end")
    assert _number(painted[-1]) == _frame_at(player.position_ms()) < last

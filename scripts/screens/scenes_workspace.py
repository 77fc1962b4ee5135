"""The workspace's screens: answering a Kijkwijzer question, a marker made while recording as a
prompt in the list and on the timeline, and an audio-only recording."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QRadioButton, QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.markers import is_marker, make_marker
from vknz_desktop.domain.models import Role
from vknz_desktop.ui.workspace.workspace import Workspace


def _open(stage: Stage, key: str, at_ms: int) -> Workspace:
    """The recording ``key`` of the demo vault open at ``at_ms``, no editor open."""
    window = stage.window
    workspace = window.workspace
    workspace.editor.cancel()
    recording = workspace.recording
    if recording is None or recording.id != stage.demo[key]:
        window.open_recording(stage.demo[key])
        stage.pump(1.0)
    window.context.controller.seek(at_ms)
    stage.pump(0.8)
    return workspace


def answering(stage: Stage) -> QWidget | None:
    """The editor open on the Kijkwijzer's first question: its step's own placeholder."""
    workspace = _open(stage, "video", 31_000)
    profile = workspace.panel.profile
    if profile is not None:
        theme, questions = profile.questions_in_order()[0]
        workspace.answer_question(theme.id, questions[0].id)
    stage.pump(0.6)
    return None


def scale_question(stage: Stage) -> QWidget | None:
    """A scale question: its choices side by side, the round buttons as large as the text."""
    workspace = _open(stage, "video", 31_000)
    workspace.answer_question("werkrelatie", "gevoel-opmerken")
    editor = workspace.editor
    choices = [c for c in editor.findChildren(QRadioButton) if c.isVisibleTo(editor)]
    if len(choices) > 1:
        choices[1].setChecked(True)  # one chosen: both looks of the round buttons
    stage.pump(0.6)
    return None


def marker_prompt(stage: Stage) -> QWidget | None:
    """A marker set while recording: 'Wat gebeurde hier?' in the list and on the timeline."""
    vault = stage.window.vault
    assert vault is not None
    video = stage.demo["video"]
    if not any(is_marker(o) for o in vault.observations(video)):
        marker = make_marker(
            video,
            40_000,
            author_role=Role.KLANTMANAGER,
            type_id="weerstand",
            now=dt.datetime(2026, 10, 12, 10, 0, tzinfo=dt.UTC),
        )
        vault.save_observation(marker)
    workspace = _open(stage, "video", 40_000)
    workspace.reload_observations()
    found = next(o for o in workspace.observations if is_marker(o))
    workspace.observation_list.select(found.id)
    stage.pump(0.4)
    return None


def audio_only(stage: Stage) -> QWidget | None:
    """An audio-only recording: 'Alleen geluid' above the waveform, never under the play head."""
    _open(stage, "audio", 2_000)
    return None


SCENES = [
    Scene("workspace-answering", answering),
    Scene("workspace-scale", scale_question),
    Scene("workspace-marker", marker_prompt),
    Scene("workspace-audio", audio_only),
]

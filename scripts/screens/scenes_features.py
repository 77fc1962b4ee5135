"""The feature screens: session preparation, a session, two fragments compared, the learning
summary preview (with doubtful words), the goal dialog, the team agenda, and Samen kijken
(with a pictogram, the progress bar and the "Bewaard" message that says the marker is hidden
from the klantmanager)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.visibility import Audience
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.ui.features.learning.feature import LearningFeature
from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog
from vknz_desktop.ui.features.review.feature import ReviewFeature
from vknz_desktop.ui.features.watch_together.feature import SamenKijkenFeature
from vknz_desktop.ui.features.watch_together.pictograms import TOPICS

#: Made up: capitalised words in no word list, so the preview asks about them.
_GOAL = "Minder praten over de Zwelgvork, meer luisteren naar Plonterbaan"
_WHY = "Omdat de klant dan zelf vertelt wat er speelt. " * 6


def _learning(stage: Stage) -> LearningFeature:
    return stage.window.feature(LearningFeature)


def _back_to_library(stage: Stage) -> None:
    """Out of Samen kijken (a window scene before may have left it open)."""
    stage.window.feature(SamenKijkenFeature).leave()
    stage.window.show_library()
    stage.pump(0.3)


def _ensure_goal(stage: Stage) -> None:
    _back_to_library(stage)
    session = stage.window.session
    assert session is not None and session.learning is not None
    goals = session.learning.goals
    if goals.goals():
        return
    observations = session.observations.for_recording(stage.demo["video"])[:3]
    goals.create_from_observations(observations, goal=_GOAL, why=_WHY)


def _review(stage: Stage) -> ReviewFeature:
    return stage.window.feature(ReviewFeature)


def _ensure_session(stage: Stage) -> str:
    """Two fragments of the demo video (made up) in a session with the onderzoeker, each with
    a prompt; made once."""
    _back_to_library(stage)
    session = stage.window.session
    assert session is not None and session.review is not None
    review = session.review
    existing = review.sessions.sessions()
    if existing:
        return existing[0].id
    video = stage.demo["video"]
    first = review.clips.create(video, 2_000, 12_000, title="Begin van het gesprek")
    second = review.clips.create(video, 30_000, 42_000, title="Over de aanvraag")
    made = review.sessions.create("Terugkijken met de onderzoeker")
    review.sessions.add_clip(made.id, first.id, "Wat zie je de klant doen als je binnenkomt?")
    review.sessions.add_clip(made.id, second.id, "Hoe leg je hier de regels uit?")
    return made.id


def session_prepare(stage: Stage) -> QWidget | None:
    """Preparing a session: the fragments, their prompts and who takes part."""
    session_id = _ensure_session(stage)
    _review(stage).show_prepare(session_id)
    return None


def session_view(stage: Stage) -> QWidget | None:
    """A session with the onderzoeker: the prompt, the fragment and both columns."""
    session_id = _ensure_session(stage)
    _review(stage).start_session(session_id)
    stage.pump(0.5)
    return None


def compare(stage: Stage) -> QWidget | None:
    """Two fragments side by side, for the klantmanager and the onderzoeker."""
    _ensure_session(stage)
    _review(stage).open_compare(Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER))
    stage.pump(0.5)
    return None


def summary_preview(stage: Stage) -> QWidget | None:
    """The summary dialog as it opens (doubtful words to decide, confirmation below)."""
    _ensure_goal(stage)
    dialog = _learning(stage).show_summary_preview()
    assert dialog is not None
    stage.pump(0.3)
    for _ in range(1200):  # the worker loads (first time), then the preview builds
        if dialog.built is not None and not dialog.building:
            break
        stage.pump(0.1)
    return dialog


def goal_dialog(stage: Stage) -> QWidget | None:
    _back_to_library(stage)
    session = stage.window.session
    assert session is not None
    observations = session.observations.for_recording(stage.demo["video"])[:4]
    dialog = GoalDialog(
        observations,
        {o.id for o in observations[:2]},
        [],
        [],
        "Leerdoel maken",
        "Van de gekozen waarnemingen.",
        stage.window,
    )
    return stage.show_dialog(dialog)


def team_agenda(stage: Stage) -> QWidget | None:
    _back_to_library(stage)
    dialog = _learning(stage).show_team_agenda([])
    stage.pump(0.5)
    return dialog


def _enter_samen_kijken(stage: Stage) -> SamenKijkenFeature:
    _back_to_library(stage)
    window = stage.window
    assert window.vault is not None
    window.vault.set_consent(
        stage.demo["video"],
        make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        ),
        role=Role.KLANTMANAGER,
    )
    window.open_recording(stage.demo["video"])
    stage.pump(1.0)
    window.context.controller.seek(31_000)
    feature = window.feature(SamenKijkenFeature)
    feature.enter()
    stage.pump(1.0)
    return feature


def samen_kijken(stage: Stage) -> QWidget | None:
    """The view with the pictograms open and the "Bewaard" message of a hidden marker."""
    feature = _enter_samen_kijken(stage)
    feature.view.set_topics_visible(True)
    feature.view.show_saved(hidden_from_user=True)
    stage.pump(0.3)
    return None


def samen_kijken_pictogram(stage: Stage) -> QWidget | None:
    feature = _enter_samen_kijken(stage)
    feature.view.set_topics_visible(True)
    feature.view.toggle_topic(TOPICS[1])
    stage.pump(0.3)
    return None


SCENES = [
    Scene("session-prepare", session_prepare),
    Scene("session-view", session_view),
    Scene("compare", compare),
    Scene("summary-preview", summary_preview),
    Scene("goal-dialog", goal_dialog),
    Scene("team-agenda", team_agenda),
    Scene("samen-kijken", samen_kijken),
    Scene("samen-kijken-pictogram", samen_kijken_pictogram),
]

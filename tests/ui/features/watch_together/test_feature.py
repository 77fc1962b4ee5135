"""Samen kijken on its own, through a fake Host: it needs a recording, shows its page without
the menu bar, stores the klant's marker through the session's service, and leaves cleanly."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.features.fakes import FakeHost, FakeSession, recording
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.watch_together.feature import MARKER_TEXT, SamenKijkenFeature


def test_the_action_needs_a_recording_and_says_so(host: FakeHost) -> None:
    feature = SamenKijkenFeature(host)
    action = host.registry.action("watch_together.enter")
    assert action in host.registry.menu("play").actions()
    assert action.shortcut().toString() == "Ctrl+Shift+S"
    assert not action.isEnabled() and action.toolTip() == "Open eerst een opname."
    feature.enter()  # nothing open: nothing happens
    assert host.current_page() is not feature.view
    host.workspace.recording = recording()
    host.unlock(FakeSession())
    assert action.isEnabled()


def test_the_action_asks_the_consent_policy_and_says_why_not(host: FakeHost) -> None:
    """A recording the klant may not watch: the action is disabled with the policy's reason,
    and asked directly the feature refuses with that reason and shows nothing."""
    shown: list[str] = []
    feature = SamenKijkenFeature(host)
    host.workspace.recording = recording(scopes=(ConsentScope.SELF,))
    host.unlock(FakeSession())
    action = host.registry.action("watch_together.enter")
    assert not action.isEnabled()
    assert "alleen zelf terugkijken" in action.toolTip()
    with patch.object(messages, "warn", lambda _p, _t, text: shown.append(text)):
        feature.enter()
    assert shown == [action.toolTip()] and not feature.active


def test_entering_shows_the_page_without_the_menu_bar(host: FakeHost) -> None:
    feature = SamenKijkenFeature(host)
    host.workspace.recording = recording(video=False)
    host.unlock(FakeSession())
    host.controller.position = 12_000
    feature.enter()
    assert feature.active and host.current_page() is feature.view
    assert host.menu_bar[feature.view] is False
    assert host.titles[feature.view]() == "Samen kijken — VKNZ"  # type: ignore[misc]
    assert host.workspace.calls == ["save_pending_observation"]
    assert host.controller.calls == ["seek 12000"]  # the picture of this moment, at once
    assert feature.view.video.audio_only


def test_a_marker_is_stored_as_the_klants_feedback(host: FakeHost) -> None:
    feature = SamenKijkenFeature(host)
    session = FakeSession()
    host.workspace.recording = recording()
    host.unlock(session)
    feature.enter()
    feature.view.mark_button.click()  # at the player's position
    host.controller.position = 4_200
    feature.store_marker(4_200)
    assert session.observations.created == [
        {"recording_id": "r1", "time_ms": 0, "text": MARKER_TEXT, "author_role": Role.KLANT},
        {"recording_id": "r1", "time_ms": 4_200, "text": MARKER_TEXT, "author_role": Role.KLANT},
    ]
    assert feature.view.saved_label.isVisibleTo(feature.view)


def test_leaving_goes_back_to_the_workspace_and_rereads_the_observations(
    host: FakeHost,
) -> None:
    feature = SamenKijkenFeature(host)
    host.workspace.recording = recording()
    host.unlock(FakeSession())
    feature.enter()
    feature.view.leaveRequested.emit()
    assert "show_workspace" in host.calls
    assert host.workspace.calls[-1] == "reload_observations"
    assert not feature.view.active  # the page changed: pictures and pictograms put away


def test_saying_something_pauses_and_the_klantmanager_is_told_the_marker_is_hidden(
    host: FakeHost,
) -> None:
    feature = SamenKijkenFeature(host)
    session = FakeSession()  # a klantmanager at the keyboard
    host.workspace.recording = recording()
    host.unlock(session)
    feature.enter()
    host.controller.toggle()  # the film runs
    assert host.controller.playing
    feature.view.mark_button.click()
    assert not host.controller.playing and "pause" in host.controller.calls
    assert len(session.observations.created) == 1
    # The sharing rule hides the klant's marker from the klantmanager: said at once …
    assert "Alleen de klant en de onderzoeker zien dit" in feature.view.saved_label.text()
    said: list[str] = []
    messages.bridge().statusShown.connect(lambda text, _ms: said.append(text))
    feature.view.mark_button.click()
    feature.view.leaveRequested.emit()
    # … and where the markers would have been, on leaving.
    assert said == [
        "2 momenten van de klant bewaard. Je ziet ze niet in de lijst: alleen de klant en de "
        "onderzoeker zien ze, tot de klant ze wil delen."
    ]


def test_the_klant_or_onderzoeker_is_not_told_it_is_hidden(host: FakeHost) -> None:
    feature = SamenKijkenFeature(host)
    host.workspace.recording = recording()
    host.unlock(FakeSession(identity=Identity(Role.ONDERZOEKER, "")))
    feature.enter()
    feature.view.mark_button.click()
    assert feature.view.saved_label.text() == "✓ Bewaard"


def test_a_card_pauses_the_film_makes_way_when_it_plays_and_goes_away_by_itself(
    host: FakeHost, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vknz_desktop.ui.features.watch_together.pictograms import TOPICS

    feature = SamenKijkenFeature(host)
    host.workspace.recording = recording()
    host.unlock(FakeSession())
    feature.enter()
    view = feature.view
    view.show()
    host.controller.toggle()  # playing
    view.toggle_topic(TOPICS[0])
    assert not host.controller.playing  # the card never covers a running film
    assert view.big_pictogram.topic is TOPICS[0]
    host.controller.toggle()  # play again: the card makes way
    assert view.big_pictogram.topic is None
    host.controller.toggle()
    assert view.topic_timer.interval() == 20_000  # the handleiding says 20 seconds
    view.topic_timer.setInterval(50)
    view.toggle_topic(TOPICS[1])
    assert view.big_pictogram.topic is TOPICS[1]
    qtbot.waitUntil(lambda: view.big_pictogram.topic is None, timeout=2000)  # by itself
    assert not any(b.isChecked() for b in view.pictogram_buttons)

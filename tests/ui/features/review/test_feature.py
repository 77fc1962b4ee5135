"""The review feature on its own, through a fake Host: its menus, why actions are disabled,
the clip keys reaching the workspace, and the goals request at the end of a session."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QObject

from tests.ui.features.fakes import FakeHost, FakePlayer, FakeSession, recording
from tests.ui.features.review.conftest import FakeVault, observation
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.visibility import Decision
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.feature import ReviewFeature


def _feature(host: FakeHost) -> ReviewFeature:
    return ReviewFeature(host, make_player=FakePlayer)


def test_menus_and_their_place(host: FakeHost) -> None:
    _feature(host)
    bar = [a.text() for a in host.window.menuBar().actions()]
    assert bar.index("Fra&gmenten") == bar.index("observations") + 1
    assert bar.index("&Samen terugkijken") == bar.index("Fra&gmenten") + 1
    fragments = [a.text() or "---" for a in host.registry.menu("fragments").actions()]
    assert fragments[-2:] == ["---", "Alleen fragmenten bewaren…"]
    assert host.registry.action("review.sharing") in host.registry.menu("observations").actions()


def test_clip_keys_reach_the_workspace_only_with_a_recording(host: FakeHost) -> None:
    _feature(host)
    mark_in = host.registry.action("review.mark_in")
    assert not mark_in.isEnabled() and mark_in.toolTip() == "Open eerst een opname."
    host.workspace.recording = recording()
    host.unlock(FakeSession())
    assert mark_in.isEnabled()
    mark_in.trigger()
    host.registry.action("review.next").trigger()
    assert host.workspace.clip_commands.calls == ["mark_in", "next_clip"]


def test_sessions_need_the_review_services_and_sharing_asks_the_policy(host: FakeHost) -> None:
    _feature(host)
    host.workspace.recording = recording()
    klant_item = observation("k1", author_role=Role.KLANT)
    own_item = observation("o1")
    vault = FakeVault({o.id: o for o in (klant_item, own_item)})
    host.unlock(FakeSession(identity=Identity(Role.KLANTMANAGER), vault=vault, review=None))
    prepare = host.registry.action("review.prepare")
    assert not prepare.isEnabled()
    assert prepare.toolTip() == "Samen terugkijken is in deze uitvoering niet beschikbaar."
    sharing = host.registry.action("review.sharing")
    assert not sharing.isEnabled() and sharing.toolTip().startswith("Kies eerst")
    host.workspace.selected_ids = ["k1"]
    host.registry.update()
    # visibility.may_set_sharing: the klantmanager does not decide for the klant ...
    assert not sharing.isEnabled() and "onderzoeker" in sharing.toolTip()
    review = SimpleNamespace(
        keep_fragments=SimpleNamespace(state=lambda _id: Decision.yes()),
        sessions=SimpleNamespace(onderzoeker=None),
    )
    host.unlock(FakeSession(identity=Identity(Role.ONDERZOEKER), vault=vault, review=review))
    # ... the onderzoeker does, and only for the klant's feedback.
    assert prepare.isEnabled() and sharing.isEnabled()
    host.workspace.selected_ids = ["o1"]
    host.registry.menu("observations").aboutToShow.emit()  # asked again when the menu opens
    assert not sharing.isEnabled() and "feedback van de klant" in sharing.toolTip()


def test_the_end_of_a_session_asks_for_goals_through_a_signal(host: FakeHost) -> None:
    feature = _feature(host)
    asked: list[tuple[str, list[str]]] = []
    feature.goalsRequested.connect(lambda session_id, ids: asked.append((session_id, ids)))
    feature.session_view.goalsRequested.emit("sessie-1", ["o1", "o2"])
    assert asked == [("sessie-1", ["o1", "o2"])]
    assert isinstance(feature, QObject)


def test_without_leerdoelen_a_session_end_says_where_the_observations_are(
    host: FakeHost, shown_messages: list[tuple[str, str, str]]
) -> None:
    feature = _feature(host)
    feature.explain_where_observations_went("sessie-1", ["o1", "o2", "o3"])
    kind, title, text = shown_messages[-1]
    assert (kind, title) == ("information", "Leerdoelen")
    assert text.startswith("De 3 waarnemingen van deze sessie zijn bewaard bij de opnames.")

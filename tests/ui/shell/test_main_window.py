"""The shell as the Host of its features (the real window, wired by app.py): features installed
by the composition root, the vault's session built once, events in order, per-page undo,
page titles, and actions that say why they cannot be used."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import allow_klant, learning, review, samen_kijken, unlock
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.features.learning.feature import LearningFeature
from vknz_desktop.ui.features.onderzoeker.feature import OnderzoekerFeature
from vknz_desktop.ui.features.privacy.feature import PrivacyFeature
from vknz_desktop.ui.features.recording.feature import RecordingFeature
from vknz_desktop.ui.features.review.feature import ReviewFeature
from vknz_desktop.ui.features.watch_together.feature import SamenKijkenFeature
from vknz_desktop.ui.library.retention_dialog import RetentionDialog
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.session import VaultSession


def test_the_composition_root_installs_every_feature_once(window: MainWindow) -> None:
    kinds = [type(feature) for feature in window.features]
    assert kinds == [
        ReviewFeature,
        LearningFeature,
        SamenKijkenFeature,
        PrivacyFeature,
        OnderzoekerFeature,
        RecordingFeature,
    ]
    assert window.feature(ReviewFeature) is window.features[0]
    with pytest.raises(LookupError):
        window.feature(MainWindow)


def test_an_unlock_builds_one_session_and_a_lock_closes_features_first(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[VaultSession] = []
    order: list[str] = []
    window.events.vaultOpened.connect(opened.append)
    window.events.vaultClosing.connect(lambda: order.append("vaultClosing"))
    for feature in window.features:
        real = feature.shutdown
        name = type(feature).__name__

        def shutdown(real=real, name=name) -> None:  # type: ignore[no-untyped-def]
            order.append(name)
            real()

        monkeypatch.setattr(feature, "shutdown", shutdown)
    unlock(window)
    assert len(opened) == 1 and opened[0] is window.session
    session = opened[0]
    assert session.vault is window.vault and session.identity.name == "Tester"
    assert session.review is not None and session.learning is not None
    assert session.privacy is not None and session.retention is not None
    assert session.onderzoeker is not None
    window.open_recording(demo_vault["video"])
    assert session.observations is not None  # the workspace uses this one, not one of its own
    window.lock()
    assert window.session is None and not session.vault.is_open
    assert order == [
        "ReviewFeature",
        "LearningFeature",
        "SamenKijkenFeature",
        "PrivacyFeature",
        "OnderzoekerFeature",
        "RecordingFeature",
        "vaultClosing",
    ]


def test_undo_follows_the_page_shown(window: MainWindow, demo_vault: dict[str, str]) -> None:
    unlock(window)
    undo = window.registry.action("edit.undo")
    window.open_recording(demo_vault["video"])
    assert window.undo_group.activeStack() is window.undo_stack
    window.workspace.new_observation()
    window.workspace.editor.text_edit.setPlainText("Ik vat samen")
    window.workspace.editor.save()
    assert undo.isEnabled() and undo.text() == "&Ongedaan maken: waarneming toevoegen"
    undo.trigger()
    redo = window.registry.action("edit.redo")
    assert redo.text() == "&Opnieuw: waarneming toevoegen" and redo.isEnabled()
    assert undo.text() == "&Ongedaan maken" and not undo.isEnabled()
    redo.trigger()
    learning(window).show_goals()
    assert window.undo_group.activeStack() is learning(window).goals_view.undo_stack
    assert not undo.isEnabled()  # the goals page has nothing to undo yet
    window.show_library()
    assert window.undo_group.activeStack() is None and not undo.isEnabled()


def test_pages_bring_their_title_and_samen_kijken_hides_the_menu_bar(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    window.show()
    unlock(window)
    review(window).show_prepare()
    assert window.windowTitle() == "Samen terugkijken voorbereiden — VKNZ"
    allow_klant(window, demo_vault["audio"])
    window.open_recording(demo_vault["audio"])
    assert window.windowTitle() == "Testgesprek geluid — VKNZ"
    samen_kijken(window).enter()
    assert window.current_page() is samen_kijken(window).view
    assert window.windowTitle() == "Samen kijken — VKNZ"
    assert not window.menuBar().isVisible()
    samen_kijken(window).leave()
    assert window.workspace_shown() and window.menuBar().isVisible()
    assert window.windowTitle() == "Testgesprek geluid — VKNZ"


def test_actions_say_why_they_cannot_be_used(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    play = window.registry.action("play.toggle")
    goals = window.registry.action("learning.goals")
    assert not goals.isEnabled() and goals.toolTip() == "Ontgrendel eerst de kluis."
    unlock(window)
    assert goals.isEnabled()
    assert not play.isEnabled() and play.toolTip() == "Open eerst een opname."
    window.open_recording(demo_vault["video"])
    assert play.isEnabled()
    sharing = window.registry.action("review.sharing")
    assert not sharing.isEnabled()
    # Nothing chosen: the policy (visibility.may_set_sharing) asks for one observation first;
    # that a klantmanager does not record the klant's choice is tested with the review feature.
    assert sharing.toolTip() == "Kies eerst een waarneming van de klant in de lijst."


def test_unlocking_runs_the_keep_until_check(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.open(window.context.gateway.directory, PASSPHRASE) as vault:  # type: ignore[attr-defined]
        vault.set_consent(
            demo_vault["audio"],
            make_consent(
                [ConsentScope.SELF],
                given_by=Role.KLANT,
                given_on=dt.date(2025, 1, 1),
                keep_until=dt.date(2025, 12, 31),
            ),
            role=Role.KLANTMANAGER,
        )
    asked: list[int] = []
    monkeypatch.setattr(RetentionDialog, "open", lambda dialog: asked.append(dialog.list.count()))
    unlock(window)
    assert asked == [1]


def test_the_status_bar_shows_what_the_message_bridge_carries(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    from vknz_desktop.ui.common import messages

    unlock(window)
    messages.status("Klaar", 5000)
    assert window.statusBar().currentMessage() == "Klaar"

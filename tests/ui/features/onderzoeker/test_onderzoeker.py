"""The onderzoeker's screens in the real app on a real vault: registering (first with the vault
alone, then vouched for), opening the key with a wrong and a right passphrase, seeing the
klant's items, sharing one, playing its moment, the status-bar marker, closing the key, and a
lock clearing everything. Without the key no screen of the feature shows an unshared word."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.integration.helpers import (
    ONDERZOEKER_NAME,
    ONDERZOEKER_PASSPHRASE,
    onderzoeker_session,
    register_onderzoeker,
)
from tests.ui.conftest import PASSPHRASE, allow_klant, review
from vknz_desktop.domain.models import (
    AuditAction,
    ConsentScope,
    Observation,
    Role,
    SharingState,
)
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.onderzoeker.feature import OnderzoekerFeature
from vknz_desktop.ui.features.onderzoeker.register_dialog import RegisterDialog
from vknz_desktop.ui.features.onderzoeker.unlock_dialog import OnderzoekerUnlockDialog
from vknz_desktop.ui.shell.main_window import MainWindow

#: Made-up words of a klant: they must never show without the onderzoeker's key.
SECRET = "Ik was bang qjkanariegeheim voor een korting"
OTHER = "De uitleg over xwkanarieuitleg was te snel"
STRONG = "paraplu zadel ijsbeer kruimel"


def feature(window: MainWindow) -> OnderzoekerFeature:
    return window.feature(OnderzoekerFeature)


def vault_of(window: MainWindow) -> Vault:
    assert isinstance(window.vault, Vault)
    return window.vault


def unlock_as(window: MainWindow, role: Role = Role.KLANTMANAGER) -> None:
    window.open_vault(window.context.gateway.open(PASSPHRASE), Identity(role, "Tester"))
    if not window.isVisible():
        window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)


@pytest.fixture
def klant_items(window: MainWindow, demo_vault: dict[str, str]) -> Iterator[list[Observation]]:
    """The demo vault with an onderzoeker and two sealed klant items on the video, unlocked
    by a klantmanager."""
    unlock_as(window)
    video = demo_vault["video"]
    allow_klant(window, video)
    register_onderzoeker(vault_of(window))
    notes = ObservationService(vault_of(window))
    items = [
        notes.create(video, 2_000, text=SECRET, author_role=Role.KLANT),
        notes.create(video, 6_000, text=OTHER, author_role=Role.KLANT),
    ]
    feature(window).refresh()
    yield items


def every_text(root: QWidget) -> str:
    """Everything a person could read in ``root`` and its children (and tooltips)."""
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts.append(widget.toolTip())
        parts.append(widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        if isinstance(widget, QListWidget):  # e.g. a review session's columns
            for row in range(widget.count()):
                entry = widget.item(row)
                assert entry is not None
                parts.extend((entry.text(), entry.toolTip()))
        if isinstance(widget, QTreeWidget):
            for index in range(widget.topLevelItemCount()):
                group = widget.topLevelItem(index)
                assert group is not None
                parts.append(group.text(0))
                for child in range(group.childCount()):
                    item = group.child(child)
                    assert item is not None
                    parts.extend(item.text(c) for c in range(widget.columnCount()))
                    parts.extend(item.toolTip(c) for c in range(widget.columnCount()))
    return "\n".join(parts)


def open_unlock_dialog(window: MainWindow, *, from_page: bool = True) -> OnderzoekerUnlockDialog:
    """From the page's button (after Onderzoeker → Feedback van de klant), or the menu."""
    if from_page:
        window.registry.action("onderzoeker.items").trigger()
        feature(window).view.unlock_button.click()
    else:
        window.registry.action("onderzoeker.unlock").trigger()
    dialog = feature(window).dialog
    assert isinstance(dialog, OnderzoekerUnlockDialog) and dialog.isVisible()
    return dialog


def unlock_key(
    window: MainWindow,
    qtbot: QtBot,
    passphrase: str = ONDERZOEKER_PASSPHRASE,
    *,
    from_page: bool = True,
) -> None:
    dialog = open_unlock_dialog(window, from_page=from_page)
    dialog.passphrase.setText(passphrase)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


# -- nobody registered ----------------------------------------------------------------------
def test_without_an_onderzoeker_the_screens_explain_and_point_to_the_menu(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock_as(window)
    bar = [a.text() for a in window.menuBar().actions()]
    assert "&Onderzoeker" in bar
    menu = [a.text() for a in window.registry.menu("onderzoeker").actions() if a.text()]
    assert menu == [
        "&Feedback van de klant",
        "Sleutel &openen…",
        "Sleutel &sluiten",
        "Onderzoeker &registreren…",
    ]
    unlock = window.registry.action("onderzoeker.unlock")
    assert not unlock.isEnabled()
    reason = unlock.toolTip()
    print(f"why 'Sleutel openen' is disabled: {reason}")
    assert "nog geen onderzoeker geregistreerd" in reason
    # The explanation points to the menu item that registers one.
    assert "Onderzoeker, Onderzoeker registreren…" in reason
    assert window.registry.action("onderzoeker.register").isEnabled()
    window.registry.action("onderzoeker.items").trigger()
    view = feature(window).view
    assert window.stack.currentWidget() is view
    assert view.status_label.text() == reason
    assert view.register_button.isVisible() and not view.unlock_button.isVisible()
    assert not view.tree.isVisible()


def test_the_first_onderzoeker_registers_with_a_strong_passphrase_of_their_own(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window)
    window.registry.action("onderzoeker.register").trigger()
    dialog = feature(window).dialog
    assert isinstance(dialog, RegisterDialog) and dialog.isVisible()
    dialog.name_edit.setText(ONDERZOEKER_NAME)
    shown: list[str] = []
    for passphrase, repeat in (
        ("Zoetermeer2026", "Zoetermeer2026"),  # place + year: guessed at once
        (STRONG, STRONG + " x"),  # not the same twice
        (PASSPHRASE, PASSPHRASE),  # the vault's own
    ):
        dialog.passphrase.setText(passphrase)
        dialog.repeat.setText(repeat)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
        assert dialog.isVisible() and dialog.message.isVisible()
        shown.append(dialog.message.text())
    print("\n".join(shown))
    assert "te makkelijk te raden" in shown[0]
    assert shown[1] == "De twee wachtwoorden zijn niet gelijk."
    assert "ander wachtwoord dan dat van de kluis" in shown[2]
    assert SealingRepository(vault_of(window)).onderzoekers() == []
    dialog.passphrase.setText(STRONG)
    assert dialog.meter.acceptable and "sterk" in dialog.meter.label.text()
    dialog.repeat.setText(STRONG)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: feature(window).dialog is None, timeout=15_000)
    (registered,) = SealingRepository(vault_of(window)).onderzoekers()
    assert registered.name == ONDERZOEKER_NAME
    entries = [e for e in vault_of(window).audit_entries()]
    assert [e.action for e in entries].count(AuditAction.ONDERZOEKER_REGISTERED) == 1
    assert window.statusBar().currentMessage().startswith(f"{ONDERZOEKER_NAME} is geregistreerd")
    # Now the key can be opened, and a next onderzoeker needs someone to vouch for them.
    assert window.registry.action("onderzoeker.unlock").isEnabled()
    register = window.registry.action("onderzoeker.register")
    assert not register.isEnabled() and "open eerst je eigen sleutel" in register.toolTip()


def test_the_strength_meter_suggests_an_example(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock_as(window)
    window.registry.action("onderzoeker.register").trigger()
    dialog = feature(window).dialog
    assert isinstance(dialog, RegisterDialog)
    dialog.example_button.click()
    example = dialog.example_label.text().removeprefix("Bijvoorbeeld: ")
    assert len(example.split()) == 4
    dialog.passphrase.setText(example)
    assert dialog.meter.bar.value() >= 1
    dialog.reject()


# -- the key --------------------------------------------------------------------------------
def test_a_wrong_passphrase_opens_nothing_says_so_and_is_audited(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    dialog = open_unlock_dialog(window)
    assert [dialog.name_box.itemText(i) for i in range(dialog.name_box.count())] == [
        ONDERZOEKER_NAME
    ]
    dialog.passphrase.setText("verkeerd wachtwoord hier")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.isVisible()
    print(f"shown: {dialog.message.text()}")
    assert dialog.message.text() == (
        "Onjuist wachtwoord van de onderzoeker; er is niets geopend. "
        "De poging staat in het logboek."
    )
    assert feature(window).key is None and review(window).onderzoeker is None
    assert not feature(window).marker.isVisible()
    failed = [
        e
        for e in vault_of(window).audit_entries()
        if e.action == AuditAction.ONDERZOEKER_UNLOCK_FAILED
    ]
    assert len(failed) == 1
    for text in (SECRET, OTHER):
        assert text not in every_text(dialog)
        assert text not in every_text(window)
    dialog.reject()


def test_the_right_passphrase_shows_the_items_and_a_marker_until_the_key_is_closed(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    this = feature(window)
    assert this.key is not None and this.key.name == ONDERZOEKER_NAME
    # The composition root hands the key to the review feature (sessions show the items).
    assert review(window).onderzoeker is this.key
    assert this.marker.isVisible() and this.marker.text() == f"Sleutel open: {ONDERZOEKER_NAME}"
    view = this.view
    assert window.stack.currentWidget() is view
    assert [r.observation.text for r in view.rows] == [SECRET, OTHER]
    group = view.tree.topLevelItem(0)
    assert group is not None and group.text(0).startswith("Opname ")
    assert [group.child(i).text(0) for i in range(group.childCount())] == ["0:02", "0:06"]
    assert group.child(0).text(2) == "nog niet gevraagd"
    assert "De sleutel van Onderzoeker Fictief is open." in view.status_label.text()
    assert any(e.action == AuditAction.ONDERZOEKER_UNLOCK for e in vault_of(window).audit_entries())
    close = window.registry.action("onderzoeker.close_key")
    assert close.isEnabled()
    close.trigger()
    assert this.key is None and review(window).onderzoeker is None
    assert not this.marker.isVisible() and view.rows == []
    assert SECRET not in every_text(window)
    assert view.status_label.text().startswith("Verzegelde feedback van de klant: 2 items.")


def test_sharing_one_item_hands_it_to_the_klantmanager_and_niet_delen_keeps_one_sealed(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    this = feature(window)
    this.confirm_share = lambda: True  # type: ignore[method-assign]
    view = this.view
    secret, other = klant_items
    assert view.select(secret.id)
    assert view.text_label.text() == SECRET
    qtbot.mouseClick(view.share_button, Qt.MouseButton.LeftButton)
    vault = vault_of(window)
    (shared,) = [o for o in vault.observations(secret.recording_id) if o.text == SECRET]
    assert shared.sharing_state == SharingState.SHARED and shared.shared_at is not None
    assert view.current_id() == secret.id
    row = view.current_row()
    assert row is not None and row.shared_by == ONDERZOEKER_NAME
    state = view.state_text(row)
    print(f"state shown: {state}")
    assert state.startswith("mag gedeeld worden (") and state.endswith(f", {ONDERZOEKER_NAME})")
    assert not view.share_button.isEnabled()
    assert view.select(other.id)
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    sealed = SealingRepository(vault).sealed_items(other.recording_id)
    assert [(s.id, s.sharing_state) for s in sealed] == [(other.id, SharingState.NOT_SHARED)]
    assert OTHER not in [o.text for o in vault.observations(other.recording_id)]
    assert view.current_row() is not None and view.state_text(view.current_row()) == "niet delen"
    # The klantmanager finds the shared item (and only that one) once the key is closed.
    this.close_key()
    assert [h.observation.id for h in vault.search_observations("qjkanariegeheim")] == [secret.id]
    assert vault.search_observations("xwkanarieuitleg") == []


def test_sharing_asks_first_and_cancelling_shares_nothing(
    window: MainWindow,
    klant_items: list[Observation],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlock_key(window, qtbot)
    asked: list[str] = []

    def answer_cancel(_parent: object, title: str, text: str, *_rest: object) -> bool:
        asked.append(f"{title}: {text}")
        return False

    monkeypatch.setattr(messages, "confirm", answer_cancel)
    view = feature(window).view
    secret = klant_items[0]
    view.select(secret.id)
    view.share_button.click()
    assert asked == ["Feedback delen: Heeft de klant gezegd dat dit naar de klantmanager mag?"]
    assert [s.id for s in SealingRepository(vault_of(window)).sealed_items()] == [
        secret.id,
        klant_items[1].id,
    ]
    row = view.current_row()
    assert row is not None and row.observation.sharing_state == SharingState.NOT_ASKED


def test_a_shared_item_set_back_to_niet_delen_is_sealed_again(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    this = feature(window)
    this.confirm_share = lambda: True  # type: ignore[method-assign]
    secret = klant_items[0]
    this.view.select(secret.id)
    this.view.share_button.click()
    assert vault_of(window).search_observations("qjkanariegeheim")
    this.view.select(secret.id)
    this.view.keep_button.click()
    assert vault_of(window).search_observations("qjkanariegeheim") == []
    row = this.view.current_row()
    assert row is not None and row.observation.sharing_state == SharingState.NOT_SHARED


def test_clicking_an_item_plays_its_moment(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    view = feature(window).view
    view.select(klant_items[1].id)  # at 6 s: plays from 3 s to the end (8 s)
    view.tree.setFocus()
    QTest.keyClick(view.tree, Qt.Key.Key_Return)  # Enter (or a double click) plays it
    controller = window.context.controller
    qtbot.waitUntil(lambda: controller.playing, timeout=8000)
    qtbot.waitUntil(lambda: controller.position_ms() >= 3_500, timeout=8000)
    assert view.playback.start_ms == 3_000 and view.playback.end_ms == 8_000
    window.show_library()  # leaving the page stops it
    assert not view.playback.loaded


def test_a_moment_without_consent_for_the_onderzoeker_says_why_instead_of_playing(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window)
    register_onderzoeker(vault_of(window))
    audio = demo_vault["audio"]
    vault_of(window).set_consent(  # the klant may watch with the klantmanager only
        audio,
        make_consent([ConsentScope.CLIENT], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        role=Role.KLANTMANAGER,
    )
    item = ObservationService(vault_of(window)).create(
        audio, 1_000, text=SECRET, author_role=Role.KLANT
    )
    unlock_key(window, qtbot)
    view = feature(window).view
    assert view.select(item.id)
    view.play_button.click()
    assert not view.playback.loaded and view.play_note.isVisible()
    print(f"shown: {view.play_note.text()}")
    assert "geen toestemming" in view.play_note.text()
    assert "samen met onderzoeker/trainer" in view.play_note.text()


# -- lock and what the klantmanager sees -----------------------------------------------------
def test_a_lock_closes_the_key_and_clears_every_screen(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    this = feature(window)
    key = this.key
    assert key is not None and SECRET in every_text(window)
    window.lock()
    assert not key.open and key.key.closed and this.key is None
    assert review(window).onderzoeker is None
    assert not this.marker.isVisible() and this.view.rows == []
    for top in QApplication.topLevelWidgets():
        assert SECRET not in every_text(top)
    assert not window.registry.action("onderzoeker.close_key").isEnabled()
    for dialog in QApplication.topLevelWidgets():  # the vault's unlock dialog
        if dialog.isVisible() and dialog is not window:
            dialog.close()


def test_a_lock_while_the_key_is_being_opened_keeps_no_key(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    dialog = open_unlock_dialog(window)
    dialog.passphrase.setText(ONDERZOEKER_PASSPHRASE)
    dialog.ok_button.click()
    window.lock()
    assert not dialog.isVisible() and feature(window).key is None
    assert review(window).onderzoeker is None
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not window:
            top.close()


def test_the_klantmanager_without_the_key_never_sees_an_unshared_item(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    this = feature(window)
    window.registry.action("onderzoeker.items").trigger()
    assert this.view.rows == [] and not this.view.tree.isVisible()
    assert "Verzegelde feedback van de klant: 2 items." in this.view.status_label.text()
    seen = [every_text(window)]
    for action in ("onderzoeker.unlock",):
        window.registry.action(action).trigger()
        assert this.dialog is not None
        seen.append(every_text(this.dialog))
        this.dialog.reject()
    # Whatever role is picked at unlock: the role opens nothing.
    window.lock()
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not window:
            top.close()
    unlock_as(window, Role.ONDERZOEKER)
    window.registry.action("onderzoeker.items").trigger()
    seen.append(every_text(window))
    for text in seen:
        assert SECRET not in text and OTHER not in text
        assert "qjkanariegeheim" not in text


def session_with_a_sealed_item(window: MainWindow, video: str, *, with_role: Role) -> str:
    """A review session of the klant and ``with_role`` on a clip of ``video``, in which the
    klant said SECRET (typed while an onderzoeker's key was open, so it is sealed)."""
    from vknz_desktop.domain.models import Participant
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.storage.fragments_repo import FragmentsRepository

    assert window.session is not None and window.session.review is not None
    sessions = window.session.review.sessions
    clip = ClipService(FragmentsRepository(vault_of(window))).create(video, 1000, 9000)
    session = sessions.create(
        "Met de klant",
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        perspectives=(Role.KLANT, with_role),
    )
    sessions.add_clip(session.id, clip.id)
    with onderzoeker_session(vault_of(window)) as typing_key:
        sessions.use_onderzoeker(typing_key)
        (entry,) = sessions.playlist(session.id)
        sessions.add_observation(session, entry, Role.KLANT, SECRET, 2000)
        sessions.use_onderzoeker(None)
    assert SealingRepository(vault_of(window)).sealed_items(video)
    return session.id


@pytest.mark.parametrize("with_role", [Role.KLANTMANAGER, Role.ONDERZOEKER])
def test_a_session_the_klantmanager_watches_never_shows_a_sealed_item_even_with_the_key(
    window: MainWindow,
    klant_items: list[Observation],
    demo_vault: dict[str, str],
    qtbot: QtBot,
    with_role: Role,
) -> None:
    """The vault was opened as klantmanager; the session is with the klantmanager, or with the
    onderzoeker (the klantmanager at the keyboard watches it too)."""
    session_id = session_with_a_sealed_item(window, demo_vault["video"], with_role=with_role)
    review(window).start_session(session_id)
    view = review(window).session_view
    klant = view.left_column
    assert window.stack.currentWidget() is view and klant.role == Role.KLANT
    assert view.right_column.role == with_role and klant.list.count() == 0
    for top in QApplication.topLevelWidgets():
        assert SECRET not in every_text(top) and OTHER not in every_text(top)
    # An onderzoeker opens their key from the menu (handed to the session through app.py):
    # the klantmanager watches this screen, so the klant's unshared words still stay off it.
    unlock_key(window, qtbot, from_page=False)
    assert review(window).onderzoeker is feature(window).key is not None
    assert window.stack.currentWidget() is view
    assert klant.list.count() == 0
    for top in QApplication.topLevelWidgets():
        assert SECRET not in every_text(top) and OTHER not in every_text(top)


# -- more onderzoekers and sessions ----------------------------------------------------------
def test_a_registered_onderzoeker_vouches_for_the_next_one(
    window: MainWindow, klant_items: list[Observation], qtbot: QtBot
) -> None:
    unlock_key(window, qtbot)
    window.registry.action("onderzoeker.register").trigger()
    dialog = feature(window).dialog
    assert isinstance(dialog, RegisterDialog)
    assert "Onderzoeker Fictief voegt een onderzoeker toe" in dialog.intro.text()
    dialog.name_edit.setText("Trainer Fictief")
    dialog.passphrase.setText(STRONG)
    dialog.repeat.setText(STRONG)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: feature(window).dialog is None, timeout=15_000)
    names = [o.name for o in SealingRepository(vault_of(window)).onderzoekers()]
    assert names == [ONDERZOEKER_NAME, "Trainer Fictief"]
    # The new onderzoeker opens what the first could.
    feature(window).close_key()
    dialog2 = open_unlock_dialog(window)
    dialog2.name_box.setCurrentIndex(1)
    dialog2.passphrase.setText(STRONG)
    dialog2.ok_button.click()
    qtbot.waitUntil(lambda: not dialog2.busy, timeout=10_000)
    assert feature(window).key is not None and feature(window).key.name == "Trainer Fictief"
    assert {r.observation.text for r in feature(window).view.rows} == {SECRET, OTHER}


def test_opening_the_key_during_a_session_shows_the_sealed_items_there(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    from vknz_desktop.domain.models import Participant
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.storage.fragments_repo import FragmentsRepository

    unlock_as(window, Role.ONDERZOEKER)
    video = demo_vault["video"]
    allow_klant(window, video)
    register_onderzoeker(vault_of(window))
    feature(window).refresh()
    assert window.session is not None and window.session.review is not None
    sessions = window.session.review.sessions
    clip = ClipService(FragmentsRepository(vault_of(window))).create(video, 1000, 9000)
    session = sessions.create(
        "Met de klant",
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        perspectives=(Role.KLANT, Role.ONDERZOEKER),
    )
    sessions.add_clip(session.id, clip.id)
    with onderzoeker_session(vault_of(window)) as typing_key:
        sessions.use_onderzoeker(typing_key)
        (entry,) = sessions.playlist(session.id)
        sessions.add_observation(session, entry, Role.KLANT, SECRET, 2000)
        sessions.use_onderzoeker(None)
    review(window).start_session(session.id)
    klant = review(window).session_view.left_column
    assert klant.role == Role.KLANT and klant.list.count() == 0
    unlock_key(window, qtbot, from_page=False)  # from the menu: the session stays
    assert window.stack.currentWidget() is review(window).session_view
    assert klant.list.count() == 1 and SECRET in klant.list.item(0).text()
    assert "Feedback van de klant toont alle items" in window.statusBar().currentMessage()
    klant.list.setCurrentRow(0)  # the klant's answer can be recorded there
    assert klant.sharing_row.isVisible() and klant.sharing_box.isEnabled()
    # The onderzoeker's page names the session the item was typed in.
    window.registry.action("onderzoeker.items").trigger()
    (row,) = feature(window).view.rows
    assert row.session_title == "Met de klant" and row.observation.text == SECRET
    assert feature(window).view.tree.topLevelItem(0).child(0).text(3) == "Met de klant"
    review(window).start_session(session.id)
    assert klant.list.count() == 1
    feature(window).close_key()
    assert klant.list.count() == 0
    # Opened again, then the vault is locked: the session, the page and the key are cleared.
    unlock_key(window, qtbot, from_page=False)
    review(window).start_session(session.id)
    assert klant.list.count() == 1
    window.lock()
    assert feature(window).key is None and review(window).onderzoeker is None
    for top in QApplication.topLevelWidgets():
        assert SECRET not in every_text(top)
    for top in QApplication.topLevelWidgets():  # the vault's unlock dialog
        if top.isVisible() and top is not window:
            top.close()


def test_the_help_page_names_the_menu_items_that_exist(window: MainWindow) -> None:
    from vknz_desktop.ui.features.privacy.privacy_help import privacy_text

    text = privacy_text()
    assert "Onderzoeker → Sleutel openen" in text
    window.finish_building()
    menu = window.registry.menu("onderzoeker").title().replace("&", "")
    unlock = window.registry.action("onderzoeker.unlock").text().replace("&", "").rstrip("…")
    assert f"{menu} → {unlock}" in text


def test_the_workspace_marks_where_sealed_feedback_is_without_its_words(
    window: MainWindow, klant_items: list[Observation], demo_vault: dict[str, str]
) -> None:
    """The klantmanager sees where the klant said something (a grey mark that says why it
    cannot be read), never what was said."""
    window.open_recording(demo_vault["video"])
    timeline = window.workspace.timeline
    hidden = [m for m in timeline.markers() if m.id.startswith("sealed:")]
    assert sorted(m.time_ms for m in hidden) == [2_000, 6_000]
    assert all("Alleen de onderzoeker kan die lezen" in m.label for m in hidden)
    shown = "\n".join(m.label for m in timeline.markers()) + every_text(window)
    assert SECRET not in shown and OTHER not in shown

"""Preparing a session: the role is chosen before anything is stored, the Start button says
why it cannot start, the clips show neutral labels and why they cannot be added, and a prompt
is stored as it is typed without the row jumping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.features.review.conftest import ReviewVault
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.visibility import neutral_labels
from vknz_desktop.ui.features.review.session_prepare import SessionPreparePage


def make_page(qtbot: QtBot, review_vault: ReviewVault) -> SessionPreparePage:
    page = SessionPreparePage()
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.set_service(review_vault.sessions)
    page.show()
    return page


def test_the_role_is_chosen_first_and_a_refused_role_stores_nothing(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    clip = review_vault.clips.create(review_vault.video, 1000, 3000, title="Begroeting")
    session = review_vault.sessions.create("Met de onderzoeker")
    review_vault.sessions.add_clip(session.id, clip.id)
    page = make_page(qtbot, review_vault)
    assert page.session is not None and page.session.id == session.id
    # No role chosen yet: nothing can be added, whatever is typed.
    assert page.new_role_box.currentIndex() == -1
    QTest.keyClicks(page.new_name_edit, "Fenna")
    assert not page.add_person_button.isEnabled()
    # The klant may not watch this fragment (consent: onderzoeker only): said at once.
    klant = page.new_role_box.findData(Role.KLANT.value)
    assert page.new_role_box.itemText(klant).endswith("(niet mogelijk)")
    page.new_role_box.setCurrentIndex(klant)
    assert not page.add_person_button.isEnabled()
    assert page.role_reason_label.isVisible()
    reason = page.role_reason_label.text()
    print(f"klant refused: {reason}")
    assert "klant kijkt mee" in reason
    assert page.new_role_box.itemData(klant, Qt.ItemDataRole.ToolTipRole) == reason
    assert not page.add_participant("Fenna", Role.KLANT)
    assert review_vault.sessions.session(session.id).participants == ()
    assert page.participants.rowCount() == 0
    # A role that may join: added with the role as readable text.
    page.new_role_box.setCurrentIndex(page.new_role_box.findData(Role.KLANTMANAGER.value))
    assert page.add_person_button.isEnabled() and not page.role_reason_label.isVisible()
    QTest.mouseClick(page.add_person_button, Qt.MouseButton.LeftButton)
    stored = review_vault.sessions.session(session.id).participants
    assert [(p.display_name, p.role) for p in stored] == [("Fenna", Role.KLANTMANAGER)]
    assert page.participants.item(0, 0).text() == "Klantmanager"
    assert page.participants.item(0, 1).text() == "Fenna"
    # The row is empty again: the next person starts with choosing a role.
    assert page.new_role_box.currentIndex() == -1 and page.new_name_edit.text() == ""
    # Removing the participant stores that too.
    page.participants.selectRow(0)
    QTest.mouseClick(page.remove_person_button, Qt.MouseButton.LeftButton)
    assert review_vault.sessions.session(session.id).participants == ()


def test_start_says_why_not_until_a_fragment_may_be_shown(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    clip = review_vault.clips.create(review_vault.video, 1000, 3000)
    review_vault.sessions.create("Leeg")
    page = make_page(qtbot, review_vault)
    assert not page.start_button.isEnabled()
    assert page.start_button.toolTip() == "Zet eerst fragmenten in de afspeellijst."
    assert page.start_reason_label.isVisible()
    assert page.start_reason_label.text() == page.start_button.toolTip()
    started: list[str] = []
    page.startRequested.connect(started.append)
    page.start_button.click()
    assert started == []
    assert page.add_clip(clip.id)
    assert page.start_button.isEnabled() and not page.start_reason_label.isVisible()
    QTest.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.session is not None and started == [page.session.id]


def test_clips_show_neutral_labels_and_why_they_cannot_be_added(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.clips.create(review_vault.video, 1000, 3000, title="Begroeting")
    review_vault.clips.create(review_vault.audio, 500, 1500, title="Telefoon", note="geheim")
    review_vault.sessions.create("Met de onderzoeker")
    page = make_page(qtbot, review_vault)
    labels = neutral_labels(review_vault.vault.recordings())
    tree = page.clip_tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    print(f"recordings in the picker: {groups}")
    assert groups == [labels[review_vault.video], labels[review_vault.audio]]
    assert not any("Jansen" in g or "Pietersen" in g for g in groups)
    refused = tree.topLevelItem(1).child(0)
    assert "(geen toestemming)" in refused.text(0)
    tree.setCurrentItem(refused)
    assert page.reason_label.isVisible()
    assert "alleen zelf terugkijken" in page.reason_label.text()
    assert refused.toolTip(0) == page.reason_label.text()
    # Reviewing alone (only the klantmanager): the titles may show.
    assert page.session is not None
    review_vault.sessions.update(page.session, perspectives=(Role.KLANTMANAGER, Role.COLLEGA))
    alone = review_vault.sessions.create("Alleen ik")
    page.refresh(alone.id)
    # a second klantmanager is a colleague: only "klantmanager + collega" is not private
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert all("Jansen" not in g for g in groups)


def test_a_prompt_is_stored_as_it_is_typed_and_the_row_keeps_its_height(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.allow(review_vault.video, ConsentScope.RESEARCHER)
    clips = [
        review_vault.clips.create(review_vault.video, start, start + 1000, title=f"Deel {n}")
        for n, start in enumerate((1000, 3000, 5000), start=1)
    ]
    session = review_vault.sessions.create("Met prompts")
    for clip in clips:
        review_vault.sessions.add_clip(session.id, clip.id)
    page = make_page(qtbot, review_vault)
    page.playlist.setCurrentRow(0)
    rects = [page.playlist.visualItemRect(page.playlist.item(r)) for r in range(3)]
    page.prompt_edit.setFocus()
    QTest.keyClicks(page.prompt_edit, "W")
    # Stored at once, with nothing else to do.
    assert review_vault.sessions.playlist(session.id)[0].item.prompt == "W"
    QTest.keyClicks(page.prompt_edit, "at zie je?")
    QTest.keyClick(page.prompt_edit, Qt.Key.Key_Return)
    QTest.keyClicks(page.prompt_edit, "Een tweede regel")
    assert review_vault.sessions.playlist(session.id)[0].item.prompt == (
        "Wat zie je?\nEen tweede regel"
    )
    after = [page.playlist.visualItemRect(page.playlist.item(r)) for r in range(3)]
    assert after == rects  # no row moved or grew while typing
    assert "Wat zie je?" in page.playlist.item(0).text()
    assert "Een tweede regel" not in page.playlist.item(0).text()
    assert page.playlist.currentRow() == 0


def test_at_large_text_the_participants_go_under_the_form(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    """Side by side on a laptop screen at normal text; at 200 % one under the other, so that
    no role name in the combos is cut off."""
    from PySide6.QtWidgets import QBoxLayout

    from vknz_desktop.ui.common.appearance import apply_appearance

    page = make_page(qtbot, review_vault)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.fit_about()
    assert page.about_direction() == QBoxLayout.Direction.LeftToRight
    try:
        apply_appearance(200)
        qtbot.wait(50)
        page.fit_about()
        assert page.about_direction() == QBoxLayout.Direction.TopToBottom
        box = page.left_box
        assert box.width() >= box.sizeHint().width()  # "Onderzoeker of trainer" whole
    finally:
        apply_appearance(100)

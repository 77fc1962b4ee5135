"""Comparing side by side asks who watches first: the policy then decides which fragments may
be shown and what they are called; the link status speaks in fragment times; a click on a
position bar jumps there."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.features.fakes import FakeHost, FakePlayer, FakeSession
from tests.ui.features.review.conftest import ReviewVault
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.visibility import neutral_labels
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.feature import ReviewFeature
from vknz_desktop.ui.shell.session import ReviewServices


def open_feature(host: FakeHost, review_vault: ReviewVault) -> ReviewFeature:
    feature = ReviewFeature(host, make_player=FakePlayer)  # type: ignore[arg-type]
    services = ReviewServices(
        repository=review_vault.repository,
        clips=review_vault.clips,
        sessions=review_vault.sessions,
        keep_fragments=review_vault.keep,
    )
    host.unlock(FakeSession(identity=Identity(Role.KLANTMANAGER, "Sam"), review=services))
    host.window.resize(1300, 760)
    host.window.show()
    return feature


def names(feature: ReviewFeature) -> list[str]:
    box = feature.compare_view.left.fragment_box
    return [box.itemText(i) for i in range(box.count())]


def test_who_watches_decides_what_may_be_compared_and_how_it_is_called(
    host: FakeHost, qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.allow(review_vault.video, ConsentScope.RESEARCHER, ConsentScope.CLIENT)
    review_vault.clips.create(review_vault.video, 1000, 3000, title="Bij mevrouw Jansen")
    review_vault.clips.create(review_vault.video, 4000, 6000, title="Afspraak")
    review_vault.clips.create(review_vault.audio, 500, 1500, title="Telefoon")
    feature = open_feature(host, review_vault)
    labels = neutral_labels(review_vault.vault.recordings())

    # Alone: every fragment, with its title and the recording's title.
    dialog = feature.show_compare()
    assert dialog is not None and dialog.isVisible()
    assert dialog in messages.bridge().open_dialogs()  # a lock closes it
    assert host.current_page() is not feature.compare_view  # nothing shown before the answer
    dialog.accept()
    assert host.current_page() is feature.compare_view
    shown = names(feature)
    print(f"alone: {shown}")
    assert len(shown) == 3 and "Bij mevrouw Jansen (Gesprek met mevrouw Jansen)" in shown[0]
    assert feature.compare_view.watchers_label.text() == "Je kijkt alleen."

    # With the klant: only what the klant may see, no titles, and why one is left out.
    dialog = feature.show_compare()
    assert dialog is not None
    dialog.boxes[Role.KLANT].setChecked(True)
    dialog.accept()
    shown = names(feature)
    print(f"with the klant: {shown}")
    video = labels[review_vault.video]
    assert [n.split(" · ")[0] for n in shown] == [
        f"Fragment 1 van 2 ({video})",
        f"Fragment 2 van 2 ({video})",
    ]
    assert not any("Jansen" in n or "Afspraak" in n or "Telefoon" in n for n in shown)
    said = feature.compare_view.watchers_label.text()
    print(f"said: {said}")
    assert said.startswith("Er kijken mee: Klant. 1 fragment niet getoond: ")
    assert "alleen zelf terugkijken" in said and "Pietersen" not in said


def test_nothing_to_show_to_these_watchers_is_said_not_opened(
    host: FakeHost, qtbot: QtBot, review_vault: ReviewVault, shown_messages: list
) -> None:
    review_vault.clips.create(review_vault.audio, 500, 1500)
    feature = open_feature(host, review_vault)
    dialog = feature.show_compare()
    assert dialog is not None
    dialog.boxes[Role.COLLEGA].setChecked(True)
    dialog.accept()
    assert host.current_page() is not feature.compare_view
    assert len(shown_messages) == 1 and "alleen zelf terugkijken" in shown_messages[0][2]


def test_link_status_in_fragment_times_and_a_click_jumps_there(
    host: FakeHost, qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.clips.create(review_vault.video, 1000, 3000, title="Eerst")
    review_vault.clips.create(review_vault.video, 4000, 8000, title="Later")
    feature = open_feature(host, review_vault)
    dialog = feature.show_compare()
    assert dialog is not None
    dialog.accept()
    view = feature.compare_view
    right = view.right
    assert right is not None
    assert view.offset_label.text() == "Los: elk fragment speelt apart"
    view.sync_box.setChecked(True)  # both at the start of their own fragment
    assert view.offset_ms == 3000 and view.fragment_offset_ms() == 0
    assert view.offset_label.text() == "Gekoppeld: beide even ver in hun fragment"
    view.sync_box.setChecked(False)
    right.playback.seek(5500)  # 1,5 s into the right fragment, the left one at 0
    view.sync_box.setChecked(True)
    print(f"link: {view.offset_label.text()}")
    assert view.offset_label.text() == "Gekoppeld: rechts 0:01,5 verder in het fragment dan links"

    # A click on the right position bar, three quarters along: there, not a page further.
    slider = right.slider
    x = slider.rect().left() + round(slider.rect().width() * 0.75)
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
    target = 4000 + 0.75 * 4000
    print(f"clicked at 75 %: {right.playback.position_ms()} ms (fragment 4000–8000)")
    assert abs(right.playback.position_ms() - target) <= 250
    # Linked: the left one follows, keeping the offset.
    assert right.playback.position_ms() - view.left.playback.position_ms() == view.offset_ms

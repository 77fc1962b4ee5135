"""The session screen shows what the service hands it and asks the policy for the rest: the
preparer's prompt (its caption only when the preparer wrote it), the heading and neutral
label, earlier observations only on request where allowed, and an overview that counts only
what this screen may show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.features.fakes import FakePlayer
from tests.ui.features.review.conftest import ReviewVault
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.visibility import DEFAULT_PROMPT, neutral_labels
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.session_view import SessionOverviewDialog, SessionView


def make_view(qtbot: QtBot) -> SessionView:
    view = SessionView(FakePlayer())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1300, 720)
    view.show()
    return view


def opener(_recording_id: str) -> object:
    raise AssertionError("the fake player reads no media")


def test_prompt_caption_heading_and_label_come_from_the_service(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.allow(review_vault.video, ConsentScope.RESEARCHER, ConsentScope.CLIENT)
    sessions = review_vault.sessions
    named = review_vault.clips.create(
        review_vault.video, 1000, 3000, title="Bij mevrouw Jansen", note="Dorpsstraat 12"
    )
    other = review_vault.clips.create(review_vault.video, 4000, 6000, title="Afspraak")
    session = sessions.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
    sessions.add_clip(session.id, named.id)  # no prompt
    sessions.add_clip(session.id, other.id, prompt="Wat zag je mij doen?")
    view = make_view(qtbot)
    view.start(sessions, session.id, Identity(Role.ONDERZOEKER, "Ans"), opener)  # type: ignore[arg-type]
    label = neutral_labels(review_vault.vault.recordings())[review_vault.video]
    # No prompt: the neutral default, without the "Om naar te kijken" caption.
    assert view.prompt_label.text() == DEFAULT_PROMPT
    assert not view.prompt_title.isVisible()
    assert view.fragment_label.text() == "Fragment 1 van 2"
    assert view.source_label.text().startswith(label + "  ·  0:01,0")
    texts = " ".join(w.text() for w in view.findChildren(QLabel))
    for secret in ("Jansen", "Dorpsstraat"):
        assert secret not in texts
    view.next_fragment()
    assert view.prompt_label.text() == "Wat zag je mij doen?"
    assert view.prompt_title.isVisible() and view.prompt_title.text() == "Om naar te kijken"
    assert view.fragment_label.text() == "Fragment 2 van 2"


def test_earlier_observations_only_on_request_and_never_with_the_klant(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    review_vault.allow(review_vault.video, ConsentScope.RESEARCHER, ConsentScope.CLIENT)
    sessions = review_vault.sessions
    clip = review_vault.clips.create(review_vault.video, 1000, 5000)
    first = sessions.create("Eerste", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
    sessions.add_clip(first.id, clip.id)
    (entry,) = sessions.playlist(first.id)
    sessions.add_observation(first, entry, Role.ONDERZOEKER, "Je kijkt weg", 2000)
    second = sessions.create("Tweede", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
    sessions.add_clip(second.id, clip.id)
    view = make_view(qtbot)
    view.start(sessions, second.id, Identity(Role.KLANTMANAGER, "Sam"), opener)  # type: ignore[arg-type]
    box = view.earlier_box
    assert box.isEnabled() and not box.isChecked()
    assert view.left_column.list.count() == 0  # this session's own only
    box.setChecked(True)
    assert view.left_column.list.count() == 1
    row = view.left_column.list.item(0).text()
    print(f"earlier, on request: {row!r}")
    assert "Je kijkt weg" in row and "(eerder)" in row
    box.setChecked(False)
    assert view.left_column.list.count() == 0

    # A session with the klant: the toggle is off, disabled, and says why.
    with_klant = sessions.create("Klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
    sessions.add_clip(with_klant.id, clip.id)
    view.start(sessions, with_klant.id, Identity(Role.ONDERZOEKER, "Ans"), opener)  # type: ignore[arg-type]
    assert not box.isEnabled() and not box.isChecked()
    assert "klant meekijkt" in box.toolTip()
    assert view.right_column.list.count() == 0


def test_the_overview_counts_what_the_screen_shows_and_a_lock_closes_it(
    qtbot: QtBot, review_vault: ReviewVault
) -> None:
    sessions = review_vault.sessions
    clip = review_vault.clips.create(review_vault.video, 1000, 5000)
    session = sessions.create("Samen", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
    sessions.add_clip(session.id, clip.id)
    (entry,) = sessions.playlist(session.id)
    sessions.add_observation(session, entry, Role.KLANTMANAGER, "Een", 2000)
    view = make_view(qtbot)
    view.start(sessions, session.id, Identity(Role.KLANTMANAGER, "Sam"), opener)  # type: ignore[arg-type]
    view.right_column.input.setPlainText("Twee")
    wanted: list[tuple[str, list[str]]] = []
    ended: list[str] = []
    view.goalsRequested.connect(lambda sid, ids: wanted.append((sid, ids)))
    view.finished.connect(ended.append)
    dialog = view.finish()
    assert isinstance(dialog, SessionOverviewDialog) and dialog.isVisible()
    assert dialog in messages.bridge().open_dialogs()  # a lock closes it
    print("overview:", dialog.summary_text.replace("\n", " | "))
    assert "Onderzoeker of trainer: 0 waarnemingen" in dialog.summary_text
    assert "Klantmanager: 2 waarnemingen" in dialog.summary_text
    assert messages.close_all() == 1
    # Closed by the lock: no goals asked for, the session view lets go.
    assert wanted == [] and ended == [session.id]
    ended.clear()
    dialog = view.finish()
    assert dialog is not None
    qtbot.mouseClick(dialog.goals_button, Qt.MouseButton.LeftButton)
    assert ended == [session.id] and wanted and wanted[0][0] == session.id
    assert len(wanted[0][1]) == 2

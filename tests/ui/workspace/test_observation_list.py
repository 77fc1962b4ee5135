"""The observation list on its own: counts in words, the menu and buttons of the chosen row,
the prompts of markers made while recording, capped tooltips."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vknz_desktop.domain.markers import make_marker
from vknz_desktop.domain.models import Observation, Role
from vknz_desktop.ui.workspace.observation_list import (
    MARKERS_FILTER,
    TOOLTIP_CHARS,
    ObservationList,
    capped_tooltip,
)

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)


def observation(
    oid: str, time_ms: int, text: str = "De klant kijkt weg", **extra: object
) -> Observation:
    return Observation(
        id=oid,
        recording_id="r1",
        time_ms=time_ms,
        text=text,
        created_at=NOW,
        edited_at=NOW,
        **extra,  # type: ignore[arg-type]
    )


def test_the_count_says_one_waarneming_and_two_waarnemingen(qtbot: QtBot) -> None:
    listing = ObservationList()
    qtbot.addWidget(listing)
    listing.set_observations([], None)
    assert listing.count_label.text() == "0 waarnemingen"
    listing.set_observations([observation("a", 1000)], None)
    assert listing.count_label.text() == "1 waarneming"
    listing.set_observations([observation("a", 1000), observation("b", 2000)], None)
    assert listing.count_label.text() == "2 waarnemingen"
    listing.text_filter.setText("niets dat past")
    assert listing.count_label.text() == "0 van 2"


def test_times_in_the_list_have_tenths(qtbot: QtBot) -> None:
    listing = ObservationList()
    qtbot.addWidget(listing)
    listing.set_observations([observation("a", 65_250)], None)
    assert listing.model.index(0, 0).data() == "1:05,2"


def _listing(qtbot: QtBot, observations: list[Observation]) -> ObservationList:
    listing = ObservationList()
    qtbot.addWidget(listing)
    listing.resize(520, 300)
    listing.show()
    listing.set_observations(observations, None)
    return listing


def test_the_chosen_row_shows_its_own_edit_and_delete_buttons(qtbot: QtBot) -> None:
    listing = _listing(qtbot, [observation("a", 1000), observation("b", 2000)])
    actions = listing.row_actions
    assert not actions.isVisible(), "no row chosen: no buttons"
    listing.select("b")
    qtbot.waitUntil(actions.isVisible)
    row = listing.table.visualRect(listing.proxy.index(1, 0))
    assert actions.geometry().top() == row.top(), "on the chosen row"
    assert actions.geometry().right() <= listing.table.viewport().width()
    assert actions.edit_button.text() == "Bewerken"
    with qtbot.waitSignal(listing.editRequested) as edit:
        actions.edit_button.click()
    assert edit.args == ["b"]
    with qtbot.waitSignal(listing.deleteRequested) as delete:
        actions.delete_button.click()
    assert delete.args == [["b"]]


def test_in_a_narrow_list_the_row_keeps_its_text_readable(qtbot: QtBot) -> None:
    """Large text or a narrow column: only the edit button covers the row (deleting stays in
    the Delete key and the menus), so the row's text is not hidden behind two buttons."""
    listing = _listing(qtbot, [observation("a", 1000), observation("b", 2000)])
    actions = listing.row_actions
    listing.select("b")
    qtbot.waitUntil(actions.isVisible)
    assert actions.delete_button.isVisible(), "room enough: both buttons"
    listing.resize(300, 300)
    qtbot.waitUntil(lambda: not actions.delete_button.isVisible())
    assert actions.isVisible() and actions.edit_button.isVisible()
    text_width = listing.table.viewport().width() - listing.table.columnWidth(0)
    assert actions.width() <= text_width // 2 + 1
    listing.resize(520, 300)
    qtbot.waitUntil(actions.delete_button.isVisible)


def test_the_right_mouse_button_menu_edits_deletes_copies_and_goes_there(qtbot: QtBot) -> None:
    listing = _listing(qtbot, [observation("a", 1000), observation("b", 2000)])
    listing.select("a")
    menu = listing.context_menu(["a"])
    texts = {a.text(): a for a in menu.actions() if a.text()}
    assert set(texts) == {"Naar dit moment", "Bewerken", "Tekst kopiëren", "Verwijderen"}
    assert texts["Bewerken"].shortcut().toString() == "F2"
    assert texts["Verwijderen"].shortcut().toString() == "Del"
    with qtbot.waitSignal(listing.seekRequested) as seek:
        texts["Naar dit moment"].trigger()
    assert seek.args == [1000]
    with qtbot.waitSignal(listing.deleteRequested) as delete:
        texts["Verwijderen"].trigger()
    assert delete.args == [["a"]]
    with qtbot.waitSignal(listing.copyRequested):
        texts["Tekst kopiëren"].trigger()
    two = listing.context_menu(["a", "b"])
    edit = next(a for a in two.actions() if a.text() == "Bewerken")
    assert not edit.isEnabled(), "one at a time"


def test_a_marker_made_while_recording_asks_what_happened(qtbot: QtBot) -> None:
    marker = make_marker("r1", 4000, author_role=Role.KLANTMANAGER, type_id="afhaken", now=NOW)
    plain = make_marker("r1", 6000, author_role=Role.KLANTMANAGER, now=NOW)
    answered = plain.model_copy(update={"id": "c", "text": "Hij keek op zijn telefoon"})
    listing = _listing(qtbot, [marker, plain, answered, observation("d", 9000)])
    shown = [listing.model.index(r, 1).data() for r in range(4)]
    assert shown[:3] == [
        "Afhaken: wat gebeurde hier?",
        "Raakmoment: wat gebeurde hier?",
        "Hij keek op zijn telefoon",
    ]
    assert listing.model.index(0, 1).data(Qt.ItemDataRole.FontRole).italic()
    listing.select(marker.id)
    qtbot.waitUntil(listing.row_actions.isVisible)
    assert listing.row_actions.edit_button.text() == "Beantwoorden"
    # the filter "Markeringen" shows the markers, answered or not, and nothing else
    listing.theme_box.setCurrentIndex(listing.theme_box.findData(MARKERS_FILTER))
    assert listing.proxy.rowCount() == 3
    listing.theme_box.setCurrentIndex(listing.theme_box.findData(""))  # free observations
    assert listing.proxy.rowCount() == 1


def test_the_tooltip_of_a_long_observation_is_capped(qtbot: QtBot) -> None:
    long_text = "De klant vertelt uitgebreid over de afgelopen weken. " * 60
    listing = _listing(qtbot, [observation("a", 1000, long_text)])
    tip = str(listing.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole))
    assert len(tip) < TOOLTIP_CHARS + 100
    assert "…" in tip and tip.startswith("<p>")
    assert capped_tooltip(["<b>kort</b>"]) == "<p>&lt;b&gt;kort&lt;/b&gt;</p>", "never markup"

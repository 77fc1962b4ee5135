"""The import details and consent dialogs: nothing is imported without a consent scope."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.data import TODAY, S, consent
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import (
    MediaInfo,
    Participant,
    Role,
)
from vknz_desktop.ui.common.appearance import apply_appearance
from vknz_desktop.ui.library.consent_dialog import ConsentDialog, ImportDetailsDialog, to_qdate
from vknz_desktop.ui.library.consent_form import ReadableCheckBox

# Showing top-level windows on the offscreen platform logs this; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


# -------------------------------------------------------------------------------- dialogs


@pytest.fixture
def details(qtbot: QtBot) -> ImportDetailsDialog:
    media = MediaInfo(
        container="mp4", duration_ms=8000, has_video=True, has_audio=True, width=320, height=240
    )
    dialog = ImportDetailsDialog(Path("/data/intake_gesprek.mp4"), media, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_import_details_needs_a_scope(details: ImportDetailsDialog) -> None:
    assert "Video met geluid · 0:08 · 320 × 240" in details.media_label.text()
    # a neutral title, never the file name (which often holds a client's name)
    assert details.title_edit.text() == "Gesprek 28 nov. 2026"
    assert not details.ok_button.isEnabled()
    assert "Vink eerst aan" in details.problem_label.text()
    details.accept()  # refused without a scope
    assert details.result() != QDialog.DialogCode.Accepted.value
    with pytest.raises(ValueError):
        details.request()
    details.scope_checkboxes[S.RESEARCHER].setChecked(True)
    assert details.ok_button.isEnabled()
    assert details.problem_label.text() == ""
    details.scope_checkboxes[S.RESEARCHER].setChecked(False)
    assert not details.ok_button.isEnabled()


def test_import_details_build_the_request(details: ImportDetailsDialog) -> None:
    details.title_edit.setText("  Intake mevrouw A  ")
    details.conversation_date_edit.setDate(to_qdate(dt.date(2026, 11, 20)))
    editor = details.participants_editor
    editor.name_edits()[0].setText("Klant A")
    editor.add_participant("Sanne", Role.KLANTMANAGER)
    editor.add_participant("   ", Role.COLLEGA)  # empty rows are skipped
    details.scope_checkboxes[S.RESEARCHER].setChecked(True)
    details.scope_checkboxes[S.CLIENT].setChecked(True)

    request = details.request()
    assert request.source == Path("/data/intake_gesprek.mp4")
    assert request.title == "Intake mevrouw A"
    assert request.conversation_date == dt.date(2026, 11, 20)
    assert list(request.participants) == [
        Participant(display_name="Klant A", role=Role.KLANT),
        Participant(display_name="Sanne", role=Role.KLANTMANAGER),
    ]
    assert request.role == Role.KLANTMANAGER
    assert request.consent.scopes == {S.RESEARCHER, S.CLIENT}
    assert request.consent.given_by == Role.KLANT
    assert request.consent.given_on == TODAY
    assert request.consent.keep_until == dt.date(2027, 11, 28)

    # Keep-until follows the date given until the user picks one, and never lies before it.
    form = details.consent_form
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 2, 10)))
    assert form.keep_until() == dt.date(2027, 2, 10)
    form.keep_until_edit.setDate(to_qdate(dt.date(2026, 8, 1)))
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 3, 1)))
    assert form.keep_until() == dt.date(2026, 8, 1)
    # A keep-until date before the date given is said, not silently changed.
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 9, 1)))
    assert form.keep_until() == dt.date(2026, 8, 1)
    assert details.problem_label.text() == "'Bewaren tot' ligt vóór de datum van de toestemming."
    assert not details.ok_button.isEnabled()
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 3, 1)))

    editor.remove_buttons()[0].click()
    assert [p.display_name for p in editor.participants()] == ["Sanne"]


def test_import_details_tab_order_and_names(details: ImportDetailsDialog) -> None:
    details.participants_editor.add_participant("B", Role.KLANT)
    details.set_tab_order()
    chain = []
    widget: QWidget | None = details.title_edit
    for _ in range(40):
        assert widget is not None
        chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is details.title_edit:
            break
    editor = details.participants_editor
    position = chain.index
    date_field = details.conversation_date_edit.line_edit  # the date field's keyboard part
    assert position(details.title_edit) < position(date_field)
    assert position(date_field) < position(editor.role_combos()[0])
    assert position(editor.role_combos()[0]) < position(editor.name_edits()[0])  # role first
    assert position(editor.name_edits()[1]) < position(editor.add_button)
    assert position(editor.add_button) < position(details.consent_form.given_by_combo)
    keep_until = details.consent_form.keep_until_edit.line_edit
    assert position(keep_until) < position(details.ok_button)
    for control in [
        details.title_edit,
        details.conversation_date_edit,
        details.ok_button,
        details.cancel_button,
        editor.add_button,
        *editor.name_edits(),
        *editor.role_combos(),
        *editor.remove_buttons(),
        *details.scope_checkboxes.values(),
        details.consent_form.given_by_combo,
        details.consent_form.given_on_edit,
        details.consent_form.keep_until_edit,
    ]:
        assert control.accessibleName(), control


def test_consent_dialog_prefills_and_edits(qtbot: QtBot) -> None:
    original = consent([S.RESEARCHER], dt.date(2026, 6, 3), given_on=dt.date(2025, 6, 3))
    dialog = ConsentDialog(original, recording_title="Heronderzoek")
    qtbot.addWidget(dialog)
    assert dialog.consent() == original
    assert dialog.ok_button.text() == "Opslaan"
    for box in dialog.consent_form.scope_checkboxes.values():
        box.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    dialog.consent_form.scope_checkboxes[S.COLLEAGUES].setChecked(True)
    # An existing keep-until date does not jump when the date given changes.
    dialog.consent_form.given_on_edit.setDate(to_qdate(dt.date(2025, 7, 1)))
    changed = dialog.consent()
    assert changed.scopes == {S.COLLEAGUES}
    assert changed.keep_until == dt.date(2026, 6, 3)
    assert changed.given_on == dt.date(2025, 7, 1)


# ------------------------------------------------------------------- titles, dates, roles


def test_the_title_is_neutral_and_follows_the_date_until_one_is_typed(qtbot: QtBot) -> None:
    media = MediaInfo(container="mp4", duration_ms=8000, has_video=True, has_audio=True)
    dialog = ImportDetailsDialog(
        Path("/data/Mevrouw Jansen intake.mp4"),
        media,
        today=TODAY,
        taken_titles=["Gesprek 28 nov. 2026", "Gesprek 3 nov. 2026"],
    )
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "Gesprek 28 nov. 2026 (2)"  # that one is taken
    assert "Jansen" not in dialog.title_edit.text() + dialog.title_edit.placeholderText()
    dialog.conversation_date_edit.setDate(to_qdate(dt.date(2026, 11, 3)))
    assert dialog.title_edit.text() == "Gesprek 3 nov. 2026 (2)"
    dialog.title_edit.setText("Intake")
    dialog.conversation_date_edit.setDate(to_qdate(dt.date(2026, 11, 4)))
    assert dialog.title_edit.text() == "Intake"  # typed by the user: kept
    dialog.title_edit.clear()
    dialog.scope_checkboxes[S.SELF].setChecked(True)
    assert dialog.request().title == "Gesprek 4 nov. 2026"  # empty: the suggestion


def _type_date(field: QWidget, text: str) -> None:
    line = field.line_edit  # type: ignore[attr-defined]
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)


def test_dates_can_be_typed_as_people_write_them(details: ImportDetailsDialog) -> None:
    details.scope_checkboxes[S.SELF].setChecked(True)
    conversation = details.conversation_date_edit
    # a day after today's day of the month, in an earlier month: QDateEdit refused this
    _type_date(conversation, "30-10-2026")
    assert details.conversation_date() == dt.date(2026, 10, 30)
    _type_date(conversation, "5/3/26")
    assert details.conversation_date() == dt.date(2026, 3, 5)
    _type_date(conversation, "12 okt 2025")
    assert details.conversation_date() == dt.date(2025, 10, 12)
    assert details.ok_button.isEnabled()
    _type_date(conversation, "3-12-2026")  # after today (28 Nov 2026)
    assert details.problem_label.text() == "De datum van het gesprek ligt in de toekomst."
    assert not details.ok_button.isEnabled()
    _type_date(conversation, "31-02")
    assert "dag-maand-jaar" in details.problem_label.text()
    _type_date(conversation, "1-2-2026")
    assert details.ok_button.isEnabled()
    _type_date(details.consent_form.keep_until_edit, "01-02-2027")
    assert details.request().consent.keep_until == dt.date(2027, 2, 1)


def test_a_participant_gets_a_role_before_anything_else(
    qtbot: QtBot, details: ImportDetailsDialog
) -> None:
    details.show()
    qtbot.waitExposed(details)
    details.scope_checkboxes[S.RESEARCHER].setChecked(True)
    editor = details.participants_editor
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    role = editor.role_combos()[1]
    assert details.focusWidget() is role  # the role comes first in the new row
    assert role.currentIndex() == -1 and role.placeholderText() == "Kies een rol…"
    editor.name_edits()[1].setText("Sanne")
    assert details.problem_label.text() == "Kies de rol van deelnemer 2."
    assert not details.ok_button.isEnabled()
    role.setCurrentIndex(role.findData(Role.COLLEGA.value))
    assert details.ok_button.isEnabled()
    assert Participant(display_name="Sanne", role=Role.COLLEGA) in details.request().participants
    # the role column shows its longest choice whole
    longest = max(role.fontMetrics().horizontalAdvance(role.itemText(i)) for i in range(5))
    assert role.width() >= longest + 16


def test_the_offer_to_remove_the_source_is_honest_and_refused_when_read_only(
    qtbot: QtBot,
) -> None:
    media = MediaInfo(container="mp4", duration_ms=8000, has_video=True, has_audio=True)

    def read_only(_path: Path) -> bool:
        raise KnownError("'gesprek.mp4' staat op een medium dat alleen gelezen kan worden.")

    refused = ImportDetailsDialog(Path("/kaart/gesprek.mp4"), media, source_check=read_only)
    qtbot.addWidget(refused)
    assert not refused.remove_source_box.isEnabled()
    assert "alleen gelezen" in refused.remove_source_hint.text()
    refused.remove_source_box.setChecked(True)
    assert not refused.remove_source()

    offered = ImportDetailsDialog(Path("/kaart/gesprek.mp4"), media, source_check=lambda _p: True)
    qtbot.addWidget(offered)
    assert offered.remove_source_box.isEnabled() and not offered.remove_source()
    hint = offered.remove_source_hint.text()
    assert "telefoon, geheugenkaart of USB-stick" in hint
    assert "vaak nog terug te halen" in hint and "cloud" in hint
    assert "overschr" not in hint  # never claims overwriting
    offered.remove_source_box.setChecked(True)
    assert offered.remove_source()

    without = ImportDetailsDialog(Path("/data/gesprek.mp4"), media)  # no remover: no offer
    qtbot.addWidget(without)
    assert without.remove_source_box.isHidden()


@pytest.mark.parametrize("scale", [150, 200])
def test_the_import_form_scrolls_at_large_text_and_cuts_nothing_off(
    qtbot: QtBot, details: ImportDetailsDialog, scale: int
) -> None:
    from tests.ui.test_large_text_layout import cut_off, not_scrollable

    apply_appearance(scale)
    try:
        dialog = ImportDetailsDialog(
            Path("/data/gesprek.mp4"), details.media, today=TODAY, source_check=lambda _p: False
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        assert dialog.ok_button.isVisible()  # the buttons stay in view
        problems = cut_off(dialog) + not_scrollable(dialog)
        assert not problems, problems
        for box in [*dialog.scope_checkboxes.values(), dialog.remove_source_box]:
            assert box.height() >= box.sizeHint().height(), box.text()  # never squashed
            assert isinstance(box, ReadableCheckBox)  # the box grows with the text
            assert box.indicator_side() >= 0.7 * box.fontMetrics().height(), box.text()
        name = dialog.participants_editor.name_edits()[0]
        assert name.width() >= name.fontMetrics().horizontalAdvance(name.placeholderText())
        assert name.width() >= name.fontMetrics().horizontalAdvance("Klant Voorbeeld") + 8
        assert dialog.scroll_area.verticalScrollBar().maximum() > 0  # it scrolls instead
    finally:
        apply_appearance(100)


def test_a_laptop_screen_gets_one_column_at_200_percent(qtbot: QtBot) -> None:
    """At 200 % two columns left the participant's name field too narrow on 1366 px."""
    from vknz_desktop.ui.library.details_form import fits_two_columns

    try:
        for scale, laptop, full_hd in ((100, True, True), (150, True, True), (200, False, True)):
            apply_appearance(scale)
            widget = QWidget()
            qtbot.addWidget(widget)
            assert fits_two_columns(widget, 1366) is laptop, scale
            assert fits_two_columns(widget, 1920) is full_hd, scale
    finally:
        apply_appearance(100)

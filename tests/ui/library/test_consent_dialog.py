"""The import details and consent dialogs: nothing is imported without a consent scope."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.data import TODAY, S, consent
from vknz_desktop.domain.models import (
    MediaInfo,
    Participant,
    Role,
)
from vknz_desktop.ui.library.consent_dialog import ConsentDialog, ImportDetailsDialog, to_qdate

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
    assert details.title_edit.text() == "intake_gesprek"
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
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 9, 1)))
    assert form.keep_until() >= form.given_on()

    editor.remove_buttons()[0].click()
    assert [p.display_name for p in editor.participants()] == ["Sanne"]


def test_import_details_tab_order_and_names(details: ImportDetailsDialog) -> None:
    details.participants_editor.add_participant("B", Role.KLANT)
    details._set_tab_order()
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
    assert position(details.title_edit) < position(details.conversation_date_edit)
    assert position(details.conversation_date_edit) < position(editor.name_edits()[0])
    assert position(editor.name_edits()[1]) < position(editor.add_button)
    assert position(editor.add_button) < position(details.consent_form.given_by_combo)
    assert position(details.consent_form.keep_until_edit) < position(details.ok_button)
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

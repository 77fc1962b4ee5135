"""Screens that already ask the consent and visibility policy: Samen kijken refuses a recording
the klant may not watch (and says why), and the consent form cannot save a contradiction."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.ui.consent_dialog import ConsentDialog
from vknz_desktop.ui.main_window import MainWindow
from vknz_desktop.ui.samen_kijken import MARKER_TEXT


def test_samen_kijken_refuses_a_recording_without_klant_consent(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    unlock(window)
    vault = window.vault
    assert vault is not None
    video = demo_vault["video"]
    vault.set_consent(
        video,
        make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        role=Role.KLANTMANAGER,
    )
    window.open_recording(video)
    window.samen_kijken.action.trigger()
    print(f"refusal shown: {shown}")
    assert window.stack.currentWidget() is window.workspace
    assert len(shown) == 1 and "alleen zelf terugkijken" in shown[0]
    assert "Testgesprek" not in shown[0]  # the reason never names the title
    # Even when asked directly, no klant item is stored on it.
    window.samen_kijken.store_marker(1000)
    assert len(shown) == 2 and "klant kijkt mee" in shown[1]
    assert [o for o in vault.observations(video) if o.text == MARKER_TEXT] == []


def test_consent_form_refuses_alleen_zelf_with_colleagues(qtbot: QtBot) -> None:
    dialog = ConsentDialog(
        make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        recording_title="Proef",
    )
    qtbot.addWidget(dialog)
    boxes = dialog.consent_form.scope_checkboxes
    assert dialog.ok_button.isEnabled()
    boxes[ConsentScope.COLLEAGUES].setChecked(True)
    assert not dialog.ok_button.isEnabled()
    reason = dialog.problem_label.text()
    print(f"shown under the form: {reason}")
    assert "alleen zelf terugkijken" in reason and "collega" in reason
    assert dialog.ok_button.toolTip() == reason  # the disabled button says why
    dialog.accept()
    assert dialog.result() != ConsentDialog.DialogCode.Accepted.value
    boxes[ConsentScope.SELF].setChecked(False)
    assert dialog.ok_button.isEnabled()
    assert dialog.consent().scopes == {ConsentScope.COLLEAGUES}

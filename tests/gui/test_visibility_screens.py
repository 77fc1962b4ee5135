"""Screens that already ask the consent and visibility policy: Samen kijken refuses a recording
the klant may not watch (and says why), the consent form cannot save a contradiction, and the
session screen shows only what the service hands it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import unlock
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.visibility import DEFAULT_PROMPT, neutral_labels
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
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


def test_session_screen_with_a_klant_shows_nothing_private(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    """The session screen as it is today, fed by the service: no title, no private note, no
    fragment title, no observations of an earlier session."""
    unlock(window)
    vault = window.vault
    assert vault is not None
    video = demo_vault["video"]
    vault.set_consent(
        video,
        make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        ),
        role=Role.KLANTMANAGER,
    )
    repository = FragmentsRepository(vault)  # type: ignore[arg-type]
    clip = ClipService(repository).create(
        video, 1000, 4000, title="Bij mevrouw J.", note="Woont op de Dorpsstraat 12"
    )
    sessions = ReviewSessionService(repository, vault, vault)  # type: ignore[arg-type]
    earlier = sessions.create("Eerder", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
    sessions.add_clip(earlier.id, clip.id)
    sessions.add_observation(
        earlier, sessions.playlist(earlier.id)[0], Role.ONDERZOEKER, "Kijkt weg", 2000
    )
    with_klant = sessions.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
    sessions.add_clip(with_klant.id, clip.id)  # no prompt
    window.review.start_session(with_klant.id)
    view = window.review.session_view
    assert window.stack.currentWidget() is view
    texts = [label.text() for label in view.findChildren(QLabel)]
    print(f"on screen: {[t for t in texts if t][:12]}")
    for secret in ("Dorpsstraat", "Testgesprek", "mevrouw J.", "Kijkt weg", "Klant Fictief"):
        assert not any(secret in text for text in texts), secret
    assert view.prompt_label.text() == DEFAULT_PROMPT
    label = neutral_labels(vault.recordings())[video]  # "Opname 1, 7 dec." or "Opname 2, …"
    assert view.source_label.text().startswith(label + "  ·  ")
    assert view.fragment_label.text() == "Fragment 1 van 1"
    assert view.left_column.list.count() == 0 and view.right_column.list.count() == 0

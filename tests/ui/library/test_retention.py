"""At unlock, recordings past their keep-until date are listed and removed after confirming."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.library.retention_dialog import RetentionDialog
from vknz_desktop.ui.shell.main_window import MainWindow


def _expire(window: MainWindow, recording_id: str) -> None:
    directory = window.context.gateway.directory  # type: ignore[attr-defined]
    with Vault.open(directory, PASSPHRASE) as vault:
        vault.set_consent(
            recording_id,
            make_consent(
                [ConsentScope.SELF],
                given_by=Role.KLANT,
                given_on=dt.date(2025, 1, 1),
                keep_until=dt.date(2025, 12, 31),
            ),
            role=Role.KLANTMANAGER,
        )


def test_expired_recording_is_removed_after_confirmation(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _expire(window, demo_vault["audio"])
    shown: list[RetentionDialog] = []

    def accept_at_once(dialog: RetentionDialog) -> None:
        shown.append(dialog)
        assert dialog.list.count() == 1
        assert "Testgesprek geluid" in dialog.list.item(0).text()
        dialog.done(RetentionDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RetentionDialog, "open", accept_at_once)
    unlock(window)
    assert len(shown) == 1
    assert window.vault is not None
    assert window.vault.recording(demo_vault["audio"]).media_available is False
    assert window.vault.recording(demo_vault["video"]).media_available is True


def test_later_keeps_it_and_auto_setting_removes_without_asking(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _expire(window, demo_vault["audio"])
    monkeypatch.setattr(
        RetentionDialog,
        "open",
        lambda dialog: dialog.done(RetentionDialog.DialogCode.Rejected.value),
    )
    unlock(window)
    assert window.vault is not None
    assert window.vault.recording(demo_vault["audio"]).media_available is True
    window.vault.set_setting("retention.auto_remove", "1")
    window.lock()
    monkeypatch.setattr(RetentionDialog, "open", lambda _dialog: pytest.fail("asked anyway"))
    unlock(window)
    assert window.vault.recording(demo_vault["audio"]).media_available is False

"""Settings are kept in the vault and change how typing, offsets and the lock behave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.settings_dialog import AppSettings, SettingsDialog


def test_settings_round_trip_through_the_vault(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(window)

    def fake_exec(dialog: SettingsDialog) -> int:
        dialog.pause.setChecked(False)
        dialog.offset.setValue(-1.5)
        dialog.lock.setValue(12)
        return SettingsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.show_settings()
    assert window.workspace.settings.pause_while_typing is False
    assert window.workspace.settings.reaction_offset_ms == -1500
    assert window.inactivity._timer.interval() == 12 * 60_000
    assert window.vault is not None
    stored = AppSettings.load(window.vault)
    assert (stored.workspace.reaction_offset_ms, stored.lock_minutes) == (-1500, 12)

    # Without pausing while typing, playback goes on while the observation is typed.
    window.open_recording(demo_vault["video"])
    controller = window.context.controller
    controller.play()
    window.workspace.new_observation()
    assert controller.playing
    window.workspace.editor.cancel()
    controller.pause()


def test_bad_stored_values_fall_back_to_defaults(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock(window)
    assert window.vault is not None
    window.vault.set_setting("lock.minutes", "veel")
    window.vault.set_setting("workspace.reaction_offset_ms", "-999999")
    settings = AppSettings.load(window.vault)
    assert settings.lock_minutes == 5
    assert settings.workspace.reaction_offset_ms == -10_000


def test_import_makes_library_thumbnails_in_the_background(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fixtures import media_facts as facts
    from vknz_desktop.domain.models import ConsentScope, Role
    from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
    from vknz_desktop.storage.keyfile import TEST_PROFILE
    from vknz_desktop.storage.vault import Vault

    Vault.create(
        window.context.gateway.directory,
        "paard batterij nietje",  # type: ignore[attr-defined]
        kdf_profile=TEST_PROFILE,
    ).close()
    unlock(window)
    assert window.vault is not None
    import datetime as dt

    recording = RecordingService(window.vault, window.context.prober).import_recording(
        ImportRequest(
            source=facts.VIDEO_MP4,
            consent=make_consent(
                [ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)
            ),
        )
    )
    window.recordings_added([recording])
    qtbot.waitUntil(
        lambda: (
            window.vault is not None
            and window.vault.derived_media(recording.id, "thumbnails-v1") is not None
        ),
        timeout=8000,
    )
    qtbot.waitUntil(lambda: not window.library_controller.analysing(), timeout=5000)
    model = window.library._model
    row = model.row_of(recording.id)
    assert row is not None


def test_language_choice_is_kept_outside_the_vault_for_the_next_start(
    window: MainWindow,
    demo_vault: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from vknz_desktop.ui.common.language import chosen_language, ui_language

    window.context = dataclasses.replace(window.context, config_dir=tmp_path / "config")
    unlock(window)

    def choose(code: str | None) -> None:
        def fake_exec(dialog: SettingsDialog) -> int:
            assert dialog.language_combo.isVisibleTo(dialog)
            dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(code))
            return SettingsDialog.DialogCode.Accepted.value

        monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
        window.show_settings()

    choose("en")
    assert chosen_language(window.context.config_dir) == "en"
    assert "volgende keer" in window.statusBar().currentMessage()
    # The next start: the stored choice wins over the system, the environment over both.
    assert ui_language(window.context.config_dir, "nl_NL", environ={}) == "en"
    assert ui_language(window.context.config_dir, "nl_NL", {"VKNZ_LANGUAGE": "nl"}) == "nl"
    choose(None)  # follow the system again
    assert chosen_language(window.context.config_dir) is None
    assert ui_language(window.context.config_dir, "en_GB", environ={}) == "en"
    assert ui_language(window.context.config_dir, "de_DE", environ={}) == "nl"  # not offered
    (tmp_path / "config" / "language").write_text("klingon")  # a broken file is ignored
    assert ui_language(window.context.config_dir, "nl_NL", environ={}) == "nl"

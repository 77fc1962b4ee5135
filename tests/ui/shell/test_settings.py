"""Settings are kept in the vault and change how typing, offsets and the lock behave."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

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
    assert window.inactivity.minutes == 12
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

"""The library's forms: the import form (details, the role first, consent, the offer to remove
the source from a phone or card) and the consent dialog of a recording in the vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.models import MediaInfo, Role
from vknz_desktop.ui.library.consent_dialog import ConsentDialog, ImportDetailsDialog

MEDIA = MediaInfo(
    container="mp4",
    duration_ms=47 * 60_000,
    has_video=True,
    has_audio=True,
    width=1920,
    height=1080,
)


def import_form(stage: Stage) -> QWidget | None:
    """As it shows for a video on a phone's card: filled in half-way."""
    dialog = ImportDetailsDialog(
        Path("/media/telefoon/DCIM/Camera/VID_20261103_140512.mp4"),
        MEDIA,
        stage.window,
        role=Role.KLANTMANAGER,
        source_check=lambda _path: True,
    )
    editor = dialog.participants_editor
    editor.name_edits()[0].setText("Klant Voorbeeld")
    editor.add_participant("Collega Voorbeeld", Role.COLLEGA)
    next(iter(dialog.scope_checkboxes.values())).setChecked(True)
    return stage.show_dialog(dialog)


def consent_dialog(stage: Stage) -> QWidget | None:
    """The consent of a recording already in the vault (Bibliotheek → Toestemming…)."""
    vault = stage.window.vault
    assert vault is not None
    recording = vault.recording(stage.demo["video"])
    return stage.show_dialog(
        ConsentDialog(recording.consent, stage.window, recording_title=recording.title)
    )


SCENES = [
    Scene("import-form", import_form),
    Scene("consent-dialog", consent_dialog),
]

"""The library page's behaviour: what it shows of the vault, importing, deleting, consent,
pictures made in the background, and the keep-until check at unlock.

``LibraryController`` owns the ``LibraryView`` (the page) and gets the open vault's services
when the shell opens a vault (``open_vault``); it never builds a service itself. Opening a
recording is the shell's business: ``openRequested`` asks for it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from vknz_desktop.domain.derived import THUMBNAILS_KIND, decode_thumbnails
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.ports import MediaAnalyzer, MediaProber, OpenVault
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.library.library_view import LibraryView
from vknz_desktop.ui.playback.analysis_worker import AnalysisWorker

if TYPE_CHECKING:
    from vknz_desktop.services.recordings import RecordingService
    from vknz_desktop.services.retention import RetentionService
    from vknz_desktop.ui.library.import_flow import ImportFlow

log = logging.getLogger(__name__)

MEDIA_FILTER = (
    "Opnames (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.wmv *.3gp *.m4a *.mp3 *.wav *.ogg *.opus "
    "*.oga *.flac *.aac *.wma);;Alle bestanden (*)"
)
#: How long the keep-until messages stay in the status bar (ms).
RETENTION_STATUS_MS = 15_000


class LibraryController(QObject):
    """Everything the library page does with the open vault."""

    #: A recording to open in the workspace (its id).
    openRequested = Signal(str)

    def __init__(self, prober: MediaProber, analyzer: MediaAnalyzer, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._prober = prober
        self._analyzer = analyzer
        self._vault: OpenVault | None = None
        self._recordings: RecordingService | None = None
        self._role = Role.KLANTMANAGER
        self._import_flow: ImportFlow | None = None
        self._background: list[AnalysisWorker] = []
        self.view = LibraryView(parent)
        self.view.openRequested.connect(self.openRequested)
        self.view.importRequested.connect(self.choose_files_to_import)
        self.view.filesDropped.connect(self.import_files)
        self.view.deleteRequested.connect(self.delete_recording)
        self.view.consentEditRequested.connect(self.edit_consent)

    # -- the vault ----------------------------------------------------------------------------
    def open_vault(self, vault: OpenVault, recordings: RecordingService, role: Role) -> None:
        """Show ``vault``'s recordings; ``recordings`` imports and deletes for ``role``."""
        self._vault = vault
        self._recordings = recordings
        self._role = role
        self.refresh()

    def close_vault(self) -> None:
        """Stop importing and analysing, and forget every recording shown (lock, quit)."""
        self.shutdown_work()
        self.view.clear()
        self._vault = None
        self._recordings = None

    def shutdown_work(self) -> None:
        """Stop a running import and analysis before the vault closes."""
        if self._import_flow is not None:
            self._import_flow.shutdown()
            self._import_flow = None
        self.stop_analysis(wait=False)

    def refresh(self) -> None:
        """Reload recordings (and their cached thumbnails) from the vault."""
        vault = self._vault
        if vault is None:
            return
        recordings = vault.recordings()
        thumbnails: dict[str, bytes] = {}
        for recording in recordings:
            data = vault.derived_media(recording.id, THUMBNAILS_KIND)
            if data:
                thumbs = decode_thumbnails(data)
                if thumbs:
                    thumbnails[recording.id] = thumbs[len(thumbs) // 3].jpeg
        self.view.set_recordings(recordings, thumbnails)

    # -- importing ----------------------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        """File dialog, then the import flow."""
        if self._vault is None:
            return
        files = file_dialogs.choose_files(
            self._parent, self.tr("Opname importeren"), self.tr(MEDIA_FILTER), kind="import"
        )
        if files:
            self.import_files(files)

    def import_files(self, paths: Sequence[Path]) -> None:
        """Probe, ask for consent, import with progress (see ImportFlow)."""
        if self._vault is None or self._recordings is None:
            return
        from vknz_desktop.ui.library.import_flow import ImportFlow

        flow = ImportFlow(self._parent, self._recordings, self._prober, self._role)
        flow.imported.connect(lambda recording: self.recordings_added([recording]))
        flow.finished.connect(lambda: self._on_import_finished(flow))
        self._import_flow = flow
        flow.start(list(paths))

    def import_flow(self) -> ImportFlow | None:
        """The import that is running, if any."""
        return self._import_flow

    def _on_import_finished(self, flow: ImportFlow) -> None:
        if self._import_flow is flow:
            self._import_flow = None
        flow.deleteLater()

    def recordings_added(self, recordings: Sequence[Recording]) -> None:
        """Refresh, and make the new recordings' thumbnails in the background (cached in the
        vault)."""
        self.refresh()
        vault = self._vault
        if vault is None:
            return
        for recording in recordings:
            worker = AnalysisWorker(vault, self._analyzer, vault.open_media, self)
            worker.thumbnailsReady.connect(lambda _id, _images: self.refresh())
            self._background = [w for w in self._background if w.busy]
            self._background.append(worker)
            worker.start(recording)

    def analysing(self) -> bool:
        """Whether pictures are being made in the background."""
        return any(worker.busy for worker in self._background)

    def stop_analysis(self, *, wait: bool = True) -> None:
        """Stop making pictures in the background (``wait``: until the threads ended)."""
        for worker in self._background:
            worker.cancel(wait=wait)
        self._background.clear()

    # -- deleting and consent -----------------------------------------------------------------
    def delete_recording(self, recording_id: str) -> None:
        """Ask, then crypto-shred a recording."""
        if self._vault is None or self._recordings is None:
            return
        recording = self._vault.recording(recording_id)
        if not messages.ask(
            self._parent,
            self.tr("Opname verwijderen"),
            self.tr(
                "'{0}' definitief verwijderen? De sleutel wordt vernietigd; de opname is "
                "daarna door niemand meer te openen."
            ).format(recording.title),
        ):
            return
        try:
            self._recordings.delete(recording_id, role=self._role)
        except KnownError as error:
            messages.show_known_error(self._parent, error)
        self.refresh()

    def edit_consent(self, recording_id: str) -> None:
        """Change the consent of a recording (audited)."""
        if self._vault is None or self._recordings is None:
            return
        from vknz_desktop.ui.library.consent_dialog import ConsentDialog

        recording = self._vault.recording(recording_id)
        dialog = ConsentDialog(recording.consent, self._parent)
        accepted = messages.run(dialog) == ConsentDialog.DialogCode.Accepted.value
        if not accepted or self._recordings is None:  # cancelled, or closed by a lock
            return
        self._recordings.change_consent(recording_id, dialog.consent(), role=self._role)
        self.refresh()

    # -- keep-until dates ---------------------------------------------------------------------
    def check_retention(self, service: RetentionService, *, auto_remove: bool) -> None:
        """At unlock: remove recordings past their keep-until date (after one confirmation,
        or at once when ``auto_remove``) and remind of those due within 14 days."""
        status = service.status()
        if status.soon:
            messages.status(
                self.tr(
                    "{0} opname(s) bereiken binnen 14 dagen het einde van de bewaartermijn."
                ).format(len(status.soon)),
                RETENTION_STATUS_MS,
            )
        if not status.due:
            return
        if auto_remove:
            service.remove(status.due, role=self._role)
            messages.status(
                self.tr("{0} opname(s) voorbij de bewaartermijn zijn verwijderd.").format(
                    len(status.due)
                ),
                RETENTION_STATUS_MS,
            )
            self.refresh()
            return
        self._ask_to_remove(service, status.due)

    def _ask_to_remove(self, service: RetentionService, due: Sequence[Recording]) -> None:
        from vknz_desktop.ui.library.retention_dialog import RetentionDialog

        dialog = messages.track(RetentionDialog(due, self._parent))

        def finished(result: int) -> None:
            if result == RetentionDialog.DialogCode.Accepted.value and self._vault is not None:
                service.remove(
                    due, role=self._role, remove_observations=dialog.remove_notes.isChecked()
                )
                self.refresh()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()


__all__ = ["MEDIA_FILTER", "LibraryController"]

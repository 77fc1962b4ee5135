"""The library page's behaviour: what it shows of the vault, importing, deleting, consent,
pictures made in the background, and the keep-until check at unlock.

``LibraryController`` owns the ``LibraryView`` (the page) and gets the open vault's services
when the shell opens a vault (``open_session``, or ``open_vault`` with the parts); it never
builds a service itself. Opening a recording is the shell's business: ``openRequested`` asks
for it. A recording whose media is gone (fragments kept, keep-until passed) opens as its notes
(``NotesDialog``) instead.

Per row the view gets one cover picture (``COVER_KIND``, ~4 KB, not the 60 thumbnails), the
counts of fragments and observations the person working may see, the reminder to remove a
source on a phone or card too, and for a fragment the recording it was cut from.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from vknz_desktop.domain.derived import COVER_KIND
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.ports import MediaAnalyzer, MediaProber, OpenVault
from vknz_desktop.domain.recording_ports import SourceFiles
from vknz_desktop.domain.review_ports import FragmentStore
from vknz_desktop.domain.visibility import Audience, visible_on_screen
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.library.library_view import LibraryView, RowFacts
from vknz_desktop.ui.playback.analysis_worker import AnalysisWorker

if TYPE_CHECKING:
    from vknz_desktop.services.keep_fragments import KeepFragmentsService
    from vknz_desktop.services.recordings import RecordingService
    from vknz_desktop.services.retention import RetentionService
    from vknz_desktop.ui.library.import_flow import ImportFlow


class _ReviewParts(Protocol):
    @property
    def repository(self) -> FragmentStore: ...

    @property
    def keep_fragments(self) -> KeepFragmentsService: ...


class LibrarySession(Protocol):
    """What the library takes of an unlocked vault's session (the shell's ``VaultSession``)."""

    @property
    def vault(self) -> OpenVault: ...

    @property
    def recordings(self) -> RecordingService: ...

    @property
    def review(self) -> _ReviewParts | None: ...

    @property
    def source_files(self) -> SourceFiles | None: ...


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
        self._source_files: SourceFiles | None = None
        self._review: _ReviewParts | None = None
        self._role = Role.KLANTMANAGER
        self._import_flow: ImportFlow | None = None
        self._background: list[AnalysisWorker] = []
        self.view = LibraryView(parent)
        self.view.openRequested.connect(self.open_recording)
        self.view.notesRequested.connect(self.show_notes)
        self.view.reminderDismissed.connect(self.dismiss_reminder)
        self.view.importRequested.connect(self.choose_files_to_import)
        self.view.filesDropped.connect(self.import_files)
        self.view.deleteRequested.connect(self.delete_recording)
        self.view.consentEditRequested.connect(self.edit_consent)

    # -- the vault ----------------------------------------------------------------------------
    def open_session(self, session: LibrarySession, role: Role) -> None:
        """Show the recordings of an unlocked vault's session, for ``role``."""
        self.open_vault(
            session.vault,
            session.recordings,
            role,
            source_files=session.source_files,
            review=session.review,
        )

    def open_vault(
        self,
        vault: OpenVault,
        recordings: RecordingService,
        role: Role,
        *,
        source_files: SourceFiles | None = None,
        review: _ReviewParts | None = None,
    ) -> None:
        """Show ``vault``'s recordings; ``recordings`` imports and deletes for ``role``;
        ``source_files`` removes sources and keeps their reminders; ``review`` knows which
        recordings were replaced by their fragments."""
        self._vault = vault
        self._recordings = recordings
        self._source_files = source_files
        self._review = review
        self._role = role
        self.refresh()

    def close_vault(self) -> None:
        """Stop importing and analysing, and forget every recording shown (lock, quit)."""
        self.shutdown_work()
        self.view.clear()
        self._vault = None
        self._recordings = None
        self._source_files = None
        self._review = None

    def shutdown_work(self) -> None:
        """Stop a running import and analysis before the vault closes."""
        if self._import_flow is not None:
            self._import_flow.shutdown()
            self._import_flow = None
        self.stop_analysis(wait=False)

    def refresh(self) -> None:
        """Reload recordings, their cover pictures, counts and reminders from the vault."""
        vault = self._vault
        if vault is None:
            return
        recordings = vault.recordings()
        covers: dict[str, bytes] = {}
        for recording in recordings:
            if recording.media.has_video and recording.media_available:
                cover = vault.derived_media(recording.id, COVER_KIND)
                if cover:
                    covers[recording.id] = cover
        self.view.set_recordings(recordings, covers, self._facts())

    def _facts(self) -> dict[str, RowFacts]:
        counts = self._recordings.counts(self._role) if self._recordings is not None else {}
        reminders = self._source_files.reminders() if self._source_files is not None else {}
        origins: dict[str, str] = {}
        if self._review is not None:
            for original, fragments in self._review.repository.replaced_recordings().items():
                origins.update(dict.fromkeys(fragments, original))
        facts: dict[str, RowFacts] = {}
        for rid in set(counts) | set(reminders) | set(origins):
            count = counts.get(rid)
            facts[rid] = RowFacts(
                fragments=count.fragments if count is not None else 0,
                observations=count.observations if count is not None else 0,
                reminder=reminders.get(rid),
                original_id=origins.get(rid),
            )
        return facts

    # -- opening ------------------------------------------------------------------------------
    def open_recording(self, recording_id: str) -> None:
        """Open in the workspace (``openRequested``); a recording whose media is gone shows
        its notes instead."""
        if self._vault is None:
            return
        try:
            recording = self._vault.recording(recording_id)
        except KnownError as error:
            messages.show_known_error(self._parent, error)
            return
        if recording.media_available:
            self.openRequested.emit(recording_id)
        else:
            self.show_notes(recording_id)

    def show_notes(self, recording_id: str) -> None:
        """The notes kept of a recording whose media is gone, and the fragments it became."""
        vault = self._vault
        if vault is None:
            return
        from vknz_desktop.ui.library.notes_dialog import NotesDialog

        replaced = None
        if self._review is not None:
            replaced = self._review.keep_fragments.notes_of_original(recording_id, self._role)
        if replaced is not None:
            recording, notes, fragments = replaced.original, replaced.notes, replaced.fragments
        else:
            recording = vault.recording(recording_id)
            audience = Audience.alone(self._role)
            notes = tuple(
                o for o in vault.observations(recording_id) if visible_on_screen(o, audience)
            )
            fragments = ()
        dialog = messages.track(NotesDialog(recording, notes, fragments, self._parent))
        dialog.openRequested.connect(self.openRequested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.notes_dialog = dialog  # for tests

    def dismiss_reminder(self, recording_id: str) -> None:
        """The source was removed on the phone or card too: no more reminder."""
        if self._source_files is None:
            return
        try:
            self._source_files.dismiss(recording_id)
        except KnownError as error:
            messages.show_known_error(self._parent, error)
        self.refresh()

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

        flow = ImportFlow(
            self._parent, self._recordings, self._prober, self._role, remover=self._source_files
        )
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

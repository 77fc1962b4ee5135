"""The main window: library and workspace, menus with shortcuts, search, lock and unlock."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop import __version__
from vknz_desktop.domain.derived import THUMBNAILS_KIND, decode_thumbnails
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import visible_to
from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.ports import MediaAnalyzer, MediaProber, OpenVault, VaultGateway
from vknz_desktop.services.recordings import RecordingService
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.appearance import apply_appearance
from vknz_desktop.ui.common.clipboard import SensitiveClipboard
from vknz_desktop.ui.common.identity import Identity, WorkspaceSettings
from vknz_desktop.ui.common.language import chosen_language, store_language
from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog
from vknz_desktop.ui.features.privacy.gdpr_dialog import GdprDialog, GdprRequests
from vknz_desktop.ui.features.privacy.privacy_help import PrivacyHelpDialog
from vknz_desktop.ui.library.retention_dialog import RetentionDialog
from vknz_desktop.ui.playback.analysis_worker import AnalysisWorker
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.shell.help_overlay import HelpOverlay
from vknz_desktop.ui.shell.inactivity import InactivityLock
from vknz_desktop.ui.shell.search_dialog import SearchDialog
from vknz_desktop.ui.shell.session_lock_watcher import SessionLockWatcher
from vknz_desktop.ui.shell.settings_dialog import AppSettings, SettingsDialog
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog

if TYPE_CHECKING:  # loaded when needed: the unlock dialog shows before any of them
    from vknz_desktop.domain.profiles import Profile, ProfileError
    from vknz_desktop.services.retention import RetentionService
    from vknz_desktop.ui.features.learning.feature import LearningBackend
    from vknz_desktop.ui.features.review.feature import ReviewBackend
    from vknz_desktop.ui.library.import_flow import ImportFlow

log = logging.getLogger(__name__)

MEDIA_FILTER = (
    "Opnames (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.wmv *.3gp *.m4a *.mp3 *.wav *.ogg *.opus "
    "*.oga *.flac *.aac *.wma);;Alle bestanden (*)"
)


@dataclass
class AppContext:
    """Everything the GUI is wired with (adapters are injected by app.py)."""

    gateway: VaultGateway
    prober: MediaProber
    analyzer: MediaAnalyzer
    controller: PlayerController
    profiles: Sequence[Profile]
    profile_problems: Sequence[ProfileError] = field(default_factory=list)
    settings: WorkspaceSettings = field(default_factory=WorkspaceSettings)
    lock_minutes: int = 5
    retention_factory: Callable[[OpenVault], RetentionService] | None = None
    review: ReviewBackend | None = None  # clips, sessions, compare, keep fragments only
    learning: LearningBackend | None = None  # leerdoelen, summary export, team agenda
    #: Fills in what only the built window needs (profiles, review and learning backends);
    #: ``finish_building`` calls it once, so the unlock dialog can show before it runs.
    complete: Callable[[AppContext], None] | None = None
    gdpr_factory: Callable[[OpenVault], GdprRequests] | None = None  # Help → AVG-verzoek
    #: Where the language choice is kept (outside the vault: needed before unlocking).
    config_dir: Path | None = None


class CurrentPageStack(QStackedWidget):
    """The window's pages; only the page shown decides how small the window may be. (A plain
    QStackedWidget takes the largest minimum of all pages, and a hidden page can keep a stale
    one, e.g. from before the text size went back from 200 to 100 %.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._size_follows_current)

    def _size_follows_current(self, _index: int) -> None:
        for index in range(self.count()):
            page = self.widget(index)
            if page is None:
                continue
            shown = page is self.currentWidget()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


class LockedPage(QWidget):
    """What the window shows while the vault is locked: nothing of the user's data."""

    def __init__(self, on_unlock: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        label = QLabel(self.tr("De kluis is vergrendeld."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        label.setFont(font)
        layout.addWidget(label)
        self.button = QPushButton(self.tr("Ontgrendelen…"), self)
        self.button.setAccessibleName(self.tr("Ontgrendelen"))
        self.button.clicked.connect(on_unlock)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Library ↔ workspace; locks itself on Ctrl+L and after inactivity."""

    def __init__(self, context: AppContext, *, build: bool = True) -> None:
        """``build=False`` makes only the locked page (what the unlock dialog needs);
        ``finish_building`` then adds the rest. The app does that to start fast."""
        super().__init__()
        self.context = context
        self.vault: OpenVault | None = None
        self.identity = Identity()
        self._resume: tuple[str, int] | None = None
        self._import_flow: ImportFlow | None = None
        self._background: list[AnalysisWorker] = []
        self._unlock_dialog: UnlockDialog | None = None
        self.gdpr_dialog: GdprDialog | None = None
        self.setWindowTitle(self.tr("VKNZ — Van Kijken Naar Zien"))
        self.stack = CurrentPageStack(self)
        self.locked_page = LockedPage(self.show_unlock, self)
        self.stack.addWidget(self.locked_page)
        self.setCentralWidget(self.stack)
        self.read_only_label = QLabel(
            self.tr("Alleen-lezen: de kluis is beschadigd; er kan niets worden gewijzigd."), self
        )
        self.read_only_label.setObjectName("readOnlyBanner")
        self.read_only_label.setAccessibleName(self.tr("Kluis alleen-lezen"))
        self.read_only_label.setStyleSheet("font-weight: bold; padding: 2px 8px;")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.help_overlay = HelpOverlay(self)
        self.inactivity = InactivityLock(context.lock_minutes, self)
        self.inactivity.timedOut.connect(self.lock)
        self.clipboard = SensitiveClipboard(self)
        self.session_watcher = SessionLockWatcher(self)
        self.session_watcher.lockRequested.connect(self._on_os_lock)
        self.failed_unlocks = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.inactivity)
        self._built = False
        if build:
            self.finish_building()

    def finish_building(self) -> None:
        """Library, workspace, menus and the review, leerdoelen and Samen kijken features
        (once; unlocking does it too, if the app has not yet)."""
        if self._built:
            return
        if self.context.complete is not None:
            complete, self.context.complete = self.context.complete, None
            complete(self.context)
        self._built = True
        from vknz_desktop.ui.features.learning.feature import LearningFeature
        from vknz_desktop.ui.features.review.feature import ReviewFeature
        from vknz_desktop.ui.features.watch_together.view import SamenKijkenFeature
        from vknz_desktop.ui.library.library_view import LibraryView
        from vknz_desktop.ui.workspace.workspace import Workspace

        context = self.context
        self.library = LibraryView(self)
        self.workspace = Workspace(
            context.controller,
            context.analyzer,
            context.profiles,
            context.settings,
            self.identity,
            self,
        )
        for page in (self.library, self.workspace):
            self.stack.addWidget(page)
        self._build_actions()
        self.review = ReviewFeature(self, context.review)
        self.learning = LearningFeature(self, context.learning)
        self.samen_kijken = SamenKijkenFeature(self)
        self.library.openRequested.connect(self.open_recording)
        self.library.importRequested.connect(self.choose_files_to_import)
        self.library.filesDropped.connect(self.import_files)
        self.library.deleteRequested.connect(self.delete_recording)
        self.library.consentEditRequested.connect(self.edit_consent)
        self.workspace.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.workspace.undo_stack.cleanChanged.connect(lambda _clean: self._update_actions())
        self.workspace.undo_stack.canUndoChanged.connect(lambda _can: self._update_actions())
        self.workspace.undo_stack.canRedoChanged.connect(lambda _can: self._update_actions())
        self.stack.currentChanged.connect(lambda _index: self._update_actions())
        self.stack.setCurrentWidget(self.locked_page)
        self._update_actions()

    # -- actions and menus --------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
        menu: object | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        w = self.workspace
        c = self.context.controller
        self.file_menu = file_menu = bar.addMenu(self.tr("&Bestand"))
        self.import_action = self._action(
            self.tr("Opname &importeren…"), "Ctrl+I", self.choose_files_to_import, file_menu
        )
        self.library_action = self._action(
            self.tr("Naar de &bibliotheek"), "Ctrl+B", self.show_library, file_menu
        )
        file_menu.addSeparator()
        self.lock_action = self._action(self.tr("&Vergrendelen"), "Ctrl+L", self.lock, file_menu)
        self.quit_action = self._action(self.tr("&Afsluiten"), "Ctrl+Q", self.close, file_menu)

        self.edit_menu = edit_menu = bar.addMenu(self.tr("Be&werken"))
        self.undo_action = w.undo_stack.createUndoAction(self, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = w.undo_stack.createRedoAction(self, self.tr("&Opnieuw"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.settings_action = self._action(
            self.tr("&Instellingen…"), "Ctrl+,", self.show_settings, edit_menu
        )
        self.search_action = self._action(
            self.tr("&Zoeken in alle waarnemingen…"), "Ctrl+F", self.show_search, edit_menu
        )

        self.play_menu = play_menu = bar.addMenu(self.tr("&Afspelen"))
        self.play_actions = [
            self._action(self.tr("Afspelen / pauzeren"), "Space", c.toggle, play_menu),
            self._action(self.tr("Terug / langzamer"), "J", c.shuttle_back, play_menu),
            self._action(self.tr("Pauze"), "K", c.pause, play_menu),
            self._action(self.tr("Afspelen / sneller"), "L", c.shuttle_forward, play_menu),
            self._action(self.tr("5 seconden terug"), "Left", lambda: c.skip(-5_000), play_menu),
            self._action(self.tr("5 seconden verder"), "Right", lambda: c.skip(5_000), play_menu),
            self._action(
                self.tr("30 seconden terug"), "Shift+Left", lambda: c.skip(-30_000), play_menu
            ),
            self._action(
                self.tr("30 seconden verder"), "Shift+Right", lambda: c.skip(30_000), play_menu
            ),
            self._action(self.tr("Eén beeld terug"), ",", lambda: c.frame_step(-1), play_menu),
            self._action(self.tr("Eén beeld verder"), ".", lambda: c.frame_step(1), play_menu),
            self._action(self.tr("Naar het begin"), "Home", c.jump_to_start, play_menu),
            self._action(self.tr("Naar het einde"), "End", c.jump_to_end, play_menu),
        ]
        self.observations_menu = obs_menu = bar.addMenu(self.tr("&Waarnemingen"))
        self.copy_action = QAction(self.tr("Tekst kopiëren"), self.workspace.observation_list.table)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selected_observations)
        self.workspace.observation_list.table.addAction(self.copy_action)
        self.observe_action = self._action(
            self.tr("&Nieuwe waarneming op dit moment"), "M", w.new_observation, obs_menu
        )
        self.play_actions.append(self.observe_action)

        self.help_menu = help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Sneltoetsen"), "?", self.show_shortcuts, help_menu
        )
        # '?' arrives as Shift+? on most keyboard layouts; accept both.
        self.shortcuts_action.setShortcuts([QKeySequence("?"), QKeySequence("Shift+?")])
        self.privacy_action = self._action(
            self.tr("&Wat gebeurt er met de opnames?"), None, self.show_privacy_help, help_menu
        )
        self.audit_action = self._action(self.tr("&Logboek…"), None, self.show_audit_log, help_menu)
        self.gdpr_action = self._action(
            self.tr("A&VG-verzoek…"), None, self.show_gdpr_dialog, help_menu
        )
        self.gdpr_action.setVisible(self.context.gdpr_factory is not None)
        self.profiles_action = self._action(
            self.tr("&Problemen met Kijkwijzers…"), None, self.show_profile_problems, help_menu
        )
        self.profiles_action.setVisible(bool(self.context.profile_problems))
        self._action(self.tr("&Over VKNZ"), None, self.show_about, help_menu)

    def _update_actions(self) -> None:
        unlocked = self.vault is not None
        in_workspace = unlocked and self.stack.currentWidget() is self.workspace
        for action in (
            self.import_action,
            self.library_action,
            self.lock_action,
            self.search_action,
            self.settings_action,
            self.audit_action,
            self.gdpr_action,
        ):
            action.setEnabled(unlocked)
        self.import_action.setEnabled(self.vault is not None and not self.vault.read_only)
        for action in self.play_actions:
            action.setEnabled(in_workspace)
        self.undo_action.setEnabled(in_workspace and self.workspace.undo_stack.canUndo())
        self.redo_action.setEnabled(in_workspace and self.workspace.undo_stack.canRedo())

    def _key_names(self, keys: str) -> str:
        """Key names in the user's language (Qt ships no Dutch key names)."""
        names = {
            "Space": self.tr("Spatie"),
            "Left": self.tr("Pijl links"),
            "Right": self.tr("Pijl rechts"),
            "Up": self.tr("Pijl omhoog"),
            "Down": self.tr("Pijl omlaag"),
            "Home": self.tr("Home"),
            "End": self.tr("End"),
            "Esc": self.tr("Esc"),
            "Del": self.tr("Delete"),
        }
        return "+".join(names.get(part, part) for part in keys.split("+")) if keys != "+" else keys

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, meaning) for the help overlay, taken from the actions themselves."""
        actions = [
            *self.play_actions,
            self.undo_action,
            self.redo_action,
            self.search_action,
            *self.review.global_actions,
            *self.learning.global_actions,
            self.import_action,
            self.library_action,
            self.lock_action,
            self.shortcuts_action,
        ]
        rows = [
            (
                self._key_names(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)),
                a.text().replace("&", "").rstrip("…"),
            )
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        rows.insert(
            len(self.play_actions),
            (self.tr("Ctrl+Enter"), self.tr("Waarneming vastleggen (en verder afspelen)")),
        )
        rows.insert(len(self.play_actions) + 1, ("Esc", self.tr("Waarneming annuleren")))
        return rows

    # -- unlock and lock ----------------------------------------------------------------------
    def show_unlock(self) -> None:
        """Ask for the passphrase (or to create the vault)."""
        if self.vault is not None:
            return
        dialog = UnlockDialog(self.context.gateway, self, self._on_unlocked, self.identity)
        self._unlock_dialog = dialog
        dialog.failed.connect(self._count_failed_unlock)
        dialog.rejected.connect(self._on_unlock_rejected)
        dialog.open()

    def _count_failed_unlock(self) -> None:
        self.failed_unlocks += 1
        log.info("failed unlock attempt")

    def _on_unlock_rejected(self) -> None:
        if self.vault is None and self._unlock_dialog is not None:
            self._unlock_dialog = None
            self.close()

    def _on_unlocked(self, vault: OpenVault, identity: Identity) -> None:
        self.finish_building()
        self.vault = vault
        self.identity = identity
        self.workspace.identity = identity
        self._unlock_dialog = None
        vault.record_failed_unlocks(self.failed_unlocks, identity.role)
        vault.record_unlock(identity.role)
        self.failed_unlocks = 0
        self._show_vault_state(vault)
        self.apply_settings(AppSettings.load(vault))
        self.inactivity.start()
        self.refresh_library()
        log.info("vault unlocked")
        if self._resume is not None:
            recording_id, position = self._resume
            self._resume = None
            try:
                self.open_recording(recording_id, position)
            except KnownError:
                self.show_library()
        else:
            self.show_library()
        if not vault.read_only:
            self._warn_about_expired()
        self._update_actions()

    def _show_vault_state(self, vault: OpenVault) -> None:
        """Tell the user what the unlock found (a restored key file, a damaged vault opened
        read-only) and keep a visible read-only marker while that vault is open."""
        self.read_only_label.setVisible(vault.read_only)
        for notice in vault.notices:
            messages.notify(self, self.tr("Kluis gecontroleerd"), notice)

    def _on_os_lock(self, reason: str) -> None:
        log.info("operating system asked to lock (%s)", reason)
        self.lock()

    def lock(self) -> None:
        """Save what is typed, stop playback, close media and vault, clear every view."""
        if self.vault is None:
            return
        self._stop_background_work()
        self.clipboard.clear_if_ours()
        self.workspace.save_pending_observation()
        recording = self.workspace.recording
        if recording is not None:
            self._resume = (recording.id, self.context.controller.position_ms())
        self.workspace.close_recording()
        self.library.clear()
        self.help_overlay.hide()
        for dialog in self.findChildren(SearchDialog):
            dialog.reject()
            dialog.deleteLater()
        vault, self.vault = self.vault, None
        vault.close()
        self.read_only_label.hide()
        self.inactivity.stop()
        self.stack.setCurrentWidget(self.locked_page)
        self._update_actions()
        log.info("vault locked")
        QTimer.singleShot(0, self.show_unlock)

    # -- library ------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Reload recordings (and their cached thumbnails) from the vault."""
        if self.vault is None:
            return
        recordings = self.vault.recordings()
        thumbnails: dict[str, bytes] = {}
        for recording in recordings:
            data = self.vault.derived_media(recording.id, THUMBNAILS_KIND)
            if data:
                thumbs = decode_thumbnails(data)
                if thumbs:
                    thumbnails[recording.id] = thumbs[len(thumbs) // 3].jpeg
        self.library.set_recordings(recordings, thumbnails)

    def show_library(self) -> None:
        """Leave the workspace and show the library."""
        if self.vault is None:
            return
        if self.workspace.recording is not None:
            self.workspace.save_pending_observation()
            self.workspace.close_recording()
        self.refresh_library()
        self.stack.setCurrentWidget(self.library)
        self.library.setFocus()

    def open_recording(self, recording_id: str, position_ms: int = 0) -> None:
        """Open a recording in the workspace."""
        if self.vault is None:
            return
        try:
            recording = self.vault.recording(recording_id)
            if not recording.media_available:
                raise KnownError(
                    self.tr("De opname zelf is verwijderd; alleen de aantekeningen zijn er nog.")
                )
            self.workspace.open(recording, self.vault, position_ms)
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.video.setFocus()
        self.setWindowTitle(self.tr("{0} — VKNZ").format(recording.title))
        self._update_actions()

    def choose_files_to_import(self) -> None:
        """File dialog, then the import flow."""
        if self.vault is None:
            return
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Opname importeren"), str(Path.home()), self.tr(MEDIA_FILTER)
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: Sequence[Path]) -> None:
        """Probe, ask for consent, import with progress (see ImportFlow)."""
        if self.vault is None:
            return
        from vknz_desktop.ui.library.import_flow import ImportFlow

        flow = ImportFlow(
            self,
            RecordingService(self.vault, self.context.prober),
            self.context.prober,
            self.identity.role,
        )
        flow.imported.connect(self._on_imported)
        flow.finished.connect(lambda: self._on_import_finished(flow))
        self._import_flow = flow
        flow.start(list(paths))

    def _on_imported(self, recording: Recording) -> None:
        """Refresh the library and make the thumbnails in the background (cached in the vault)."""
        self.refresh_library()
        if self.vault is None:
            return
        vault = self.vault
        worker = AnalysisWorker(vault, self.context.analyzer, vault.open_media, self)
        worker.thumbnailsReady.connect(lambda _id, _images: self.refresh_library())
        self._background = [w for w in self._background if w.busy]
        self._background.append(worker)
        worker.start(recording)

    def _on_import_finished(self, flow: ImportFlow) -> None:
        if self._import_flow is flow:
            self._import_flow = None
        flow.deleteLater()

    def _stop_background_work(self) -> None:
        """Stop a running import and analysis before the vault closes."""
        if not self._built:
            return  # nothing can have started
        self.review.close_all()  # stores what is typed in a session, stops its players
        if self.gdpr_dialog is not None:
            self.gdpr_dialog.shutdown()  # stops an export (removing what it wrote) and closes
        self.learning.close_all()  # closes export dialogs, forgets the goals shown
        if self._import_flow is not None:
            self._import_flow.shutdown()
            self._import_flow = None
        for worker in self._background:
            worker.cancel(wait=False)
        self._background.clear()

    def delete_recording(self, recording_id: str) -> None:
        """Ask, then crypto-shred a recording."""
        if self.vault is None:
            return
        recording = self.vault.recording(recording_id)
        if not messages.ask(
            self,
            self.tr("Opname verwijderen"),
            self.tr(
                "'{0}' definitief verwijderen? De sleutel wordt vernietigd; de opname is "
                "daarna door niemand meer te openen."
            ).format(recording.title),
        ):
            return
        try:
            RecordingService(self.vault, self.context.prober).delete(
                recording_id, role=self.identity.role
            )
        except KnownError as error:
            messages.show_known_error(self, error)
        self.refresh_library()

    def edit_consent(self, recording_id: str) -> None:
        """Change the consent of a recording (audited)."""
        if self.vault is None:
            return
        from vknz_desktop.ui.library.consent_dialog import ConsentDialog

        recording = self.vault.recording(recording_id)
        dialog = ConsentDialog(recording.consent, self)
        if dialog.exec() != ConsentDialog.DialogCode.Accepted:
            return
        RecordingService(self.vault, self.context.prober).change_consent(
            recording_id, dialog.consent(), role=self.identity.role
        )
        self.refresh_library()

    def _warn_about_expired(self) -> None:
        """At unlock: remove recordings past their keep-until date (after one confirmation,
        or at once when the setting says so) and remind of those due within 14 days."""
        if self.vault is None or self.context.retention_factory is None:
            return
        service = self.context.retention_factory(self.vault)
        status = service.status()
        if status.soon:
            self.statusBar().showMessage(
                self.tr(
                    "{0} opname(s) bereiken binnen 14 dagen het einde van de bewaartermijn."
                ).format(len(status.soon)),
                15_000,
            )
        if not status.due:
            return
        settings = AppSettings.load(self.vault)
        if settings.auto_remove_expired:
            service.remove(status.due, role=self.identity.role)
            self.statusBar().showMessage(
                self.tr("{0} opname(s) voorbij de bewaartermijn zijn verwijderd.").format(
                    len(status.due)
                ),
                15_000,
            )
            self.refresh_library()
            return
        dialog = RetentionDialog(status.due, self)
        due = status.due

        def finished(result: int) -> None:
            if result == RetentionDialog.DialogCode.Accepted.value and self.vault is not None:
                service.remove(
                    due,
                    role=self.identity.role,
                    remove_observations=dialog.remove_notes.isChecked(),
                )
                self.refresh_library()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # -- settings -----------------------------------------------------------------------------
    def apply_settings(self, settings: AppSettings) -> None:
        """Use ``settings`` in the workspace and the inactivity lock."""
        self.context.settings = settings.workspace
        self.workspace.settings = settings.workspace
        self.inactivity.set_minutes(settings.lock_minutes)
        apply_appearance(settings.text_scale, settings.high_contrast)

    def show_settings(self) -> None:
        """Edit and store the settings."""
        if self.vault is None:
            return
        config_dir = self.context.config_dir
        before = chosen_language(config_dir)
        dialog = SettingsDialog(AppSettings.load(self.vault), self, language=before)
        dialog.language_combo.setVisible(config_dir is not None)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or self.vault is None:
            return
        settings = dialog.settings()
        settings.save(self.vault)
        self.apply_settings(settings)
        if config_dir is not None and dialog.language() != before:
            try:
                store_language(config_dir, dialog.language())
            except KnownError as error:
                messages.show_known_error(self, error)
            else:
                self.statusBar().showMessage(
                    self.tr("De nieuwe taal geldt vanaf de volgende keer dat VKNZ start."), 15_000
                )
        if self.inactivity.active:
            self.inactivity.start()

    # -- search, help -------------------------------------------------------------------------
    def show_search(self) -> None:
        """Ctrl+F: search all observations."""
        if self.vault is None:
            return
        vault = self.vault
        role = self.identity.role
        dialog = SearchDialog(
            lambda text: [
                hit for hit in vault.search_observations(text) if visible_to(hit.observation, role)
            ],
            self,
        )
        dialog.hitChosen.connect(self.open_recording)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_shortcuts(self) -> None:
        """'?': the shortcuts overlay."""
        self.help_overlay.set_rows(self.shortcut_rows())
        self.help_overlay.show_over_parent()

    def show_privacy_help(self) -> None:
        """The plain-Dutch page about what happens with recordings."""
        PrivacyHelpDialog(self).exec()

    def show_audit_log(self) -> None:
        """Help → Logboek."""
        if self.vault is None:
            return
        AuditLogDialog(self.vault.audit_entries(), self.vault.audit_problems(), self).exec()

    def show_gdpr_dialog(self) -> None:
        """Help → AVG-verzoek: access to or erasure of everything about one participant."""
        if self.vault is None or self.context.gdpr_factory is None:
            return
        if self.gdpr_dialog is not None:
            self.gdpr_dialog.raise_()
            self.gdpr_dialog.activateWindow()
            return
        try:
            dialog = GdprDialog(
                self.context.gdpr_factory(self.vault),
                self.identity.role,
                self,
                before_erase=self._before_gdpr_erase,
            )
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        dialog.erased.connect(lambda _ids: self.refresh_library())
        dialog.finished.connect(lambda _result: self._on_gdpr_dialog_finished(dialog))
        self.gdpr_dialog = dialog
        dialog.open()

    def _on_gdpr_dialog_finished(self, dialog: GdprDialog) -> None:
        if self.gdpr_dialog is dialog:
            self.gdpr_dialog = None
        dialog.deleteLater()

    def _before_gdpr_erase(self, recording_ids: list[str]) -> None:
        """Nothing may show or read a recording while an erasure removes it."""
        for worker in self._background:
            worker.cancel()
        self._background.clear()
        self.show_library()  # closes an open recording (and the review players)

    def copy_selected_observations(self) -> None:
        """Ctrl+C in the observation list: copy their text, cleared again after 30 s."""
        ids = set(self.workspace.observation_list.selected_ids())
        texts = [o.text or o.answer for o in self.workspace.observations if o.id in ids]
        if texts:
            self.clipboard.copy("\n\n".join(texts))
            self.statusBar().showMessage(
                self.tr("Gekopieerd; het klembord wordt over 30 seconden weer leeggemaakt."), 5000
            )

    def show_profile_problems(self) -> None:
        """List Kijkwijzer files that could not be loaded."""
        text = "\n\n".join(p.message for p in self.context.profile_problems)
        messages.inform(self, self.tr("Problemen met Kijkwijzers"), text)

    def show_about(self) -> None:
        """Version and the promise about data."""
        messages.about(
            self,
            self.tr("Over VKNZ"),
            self.tr(
                "VKNZ {0}\n\nVan Kijken Naar Zien: gesprekken terugkijken om ervan te leren. "
                "Opnames en aantekeningen blijven versleuteld op deze laptop."
            ).format(__version__),
        )

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_background_work()
        if self.vault is not None:
            self.workspace.save_pending_observation()
            self.workspace.close_recording()
            self.vault.close()
            self.vault = None
        self.inactivity.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.inactivity)
        event.accept()

"""The main window: pages, lock and unlock, the shell's own actions, and the Host for features.

The window shows one page at a time: the locked page, the library, the workspace, and the
pages features add through ``add_page``. It implements ``Host`` (``ui/shell/host.py``): features
install themselves through it and never import it. After an unlock the composition root's
session factory builds the ``VaultSession`` once; the library, the workspace and the features
take their services from it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop import __version__
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.passphrase import PassphraseEstimator
from vknz_desktop.domain.ports import MediaAnalyzer, MediaProber, OpenVault, VaultGateway
from vknz_desktop.domain.visibility import visible_to
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.appearance import apply_appearance
from vknz_desktop.ui.common.clipboard import SensitiveClipboard
from vknz_desktop.ui.common.file_dialogs import forget_folders
from vknz_desktop.ui.common.identity import Identity, WorkspaceSettings
from vknz_desktop.ui.common.language import chosen_language, store_language
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.shell.actions import ActionRegistry
from vknz_desktop.ui.shell.help_overlay import HelpOverlay
from vknz_desktop.ui.shell.host import Feature, FeatureInstaller, ShellEvents
from vknz_desktop.ui.shell.inactivity import InactivityLock
from vknz_desktop.ui.shell.manual_dialog import ManualDialog
from vknz_desktop.ui.shell.passphrase_change import change_passphrase
from vknz_desktop.ui.shell.remembered import (
    remember_window,
    remembered_identity,
    restore_window,
)
from vknz_desktop.ui.shell.search_dialog import SearchDialog
from vknz_desktop.ui.shell.session_lock_watcher import SessionLockWatcher
from vknz_desktop.ui.shell.settings_dialog import AppSettings, SettingsDialog
from vknz_desktop.ui.shell.shell_actions import ShellActions
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.shell.vault_health import AudioNotice, VaultHealthWatcher

if TYPE_CHECKING:  # loaded when needed: the unlock dialog shows before any of them
    from vknz_desktop.domain.models import Recording
    from vknz_desktop.domain.profiles import Profile, ProfileError
    from vknz_desktop.ui.library.controller import LibraryController
    from vknz_desktop.ui.library.library_view import LibraryView
    from vknz_desktop.ui.shell.session import SessionFactory, VaultSession
    from vknz_desktop.ui.workspace.workspace import Workspace

log = logging.getLogger(__name__)

FeatureT = TypeVar("FeatureT")


@dataclass(frozen=True)
class ShellParts:
    """What the composition root adds once the unlock dialog shows (``finish_building``)."""

    profiles: Sequence[Profile]
    open_session: SessionFactory
    install_features: FeatureInstaller
    profile_problems: Sequence[ProfileError] = ()


@dataclass(frozen=True)
class AppContext:
    """The adapters the GUI is wired with (made by app.py), and how to make the rest."""

    gateway: VaultGateway
    prober: MediaProber
    analyzer: MediaAnalyzer
    controller: PlayerController
    #: Profiles, the session factory and the features; ``finish_building`` calls it once, so
    #: the unlock dialog can show before any of it loads.
    complete: Callable[[], ShellParts]
    #: Where the language choice is kept (outside the vault: needed before unlocking).
    config_dir: Path | None = None
    lock_minutes: int = 5
    #: For the strength meter where a passphrase is chosen (``vknz_desktop.strength``).
    estimator: PassphraseEstimator | None = None
    #: The Dutch user guide (docs/handleiding.md) for Help → Handleiding.
    manual: Path | None = None
    #: Why playback has no sound (the engine found no sound device), said once; or None.
    audio_notice: str | None = None


@dataclass
class _Page:
    title: Callable[[], str] | None = None
    undo_stack: QUndoStack | None = None
    menu_bar: bool = True


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
    """Library ↔ workspace ↔ feature pages; locks itself on Ctrl+L and after inactivity."""

    def __init__(self, context: AppContext, *, build: bool = True) -> None:
        """``build=False`` makes only the locked page (what the unlock dialog needs);
        ``finish_building`` then adds the rest. The app does that to start fast."""
        super().__init__()
        self.context = context
        self.identity = Identity()
        self.failed_unlocks = 0
        self._session: VaultSession | None = None
        self._open_session: SessionFactory | None = None
        self._profiles: Sequence[Profile] = ()
        self.profile_problems: Sequence[ProfileError] = ()
        self._workspace_settings = WorkspaceSettings()
        self._resume: tuple[str, int] | None = None
        self._unlock_dialog: UnlockDialog | None = None
        self._pages: dict[QWidget, _Page] = {}
        self._features: list[Feature] = []
        self._built = False
        self._events = ShellEvents(self)
        self._actions = ActionRegistry(self)
        self.undo_group = QUndoGroup(self)
        self._build_frame()
        self.setWindowTitle(self.locked_title())
        self.help_overlay = HelpOverlay(self)
        self.inactivity = InactivityLock(context.lock_minutes, self)
        self.inactivity.timedOut.connect(self.lock)
        self.health_watcher = VaultHealthWatcher(self, self.lock)
        self.audio_notice = AudioNotice(context.audio_notice, self)
        self.clipboard = SensitiveClipboard(self)
        self.clipboard.install()  # every copy of the app is marked, and cleared at lock
        self.session_watcher = SessionLockWatcher(self)
        self.session_watcher.lockRequested.connect(self._on_os_lock)
        messages.bridge().statusShown.connect(self._show_status)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.inactivity)
        if build:
            self.finish_building()

    def _build_frame(self) -> None:
        self.stack = CurrentPageStack(self)
        self.locked_page = LockedPage(self.show_unlock, self)
        self.add_page(self.locked_page, title=self.locked_title)
        self.setCentralWidget(self.stack)
        self.read_only_label = QLabel(
            self.tr("Alleen-lezen: de kluis is beschadigd; er kan niets worden gewijzigd."), self
        )
        self.read_only_label.setObjectName("readOnlyBanner")
        self.read_only_label.setAccessibleName(self.tr("Kluis alleen-lezen"))
        self.read_only_label.setStyleSheet("font-weight: bold; padding: 2px 8px;")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)

    def finish_building(self) -> None:
        """Library, workspace, menus and the features (once; unlocking does it too, if the
        app has not yet)."""
        if self._built:
            return
        self._built = True
        parts = self.context.complete()
        self._profiles = list(parts.profiles)
        self.profile_problems = list(parts.profile_problems)
        self._open_session = parts.open_session
        self._build_pages()
        self.shell_actions = ShellActions(self)
        self.shell_actions.setParent(self)
        self._actions.build_menu_bar(self.menuBar())
        self._features = list(parts.install_features(self))
        self.stack.currentChanged.connect(lambda _index: self._on_page_changed())
        self.stack.setCurrentWidget(self.locked_page)
        self._on_page_changed()

    def _build_pages(self) -> None:
        from vknz_desktop.ui.library.controller import LibraryController
        from vknz_desktop.ui.workspace.workspace import Workspace

        self.library_controller: LibraryController = LibraryController(
            self.context.prober, self.context.analyzer, self
        )
        self.library: LibraryView = self.library_controller.view
        self.library_controller.openRequested.connect(self.open_recording)
        self._workspace: Workspace = Workspace(
            self.context.controller,
            self.context.analyzer,
            self._profiles,
            self._workspace_settings,
            self.identity,
            self,
            clipboard=self.clipboard,
        )
        self.add_page(self.library, title=self._library_title)
        self.add_page(self._workspace, title=self._workspace_title, undo_stack=self.undo_stack)

    # -- Host ---------------------------------------------------------------------------------
    @property
    def events(self) -> ShellEvents:
        """Vault opened/closing and page changes (``Host``)."""
        return self._events

    @property
    def registry(self) -> ActionRegistry:
        """The one action registry (``Host``)."""
        return self._actions

    @property
    def session(self) -> VaultSession | None:
        """The open vault's services (``Host``; None while locked)."""
        return self._session

    @property
    def vault(self) -> OpenVault | None:
        """The open vault (None while locked)."""
        return self._session.vault if self._session is not None else None

    @property
    def controller(self) -> PlayerController:
        """The main player (``Host``)."""
        return self.context.controller

    @property
    def workspace(self) -> Workspace:
        """The workspace page (``Host`` gives features its ``WorkspaceApi``)."""
        return self._workspace

    @property
    def undo_stack(self) -> QUndoStack:
        """The workspace's undo stack."""
        return self._workspace.undo_stack

    @property
    def profiles(self) -> Sequence[Profile]:
        """The Kijkwijzer profiles (``Host``)."""
        return self._profiles

    @property
    def features(self) -> list[Feature]:
        """The features installed, in order."""
        return list(self._features)

    def feature(self, kind: type[FeatureT]) -> FeatureT:
        """The installed feature of class ``kind`` (LookupError when there is none)."""
        for feature in self._features:
            if isinstance(feature, kind):
                return feature
        raise LookupError(kind.__name__)

    def dialog_parent(self) -> QWidget:
        """The window (``Host``)."""
        return self

    def add_page(
        self,
        page: QWidget,
        *,
        title: Callable[[], str] | None = None,
        undo_stack: QUndoStack | None = None,
        menu_bar: bool = True,
    ) -> None:
        """A page of the window (``Host``)."""
        self._pages[page] = _Page(title, undo_stack, menu_bar)
        if undo_stack is not None:
            self.undo_group.addStack(undo_stack)
        self.stack.addWidget(page)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` with its title (``Host``)."""
        self.stack.setCurrentWidget(page)
        self._apply_title(page)  # also when it was shown already (e.g. another recording)

    def current_page(self) -> QWidget | None:
        """The page shown (``Host``)."""
        return self.stack.currentWidget()

    def workspace_shown(self) -> bool:
        """Whether the workspace is shown with an unlocked vault (``Host``)."""
        return self._session is not None and self.stack.currentWidget() is self._workspace

    def needs_vault(self) -> str | None:
        """Available while unlocked (``Host``)."""
        return None if self._session is not None else self.tr("Ontgrendel eerst de kluis.")

    def needs_recording(self) -> str | None:
        """Available in the workspace (``Host``)."""
        if self._session is None:
            return self.tr("Ontgrendel eerst de kluis.")
        return None if self.workspace_shown() else self.tr("Open eerst een opname.")

    def needs_writable_vault(self) -> str | None:
        """Available while a vault that may be changed is open."""
        if self._session is not None and self._session.vault.read_only:
            return self.tr("De kluis is beschadigd en alleen te lezen.")
        return self.needs_vault()

    def _on_page_changed(self) -> None:
        page = self.stack.currentWidget()
        info = self._pages.get(page) if page is not None else None
        self.undo_group.setActiveStack(info.undo_stack if info is not None else None)  # type: ignore[arg-type]
        self.menuBar().setVisible(info.menu_bar if info is not None else True)
        if page is not None:
            self._apply_title(page)
        self._actions.update()
        self._events.pageChanged.emit(page)

    def _apply_title(self, page: QWidget) -> None:
        info = self._pages.get(page)
        if info is not None and info.title is not None:
            self.setWindowTitle(info.title())

    def locked_title(self) -> str:
        """The window title while the vault is locked: nothing of the user's data."""
        return self.tr("VKNZ — vergrendeld")

    def _library_title(self) -> str:
        return self.tr("Bibliotheek — VKNZ")

    def _workspace_title(self) -> str:
        recording = self._workspace.recording
        if recording is None:
            return self._library_title()
        return self.tr("{0} — VKNZ").format(recording.title)

    def _show_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- unlock and lock ----------------------------------------------------------------------
    def show_unlock(self) -> None:
        """Ask for the passphrase (or to create the vault)."""
        if self._session is not None:
            return
        dialog = UnlockDialog(
            self.context.gateway, self, self.open_vault, self.identity, self.context.estimator
        )
        self._unlock_dialog = dialog
        dialog.failed.connect(self._count_failed_unlock)
        dialog.rejected.connect(self._on_unlock_rejected)
        dialog.open()

    def _count_failed_unlock(self) -> None:
        self.failed_unlocks += 1
        log.info("failed unlock attempt")

    def _on_unlock_rejected(self) -> None:
        if self._session is None and self._unlock_dialog is not None:
            self._unlock_dialog = None
            self.close()

    def open_vault(self, vault: OpenVault, identity: Identity) -> None:
        """A vault was unlocked by ``identity``: build its session and show it."""
        self.finish_building()
        assert self._open_session is not None
        identity = remembered_identity(vault, identity)
        self._session = session = self._open_session(vault, identity)
        self.identity = identity
        self._workspace.identity = identity
        self._unlock_dialog = None
        vault.record_failed_unlocks(self.failed_unlocks, identity.role)
        vault.record_unlock(identity.role)
        self.failed_unlocks = 0
        self._show_vault_state(vault)
        self.health_watcher.watch(vault)
        self.audio_notice.show_once()
        restore_window(vault, self)
        settings = AppSettings.load(vault)
        self.apply_settings(settings)
        self.inactivity.start()
        self.library_controller.open_session(session, identity.role)
        log.info("vault unlocked")
        self._events.vaultOpened.emit(session)
        self._resume_or_show_library()
        if not vault.read_only and session.retention is not None:
            self.library_controller.check_retention(
                session.retention, auto_remove=settings.auto_remove_expired
            )
        self._actions.update()

    def _resume_or_show_library(self) -> None:
        if self._resume is None:
            self.show_library()
            return
        recording_id, position = self._resume
        self._resume = None
        try:
            self.open_recording(recording_id, position)
        except KnownError:
            self.show_library()

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
        """Lock: what is typed is saved, every dialog and menu closes (a question answers
        "cancelled"), playback stops, media and vault close, views and the clipboard are
        cleared, and the title says only that the vault is locked."""
        if self._session is None:
            return
        self._stop_vault_work()
        self._workspace.save_pending_observation()
        self._close_dialogs()
        self.clipboard.clear_if_ours()
        forget_folders()
        recording = self._workspace.recording
        if recording is not None:
            self._resume = (recording.id, self.context.controller.position_ms())
        self._workspace.close_recording()
        self.library_controller.close_vault()
        self.help_overlay.hide()
        session, self._session = self._session, None
        remember_window(session.vault, self)
        session.vault.close()
        self.read_only_label.hide()
        self.inactivity.stop()
        self.health_watcher.stop()
        self.stack.setCurrentWidget(self.locked_page)
        self.setWindowTitle(self.locked_title())
        self.statusBar().clearMessage()
        self._actions.update()
        self._events.vaultLocked.emit()
        log.info("vault locked")
        QTimer.singleShot(0, self.show_unlock)

    def _close_dialogs(self) -> None:
        """Every box, question and dialog the message bridge knows, open menus, and dialogs
        the shell opened without waiting (search)."""
        messages.close_all()
        for _menu in range(20):  # nested menus close one by one
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for dialog in self.findChildren(SearchDialog):
            dialog.reject()
            dialog.deleteLater()

    def _stop_vault_work(self) -> None:
        """Before the vault closes: every feature stops and forgets, then the library."""
        if not self._built:
            return  # nothing can have started
        for feature in self._features:
            feature.shutdown()
        self._events.vaultClosing.emit()
        self.library_controller.shutdown_work()

    # -- pages --------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Reload recordings (and their cached thumbnails) from the vault (``Host``)."""
        self.library_controller.refresh()

    def recordings_added(self, recordings: Sequence[Recording]) -> None:
        """New recordings: refresh and make their pictures in the background (``Host``)."""
        self.library_controller.recordings_added(recordings)

    def stop_analysis(self) -> None:
        """Stop making pictures in the background (``Host``)."""
        self.library_controller.stop_analysis()

    def hold_inactivity_lock(self, held: bool) -> None:
        """A recording runs: no lock for want of input (``Host``)."""
        self.inactivity.hold(held)

    def leave_workspace(self) -> None:
        """Store what is typed and close the recording under review (``Host``)."""
        if self._workspace.recording is not None:
            self._workspace.save_pending_observation()
            self._workspace.close_recording()

    def show_library(self) -> None:
        """Leave the workspace and show the library."""
        if self._session is None:
            return
        self.leave_workspace()
        self.refresh_library()
        self.show_page(self.library)
        self.library.setFocus()

    def show_workspace(self) -> None:
        """Back to the recording under review (``Host``); the library when none is open."""
        if self._workspace.recording is None:
            self.show_library()
            return
        self.show_page(self._workspace)
        self._workspace.focus_video()

    def open_recording(self, recording_id: str, position_ms: int = 0) -> None:
        """Open a recording in the workspace."""
        session = self._session
        if session is None:
            return
        try:
            recording = session.recording(recording_id)
            if not recording.media_available:
                raise KnownError(
                    self.tr("De opname zelf is verwijderd; alleen de aantekeningen zijn er nog.")
                )
            clips = session.review.clips if session.review is not None else None
            sealed = session.onderzoeker
            self._workspace.open(
                recording,
                session.vault,
                session.observations,
                position_ms,
                clips=clips,
                sealed_times=(
                    (lambda rid: [i.time_ms for i in sealed.sealed_items(rid)])
                    if sealed is not None
                    else None
                ),
            )
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.show_page(self._workspace)
        self._workspace.focus_video()
        self._actions.update()

    # -- settings -----------------------------------------------------------------------------
    def apply_settings(self, settings: AppSettings) -> None:
        """Use ``settings`` in the workspace and the inactivity lock."""
        self._workspace_settings = settings.workspace
        self._workspace.settings = settings.workspace
        self.inactivity.set_minutes(settings.lock_minutes)
        apply_appearance(settings.text_scale, settings.high_contrast)

    def show_settings(self) -> None:
        """Edit and store the settings."""
        if self._session is None:
            return
        config_dir = self.context.config_dir
        before = chosen_language(config_dir)
        dialog = SettingsDialog(AppSettings.load(self._session.vault), self, language=before)
        dialog.language_combo.setVisible(config_dir is not None)
        accepted = messages.run(dialog) == SettingsDialog.DialogCode.Accepted.value
        if not accepted or self._session is None:
            return
        settings = dialog.settings()
        settings.save(self._session.vault)
        self.apply_settings(settings)
        if config_dir is not None and dialog.language() != before:
            try:
                store_language(config_dir, dialog.language())
            except KnownError as error:
                messages.show_known_error(self, error)
            else:
                messages.status(
                    self.tr("De nieuwe taal geldt vanaf de volgende keer dat VKNZ start."), 15_000
                )
        if self.inactivity.active:
            self.inactivity.start()

    # -- search, help -------------------------------------------------------------------------
    def show_search(self) -> None:
        """Ctrl+F: search all observations."""
        if self._session is None:
            return
        vault = self._session.vault
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

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, meaning) for the help overlay, taken from the actions themselves."""
        return self._actions.overlay_rows()

    def show_shortcuts(self) -> None:
        """'?': the shortcuts overlay."""
        self.help_overlay.set_rows(self.shortcut_rows())
        self.help_overlay.show_over_parent()

    def show_profile_problems(self) -> None:
        """List Kijkwijzer files that could not be loaded."""
        text = "\n\n".join(p.message for p in self.profile_problems)
        messages.inform(self, self.tr("Problemen met Kijkwijzers"), text)

    def change_passphrase(self) -> None:
        """Bewerken → Wachtwoord wijzigen (the vault closes and opens again with it)."""
        change_passphrase(
            self,
            self.context.gateway,
            self.context.estimator,
            self.lock,
            lambda vault: self.open_vault(vault, self.identity),
        )

    def show_manual(self) -> None:
        """Help → Handleiding: the user guide in the app (nothing fetched from outside)."""
        manual = self.context.manual or Path("handleiding.md")
        dialog = ManualDialog(manual, self)
        messages.run(dialog)
        dialog.deleteLater()

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
        self._stop_vault_work()
        if self._session is not None:
            self._workspace.save_pending_observation()
            self._workspace.close_recording()
            remember_window(self._session.vault, self)
            self._session.vault.close()
            self._session = None
        self.inactivity.stop()
        self.health_watcher.stop()
        self.clipboard.clear_if_ours()
        self.clipboard.uninstall()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.inactivity)
        event.accept()


__all__ = ["AppContext", "CurrentPageStack", "LockedPage", "MainWindow", "ShellParts"]

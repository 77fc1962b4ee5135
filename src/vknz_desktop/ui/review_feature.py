"""Fragments and reviewing together, wired into the main window.

Adds the menus *Fragmenten* (I/O marks, play, loop, next/previous clip, keep fragments only)
and *Samen terugkijken* (prepare sessions, compare side by side), the pages for preparing and
running a session and for comparing, and the klant-feedback sharing choice. The main window
calls ``close_all()`` before its vault closes (lock or quit).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QProgressDialog

from vknz_desktop.domain.errors import ImportCancelledError, KnownError
from vknz_desktop.domain.fragments import SHARING_LABELS, is_klant_feedback
from vknz_desktop.domain.models import SharingState
from vknz_desktop.domain.ports import CancelToken, MediaStream, OpenVault
from vknz_desktop.domain.review_ports import FragmentRemuxer, ReviewRepository
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.keep_fragments import (
    KeepFragmentsPreview,
    KeepFragmentsResult,
    KeepFragmentsService,
)
from vknz_desktop.services.onderzoeker import OnderzoekerSession
from vknz_desktop.services.review_sessions import SHARING_ROLES, ReviewSessionService
from vknz_desktop.ui.clips_panel import format_clip_time
from vknz_desktop.ui.compare_view import CompareView
from vknz_desktop.ui.formatting import format_number
from vknz_desktop.ui.messages import show_known_error
from vknz_desktop.ui.player_controller import PlayerController
from vknz_desktop.ui.session_prepare import SessionPreparePage
from vknz_desktop.ui.session_view import SessionView

if TYPE_CHECKING:
    from vknz_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

GoalHandler = Callable[[str, list[str]], None]


@dataclass(frozen=True)
class ReviewBackend:
    """What app.py injects for this feature: the vault repository, the remuxer (PyAV) and a
    way to make a second player for comparing."""

    repository: Callable[[OpenVault], ReviewRepository]
    remuxer: FragmentRemuxer
    make_player: Callable[[], PlayerController]


class ReviewFeature(QObject):
    """Menus, pages and flows for clips, sessions, comparing and keeping fragments only."""

    keepFragmentsDone = Signal(object)  # KeepFragmentsResult
    _workerDone = Signal(object, object)  # result, error
    _workerProgress = Signal(int, int)

    def __init__(self, window: MainWindow, backend: ReviewBackend | None) -> None:
        super().__init__(window)
        self.window = window
        self.backend = backend
        #: Set by the leerdoelen feature: turn a session's observations into learning goals.
        self.goal_handler: GoalHandler | None = None
        #: The onderzoeker's unlocked key while they work (domain.sealing): sessions then show
        #: and share the klant's sealed items. Closed (overwritten) in close_all, on lock.
        self.onderzoeker: OnderzoekerSession | None = None
        self._thread: threading.Thread | None = None
        self._token: CancelToken | None = None
        self._progress: QProgressDialog | None = None
        self._busy = False
        workspace = window.workspace
        workspace.clips.repository_for = backend.repository if backend else None

        controller = window.context.controller
        self.prepare_page = SessionPreparePage(window)
        self.session_view = SessionView(controller, window)
        self.compare_view = CompareView(
            controller, backend.make_player if backend else _no_player, window
        )
        for page in (self.prepare_page, self.session_view, self.compare_view):
            window.stack.addWidget(page)
        self.prepare_page.backRequested.connect(window.show_library)
        self.prepare_page.startRequested.connect(self.start_session)
        self.session_view.finished.connect(self._on_session_finished)
        self.session_view.goalsRequested.connect(self._on_goals_requested)
        self.compare_view.backRequested.connect(window.show_library)
        self._workerDone.connect(self._on_worker_done, Qt.ConnectionType.QueuedConnection)
        self._workerProgress.connect(self._on_worker_progress, Qt.ConnectionType.QueuedConnection)
        window.stack.currentChanged.connect(lambda _index: self._on_page_changed())
        self._build_menus()
        self._on_page_changed()

    # -- menus --------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: str | None, slot: Callable[[], object], menu: QMenu
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        window = self.window
        clips = window.workspace.clips
        bar = window.menuBar()
        before = window.help_menu.menuAction()
        self.fragments_menu = QMenu(window.tr("Fra&gmenten"), window)
        bar.insertMenu(before, self.fragments_menu)
        menu = self.fragments_menu
        self.clip_actions = [
            self._action(window.tr("Begin van een fragment"), "I", clips.mark_in, menu),
            self._action(window.tr("Einde van een fragment"), "O", clips.mark_out, menu),
            self._action(window.tr("Fragment afspelen"), "P", clips.play_selected, menu),
            self._action(window.tr("Fragment herhalen aan/uit"), "H", clips.toggle_loop, menu),
            self._action(window.tr("Vorig fragment"), "[", clips.previous_clip, menu),
            self._action(window.tr("Volgend fragment"), "]", clips.next_clip, menu),
            self._action(
                window.tr("Begin van gekozen fragment hierheen"),
                "Shift+I",
                clips.set_selected_start,
                menu,
            ),
            self._action(
                window.tr("Einde van gekozen fragment hierheen"),
                "Shift+O",
                clips.set_selected_end,
                menu,
            ),
        ]
        menu.addSeparator()
        self.keep_action = self._action(
            window.tr("Alleen fragmenten bewaren…"), None, self.keep_fragments_only, menu
        )
        self.keep_action.setStatusTip(
            window.tr("Vervang de hele opname door de gemarkeerde fragmenten (dataminimalisatie)")
        )
        # Enabled in the workspace only, and listed in the shortcuts overlay, with the rest.
        window.play_actions.extend([*self.clip_actions, self.keep_action])

        self.review_menu = QMenu(window.tr("&Samen terugkijken"), window)
        bar.insertMenu(before, self.review_menu)
        self.prepare_action = self._action(
            window.tr("Sessies &voorbereiden…"), "Ctrl+Shift+P", self.show_prepare, self.review_menu
        )
        self.compare_action = self._action(
            window.tr("Fragmenten &vergelijken…"),
            "Ctrl+Shift+V",
            self.show_compare,
            self.review_menu,
        )
        self.global_actions = [self.prepare_action, self.compare_action]
        window.observations_menu.addSeparator()
        self.sharing_action = QAction(window.tr("Klantfeedback: mag dit gedeeld worden?…"), window)
        self.sharing_action.triggered.connect(lambda _checked=False: self.choose_sharing())
        window.observations_menu.addAction(self.sharing_action)

    def _on_page_changed(self) -> None:
        window = self.window
        current = window.stack.currentWidget()
        if current is not self.session_view:
            self.session_view.leave()
        if current is not self.compare_view:
            self.compare_view.close_players()
        unlocked = window.vault is not None
        for action in self.global_actions:
            action.setEnabled(unlocked and self.backend is not None)
        in_workspace = unlocked and current is window.workspace
        self.sharing_action.setEnabled(in_workspace and window.identity.role in SHARING_ROLES)
        if current is self.prepare_page:
            window.setWindowTitle(window.tr("Samen terugkijken voorbereiden — VKNZ"))
        elif current is self.session_view:
            window.setWindowTitle(window.tr("Samen terugkijken — VKNZ"))
        elif current is self.compare_view:
            window.setWindowTitle(window.tr("Fragmenten vergelijken — VKNZ"))

    # -- pages --------------------------------------------------------------------------------
    def _services(self) -> tuple[OpenVault, ReviewRepository] | None:
        vault = self.window.vault
        if vault is None or self.backend is None:
            return None
        return vault, self.backend.repository(vault)

    def _leave_workspace(self) -> None:
        workspace = self.window.workspace
        if workspace.recording is not None:
            workspace.save_pending_observation()
            workspace.close_recording()

    def show_prepare(self, select_session: str | None = None) -> None:
        """Ctrl+Shift+P: prepare sessions (pick fragments, order them, write prompts)."""
        services = self._services()
        if services is None:
            return
        vault, repository = services
        self._leave_workspace()
        self.prepare_page.set_service(self._sessions(repository, vault))
        if select_session:
            self.prepare_page.refresh(select_session)
        self.window.stack.setCurrentWidget(self.prepare_page)
        self.prepare_page.session_list.setFocus()

    def start_session(self, session_id: str) -> None:
        """Session mode for a prepared session."""
        services = self._services()
        if services is None:
            return
        vault, repository = services
        self._leave_workspace()
        service = self._sessions(repository, vault)
        self.window.stack.setCurrentWidget(self.session_view)
        try:
            self.session_view.start(
                service,
                session_id,
                self.window.identity,
                lambda recording_id: _stream(vault, recording_id),
            )
        except KnownError as error:
            show_known_error(self.window, error)
            self.show_prepare(session_id)
            return
        self.session_view.play_button.setFocus()

    def show_compare(self) -> None:
        """Ctrl+Shift+V: two fragments side by side."""
        services = self._services()
        if services is None:
            return
        vault, repository = services
        clips = ClipService(repository).all()
        if not clips:
            show_known_error(
                self.window,
                KnownError(
                    self.window.tr(
                        "Er zijn nog geen fragmenten om te vergelijken. Open een opname en "
                        "markeer fragmenten met I (begin) en O (einde)."
                    )
                ),
            )
            return
        self._leave_workspace()
        recordings = {r.id: r for r in vault.recordings()}
        choices = [(c, recordings[c.recording_id]) for c in clips if c.recording_id in recordings]
        self.window.stack.setCurrentWidget(self.compare_view)
        self.compare_view.open(
            choices, lambda recording_id: _stream(vault, recording_id), 0, min(1, len(choices) - 1)
        )
        self.compare_view.play_both_button.setFocus()

    def close_all(self) -> None:
        """Before the vault closes (lock, quit): store typed text, stop players and workers,
        and forget the onderzoeker's key."""
        self.shutdown_worker()
        self.session_view.leave()
        self.compare_view.close_players()
        self.prepare_page.clear()
        if self.onderzoeker is not None:
            self.onderzoeker.close()
            self.onderzoeker = None

    def _sessions(self, repository: ReviewRepository, vault: OpenVault) -> ReviewSessionService:
        return ReviewSessionService(repository, vault, vault, onderzoeker=self.onderzoeker)

    def _on_session_finished(self, session_id: str) -> None:
        self.show_prepare(session_id)

    def _on_goals_requested(self, session_id: str, observation_ids: list[str]) -> None:
        if self.goal_handler is not None:
            self.goal_handler(session_id, observation_ids)
            return
        QMessageBox.information(
            self.window,
            self.window.tr("Leerdoelen"),
            self.window.tr(
                "De {0} waarnemingen van deze sessie zijn bewaard bij de opnames. Maak er een "
                "leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug)."
            ).format(format_number(len(observation_ids))),
        )

    # -- klant feedback in the workspace ------------------------------------------------------
    def choose_sharing(self) -> None:
        """Record the klant's answer for the observation chosen in the workspace."""
        window = self.window
        services = self._services()
        ids = window.workspace.observation_list.selected_ids()
        if services is None or not ids:
            return
        vault, repository = services
        observation = vault.observation(ids[0])
        if observation is None:
            return
        if not is_klant_feedback(observation):
            window.statusBar().showMessage(
                window.tr("Alleen bij feedback van de klant wordt om toestemming gevraagd."), 5000
            )
            return
        labels = [window.tr(SHARING_LABELS[state]) for state in SharingState]
        current = list(SharingState).index(observation.sharing_state)
        label, ok = QInputDialog.getItem(
            window,
            window.tr("Klantfeedback delen"),
            window.tr("Wat zei de klant: mag dit naar de klantmanager?"),
            labels,
            current,
            False,
        )
        if not ok:
            return
        state = list(SharingState)[labels.index(label)]
        service = self._sessions(repository, vault)
        try:
            service.set_sharing(observation, state, role=window.identity.role)
        except KnownError as error:
            show_known_error(window, error)
            return
        window.workspace._reload_observations()

    # -- keep fragments only ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether fragments are being cut right now."""
        return self._busy

    def keep_fragments_only(self) -> None:
        """Replace the open recording by its fragments, after a clear confirmation."""
        window = self.window
        services = self._services()
        recording = window.workspace.recording
        if services is None or recording is None or self.backend is None or self._busy:
            return
        vault, repository = services
        window.workspace.clips.flush_edits()
        service = KeepFragmentsService(vault, repository, self.backend.remuxer)
        try:
            preview = service.preview(recording.id)
        except KnownError as error:
            show_known_error(window, error)
            return
        if not self.confirm_keep_fragments(preview):
            return
        window.show_library()  # closes the recording: nothing reads it while it is cut
        self._run_keep(service, recording.id, len(preview.fragments))

    def confirm_keep_fragments(self, preview: KeepFragmentsPreview) -> bool:
        """Ask, showing exactly what will happen (tests replace this)."""
        window = self.window
        recording = preview.recording
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(window.tr("Alleen fragmenten bewaren"))
        box.setText(
            window.tr(
                "Van '{0}' alleen de {1} fragment(en) bewaren (samen {2} van de {3})?"
            ).format(
                recording.title,
                len(preview.fragments),
                format_clip_time(preview.kept_ms),
                format_clip_time(recording.duration_ms),
            )
        )
        box.setInformativeText(
            window.tr(
                "Elk fragment wordt een eigen versleutelde opname, met dezelfde toestemming. "
                "{0} waarneming(en) binnen de fragmenten gaan mee. {1} waarneming(en) daarbuiten "
                "blijven als tekst bewaard, gemarkeerd als 'opname verwijderd'.\n\n"
                "De volledige opname wordt daarna definitief vernietigd: de sleutel wordt "
                "gewist en niemand kan haar nog openen. Dit kan niet ongedaan worden gemaakt."
            ).format(preview.observations_inside, preview.observations_outside)
        )
        keep = box.addButton(
            window.tr("Alleen fragmenten bewaren"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(window.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is keep

    def _run_keep(self, service: KeepFragmentsService, recording_id: str, count: int) -> None:
        window = self.window
        self._busy = True
        self._token = token = CancelToken()
        progress = QProgressDialog(
            window.tr("Fragmenten knippen en versleutelen…"),
            window.tr("Afbreken"),
            0,
            count + 1,
            window,
        )
        progress.setWindowTitle(window.tr("Alleen fragmenten bewaren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(token.cancel)
        self._progress = progress
        role = window.identity.role

        def work() -> None:
            try:
                result = service.run(
                    recording_id,
                    role=role,
                    progress=lambda done, total: self._workerProgress.emit(done, total),
                    cancel=token,
                )
            except BaseException as error:  # handed to the GUI thread
                self._workerDone.emit(None, error)
                return
            self._workerDone.emit(result, None)

        self._thread = threading.Thread(target=work, name="vknz-keep-fragments", daemon=True)
        self._thread.start()
        log.info("keep fragments started: %d fragment(s)", count)

    def _on_worker_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _on_worker_done(
        self, result: KeepFragmentsResult | None, error: BaseException | None
    ) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self._busy = False
        self._token = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        window = self.window
        if window.vault is not None:
            window.refresh_library()
        if isinstance(error, ImportCancelledError):
            window.statusBar().showMessage(window.tr("Afgebroken: de opname is ongewijzigd."), 8000)
            return
        if isinstance(error, KnownError):
            show_known_error(window, error)
            return
        if error is not None:
            raise error
        assert result is not None
        log.info("keep fragments done: %d recording(s)", len(result.recordings))
        for recording in result.recordings:
            window._on_imported(recording)  # thumbnails for the library, in the background
        window.statusBar().showMessage(
            window.tr(
                "{0} fragment(en) bewaard als nieuwe opnames; {1} waarneming(en) gingen mee, "
                "{2} blijven als tekst. De volledige opname is vernietigd."
            ).format(
                len(result.recordings),
                result.observations_moved,
                result.observations_kept_as_text,
            ),
            15000,
        )
        self.keepFragmentsDone.emit(result)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until keep-fragments is done; False on timeout (for tests)."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        while self._busy and timer.isActive():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return not self._busy

    def shutdown_worker(self) -> None:
        """Cancel cutting (at the next fragment) and wait for the worker (lock, quit)."""
        if self._token is not None:
            self._token.cancel()
        thread = self._thread
        if thread is not None:
            thread.join(60)
            # Deliver the worker's last queued signals; nothing to deliver when none ran (and
            # processing every pending event would slow a lock down).
            QCoreApplication.processEvents()


def _stream(vault: OpenVault, recording_id: str) -> MediaStream:
    return vault.open_media(recording_id)  # type: ignore[return-value]


def _no_player() -> PlayerController:
    raise KnownError("Vergelijken is in deze uitvoering niet beschikbaar.")


__all__ = ["GoalHandler", "ReviewBackend", "ReviewFeature"]

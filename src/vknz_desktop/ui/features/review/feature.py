"""Fragments and reviewing together, installed through the shell's Host.

Adds the menus *Fragmenten* (I/O marks, play, loop, next/previous clip, keep fragments only)
and *Samen terugkijken* (prepare sessions, compare side by side), the pages for preparing and
running a session and for comparing, and the klant-feedback sharing choice. Its services come
with the vault's session (``session.review``); a second player for comparing is made by
``make_player`` (from the composition root). At the end of a session ``goalsRequested`` asks
for learning goals; the composition root connects it to the leerdoelen feature.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

from vknz_desktop.domain.errors import ImportCancelledError, KnownError
from vknz_desktop.domain.fragments import SHARING_LABELS
from vknz_desktop.domain.models import SharingState
from vknz_desktop.domain.visibility import (
    Audience,
    fragment_heading,
    is_klant_feedback,
    may_set_sharing,
    screen_title,
)
from vknz_desktop.services.keep_fragments import KeepFragmentsPreview, KeepFragmentsResult
from vknz_desktop.services.onderzoeker import OnderzoekerSession
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_clip_time
from vknz_desktop.ui.common.jobs import BackgroundJob
from vknz_desktop.ui.features.review.compare_view import CompareItem, CompareView, WatchersDialog
from vknz_desktop.ui.features.review.session_prepare import SessionPreparePage
from vknz_desktop.ui.features.review.session_view import SessionView
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.shell.actions import ActionSpec
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.session import ReviewServices, VaultSession
from vknz_desktop.ui.shell.shell_actions import OBSERVATIONS, OVERLAY_PAGES, OVERLAY_WORKSPACE

log = logging.getLogger(__name__)

FRAGMENTS, REVIEW = "fragments", "review"
#: How long the outcome of keeping fragments stays in the status bar (ms).
RESULT_STATUS_MS = 15_000


class ReviewFeature(QObject):
    """Menus, pages and flows for clips, sessions, comparing and keeping fragments only."""

    keepFragmentsDone = Signal(object)  # KeepFragmentsResult
    #: The end of a review session: (session id, its observation ids) to make goals of.
    goalsRequested = Signal(str, list)

    def __init__(self, host: Host, make_player: Callable[[], PlayerController]) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self._job: BackgroundJob[KeepFragmentsResult] | None = None
        self._progress: QProgressDialog | None = None
        self.watchers_dialog: WatchersDialog | None = None
        parent = host.dialog_parent()
        self.prepare_page = SessionPreparePage(parent)
        self.session_view = SessionView(host.controller, parent)
        self.compare_view = CompareView(host.controller, make_player, parent)
        host.add_page(
            self.prepare_page, title=lambda: self.tr("Samen terugkijken voorbereiden — VKNZ")
        )
        host.add_page(self.session_view, title=lambda: self.tr("Samen terugkijken — VKNZ"))
        host.add_page(self.compare_view, title=lambda: self.tr("Fragmenten vergelijken — VKNZ"))
        self._connect()
        self._install_actions()

    def _connect(self) -> None:
        self.prepare_page.backRequested.connect(self.host.show_library)
        self.prepare_page.startRequested.connect(self.start_session)
        self.session_view.finished.connect(self.show_prepare)
        self.session_view.goalsRequested.connect(self.goalsRequested)
        self.compare_view.backRequested.connect(self.host.show_library)
        self.host.events.pageChanged.connect(self._on_page_changed)

    # -- actions ------------------------------------------------------------------------------
    def _install_actions(self) -> None:
        registry = self.host.registry
        registry.add_menu(FRAGMENTS, self.tr("Fra&gmenten"), 50)
        registry.add_menu(REVIEW, self.tr("&Samen terugkijken"), 60)
        clips = self.host.workspace.clip_commands
        for action_id, text, key, callback in (
            ("review.mark_in", self.tr("Begin van een fragment"), "I", clips.mark_in),
            ("review.mark_out", self.tr("Einde van een fragment"), "O", clips.mark_out),
            ("review.play_clip", self.tr("Fragment afspelen"), "P", clips.play_selected),
            ("review.loop", self.tr("Fragment herhalen aan/uit"), "H", clips.toggle_loop),
            ("review.previous", self.tr("Vorig fragment"), "[", clips.previous_clip),
            ("review.next", self.tr("Volgend fragment"), "]", clips.next_clip),
            (
                "review.set_start",
                self.tr("Begin van gekozen fragment hierheen"),
                "Shift+I",
                clips.set_selected_start,
            ),
            (
                "review.set_end",
                self.tr("Einde van gekozen fragment hierheen"),
                "Shift+O",
                clips.set_selected_end,
            ),
        ):
            registry.add(
                ActionSpec(
                    action_id,
                    text,
                    callback,
                    (key,),
                    FRAGMENTS,
                    10,
                    available=self.host.needs_recording,
                    overlay=OVERLAY_WORKSPACE,
                )
            )
        self._install_page_actions()

    def _install_page_actions(self) -> None:
        registry = self.host.registry
        self._update_on_menu(FRAGMENTS)
        self._update_on_menu(OBSERVATIONS)
        registry.add(
            ActionSpec(
                "review.keep_fragments",
                self.tr("Alleen fragmenten bewaren…"),
                self.keep_fragments_only,
                menu=FRAGMENTS,
                section=20,
                available=self._keep_state,
                status_tip=self.tr(
                    "Vervang de hele opname door de gemarkeerde fragmenten (dataminimalisatie)"
                ),
            )
        )
        for action_id, text, key, callback in (
            (
                "review.prepare",
                self.tr("Sessies &voorbereiden…"),
                "Ctrl+Shift+P",
                self.show_prepare,
            ),
            (
                "review.compare",
                self.tr("Fragmenten &vergelijken…"),
                "Ctrl+Shift+V",
                self.show_compare,
            ),
        ):
            registry.add(
                ActionSpec(
                    action_id,
                    text,
                    callback,
                    (key,),
                    REVIEW,
                    available=self._needs_services,
                    overlay=OVERLAY_PAGES,
                )
            )
        registry.add(
            ActionSpec(
                "review.sharing",
                self.tr("Klantfeedback: mag dit gedeeld worden?…"),
                self.choose_sharing,
                menu=OBSERVATIONS,
                section=40,
                available=self._sharing_state,
            )
        )

    def _needs_services(self) -> str | None:
        reason = self.host.needs_vault()
        if reason is None and self._services() is None:
            return self.tr("Samen terugkijken is in deze uitvoering niet beschikbaar.")
        return reason

    def _keep_state(self) -> str | None:
        """Why "Alleen fragmenten bewaren" cannot run on the open recording (the service's
        ``state``: no fragments marked, media already gone), or None."""
        reason = self.host.needs_recording() or self._needs_services()
        services = self._services()
        recording = self.host.workspace.recording
        if reason is not None or services is None or recording is None:
            return reason
        if self.busy:
            return self.tr("Er worden al fragmenten geknipt.")
        state = services[1].keep_fragments.state(recording.id)
        return None if state.allowed else state.reason

    def _sharing_state(self) -> str | None:
        """Why the klant's answer cannot be recorded for the chosen observation: the policy's
        ``may_set_sharing`` (klant feedback only; the onderzoeker or the klant), or None."""
        reason = self.host.needs_recording()
        session = self.host.session
        if reason is not None or session is None:
            return reason
        ids = self.host.workspace.selected_observation_ids()
        observation = session.vault.observation(ids[0]) if ids else None
        if observation is None:
            return self.tr("Kies eerst een waarneming van de klant in de lijst.")
        unlocked = self.onderzoeker
        decision = may_set_sharing(
            observation,
            session.identity.role,
            onderzoeker_key=unlocked is not None and unlocked.open,
        )
        return None if decision.allowed else decision.reason

    def _update_on_menu(self, menu_id: str) -> None:
        """A menu's conditions depend on what is selected: ask again when it opens."""
        try:
            menu = self.host.registry.menu(menu_id)
        except LookupError:  # the menu bar is built later
            return
        menu.aboutToShow.connect(self.host.registry.update)

    def _on_page_changed(self, page: object) -> None:
        if page is not self.session_view:
            self.session_view.leave()
        if page is not self.compare_view:
            self.compare_view.close_players()

    # -- pages --------------------------------------------------------------------------------
    def _services(self) -> tuple[VaultSession, ReviewServices] | None:
        session = self.host.session
        if session is None or session.review is None:
            return None
        return session, session.review

    def show_prepare(self, select_session: str | None = None) -> None:
        """Ctrl+Shift+P: prepare sessions (pick fragments, order them, write prompts)."""
        services = self._services()
        if services is None:
            return
        _session, review = services
        self.host.leave_workspace()
        self.prepare_page.set_service(review.sessions)
        if select_session:
            self.prepare_page.refresh(select_session)
        self.host.show_page(self.prepare_page)
        self.prepare_page.session_list.setFocus()

    def start_session(self, session_id: str) -> None:
        """Session mode for a prepared session."""
        services = self._services()
        if services is None:
            return
        session, review = services
        self.host.leave_workspace()
        self.host.show_page(self.session_view)
        try:
            self.session_view.start(
                review.sessions, session_id, session.identity, session.open_media
            )
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            self.show_prepare(session_id)
            return
        self.session_view.play_button.setFocus()

    def show_compare(self) -> WatchersDialog | None:
        """Ctrl+Shift+V: two fragments side by side, after asking who watches."""
        services = self._services()
        if services is None:
            return None
        session, review = services
        if not review.clips.all():
            messages.show_known_error(
                self.host.dialog_parent(),
                KnownError(
                    self.tr(
                        "Er zijn nog geen fragmenten om te vergelijken. Open een opname en "
                        "markeer fragmenten met I (begin) en O (einde)."
                    )
                ),
            )
            return None
        if self.watchers_dialog is not None:
            self.watchers_dialog.deleteLater()
        dialog = WatchersDialog(session.identity.role, self.host.dialog_parent())
        messages.track(dialog)
        dialog.accepted.connect(lambda: self.open_compare(dialog.audience()))
        dialog.open()
        self.watchers_dialog = dialog
        return dialog

    def open_compare(self, audience: Audience) -> None:
        """Compare the fragments that may be shown to ``audience``, named as its screen may
        name them (the recording's neutral label when others watch; no fragment titles where
        a klant watches)."""
        services = self._services()
        if services is None:
            return
        session, review = services
        choices = review.sessions.compare_choices(audience)
        shown = [c for c in choices if c.problem is None]
        left_out = [c.problem for c in choices if c.problem is not None]
        if not shown:
            reason = left_out[0] if left_out else ""
            messages.show_known_error(
                self.host.dialog_parent(),
                KnownError(
                    self.tr("Geen van de fragmenten mag met deze kijkers worden getoond. {0}")
                    .format(reason)
                    .strip()
                ),
            )
            return
        items = [
            CompareItem(
                choice.clip,
                choice.recording,
                self.tr("{0} ({1})").format(
                    fragment_heading(choice.clip.title, number, len(shown), audience),
                    screen_title(choice.recording, choice.label, audience),
                ),
            )
            for number, choice in enumerate(shown, start=1)
        ]
        self.host.leave_workspace()
        self.host.show_page(self.compare_view)
        self.compare_view.open(
            items,
            session.open_media,
            0,
            min(1, len(items) - 1),
            audience=audience,
            left_out=left_out,
        )
        self.compare_view.play_both_button.setFocus()

    @property
    def onderzoeker(self) -> OnderzoekerSession | None:
        """The onderzoeker's unlocked key while they work (``domain.sealing``): sessions then
        show and share the klant's sealed items."""
        session = self.host.session
        if session is None or session.review is None:
            return None
        return session.review.sessions.onderzoeker

    def use_onderzoeker(self, onderzoeker: OnderzoekerSession | None) -> None:
        """Sessions use ``onderzoeker``'s unlocked key (None: forget it)."""
        session = self.host.session
        if session is not None and session.review is not None:
            session.review.sessions.use_onderzoeker(onderzoeker)
            self.session_view.refresh()  # a running session shows or hides the sealed items

    def shutdown(self) -> None:
        """Before the vault closes (lock, quit): store typed text, stop players and workers,
        and forget (overwrite) the onderzoeker's key."""
        self.shutdown_worker()
        self.session_view.leave()
        self.compare_view.close_players()
        self.prepare_page.clear()
        unlocked = self.onderzoeker
        if unlocked is not None:
            unlocked.close()
            self.use_onderzoeker(None)

    def explain_where_observations_went(self, _session_id: str, observation_ids: list[str]) -> None:
        """The end of a session in an app without leerdoelen: where the observations are."""
        messages.inform(
            self.host.dialog_parent(),
            self.tr("Leerdoelen"),
            self.tr(
                "De %n waarneming(en) van deze sessie zijn bewaard bij de opnames. Maak er een "
                "leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug).",
                "",
                len(observation_ids),
            ),
        )

    # -- klant feedback in the workspace ------------------------------------------------------
    def choose_sharing(self) -> None:
        """Record the klant's answer for the observation chosen in the workspace."""
        services = self._services()
        ids = self.host.workspace.selected_observation_ids()
        if services is None or not ids:
            return
        session, review = services
        observation = session.vault.observation(ids[0])
        if observation is None:
            return
        if not is_klant_feedback(observation):
            messages.status(
                self.tr("Alleen bij feedback van de klant wordt om toestemming gevraagd.")
            )
            return
        labels = [self.tr(SHARING_LABELS[state]) for state in SharingState]
        current = list(SharingState).index(observation.sharing_state)
        label = messages.ask_item(
            self.host.dialog_parent(),
            self.tr("Klantfeedback delen"),
            self.tr("Wat zei de klant: mag dit naar de klantmanager?"),
            labels,
            current,
        )
        if label is None:
            return
        state = list(SharingState)[labels.index(label)]
        try:
            review.sessions.set_sharing(observation, state, role=session.identity.role)
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        self.host.workspace.reload_observations()

    # -- keep fragments only ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether fragments are being cut right now."""
        return self._job is not None

    def keep_fragments_only(self) -> None:
        """Replace the open recording by its fragments, after a clear confirmation."""
        services = self._services()
        recording = self.host.workspace.recording
        if services is None or recording is None or self.busy:
            return
        session, review = services
        self.host.workspace.clip_commands.flush_edits()
        try:
            preview = review.keep_fragments.preview(recording.id, session.identity.role)
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        if not self.confirm_keep_fragments(preview):
            return
        self.host.show_library()  # closes the recording: nothing reads it while it is cut
        self._run_keep(review, session, recording.id, len(preview.fragments))

    def confirm_keep_fragments(self, preview: KeepFragmentsPreview) -> bool:
        """Ask, showing exactly what will happen (tests replace this)."""
        question, details = self.keep_fragments_text(preview)
        return messages.confirm(
            self.host.dialog_parent(),
            self.tr("Alleen fragmenten bewaren"),
            question,
            details,
            self.tr("Alleen fragmenten bewaren"),
            self.tr("Annuleren"),
        )

    def keep_fragments_text(self, preview: KeepFragmentsPreview) -> tuple[str, str]:
        """The question and its details: the preview's figures are what the cut produces
        (overlapping fragments merged, exact lengths, only observations the asker may see)."""
        recording = preview.recording
        question = self.tr("Van '{0}' alleen de gemarkeerde fragmenten bewaren?").format(
            recording.title
        )
        lines = [
            self.tr(
                "%n nieuwe opname(n), samen {0} van de {1}.", "", preview.fragment_count
            ).format(format_clip_time(preview.kept_ms), format_clip_time(recording.duration_ms)),
        ]
        if preview.clip_count != preview.fragment_count:
            lines.append(
                self.tr(
                    "Er zijn %n fragmenten gemarkeerd; wat overlapt of aansluit, wordt één opname.",
                    "",
                    preview.clip_count,
                )
            )
        lines += [
            self.tr("{0} van de opname wordt vernietigd.").format(
                format_clip_time(preview.removed_ms)
            ),
            self.tr(
                "%n waarneming(en) binnen de fragmenten gaan mee.", "", preview.observations_inside
            ),
            self.tr(
                "%n waarneming(en) daarbuiten blijven als tekst bewaard, gemarkeerd als "
                "'opname verwijderd'.",
                "",
                preview.observations_outside,
            ),
            "",
            self.tr(
                "Elk fragment wordt een eigen versleutelde opname, met dezelfde toestemming. "
                "De volledige opname wordt daarna definitief vernietigd: de sleutel wordt "
                "gewist en niemand kan haar nog openen. Dit kan niet ongedaan worden gemaakt."
            ),
        ]
        return question, "\n".join(lines)

    def _run_keep(
        self, review: ReviewServices, session: VaultSession, recording_id: str, count: int
    ) -> None:
        role = session.identity.role
        keep = review.keep_fragments
        job: BackgroundJob[KeepFragmentsResult] = BackgroundJob(
            lambda handle: keep.run(
                recording_id, role=role, progress=handle.progress, cancel=handle.token
            ),
            name="vknz-keep-fragments",
            parent=self,
        )
        progress = QProgressDialog(
            self.tr("Fragmenten knippen en versleutelen…"),
            self.tr("Afbreken"),
            0,
            count + 1,
            self.host.dialog_parent(),
        )
        progress.setWindowTitle(self.tr("Alleen fragmenten bewaren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        self._progress = progress
        job.progressed.connect(self._on_worker_progress)
        job.succeeded.connect(lambda result: self._on_worker_done(result, None))
        job.failed.connect(lambda error: self._on_worker_done(None, error))
        self._job = job
        job.start()
        log.info("keep fragments started: %d fragment(s)", count)

    def _on_worker_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _on_worker_done(
        self, result: KeepFragmentsResult | None, error: BaseException | None
    ) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self.host.session is not None:
            self.host.refresh_library()
        if isinstance(error, ImportCancelledError):
            messages.status(self.tr("Afgebroken: de opname is ongewijzigd."), 8000)
            return
        if isinstance(error, KnownError):
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        if error is not None:
            raise error
        assert result is not None
        log.info("keep fragments done: %d recording(s)", len(result.recordings))
        self.host.recordings_added(result.recordings)  # thumbnails, in the background
        messages.status(
            " ".join(
                (
                    self.tr(
                        "%n fragment(en) bewaard als nieuwe opname(s).", "", len(result.recordings)
                    ),
                    self.tr("%n waarneming(en) gingen mee,", "", result.observations_moved),
                    self.tr(
                        "%n bleven als tekst bij de oude opname.",
                        "",
                        result.observations_kept_as_text,
                    ),
                    self.tr("De volledige opname is vernietigd."),
                )
            ),
            RESULT_STATUS_MS,
        )
        self.keepFragmentsDone.emit(result)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until keep-fragments is done; False on timeout (for tests)."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        while self.busy and timer.isActive():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return not self.busy

    def shutdown_worker(self) -> None:
        """Cancel cutting (at the next fragment) and wait for the worker (lock, quit)."""
        if self._job is not None:
            self._job.shutdown(60)


__all__ = ["ReviewFeature"]

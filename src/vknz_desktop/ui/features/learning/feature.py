"""Leerdoelen, the learning summary and the team learning agenda, installed through the Host.

Adds to *Bestand*: Leerdoelen (Ctrl+G), Leersamenvatting maken… (Ctrl+E) and
Teamleeragenda…; to *Waarnemingen*: a leerdoel from the selected observations
(Ctrl+Shift+G) and *Terugkijken afronden…*. The leerdoelen page brings its own undo stack
(the shell's undo group switches to it there). After unlocking, the de-identification worker
process starts at low priority, so that an export rarely has to wait (when it has to, the
preview shows progress), and the user's own name joins the name register; before the vault
closes the worker is stopped. Services come with the vault's session (``session.learning``);
the export adapters with ``LearningBackend`` (see ``export.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.goals import Evidence, EvidenceKind, evidence_for
from vknz_desktop.domain.models import Observation
from vknz_desktop.domain.summary import SummaryStore
from vknz_desktop.domain.visibility import visible_to
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.learning.export import (
    DeidentifierLoader,
    LearningBackend,
    SummaryExport,
)
from vknz_desktop.ui.features.learning.goals_view import AddGoal, ChangeGoal, EvidenceRow, GoalsView
from vknz_desktop.ui.shell.actions import ActionSpec
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.session import LearningServices, VaultSession
from vknz_desktop.ui.shell.shell_actions import FILE, FILE_PAGES, OBSERVATIONS, OVERLAY_PAGES

if TYPE_CHECKING:
    from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog
    from vknz_desktop.ui.features.learning.summary_preview import SummaryPreviewDialog
    from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog

log = logging.getLogger(__name__)

#: Status messages of this feature stay this long (ms).
SAVED_STATUS_MS = 6000


class LearningFeature(QObject):
    """Menus, the leerdoelen page and the export and agenda dialogs."""

    def __init__(self, host: Host, backend: LearningBackend) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.backend = backend
        self.loader = DeidentifierLoader(
            backend.preload, backend.is_loaded, self, backend.preload_waiting
        )
        self.loader.failed.connect(self._on_preload_failed)
        self.goals_view = GoalsView(host.profiles, host.dialog_parent())
        host.add_page(
            self.goals_view,
            title=lambda: self.tr("Leerdoelen — VKNZ"),
            undo_stack=self.goals_view.undo_stack,
        )
        self._dialogs: list[GoalDialog | SummaryPreviewDialog | TeamAgendaDialog] = []
        self._connect()
        self._install_actions()

    def _connect(self) -> None:
        self.goals_view.playRequested.connect(self.play_evidence)
        self.goals_view.summaryRequested.connect(self.show_summary_preview)
        self.goals_view.backRequested.connect(self.host.show_library)
        self.host.events.vaultOpened.connect(self._on_vault_opened)

    # -- actions ------------------------------------------------------------------------------
    def _install_actions(self) -> None:
        add = self.host.registry.add
        needs_vault = self.host.needs_vault
        needs_recording = self.host.needs_recording
        add(
            ActionSpec(
                "learning.goals",
                self.tr("&Leerdoelen"),
                self.show_goals,
                ("Ctrl+G",),
                FILE,
                FILE_PAGES,
                available=needs_vault,
                overlay=OVERLAY_PAGES + 11,
            )
        )
        add(
            ActionSpec(
                "learning.summary",
                self.tr("Leer&samenvatting maken…"),
                self.show_summary_preview,
                ("Ctrl+E",),
                FILE,
                FILE_PAGES,
                available=needs_vault,
                overlay=OVERLAY_PAGES + 11,
            )
        )
        add(
            ActionSpec(
                "learning.team_agenda",
                self.tr("&Teamleeragenda…"),
                self.show_team_agenda,
                menu=FILE,
                section=FILE_PAGES,
                available=needs_vault,
            )
        )
        add(
            ActionSpec(
                "learning.goal_from_selection",
                self.tr("Leer&doel maken van geselecteerde waarnemingen…"),
                self.new_goal_from_selection,
                ("Ctrl+Shift+G",),
                OBSERVATIONS,
                50,
                available=needs_recording,
                overlay=OVERLAY_PAGES + 10,
            )
        )
        add(
            ActionSpec(
                "learning.end_review",
                self.tr("Terugkijken &afronden en leerdoel maken…"),
                self.end_review,
                menu=OBSERVATIONS,
                section=50,
                available=needs_recording,
            )
        )

    def _on_vault_opened(self, session: VaultSession) -> None:
        """After an unlock: the de-identification worker starts at low priority (so that an
        export rarely waits), and the user's own name joins the vault's name register (so it
        never leaves in a summary, also when typed in a note)."""
        self.goals_view.undo_stack.clear()
        self.backend.start_in_background()
        self._register_own_name(session)

    @staticmethod
    def _register_own_name(session: VaultSession) -> None:
        name = session.identity.name.strip()
        learning = session.learning
        if not name or learning is None or not isinstance(learning.repository, SummaryStore):
            return
        try:
            learning.repository.register_names([name])
        except KnownError as error:  # e.g. a read-only vault: the summary still masks it
            log.info("own name not registered: %s", type(error).__name__)

    def shutdown(self) -> None:
        """Before the vault closes (lock, quit): close dialogs (their background work is
        cancelled), forget every goal shown, stop waiting for the de-identification worker and
        end it when it was given any text (``LearningBackend.stop``)."""
        for dialog in list(self._dialogs):
            dialog.reject()
            dialog.deleteLater()
        self._dialogs.clear()
        self.goals_view.clear()
        self.goals_view.undo_stack.clear()
        self.loader.cancel()
        self.backend.stop()

    def _on_preload_failed(self, reason: str) -> None:
        messages.status(
            self.tr(
                "Het anonimiseren kon niet worden voorbereid ({0}); exporteren lukt nu niet."
            ).format(reason),
            10_000,
        )

    # -- services -----------------------------------------------------------------------------
    def _services(self) -> tuple[VaultSession, LearningServices] | None:
        session = self.host.session
        if session is None or session.learning is None:
            return None
        return session, session.learning

    def summary_export(self) -> SummaryExport | None:
        """An export session on the open vault (None when locked)."""
        services = self._services()
        if services is None:
            return None
        session, learning = services
        return SummaryExport(
            learning.summary,
            learning.goals,
            self.backend,
            session.identity.role,
            (session.identity.name,),
        )

    # -- the leerdoelen page ------------------------------------------------------------------
    def show_goals(self, select_id: str | None = None) -> None:
        """Ctrl+G: the leerdoelen page (leaves the workspace like going to the library)."""
        services = self._services()
        if services is None:
            return
        _session, learning = services
        self.host.leave_workspace()
        try:
            self.goals_view.set_context(learning.goals, self.evidence_row)
            self.goals_view.reload(select_id)
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        self.host.show_page(self.goals_view)
        self.goals_view.tree.setFocus()

    def evidence_row(self, evidence: Evidence) -> EvidenceRow:
        """What the goals page and the summary preview show of one piece of evidence."""
        missing = EvidenceRow(evidence, "", "", None, None, False)
        services = self._services()
        if services is None:
            return missing
        session, learning = services
        titles = {r.id: r.title for r in session.vault.recordings()}
        if evidence.kind is EvidenceKind.OBSERVATION:
            observation = session.vault.observation(evidence.item_id)
            if observation is None:
                return missing
            text = observation.first_line
            if not visible_to(observation, session.identity.role):
                text = self.tr("(klantfeedback die niet gedeeld mag worden)")
            return EvidenceRow(
                evidence,
                text,
                titles.get(observation.recording_id, ""),
                observation.recording_id,
                observation.time_ms,
                observation.recording_id in titles,
                theme_id=observation.theme_id,
                profile_id=observation.profile_id,
            )
        clip = learning.repository.clip_info(evidence.item_id)
        if clip is None:
            return missing
        return EvidenceRow(
            evidence,
            clip.text.splitlines()[0] if clip.text.strip() else self.tr("Fragment"),
            titles.get(clip.recording_id, ""),
            clip.recording_id,
            clip.start_ms,
            clip.recording_id in titles,
            theme_id=clip.theme_id,
            profile_id=clip.profile_id,
        )

    def evidence_label(self, evidence: Evidence) -> str:
        """'0:18 · Ik vat samen…' for the preview's list (the title is not needed there)."""
        return self.evidence_row(evidence).label(with_title=False)

    def play_evidence(self, recording_id: str, time_ms: int) -> None:
        """Open the recording at the linked moment and play it."""
        self.host.open_recording(recording_id, time_ms)
        recording = self.host.workspace.recording
        if recording is not None and recording.id == recording_id:
            self.host.controller.play()

    # -- creating goals -----------------------------------------------------------------------
    def new_goal_from_selection(self) -> None:
        """'Maak leerdoel van deze waarnemingen' for the observations selected in the list."""
        workspace = self.host.workspace
        ids = workspace.selected_observation_ids()
        clip = workspace.selected_clip()
        if not ids and clip is None:
            messages.status(
                self.tr("Kies eerst een of meer waarnemingen in de lijst (of een fragment).")
            )
            return
        chosen = [o for o in workspace.observations if o.id in set(ids)]
        self._open_goal_dialog(
            chosen,
            set(ids),
            self.tr("Leerdoel maken"),
            self.tr("Wat wil je leren van deze momenten? Schrijf het in je eigen woorden."),
            clips=[clip] if clip is not None else [],
            preselected_clips={clip.id} if clip is not None else set(),
        )

    def end_review(self) -> None:
        """End of reviewing a recording: pick observations and turn them into a leerdoel."""
        workspace, session = self.host.workspace, self.host.session
        if workspace.recording is None or session is None:
            return
        workspace.save_pending_observation()
        role = session.identity.role
        observations = [o for o in workspace.observations if visible_to(o, role)]
        selected_clip = workspace.selected_clip()
        self._open_goal_dialog(
            observations,
            set(workspace.selected_observation_ids()),
            self.tr("Terugkijken afronden"),
            self.tr(
                "Wat neem je mee uit dit gesprek? Vink de waarnemingen aan die erbij horen en "
                "beschrijf wat je wilt leren."
            ),
            clips=workspace.recording_clips(),
            preselected_clips={selected_clip.id} if selected_clip is not None else set(),
        )

    def new_goal_from_session(self, session_id: str, observation_ids: list[str]) -> None:
        """The end of a review session: its observations become a leerdoel (or join one)."""
        session = self.host.session
        if session is None:
            return
        role = session.identity.role
        observations = [
            o
            for o in (session.vault.observation(i) for i in observation_ids)
            if o is not None and visible_to(o, role)
        ]
        self._open_goal_dialog(
            observations,
            {o.id for o in observations},
            self.tr("Leerdoel uit de sessie"),
            self.tr("Wat neem je mee uit deze sessie? Beschrijf wat je wilt leren."),
            session_id=session_id,
        )

    def _open_goal_dialog(
        self,
        observations: Sequence[Observation],
        preselected: set[str],
        title: str,
        intro: str,
        session_id: str | None = None,
        clips: Sequence[Clip] = (),
        preselected_clips: set[str] | None = None,
    ) -> GoalDialog | None:
        from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog

        services = self._services()
        if services is None:
            return None
        _session, learning = services
        dialog = GoalDialog(
            observations,
            preselected,
            learning.goals.goals(),
            self.host.profiles,
            title,
            intro,
            self.host.dialog_parent(),
            clips=clips,
            preselected_clips=preselected_clips,
        )
        dialog.accepted.connect(lambda: self._store_goal_dialog(dialog, session_id))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _store_goal_dialog(self, dialog: GoalDialog, session_id: str | None) -> None:
        services = self._services()
        if services is None:
            return
        _session, learning = services
        service = learning.goals
        result = dialog.result_value()
        chosen = [o for o in dialog.observations if o.id in result.observation_ids]
        clip_evidence = [
            Evidence(
                kind=EvidenceKind.CLIP,
                item_id=c.id,
                recording_id=c.recording_id,
                time_ms=c.start_ms,
                end_ms=c.end_ms,
            )
            for c in dialog.clips
            if c.id in result.clip_ids
        ]
        view = self.goals_view
        view.set_context(service, self.evidence_row)
        try:
            if result.goal_id is None:
                goal = service.create_from_observations(
                    chosen,
                    goal=result.goal,
                    why=result.why,
                    next_time=result.next_time,
                    extra_evidence=clip_evidence,
                    session_id=session_id,
                )
                view.undo_stack.push(AddGoal(view, goal, self.tr("Leerdoel maken")))
                message = self.tr("Leerdoel bewaard (Bestand → Leerdoelen, Ctrl+G).")
            else:
                existing = service.goal(result.goal_id)
                if existing is None:
                    return
                evidence = [*(evidence_for(o) for o in chosen), *clip_evidence]
                changed = service.link(existing, evidence)
                view.undo_stack.push(
                    ChangeGoal(view, existing, changed, self.tr("Bewijs toevoegen"))
                )
                message = self.tr("{0} moment(en) toegevoegd aan het leerdoel.").format(
                    len(evidence)
                )
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        messages.status(message, SAVED_STATUS_MS)

    def _keep(self, dialog: GoalDialog | SummaryPreviewDialog | TeamAgendaDialog) -> None:
        """Remember an open dialog (closed at a lock) until it finishes."""
        messages.track(dialog)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self._dialogs.append(dialog)

    def open_dialogs(self) -> list[GoalDialog | SummaryPreviewDialog | TeamAgendaDialog]:
        """The goal, preview and agenda dialogs that are open, oldest first."""
        return list(self._dialogs)

    def _forget(self, dialog: GoalDialog | SummaryPreviewDialog | TeamAgendaDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    # -- export and agenda --------------------------------------------------------------------
    def show_summary_preview(self) -> SummaryPreviewDialog | None:
        """Ctrl+E: choose, preview (replacements highlighted), confirm, then write."""
        from vknz_desktop.ui.features.learning.summary_preview import SummaryPreviewDialog

        export = self.summary_export()
        if export is None:
            return None
        self.host.workspace.save_pending_observation()
        try:
            goals = export.goals.goals()
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return None
        dialog = SummaryPreviewDialog(
            export, goals, self.evidence_label, self.loader, self.host.dialog_parent()
        )
        dialog.saved.connect(
            lambda path: messages.status(
                self.tr("Leersamenvatting opgeslagen: {0}").format(path), 8000
            )
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def show_team_agenda(self, paths: Sequence[Path] | None = None) -> TeamAgendaDialog | None:
        """File → Teamleeragenda: merge anonymised JSON summaries into one agenda."""
        from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog

        services = self._services()
        if services is None:
            return None
        session, learning = services
        role = session.identity.role
        repository = learning.repository

        def record(count: int) -> None:
            repository.record_export(role, {"kind": "teamleeragenda", "summaries": count})

        backend = self.backend
        dialog = TeamAgendaDialog(
            backend.load_summaries, backend.render_agenda, record, self.host.dialog_parent()
        )
        self._keep(dialog)
        dialog.open()
        if paths is None:
            dialog.choose_files()
        else:
            dialog.add_files(paths)
        return dialog


__all__ = ["LearningFeature"]

"""Leerdoelen, the learning summary and the team learning agenda, wired into the main window.

Adds to *Bestand*: Leerdoelen (Ctrl+G), Leersamenvatting maken… (Ctrl+E) and
Teamleeragenda…; to *Waarnemingen*: a leerdoel from the selected observations
(Ctrl+Shift+G) and *Terugkijken afronden…*; to *Bewerken*: undo/redo for goals (active on the
leerdoelen page). After unlocking, deduce's lookup tables are loaded in a background thread,
so that an export rarely has to wait; when it has to, the preview shows progress.

The adapters (vault repository, ``export.deidentify``, renderers, summary files) are injected
by app.py through :class:`LearningBackend`; this module never imports them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.goals import Evidence, EvidenceKind, GoalVault
from vknz_desktop.domain.models import Observation, Role
from vknz_desktop.domain.ports import OpenVault
from vknz_desktop.domain.summary import Deidentify, LearningSummary
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.summary import BuiltSummary, SummaryOptions, SummaryService
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.jobs import BackgroundJob

if TYPE_CHECKING:
    from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog
    from vknz_desktop.ui.features.learning.goals_view import EvidenceRow, GoalsView
    from vknz_desktop.ui.features.learning.summary_preview import SummaryPreviewDialog
    from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog
    from vknz_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "DeidentifierLoader",
    "LearningBackend",
    "LearningFeature",
    "SummaryExport",
]

#: File formats of the learning summary: code → (label, file suffix).
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "pdf"),
    "html": ("HTML (webpagina)", "html"),
    "md": ("Markdown", "md"),
    "json": ("JSON (voor de teamleeragenda)", "json"),
}


@dataclass(frozen=True)
class LearningBackend:
    """What app.py injects: the vault's goal repository and the export adapter's functions."""

    repository: Callable[[OpenVault], GoalVault]
    deidentify: Deidentify
    preload: Callable[[], None]
    is_loaded: Callable[[], bool]
    method: Callable[[], str]
    render: Callable[[LearningSummary, str, bool], str]  # summary, json|md|html, highlight
    load_summaries: Callable[[Sequence[Path]], tuple[Sequence[LearningSummary], Sequence[str]]]
    render_agenda: Callable[[Sequence[LearningSummary]], str]


class DeidentifierLoader(QObject):
    """Loads deduce's lookup tables once, in a background job (it takes seconds)."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self, preload: Callable[[], None], is_loaded: Callable[[], bool], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._preload = preload
        self._is_loaded = is_loaded
        self._job: BackgroundJob[None] | None = None
        self._started_at: float | None = None
        self.error: str | None = None

    @property
    def ready(self) -> bool:
        """Whether de-identifying can start at once."""
        return self._is_loaded()

    @property
    def busy(self) -> bool:
        """Whether the background load is running."""
        return self._job is not None and self._job.running

    def seconds_waited(self) -> float:
        """Seconds since the load started."""
        return 0.0 if self._started_at is None else time.monotonic() - self._started_at

    def start(self) -> None:
        """Start loading in the background (no-op when loaded or already loading)."""
        if self.ready or self.busy:
            return
        self.error = None
        self._started_at = time.monotonic()
        job: BackgroundJob[None] = BackgroundJob(
            lambda _handle: self._preload(), name="vknz-deduce", parent=self
        )
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start()
        log.info("deidentifier preload started")

    def _on_loaded(self, _result: object) -> None:
        log.info("deidentifier preload done")
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        # any failure is reported (logged and as a reason), never raised
        log.error("deidentifier preload failed", exc_info=error)
        self.error = type(error).__name__
        self.failed.emit(self.error)


class SummaryExport:
    """One export session: builds, renders and writes summaries for the open vault."""

    def __init__(
        self,
        service: SummaryService,
        goals: GoalService,
        backend: LearningBackend,
        role: Role,
        extra_names: Sequence[str] = (),
    ) -> None:
        self.service = service
        self.goals = goals
        self._backend = backend
        self._role = role
        self._extra_names = tuple(n for n in extra_names if n.strip())

    def build(self, options: SummaryOptions) -> BuiltSummary:
        """The summary for ``options`` with the vault's extra terms and the user's name."""
        terms = tuple(self.goals.extra_terms())
        names = (*options.extra_names, *self._extra_names)
        return self.service.build(
            replace(options, extra_terms=(*options.extra_terms, *terms), extra_names=names)
        )

    def render(self, built: BuiltSummary, file_format: str, highlight: bool = False) -> str:
        """The text of a format (PDF: the HTML it is printed from)."""
        kind = "html" if file_format == "pdf" else file_format
        return self._backend.render(built.summary, kind, highlight)

    def data(self, built: BuiltSummary, file_format: str) -> bytes:
        """The bytes that will be written."""
        if file_format == "pdf":
            from vknz_desktop.ui.features.learning.pdf_writer import pdf_bytes

            return pdf_bytes(self.render(built, "html"), "Leersamenvatting")
        return self.render(built, file_format).encode("utf-8")

    def save(self, built: BuiltSummary, file_format: str, path: Path) -> None:
        """Write the summary (atomically) and record the export in the audit log."""
        from vknz_desktop.files import SHARED_FILE_MODE, write_atomically

        try:
            write_atomically(path, self.data(built, file_format), mode=SHARED_FILE_MODE)
        except OSError as error:
            raise KnownError(
                f"De samenvatting kon niet worden opgeslagen in {path} ({error.strerror})."
            ) from error
        self.service.record_export(built, file_format, self._role)
        log.info("summary exported (%s, %d goals)", file_format, len(built.summary.goals))


class LearningFeature(QObject):
    """Menus, the leerdoelen page and the export and agenda dialogs."""

    def __init__(self, window: MainWindow, backend: LearningBackend | None) -> None:
        super().__init__(window)
        from vknz_desktop.ui.features.learning.goals_view import GoalsView

        self.window = window
        self.backend = backend
        self.loader = (
            DeidentifierLoader(backend.preload, backend.is_loaded, self) if backend else None
        )
        if self.loader is not None:
            self.loader.failed.connect(self._on_preload_failed)
        self.goals_view: GoalsView = GoalsView(window.context.profiles, window)
        window.stack.addWidget(self.goals_view)
        self.goals_view.playRequested.connect(self.play_evidence)
        self.goals_view.summaryRequested.connect(self.show_summary_preview)
        self.goals_view.backRequested.connect(window.show_library)
        self.goals_view.statusMessage.connect(
            lambda text: window.statusBar().showMessage(text, 5000)
        )
        self._dialogs: list[GoalDialog | SummaryPreviewDialog | TeamAgendaDialog] = []
        self._vault: OpenVault | None = None
        self._build_actions()
        review = getattr(window, "review", None)
        if review is not None and hasattr(review, "goal_handler"):
            review.goal_handler = self.new_goal_from_session
        window.stack.currentChanged.connect(lambda _index: self._on_page_changed())
        self._on_page_changed()

    # -- actions ------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: str | None, slot: Callable[[], object], menu: QMenu | None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        window = self.window
        tr = window.tr
        file_menu = window.file_menu
        first = window.lock_action  # inserted before Vergrendelen / Afsluiten
        self.goals_action = self._action(tr("&Leerdoelen"), "Ctrl+G", self.show_goals, None)
        self.summary_action = self._action(
            tr("Leer&samenvatting maken…"), "Ctrl+E", self.show_summary_preview, None
        )
        self.agenda_action = self._action(tr("&Teamleeragenda…"), None, self.show_team_agenda, None)
        for action in (self.goals_action, self.summary_action, self.agenda_action):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)

        obs_menu = window.observations_menu
        obs_menu.addSeparator()
        self.goal_from_selection_action = self._action(
            tr("Leer&doel maken van geselecteerde waarnemingen…"),
            "Ctrl+Shift+G",
            self.new_goal_from_selection,
            obs_menu,
        )
        self.end_review_action = self._action(
            tr("Terugkijken &afronden en leerdoel maken…"), None, self.end_review, obs_menu
        )

        edit_menu = window.edit_menu
        stack = self.goals_view.undo_stack
        self.undo_action = stack.createUndoAction(window, tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(window, tr("&Opnieuw"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        before = window.redo_action
        actions = edit_menu.actions()
        index = actions.index(before) + 1 if before in actions else len(actions)
        anchor = actions[index] if index < len(actions) else None
        for action in (self.undo_action, self.redo_action):
            window.addAction(action)
            if anchor is not None:
                edit_menu.insertAction(anchor, action)
            else:
                edit_menu.addAction(action)
        #: Listed in the shortcuts overlay ('?').
        self.global_actions = [
            self.goal_from_selection_action,
            self.goals_action,
            self.summary_action,
        ]
        stack.canUndoChanged.connect(lambda _can: self._update_actions())
        stack.canRedoChanged.connect(lambda _can: self._update_actions())

    def _on_page_changed(self) -> None:
        window = self.window
        vault = window.vault
        if vault is None:
            self.close_all()
        elif vault is not self._vault:
            self._vault = vault
            self.goals_view.undo_stack.clear()
            if self.loader is not None:
                self.loader.start()
        self._update_actions()

    def _update_actions(self) -> None:
        window = self.window
        unlocked = window.vault is not None and self.backend is not None
        on_goals = unlocked and window.stack.currentWidget() is self.goals_view
        in_workspace = unlocked and window.stack.currentWidget() is window.workspace
        for action in (self.goals_action, self.summary_action, self.agenda_action):
            action.setEnabled(unlocked)
        self.goal_from_selection_action.setEnabled(in_workspace)
        self.end_review_action.setEnabled(in_workspace)
        stack = self.goals_view.undo_stack
        self.undo_action.setEnabled(on_goals and stack.canUndo())
        self.redo_action.setEnabled(on_goals and stack.canRedo())
        # Only one pair of undo actions is visible: the workspace's or the goals'.
        self.undo_action.setVisible(on_goals)
        self.redo_action.setVisible(on_goals)
        window.undo_action.setVisible(not on_goals)
        window.redo_action.setVisible(not on_goals)

    def close_all(self) -> None:
        """Before the vault closes (lock, quit): close dialogs and forget every goal shown."""
        for dialog in list(self._dialogs):
            dialog.reject()
            dialog.deleteLater()
        self._dialogs.clear()
        self.goals_view.clear()
        self.goals_view.undo_stack.clear()
        self._vault = None

    def _on_preload_failed(self, reason: str) -> None:
        self.window.statusBar().showMessage(
            self.window.tr(
                "Het anonimiseren kon niet worden voorbereid ({0}); exporteren lukt nu niet."
            ).format(reason),
            10_000,
        )

    # -- services -----------------------------------------------------------------------------
    def _repository(self) -> GoalVault | None:
        vault = self.window.vault
        if vault is None or self.backend is None:
            return None
        return self.backend.repository(vault)

    def goal_service(self) -> GoalService | None:
        """Goal use cases on the open vault (None when locked)."""
        repository = self._repository()
        return GoalService(repository) if repository is not None else None

    def summary_export(self) -> SummaryExport | None:
        """An export session on the open vault (None when locked)."""
        vault, repository, backend = self.window.vault, self._repository(), self.backend
        if vault is None or repository is None or backend is None:
            return None
        service = SummaryService(
            repository,
            vault,
            self.window.context.profiles,
            backend.deidentify,
            method=backend.method(),
            clip_lookup=repository.clip_info,
            session_counter=repository.sessions_between,
        )
        return SummaryExport(
            service,
            GoalService(repository),
            backend,
            self.window.identity.role,
            (self.window.identity.name,),
        )

    # -- the leerdoelen page ------------------------------------------------------------------
    def show_goals(self, select_id: str | None = None) -> None:
        """Ctrl+G: the leerdoelen page (leaves the workspace like going to the library)."""
        window = self.window
        service = self.goal_service()
        if service is None or window.vault is None:
            return
        if window.workspace.recording is not None:
            window.workspace.save_pending_observation()
            window.workspace.close_recording()
        try:
            self.goals_view.set_context(service, self._evidence_row)
            self.goals_view.reload(select_id)
        except KnownError as error:
            messages.show_known_error(window, error)
            return
        window.stack.setCurrentWidget(self.goals_view)
        window.setWindowTitle(window.tr("Leerdoelen — VKNZ"))
        self.goals_view.tree.setFocus()

    def _evidence_row(self, evidence: Evidence) -> EvidenceRow:
        from vknz_desktop.ui.features.learning.goals_view import EvidenceRow

        vault, repository = self.window.vault, self._repository()
        missing = EvidenceRow(evidence, "", "", None, None, False)
        if vault is None or repository is None:
            return missing
        titles = {r.id: r.title for r in vault.recordings()}
        if evidence.kind is EvidenceKind.OBSERVATION:
            observation = vault.observation(evidence.item_id)
            if observation is None:
                return missing
            text = observation.first_line
            if not _visible(observation, self.window.identity.role):
                text = self.window.tr("(klantfeedback die niet gedeeld mag worden)")
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
        clip = repository.clip_info(evidence.item_id)
        if clip is None:
            return missing
        return EvidenceRow(
            evidence,
            clip.text.splitlines()[0] if clip.text.strip() else self.window.tr("Fragment"),
            titles.get(clip.recording_id, ""),
            clip.recording_id,
            clip.start_ms,
            clip.recording_id in titles,
            theme_id=clip.theme_id,
            profile_id=clip.profile_id,
        )

    def play_evidence(self, recording_id: str, time_ms: int) -> None:
        """Open the recording at the linked moment and play it."""
        window = self.window
        window.open_recording(recording_id, time_ms)
        if window.workspace.recording is not None and window.workspace.recording.id == recording_id:
            window.context.controller.play()

    # -- creating goals -----------------------------------------------------------------------
    def new_goal_from_selection(self) -> None:
        """'Maak leerdoel van deze waarnemingen' for the observations selected in the list."""
        window = self.window
        ids = window.workspace.observation_list.selected_ids()
        clip = _selected_clip(window)
        if not ids and clip is None:
            window.statusBar().showMessage(
                window.tr("Kies eerst een of meer waarnemingen in de lijst (of een fragment)."),
                5000,
            )
            return
        chosen = [o for o in window.workspace.observations if o.id in set(ids)]
        self._open_goal_dialog(
            chosen,
            set(ids),
            window.tr("Leerdoel maken"),
            window.tr("Wat wil je leren van deze momenten? Schrijf het in je eigen woorden."),
            clips=[clip] if clip is not None else [],
            preselected_clips={clip.id} if clip is not None else set(),
        )

    def end_review(self) -> None:
        """End of reviewing a recording: pick observations and turn them into a leerdoel."""
        window = self.window
        if window.workspace.recording is None:
            return
        window.workspace.save_pending_observation()
        role = window.identity.role
        observations = [o for o in window.workspace.observations if _visible(o, role)]
        clips = _recording_clips(window)
        selected_clip = _selected_clip(window)
        self._open_goal_dialog(
            observations,
            set(window.workspace.observation_list.selected_ids()),
            window.tr("Terugkijken afronden"),
            window.tr(
                "Wat neem je mee uit dit gesprek? Vink de waarnemingen aan die erbij horen en "
                "beschrijf wat je wilt leren."
            ),
            clips=clips,
            preselected_clips={selected_clip.id} if selected_clip is not None else set(),
        )

    def new_goal_from_session(self, session_id: str, observation_ids: list[str]) -> None:
        """The end of a review session: its observations become a leerdoel (or join one)."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return
        role = window.identity.role
        observations = [
            o
            for o in (vault.observation(i) for i in observation_ids)
            if o is not None and _visible(o, role)
        ]
        self._open_goal_dialog(
            observations,
            {o.id for o in observations},
            window.tr("Leerdoel uit de sessie"),
            window.tr("Wat neem je mee uit deze sessie? Beschrijf wat je wilt leren."),
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

        service = self.goal_service()
        if service is None:
            return None
        dialog = GoalDialog(
            observations,
            preselected,
            service.goals(),
            self.window.context.profiles,
            title,
            intro,
            self.window,
            clips=clips,
            preselected_clips=preselected_clips,
        )
        dialog.accepted.connect(lambda: self._store_goal_dialog(dialog, session_id))
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self._dialogs.append(dialog)
        dialog.open()
        return dialog

    def _store_goal_dialog(self, dialog: GoalDialog, session_id: str | None) -> None:
        from vknz_desktop.ui.features.learning.goals_view import AddGoal, ChangeGoal

        service = self.goal_service()
        if service is None:
            return
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
        view.set_context(service, self._evidence_row)
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
                view.undo_stack.push(AddGoal(view, goal, self.window.tr("Leerdoel maken")))
                message = self.window.tr("Leerdoel bewaard (Bestand → Leerdoelen, Ctrl+G).")
            else:
                existing = service.goal(result.goal_id)
                if existing is None:
                    return
                from vknz_desktop.domain.goals import evidence_for

                changed = service.link(
                    existing, [*(evidence_for(o) for o in chosen), *clip_evidence]
                )
                view.undo_stack.push(
                    ChangeGoal(view, existing, changed, self.window.tr("Bewijs toevoegen"))
                )
                message = self.window.tr("{0} moment(en) toegevoegd aan het leerdoel.").format(
                    len(chosen) + len(clip_evidence)
                )
        except KnownError as error:
            messages.show_known_error(self.window, error)
            return
        self.window.statusBar().showMessage(message, 6000)

    def _forget(self, dialog: QObject) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    # -- export and agenda --------------------------------------------------------------------
    def show_summary_preview(self) -> SummaryPreviewDialog | None:
        """Ctrl+E: choose, preview (replacements highlighted), confirm, then write."""
        from vknz_desktop.ui.features.learning.summary_preview import SummaryPreviewDialog

        window = self.window
        export = self.summary_export()
        if export is None or self.loader is None:
            return None
        if window.workspace.recording is not None:
            window.workspace.save_pending_observation()
        try:
            goals = export.goals.goals()
        except KnownError as error:
            messages.show_known_error(window, error)
            return None
        dialog = SummaryPreviewDialog(export, goals, self._evidence_label, self.loader, window)
        dialog.saved.connect(
            lambda path: window.statusBar().showMessage(
                window.tr("Leersamenvatting opgeslagen: {0}").format(path), 8000
            )
        )
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self._dialogs.append(dialog)
        dialog.open()
        return dialog

    def _evidence_label(self, evidence: Evidence) -> str:
        """'0:18 · Ik vat samen…' for the preview's list (the title is not needed there)."""
        row = self._evidence_row(evidence)
        return row.label(self.window.tr, with_title=False)

    def show_team_agenda(self, paths: Sequence[Path] | None = None) -> TeamAgendaDialog | None:
        """File → Teamleeragenda: merge anonymised JSON summaries into one agenda."""
        from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog

        window, backend, repository = self.window, self.backend, self._repository()
        if backend is None or repository is None:
            return None
        role = window.identity.role

        def record(count: int) -> None:
            repository.record_export(role, {"kind": "teamleeragenda", "summaries": count})

        dialog = TeamAgendaDialog(backend.load_summaries, backend.render_agenda, record, window)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self._dialogs.append(dialog)
        dialog.open()
        if paths is None:
            dialog.choose_files()
        else:
            dialog.add_files(paths)
        return dialog


def _selected_clip(window: MainWindow) -> Clip | None:
    """The fragment chosen in the workspace's clips panel, if any."""
    panel = getattr(window.workspace, "clips", None)
    return panel.selected_clip() if panel is not None and panel.available else None


def _recording_clips(window: MainWindow) -> list[Clip]:
    """The fragments of the recording under review."""
    panel = getattr(window.workspace, "clips", None)
    return list(panel.clips) if panel is not None and panel.available else []


def _visible(observation: Observation, role: Role) -> bool:
    """Klant feedback that may not be shared is hidden from everyone but klant/onderzoeker."""
    try:
        from vknz_desktop.domain.fragments import visible_to
    except ImportError:  # pragma: no cover - the fragments feature is part of the app
        return True
    return visible_to(observation, role)


def default_file_name(summary: LearningSummary, file_format: str) -> str:
    """'leersamenvatting-2026-10.pdf' (the last month of the period)."""
    suffix = FORMATS[file_format][1]
    return f"leersamenvatting-{summary.period.end[:7]}.{suffix}"

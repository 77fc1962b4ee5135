"""The reflection workspace: picture, play controls, timeline, Kijkwijzer and observations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QImage, QKeySequence, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.markers import is_marker, marker_label
from vknz_desktop.domain.models import Observation, Recording
from vknz_desktop.domain.ports import MediaAnalyzer, OpenVault
from vknz_desktop.domain.profiles import Profile
from vknz_desktop.domain.visibility import visible_to
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.ui.common import field_keys, messages
from vknz_desktop.ui.common.clipboard import SensitiveClipboard
from vknz_desktop.ui.common.identity import Identity, WorkspaceSettings
from vknz_desktop.ui.playback.analysis_worker import AnalysisWorker
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.workspace.clips_panel import ClipsPanel
from vknz_desktop.ui.workspace.kijkwijzer_panel import KijkwijzerPanel
from vknz_desktop.ui.workspace.observation_commands import (
    AddObservation,
    DeleteObservation,
    EditObservation,
)
from vknz_desktop.ui.workspace.observation_editor import ObservationDraft, ObservationEditor
from vknz_desktop.ui.workspace.observation_list import (
    FREE_COLOUR,
    MARKER_COLOUR,
    ObservationList,
    is_marker_item,
)
from vknz_desktop.ui.workspace.timeline.widget import TimelineMarker, TimelineWidget
from vknz_desktop.ui.workspace.timeline.zoom_bar import ZoomBar
from vknz_desktop.ui.workspace.transport_bar import TransportBar

DEFAULT_PROFILE_ID = "klantgesprek"
#: One step of the timeline's zoom (menu, buttons, + and -).
ZOOM_STEP = 1.5


class _Section(QWidget):
    """One part of the right column's splitter. Its minimum height follows its width (wrapped
    text, rows of buttons that wrap), so the splitter never squeezes it below what it needs at
    large text; it is shown and hidden with its part."""

    def __init__(self, part: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(part)
        self._part = part
        self.setVisible(not part.isHidden())
        part.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._part and event.type() in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
        ):
            self.setVisible(not self._part.isHidden())
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class RightColumn(QScrollArea):
    """The column beside the video (editor, Kijkwijzer, observations, clips). When the text is
    large and the screen small it scrolls instead of cutting its parts off; it is never
    narrower than its widest part, and whatever gets the keyboard focus is scrolled into view."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightColumn")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        self.viewport().installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        hint = super().minimumSizeHint()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        # (no setMinimumWidth: a fixed minimum would hide this one from the splitter)
        return QSize(max(340, width + margins.left() + margins.right()), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched in (
            self.widget(),
            self.viewport(),
        ):
            self.updateGeometry()  # the splitter beside it learns the new minimum width
        return super().eventFilter(watched, event)

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (inside the column) is visible, once the layout is done."""
        QTimer.singleShot(0, self, lambda: self._reveal_now(widget))

    def _reveal_now(self, widget: QWidget) -> None:
        content = self.widget()
        try:
            inside = content is not None and widget.isVisible() and content.isAncestorOf(widget)
        except RuntimeError:  # deleted in the meantime
            return
        if inside:
            self.ensureWidgetVisible(widget, 8, 8)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isVisible():
            self.reveal(new)


#: Timeline ids of the marks of sealed klant feedback (no observation has such an id).
HIDDEN_MARKER_PREFIX = "sealed:"


class Workspace(QWidget):
    """One recording under review (implements ``WorkspaceApi`` for the features)."""

    def __init__(
        self,
        controller: PlayerController,
        analyzer: MediaAnalyzer,
        profiles: Sequence[Profile],
        settings: WorkspaceSettings | None = None,
        identity: Identity | None = None,
        parent: QWidget | None = None,
        *,
        clipboard: SensitiveClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._analyzer = analyzer
        self._profiles = list(profiles)
        self._clipboard = clipboard
        self.settings = settings or WorkspaceSettings()
        self.identity = identity or Identity()
        self.undo_stack = QUndoStack(self)
        self._vault: OpenVault | None = None
        self._service: ObservationService | None = None
        self._sealed_times: Callable[[str], Sequence[int]] | None = None
        self._recording: Recording | None = None
        self._observations: list[Observation] = []
        self._resume_after_typing = False
        self._analysis: AnalysisWorker | None = None
        self._build()
        self._connect()

    def _build(self) -> None:
        from vknz_desktop.ui.workspace.video_view import VideoView

        self.video = VideoView(self)
        self.transport = TransportBar(self.controller, self)
        self.timeline = TimelineWidget(self)
        self.panel = KijkwijzerPanel(self)
        self.editor = ObservationEditor(self)
        self.observation_list = ObservationList(self)
        self.clips = ClipsPanel(self.controller, self.undo_stack, self.timeline, self.panel, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.video, 1)
        left_layout.addWidget(self.transport)
        left_layout.addWidget(self.timeline)
        self.zoom_bar = ZoomBar(self.timeline, left)
        left_layout.addWidget(self.zoom_bar)
        self.right_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        for index, (part, stretch) in enumerate(
            ((self.editor, 0), (self.panel, 3), (self.observation_list, 2), (self.clips, 2))
        ):
            right.addWidget(_Section(part, right))
            right.setStretchFactor(index, stretch)
        self.right_column = RightColumn(right, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_column)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([880, 460])
        self.splitter.setChildrenCollapsible(False)
        self._fitted_font = 0.0
        self._apply_text_size()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        # Esc in any field here, or a click on the picture, its buttons or the timeline, puts
        # the focus on the picture: the playback keys work again, nothing types into a field
        field_keys.install().set_home(self, self.focus_video, click_zone=left)
        self.copy_action = QAction(self.tr("Tekst kopiëren"), self.observation_list.table)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.observation_list.table.addAction(self.copy_action)

    def _connect(self) -> None:
        controller = self.controller
        controller.frameReady.connect(self._on_frame)
        controller.positionChanged.connect(self._on_position)
        controller.durationChanged.connect(self.timeline.set_duration)
        controller.errorOccurred.connect(messages.status)
        self.timeline.seekRequested.connect(controller.seek)
        self.timeline.markerActivated.connect(self._on_marker_activated)
        self.timeline.markerOpened.connect(self.edit_observation)
        self.transport.newObservationRequested.connect(self.new_observation)
        self.panel.questionChosen.connect(self.answer_question)
        self.panel.profileChosen.connect(self._on_profile_chosen)
        self.editor.saved.connect(self._on_editor_saved)
        self.editor.kept.connect(self._on_editor_kept)
        self.editor.cancelled.connect(self._on_editor_closed)
        self.editor.typingStarted.connect(self._on_typing_started)
        self.observation_list.seekRequested.connect(controller.seek)
        self.observation_list.editRequested.connect(self.edit_observation)
        self.observation_list.deleteRequested.connect(self.delete_observations)
        self.observation_list.copyRequested.connect(self.copy_selected_observations)
        self.clips.typingDone.connect(self.focus_video)
        self.observation_list.selectionChanged.connect(self.timeline.set_selected_marker)
        self.copy_action.triggered.connect(self.copy_selected_observations)

    # -- text size and column widths ---------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            # children take the new font after this event: measure them a moment later
            QTimer.singleShot(0, self, self._apply_text_size)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fitted_font != self.font().pointSizeF():
            QTimer.singleShot(0, self, self._fit_columns)

    def _apply_text_size(self) -> None:
        """Lists keep room for a few rows at any text size (the right column scrolls)."""
        line = self.fontMetrics().lineSpacing()
        self.panel.set_compact(self._text_is_large())
        self.observation_list.set_compact(self._text_is_large())
        self.panel.scroll_area.setMinimumHeight(line * 6)
        QTimer.singleShot(0, self, self._fit_first_question)
        # large text on a small screen: the observations get the room the folded filters and
        # explanations leave (the fragments are further down the scrolling column)
        list_rows = 5 if self._text_is_large() else 3
        for table, rows in ((self.observation_list.table, list_rows), (self.clips.table, 2)):
            header = table.horizontalHeader().sizeHint().height()
            row = max(table.verticalHeader().defaultSectionSize(), line + 6)
            table.setMinimumHeight(header + rows * row + 2 * table.frameWidth())
        self.right_column.updateGeometry()
        QTimer.singleShot(0, self, self._fit_columns)  # after the layouts took the new sizes

    def _text_is_large(self) -> bool:
        """Large text on a small screen (200 % on 1366x768, not 150 %, not 200 % on 1920x1080):
        fewer than 30 lines of text fit in the window's height."""
        return self.fontMetrics().lineSpacing() * 30 > self.window().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._text_is_large() != self.panel.compact:
            self._apply_text_size()

    def _fit_first_question(self) -> None:
        """The Kijkwijzer keeps room for at least its first whole question (and its theme)."""
        line = self.fontMetrics().lineSpacing()
        bottom = self.panel.first_question_bottom()
        if bottom > 0:
            wanted = min(bottom + line // 2, line * 14)
            self.panel.scroll_area.setMinimumHeight(max(line * 6, wanted))
            self.right_column.updateGeometry()

    def _fit_columns(self) -> None:
        """Give the right column room for its parts at this text size (after a change of the
        text size, or when first shown); the video keeps the rest."""
        if not self.isVisible():
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        self._fitted_font = self.font().pointSizeF()
        left = self.splitter.widget(0)
        left_min = left.minimumSizeHint().width() if left is not None else 0
        right_min = self.right_column.minimumSizeHint().width()
        wanted = max(right_min, round(total * 0.34), self.fontMetrics().averageCharWidth() * 45)
        right = max(right_min, min(wanted, total - left_min))
        self.splitter.setSizes([total - right, right])

    # -- opening and closing ------------------------------------------------------------------
    @property
    def recording(self) -> Recording | None:
        """The recording under review."""
        return self._recording

    @property
    def observations(self) -> list[Observation]:
        """The recording's observations in time order."""
        return list(self._observations)

    @property
    def clip_commands(self) -> ClipsPanel:
        """The clip commands (``WorkspaceApi``)."""
        return self.clips

    def selected_observation_ids(self) -> list[str]:
        """The observations chosen in the list."""
        return self.observation_list.selected_ids()

    def selected_clip(self) -> Clip | None:
        """The fragment chosen in the clips panel, if any."""
        return self.clips.selected_clip() if self.clips.available else None

    def recording_clips(self) -> list[Clip]:
        """The fragments of the recording under review."""
        return self.clips.clips if self.clips.available else []

    def focus_video(self) -> None:
        """Put the keyboard focus on the picture (the playback keys work from there)."""
        self.video.setFocus()

    def open(
        self,
        recording: Recording,
        vault: OpenVault,
        observations: ObservationService,
        position_ms: int = 0,
        *,
        clips: ClipService | None = None,
        sealed_times: Callable[[str], Sequence[int]] | None = None,
    ) -> None:
        """Show ``recording`` from ``vault``, paused at ``position_ms``; ``clips`` shows its
        fragments (none without); ``sealed_times(recording_id)`` gives the moments of the
        klant's sealed feedback, marked on the timeline without their words."""
        self.close_recording()
        self._vault = vault
        self._service = observations
        self._sealed_times = sealed_times
        self._recording = recording
        self.undo_stack.clear()
        self.video.clear()
        self.video.set_audio_only(not recording.media.has_video)
        self.timeline.clear()
        self.timeline.set_duration(recording.duration_ms)
        self.panel.set_profiles(self._profiles, recording.profile_id or DEFAULT_PROFILE_ID)
        QTimer.singleShot(0, self, self._fit_first_question)
        recording_id = recording.id
        self.controller.open(recording, lambda: vault.open_media(recording_id))
        self.reload_observations()
        self._analysis = AnalysisWorker(
            vault,
            self._analyzer,
            lambda rid: vault.open_media(rid),
            self,
        )
        self._analysis.thumbnailsReady.connect(self._on_thumbnails)
        self._analysis.waveformReady.connect(self._on_waveform)
        self._analysis.start(recording)
        if position_ms:
            self.controller.seek(position_ms)
        self.clips.open_recording(recording, clips)
        self.timeline.zoom_to_fit()

    def close_recording(self) -> None:
        """Stop playback and forget everything shown (used when leaving and when locking)."""
        if self._analysis is not None:
            self._analysis.cancel(wait=False)  # its stream closes below; it ends at once
            self._analysis.deleteLater()
            self._analysis = None
        self.clips.close_recording()
        self.controller.close_media()
        self.editor.discard()
        self.video.clear()
        self.timeline.clear()
        self.panel.clear()
        self.observation_list.clear()
        self.undo_stack.clear()
        self._observations = []
        self._recording = None
        self._vault = None
        self._service = None
        self._sealed_times = None

    def save_pending_observation(self) -> bool:
        """Store what is being typed (e.g. before a lock). Returns whether something was saved."""
        if not self.editor.active or self._service is None or self._recording is None:
            return False
        draft = self.editor.draft()
        self.editor.discard()
        if draft is None:
            return False
        self._store_draft(draft, record_undo=False)
        return True

    # -- observations -------------------------------------------------------------------------
    def _refused_read_only(self) -> bool:
        """Whether the vault is read-only (damaged); then says so in the status bar."""
        if self._vault is None or not self._vault.read_only:
            return False
        messages.status(
            self.tr("Alleen-lezen: de kluis is beschadigd; er kan niets worden gewijzigd.")
        )
        return True

    def new_observation(self) -> None:
        """M: start typing a free observation at the current moment (minus the reaction offset)."""
        if self._recording is None or self._refused_read_only():
            return
        self.editor.begin(self._anchor_time())
        if self.settings.pause_while_typing and self.controller.playing:
            self._pause_for_typing()
        self.right_column.reveal(self.editor)

    def answer_question(self, theme_id: str, question_id: str) -> None:
        """Answer a Kijkwijzer question at the current moment."""
        profile = self.panel.profile
        if self._recording is None or profile is None or self._refused_read_only():
            return
        theme = profile.theme(theme_id)
        question = profile.question(theme_id, question_id)
        if theme is None or question is None:
            return
        self.editor.begin(self._anchor_time(), theme, question)
        if self.settings.pause_while_typing and self.controller.playing:
            self._pause_for_typing()
        self.right_column.reveal(self.editor)

    def edit_observation(self, observation_id: str) -> None:
        """Open an existing observation in the editor."""
        existing = next((o for o in self._observations if o.id == observation_id), None)
        if existing is None or self._refused_read_only():
            return
        profile = self.panel.profile
        theme = profile.theme(existing.theme_id) if profile and existing.theme_id else None
        question = (
            profile.question(existing.theme_id, existing.question_id)
            if profile and existing.theme_id and existing.question_id
            else None
        )
        self.editor.begin(existing.time_ms, theme, question, existing)
        self.right_column.reveal(self.editor)

    def delete_observation(self, observation_id: str) -> None:
        """Delete an observation (undoable)."""
        self.delete_observations([observation_id])

    def delete_observations(self, observation_ids: Sequence[str]) -> None:
        """Delete observations; one Ctrl+Z brings them all back."""
        wanted = set(observation_ids)
        existing = [o for o in self._observations if o.id in wanted]
        service = self._service
        if not existing or service is None or self._refused_read_only():
            return
        count = len(existing)
        self.undo_stack.beginMacro(self.tr("%n waarneming(en) verwijderen", "", count))
        for observation in existing:
            self.undo_stack.push(
                DeleteObservation(service, observation, self.reload_observations, "")
            )
        self.undo_stack.endMacro()
        messages.status(
            self.tr("%n waarneming(en) verwijderd (Ctrl+Z maakt het ongedaan)", "", count)
        )

    def edit_selected_observation(self) -> None:
        """F2 or Enter (menu Waarnemingen): edit, or answer, the chosen observation."""
        ids = self.observation_list.selected_ids()
        if ids:
            self.edit_observation(ids[0])
        else:
            messages.status(self.tr("Kies eerst een waarneming in de lijst."))

    def delete_selected_observations(self) -> None:
        """Delete (menu Waarnemingen): the chosen observations."""
        ids = self.observation_list.selected_ids()
        if ids:
            self.delete_observations(ids)
        else:
            messages.status(self.tr("Kies eerst een waarneming in de lijst."))

    def _anchor_time(self) -> int:
        return max(0, self.controller.position_ms() + self.settings.reaction_offset_ms)

    def _pause_for_typing(self) -> None:
        self._resume_after_typing = True
        self.controller.pause()

    def _on_typing_started(self) -> None:
        if self.settings.pause_while_typing and self.controller.playing:
            self._pause_for_typing()

    def _on_editor_saved(self, draft: ObservationDraft) -> None:
        self._store_draft(draft, record_undo=True)
        self._on_editor_closed()

    def _on_editor_kept(self, draft: ObservationDraft) -> None:
        self._store_draft(draft, record_undo=True)
        messages.status(self.tr("Waarneming bewaard (Ctrl+Z maakt het ongedaan)"))
        self._on_editor_closed()

    def _on_editor_closed(self) -> None:
        if self._resume_after_typing and self.settings.resume_after_save:
            self.controller.play()
        self._resume_after_typing = False
        if self.isVisible():
            self.focus_video()  # not the next field in line: the keys are playback keys again

    def _store_draft(self, draft: ObservationDraft, *, record_undo: bool) -> None:
        service, recording = self._service, self._recording
        if service is None or recording is None:
            return
        profile = self.panel.profile
        if draft.existing is not None:
            after = service.update(draft.existing, text=draft.text, answer=draft.answer)
            if record_undo:
                self.undo_stack.push(
                    EditObservation(
                        service,
                        draft.existing,
                        after,
                        self.reload_observations,
                        self.tr("Waarneming bewerken"),
                    )
                )
            else:
                self.reload_observations()
            return
        created = service.create(
            recording.id,
            draft.time_ms,
            text=draft.text,
            answer=draft.answer,
            profile_id=profile.id if profile and draft.theme_id else None,
            theme_id=draft.theme_id,
            question_id=draft.question_id,
            author_role=self.identity.role,
            author_name=self.identity.name,
        )
        if record_undo:
            self.undo_stack.push(
                AddObservation(
                    service, created, self.reload_observations, self.tr("Waarneming toevoegen")
                )
            )
        else:
            self.reload_observations()
        self.observation_list.select(created.id)

    def reload_observations(self) -> None:
        """Read the observations again (after a change here, an undo, or by a feature)."""
        if self._service is None or self._recording is None:
            return
        # Klant feedback that may not be shared is hidden from the klantmanager everywhere.
        self._observations = [
            o
            for o in self._service.for_recording(self._recording.id)
            if visible_to(o, self.identity.role)
        ]
        profile = self.panel.profile
        self.observation_list.set_observations(self._observations, profile)
        self.timeline.set_markers(
            [
                TimelineMarker(o.id, o.time_ms, self._colour(o, profile), self._label(o))
                for o in self._observations
            ]
            + self._hidden_markers()
        )

    def _hidden_markers(self) -> list[TimelineMarker]:
        """Where the klant said something that is sealed (``domain.sealing``): a grey mark that
        says so, never the words."""
        if self._sealed_times is None or self._recording is None:
            return []
        text = self.tr(
            "Hier gaf de klant feedback. Alleen de onderzoeker kan die lezen, tot de klant "
            "toestemming geeft om het te delen."
        )
        return [
            TimelineMarker(f"{HIDDEN_MARKER_PREFIX}{n}", time_ms, FREE_COLOUR, text)
            for n, time_ms in enumerate(self._sealed_times(self._recording.id))
        ]

    def copy_selected_observations(self) -> None:
        """Ctrl+C in the observation list: copy their text, cleared again after 30 s."""
        ids = set(self.observation_list.selected_ids())
        texts = [o.text or o.answer for o in self._observations if o.id in ids]
        if texts and self._clipboard is not None:
            self._clipboard.copy("\n\n".join(texts))
            messages.status(
                self.tr("Gekopieerd; het klembord wordt over 30 seconden weer leeggemaakt.")
            )

    def _label(self, observation: Observation) -> str:
        """What the timeline shows of an observation; a marker not yet answered asks."""
        if is_marker(observation):
            return self.tr("{0}: Wat gebeurde hier? (dubbelklik om te beantwoorden)").format(
                marker_label(observation)
            )
        return observation.text or observation.answer

    @staticmethod
    def _colour(observation: Observation, profile: Profile | None) -> str:
        if is_marker_item(observation):
            return MARKER_COLOUR
        if profile and observation.theme_id:
            theme = profile.theme(observation.theme_id)
            if theme:
                return theme.colour
        return FREE_COLOUR

    # -- the timeline's zoom (menu Afspelen; + - 0 on the timeline too) -------------------------
    def zoom_in(self) -> None:
        """Show less of the recording, around the play head."""
        self.timeline.zoom_around_playhead(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Show more of the recording, around the play head."""
        self.timeline.zoom_around_playhead(1 / ZOOM_STEP)

    def zoom_to_fit(self) -> None:
        """Show the whole recording on the timeline."""
        self.timeline.zoom_to_fit()

    # -- playback plumbing --------------------------------------------------------------------
    def _on_frame(self, image: QImage) -> None:
        self.video.set_image(image)

    def _on_position(self, position_ms: int) -> None:
        self.timeline.set_position(position_ms)
        self.video.set_position(position_ms, self.controller.duration_ms)
        self.observation_list.follow_position(position_ms)

    def _on_marker_activated(self, observation_id: str) -> None:
        self.observation_list.select(observation_id)

    def _on_profile_chosen(self, profile_id: str) -> None:
        if self._vault is not None and self._recording is not None:
            self._vault.set_recording_profile(self._recording.id, profile_id)
        self.reload_observations()
        QTimer.singleShot(0, self, self._fit_first_question)

    def _on_thumbnails(self, recording_id: str, images: list[tuple[int, QImage]]) -> None:
        if self._recording is not None and recording_id == self._recording.id:
            self.timeline.set_thumbnails(images)

    def _on_waveform(self, recording_id: str, peaks: list[float]) -> None:
        if self._recording is not None and recording_id == self._recording.id:
            self.timeline.set_waveform(peaks)
            self.video.set_waveform(peaks)

"""Session mode: a calm full-window view for two people at one laptop.

The current fragment large, the preparer's prompt beside it, big buttons for previous, replay,
play/pause and next, and below two columns of observations side by side, one per perspective.
What is typed in a column is stored with the session and that column's perspective. Klant
feedback shows its sharing state; the onderzoeker records the klant's answer item by item, and
for the klantmanager such items stay hidden until the klant agreed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import SHARING_LABELS, ReviewSession, SessionSummary
from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.domain.visibility import Decision, is_klant_feedback
from vknz_desktop.services.review_sessions import (
    SHARING_ROLES,
    PlaylistEntry,
    ReviewSessionService,
)
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_clip_time, format_date, role_label
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.seek_slider import SeekSlider
from vknz_desktop.ui.playback.fragment_playback import FragmentPlayback
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.widgets.page_header import heading_label
from vknz_desktop.ui.workspace.video_view import VideoView

StreamOpener = Callable[[str], MediaStream]
_ID_ROLE = Qt.ItemDataRole.UserRole


def _big_button(text: str, accessible: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    button.setMinimumHeight(46)
    button.setMinimumWidth(130)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    button.setFont(font)
    return button


class PerspectiveColumn(QFrame):
    """The observations of one perspective in the current fragment, and a box to add one."""

    submitted = Signal(object, str)  # Role, text
    sharingChosen = Signal(str, object)  # observation id, SharingState
    seekRequested = Signal(int)  # a moment of the recording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.role = Role.KLANTMANAGER
        self.origin_ms = 0  # times are shown from the start of the fragment
        self.session_id = ""  # observations of other sessions are marked "eerder"
        self._observations: list[Observation] = []
        self._may_share = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.heading = heading_label("", self, 1.15)
        layout.addWidget(self.heading)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        self.hint_label.hide()
        layout.addWidget(self.hint_label)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        list_font = QFont(self.list.font())
        list_font.setPointSizeF(list_font.pointSizeF() * 1.08)
        self.list.setFont(list_font)
        self.list.setToolTip(self.tr("Dubbelklik of Enter: naar dit moment"))
        layout.addWidget(self.list, 1)
        self.sharing_row = QWidget(self)
        sharing = QHBoxLayout(self.sharing_row)
        sharing.setContentsMargins(0, 0, 0, 0)
        self.sharing_label = QLabel(self.tr("Mag dit naar de klantmanager?"), self.sharing_row)
        self.sharing_box = QComboBox(self.sharing_row)
        self.sharing_box.setAccessibleName(self.tr("Toestemming van de klant om dit te delen"))
        for state in SharingState:
            self.sharing_box.addItem(self.tr(SHARING_LABELS[state]), state.value)
        sharing.addWidget(self.sharing_label)
        sharing.addWidget(self.sharing_box, 1)
        layout.addWidget(self.sharing_row)
        entry = QHBoxLayout()
        self.input = QPlainTextEdit(self)
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        entry.addWidget(self.input, 1)
        self.save_button = QPushButton(self.tr("Vastleggen"), self)
        self.save_button.setMinimumHeight(self.input.height())
        entry.addWidget(self.save_button)
        layout.addLayout(entry)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.input)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.submit)
        self.save_button.clicked.connect(self.submit)
        self.list.currentRowChanged.connect(lambda _row: self._update_sharing_row())
        self.list.itemActivated.connect(self._on_activated)
        self.sharing_box.activated.connect(self._on_sharing_chosen)

    def set_perspective(self, role: Role, name: str, may_share: bool) -> None:
        """Which perspective this column shows (and whether sharing may be set here)."""
        self.role = role
        self._may_share = may_share
        title = role_label(role) + (f" · {name}" if name else "")
        self.heading.setText(title)
        # What the klant says stays with the onderzoeker until the klant agreed to share it.
        self.hint_label.setText(
            self.tr(
                "Wat de klant hier zegt, wordt bewaard; je ziet het pas als de klant toestemming "
                "geeft om het te delen."
            )
        )
        self.hint_label.setVisible(role == Role.KLANT and not may_share)
        self.setAccessibleName(self.tr("Kolom {0}").format(role_label(role)))
        self.list.setAccessibleName(self.tr("Waarnemingen van {0}").format(role_label(role)))
        self.input.setAccessibleName(self.tr("Nieuwe waarneming van {0}").format(role_label(role)))
        self.input.setPlaceholderText(
            self.tr("Wat ziet of hoort de {0}? Ctrl+Enter legt het vast.").format(
                role_label(role).lower()
            )
        )
        self.save_button.setAccessibleName(
            self.tr("Waarneming van {0} vastleggen").format(role_label(role))
        )

    def set_may_share(self, may_share: bool) -> None:
        """Whether the klant's answer may be recorded here (the onderzoeker's key opened or
        closed)."""
        self._may_share = may_share
        self.hint_label.setVisible(self.role == Role.KLANT and not may_share)
        self._update_sharing_row()

    def set_observations(self, observations: list[Observation]) -> None:
        """The column's observations in the current fragment."""
        keep = self.current_id()
        self._observations = observations
        with QSignalBlocker(self.list):
            self.list.clear()
            for observation in observations:
                moment = format_clip_time(max(0, observation.time_ms - self.origin_ms))
                text = f"{moment}   {observation.first_line}"
                if observation.session_id != self.session_id:
                    text = self.tr("{0}   (eerder)").format(text)
                if is_klant_feedback(observation):
                    text += "\n" + self.tr("Delen met klantmanager: {0}").format(
                        self.tr(SHARING_LABELS[observation.sharing_state])
                    )
                item = QListWidgetItem(text, self.list)
                item.setData(_ID_ROLE, observation.id)
                item.setToolTip(observation.text or observation.answer)
                if observation.id == keep:
                    self.list.setCurrentItem(item)
        self._update_sharing_row()

    def current_id(self) -> str | None:
        """The chosen observation's id."""
        item = self.list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else None

    def pending_text(self) -> str:
        """What is typed and not yet stored."""
        return self.input.toPlainText().strip()

    def submit(self) -> None:
        """Store what is typed (Ctrl+Enter or the button)."""
        text = self.pending_text()
        if not text:
            self.input.setFocus()
            return
        self.submitted.emit(self.role, text)

    def _on_activated(self, item: QListWidgetItem) -> None:
        found = next((o for o in self._observations if o.id == item.data(_ID_ROLE)), None)
        if found is not None:
            self.seekRequested.emit(found.time_ms)

    def _current(self) -> Observation | None:
        current = self.current_id()
        return next((o for o in self._observations if o.id == current), None)

    def _update_sharing_row(self) -> None:
        observation = self._current()
        show = self.role == Role.KLANT or (
            observation is not None and is_klant_feedback(observation)
        )
        self.sharing_row.setVisible(show and self._may_share)
        enabled = observation is not None and is_klant_feedback(observation)
        self.sharing_box.setEnabled(enabled)
        with QSignalBlocker(self.sharing_box):
            state = observation.sharing_state if enabled and observation else SharingState.NOT_ASKED
            self.sharing_box.setCurrentIndex(self.sharing_box.findData(state.value))

    def _on_sharing_chosen(self, _index: int) -> None:
        observation = self._current()
        if observation is not None:
            self.sharingChosen.emit(observation.id, SharingState(self.sharing_box.currentData()))


class SessionOverviewDialog(QDialog):
    """The short overview at the end of a session, with the offer to make leerdoelen."""

    def __init__(
        self, session: ReviewSession, summary: SessionSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sessie afgerond"))
        self.goals_wanted = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(session.title, self, 1.3))
        seen = QLabel(
            self.tr("Fragmenten bekeken: {0} van {1}").format(
                summary.fragments_seen, summary.fragments_total
            ),
            self,
        )
        layout.addWidget(seen)
        lines = [
            self.tr("{0}: %n waarneming(en)", "", count).format(role_label(role))
            for role, count in summary.observations.items()
        ]
        self.counts_label = QLabel("\n".join(lines), self)
        layout.addWidget(self.counts_label)
        hint = QLabel(
            self.tr(
                "Wat wil je hieruit meenemen? Maak van de waarnemingen een leerdoel: "
                "wat wil je de volgende keer anders proberen?"
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.goals_button = buttons.addButton(
            self.tr("Leerdoelen maken…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(
            self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.goals_button.clicked.connect(self._want_goals)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.summary_text = "\n".join([seen.text(), *lines])

    def _want_goals(self) -> None:
        self.goals_wanted = True
        self.accept()


class SessionView(QWidget):
    """Runs one prepared session on the main player."""

    finished = Signal(str)  # session id, after the overview
    goalsRequested = Signal(str, list)  # session id, observation ids
    closeRequested = Signal()

    def __init__(self, controller: PlayerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Samen terugkijken"))
        self.playback = FragmentPlayback(controller, self)
        self._service: ReviewSessionService | None = None
        self._open_stream: StreamOpener | None = None
        self._identity = Identity()
        self._session: ReviewSession | None = None
        self._entries: list[PlaylistEntry] = []
        self._index = -1
        self._seen: set[str] = set()
        self._skipped: list[PlaylistEntry] = []
        self.overview: SessionOverviewDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        outer.addLayout(self._build_top())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        upper = QWidget(splitter)
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(self._build_player(upper), 3)
        upper_layout.addWidget(self._build_side(upper), 2)
        splitter.addWidget(upper)
        splitter.addWidget(self._build_columns(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._connect()
        self._add_shortcuts()

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title_label = heading_label("", self, 1.35)
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.counter_label = heading_label("", self, 1.15)
        self.counter_label.setAccessibleName(self.tr("Welk fragment"))
        top.addWidget(self.counter_label)
        top.addSpacing(16)
        self.finish_button = QPushButton(self.tr("Sessie afronden"), self)
        self.finish_button.setAccessibleName(self.tr("Sessie afronden"))
        self.finish_button.setMinimumHeight(34)
        top.addWidget(self.finish_button)
        return top

    def _build_player(self, upper: QWidget) -> QVBoxLayout:
        """The picture, the position in the fragment and the four big buttons."""
        player = QVBoxLayout()
        self.video = VideoView(upper)
        self.video.setMinimumSize(360, 200)
        player.addWidget(self.video, 1)
        progress = QHBoxLayout()
        self.slider = SeekSlider(upper)
        self.slider.setAccessibleName(self.tr("Positie in het fragment"))
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        self.time_label = QLabel(upper)
        self.time_label.setMinimumWidth(110)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        progress.addWidget(self.slider, 1)
        progress.addWidget(self.time_label)
        player.addLayout(progress)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.previous_button = _big_button(
            self.tr("◀◀  Vorige"),
            self.tr("Vorig fragment"),
            self.tr("Vorig fragment (Page Up)"),
            upper,
        )
        self.replay_button = _big_button(
            self.tr("↺  Opnieuw"),
            self.tr("Fragment opnieuw afspelen"),
            self.tr("Fragment opnieuw afspelen (R)"),
            upper,
        )
        self.play_button = _big_button(
            self.tr("▶  Afspelen"),
            self.tr("Afspelen of pauzeren"),
            self.tr("Afspelen of pauzeren (spatie)"),
            upper,
        )
        self.next_button = _big_button(
            self.tr("Volgende  ▶▶"),
            self.tr("Volgend fragment"),
            self.tr("Volgend fragment (Page Down)"),
            upper,
        )
        for button in (
            self.previous_button,
            self.replay_button,
            self.play_button,
            self.next_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        player.addLayout(buttons)
        return player

    def _build_side(self, upper: QWidget) -> QFrame:
        """The fragment's title and source, its prompt, and notices."""
        side = QFrame(upper)
        side.setFrameShape(QFrame.Shape.StyledPanel)
        side.setMinimumWidth(260)
        side.setMaximumWidth(460)
        side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 12, 14, 12)
        self.fragment_label = heading_label("", side, 1.1)
        self.fragment_label.setWordWrap(True)
        side_layout.addWidget(self.fragment_label)
        self.source_label = QLabel(side)
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: palette(placeholder-text);")
        side_layout.addWidget(self.source_label)
        side_layout.addSpacing(10)
        self.prompt_title = QLabel(self.tr("Om naar te kijken"), side)
        self.prompt_title.setStyleSheet("color: palette(placeholder-text);")
        side_layout.addWidget(self.prompt_title)
        self.prompt_label = QLabel(side)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setAccessibleName(self.tr("Vraag bij dit fragment"))
        self.prompt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        prompt_font = QFont(self.prompt_label.font())
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.45)
        self.prompt_label.setFont(prompt_font)
        side_layout.addWidget(self.prompt_label)
        side_layout.addStretch(1)
        self.notice_label = QLabel(side)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel { background: #FFF4E5; color: #7A4100; padding: 6px; border-radius: 4px; }"
        )
        self.notice_label.hide()
        side_layout.addWidget(self.notice_label)
        return side

    def _build_columns(self, splitter: QSplitter) -> QWidget:
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.earlier_box = QCheckBox(self.tr("Ook waarnemingen van &eerder tonen"), lower)
        self.earlier_box.setAccessibleName(self.tr("Waarnemingen van eerdere sessies tonen"))
        lower_layout.addWidget(self.earlier_box)
        columns_layout = QHBoxLayout()
        columns_layout.setContentsMargins(0, 0, 0, 0)
        self.left_column = PerspectiveColumn(lower)
        self.right_column = PerspectiveColumn(lower)
        columns_layout.addWidget(self.left_column)
        columns_layout.addWidget(self.right_column)
        lower_layout.addLayout(columns_layout, 1)
        return lower

    def _connect(self) -> None:
        self.previous_button.clicked.connect(self.previous_fragment)
        self.next_button.clicked.connect(self.next_fragment)
        self.replay_button.clicked.connect(self.replay)
        self.play_button.clicked.connect(self.toggle_play)
        self.finish_button.clicked.connect(self.finish)
        self.slider.sliderMoved.connect(self.playback.seek)
        self.slider.actionTriggered.connect(lambda _action: self._on_slider_action())
        for column in (self.left_column, self.right_column):
            column.submitted.connect(self.add_observation)
            column.sharingChosen.connect(self.set_sharing)
            column.seekRequested.connect(self.playback.seek)
        self.playback.controller.frameReady.connect(self._on_frame)
        self.playback.positionChanged.connect(self._on_position)
        self.playback.playingChanged.connect(self._on_playing)
        self.playback.finished.connect(self._on_fragment_end)
        self.earlier_box.toggled.connect(lambda _on: self._reload_columns())

    def _add_shortcuts(self) -> None:
        for keys, slot in (
            ("Space", self.toggle_play),
            ("PgDown", self.next_fragment),
            ("PgUp", self.previous_fragment),
            ("R", self.replay),
            ("Ctrl+1", lambda: self.left_column.input.setFocus()),
            ("Ctrl+2", lambda: self.right_column.input.setFocus()),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- running ------------------------------------------------------------------------------
    @property
    def session(self) -> ReviewSession | None:
        """The session that runs."""
        return self._session

    @property
    def entries(self) -> list[PlaylistEntry]:
        """The fragments shown in this session (those with consent), in order."""
        return list(self._entries)

    @property
    def index(self) -> int:
        """Which fragment is shown (0-based)."""
        return self._index

    def start(
        self,
        service: ReviewSessionService,
        session_id: str,
        identity: Identity,
        open_stream: StreamOpener,
    ) -> None:
        """Begin a session at its first fragment (paused, with its prompt)."""
        self.save_pending()
        self._service = service
        self._open_stream = open_stream
        self._identity = identity
        self._session = service.session(session_id)
        playlist = service.playlist(session_id)
        self._entries = [e for e in playlist if e.playable]
        self._skipped = [e for e in playlist if not e.playable]
        self._seen = set()
        session = self._session
        day = f"  ·  {format_date(session.session_date)}" if session.session_date else ""
        self.title_label.setText(session.title + day)
        left, right = session.perspectives
        may_share = self._may_share()
        for column, role in ((self.left_column, left), (self.right_column, right)):
            name = next((p.display_name for p in session.participants if p.role == role), "")
            column.set_perspective(role, name, may_share)
            column.session_id = session_id
        self._set_earlier_choice(service.earlier_observations(session_id, identity.role))
        if self._skipped:
            self.notice_label.setText(
                self.tr("%n fragment(en) worden overgeslagen: {0}", "", len(self._skipped)).format(
                    self._skipped[0].problem or ""
                )
            )
        self.notice_label.setVisible(bool(self._skipped))
        self.show_fragment(0)

    def show_fragment(self, index: int) -> None:
        """Load fragment ``index`` paused at its start and show its prompt."""
        if not self._entries or self._open_stream is None:
            return
        index = max(0, min(index, len(self._entries) - 1))
        self._index = index
        entry = self._entries[index]
        self._seen.add(entry.item.id)
        recording_id = entry.recording.id
        opener = self._open_stream
        self.video.set_audio_only(not entry.recording.media.has_video)
        self.playback.load(
            entry.recording, lambda: opener(recording_id), entry.clip.start_ms, entry.clip.end_ms
        )
        clip = entry.clip
        self.counter_label.setText(
            self.tr("Fragment {0} van {1}").format(index + 1, len(self._entries))
        )
        # What a shared screen may show comes from the service: the heading ("Fragment 2 van
        # 5" where a klant takes part), the recording's neutral label when others watch, and
        # the preparer's prompt or a neutral default (never the fragment's private note).
        self.fragment_label.setText(entry.heading or self.tr("Fragment zonder titel"))
        self.source_label.setText(
            self.tr("{0}  ·  {1} – {2}").format(
                entry.recording.title,
                format_clip_time(clip.start_ms),
                format_clip_time(clip.end_ms),
            )
        )
        self.prompt_title.setVisible(entry.prompt.from_preparer)
        self.prompt_label.setText(entry.prompt.text)
        with QSignalBlocker(self.slider):
            self.slider.setRange(clip.start_ms, clip.end_ms)
            self.slider.setValue(clip.start_ms)
        self._show_time(clip.start_ms)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self._entries) - 1)
        self._reload_columns()

    def next_fragment(self) -> None:
        """The next fragment (PgDown)."""
        if self._index < len(self._entries) - 1:
            self.playback.pause()
            self.show_fragment(self._index + 1)

    def previous_fragment(self) -> None:
        """The previous fragment (PgUp)."""
        if self._index > 0:
            self.playback.pause()
            self.show_fragment(self._index - 1)

    def replay(self) -> None:
        """This fragment again from its start (R)."""
        self.playback.replay()

    def toggle_play(self) -> None:
        """Play or pause (space)."""
        self.playback.toggle()

    def current_entry(self) -> PlaylistEntry | None:
        """The fragment on screen."""
        return self._entries[self._index] if 0 <= self._index < len(self._entries) else None

    # -- observations -------------------------------------------------------------------------
    def add_observation(self, role: Role, text: str) -> Observation | None:
        """Store an observation typed in ``role``'s column at the current moment."""
        entry = self.current_entry()
        if self._service is None or self._session is None or entry is None:
            return None
        try:
            observation = self._service.add_observation(
                self._session, entry, role, text, self.playback.position_ms()
            )
        except KnownError as error:
            messages.show_known_error(self, error)
            return None
        column = self.left_column if role == self.left_column.role else self.right_column
        column.input.clear()
        self._reload_columns()
        return observation

    def set_sharing(self, observation_id: str, state: SharingState) -> None:
        """Record the klant's answer for one item (audited)."""
        if self._service is None:
            return
        found = self._find(observation_id)
        if found is None:
            return
        try:
            self._service.set_sharing(found, state, role=self._identity.role)
        except KnownError as error:
            messages.show_known_error(self, error)
        self._reload_columns()

    def save_pending(self) -> int:
        """Store what is typed in either column (before a lock or leaving); returns how many."""
        saved = 0
        for column in (self.left_column, self.right_column):
            text = column.pending_text()
            if text and self.add_observation(column.role, text) is not None:
                saved += 1
            column.input.clear()
        return saved

    # -- ending -------------------------------------------------------------------------------
    def finish(self) -> SessionOverviewDialog | None:
        """Close the session with a short overview (counts of what this screen may show)."""
        if self._service is None or self._session is None:
            return None
        self.save_pending()
        self.playback.pause()
        session = self._session
        service = self._service
        role = self._identity.role
        summary = service.finish(session.id, sorted(self._seen), role)
        observation_ids = [o.id for o in service.observations(session.id, role)]
        dialog = SessionOverviewDialog(session, summary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        messages.track(dialog)

        def done(_result: int) -> None:
            # closed by a lock: no goals asked for (the vault is closing); the view lets go
            if dialog.goals_wanted and not messages.closed_by_bridge(dialog):
                self.goalsRequested.emit(session.id, observation_ids)
            self.finished.emit(session.id)

        dialog.finished.connect(done)
        dialog.open()
        self.overview = dialog
        return dialog

    def leave(self) -> None:
        """Stop playback and forget the session (leaving, or a lock): typed text is kept."""
        self.save_pending()
        self.playback.unload()
        self.video.clear()
        self._service = None
        self._open_stream = None
        self._session = None
        self._entries = []
        self._index = -1
        for column in (self.left_column, self.right_column):
            column.set_observations([])
        self.title_label.clear()
        self.prompt_label.clear()
        self.fragment_label.clear()
        self.source_label.clear()
        with QSignalBlocker(self.earlier_box):
            self.earlier_box.setChecked(False)

    def refresh(self) -> None:
        """The onderzoeker's key opened or closed: the columns again (sealed items appear or
        disappear; with the key the klant's answer may be recorded whatever the role)."""
        if self._service is None or self._session is None:
            return
        for column in (self.left_column, self.right_column):
            column.set_may_share(self._may_share())
        self._reload_columns()

    # -- internals ----------------------------------------------------------------------------
    def _may_share(self) -> bool:
        key = self._service.onderzoeker if self._service is not None else None
        return self._identity.role in SHARING_ROLES or (key is not None and key.open)

    def _find(self, observation_id: str) -> Observation | None:
        entry = self.current_entry()
        if self._service is None or entry is None:
            return None
        return next(
            (o for o in self._column_observations(entry) if o.id == observation_id),
            None,
        )

    def _reload_columns(self) -> None:
        entry = self.current_entry()
        if self._service is None or entry is None:
            return
        observations = self._column_observations(entry)
        for column in (self.left_column, self.right_column):
            column.origin_ms = entry.clip.start_ms
            column.set_observations(
                [o for o in observations if (o.perspective or o.author_role) == column.role]
            )

    def _column_observations(self, entry: PlaylistEntry) -> list[Observation]:
        if self._service is None:
            return []
        return self._service.fragment_observations(
            entry,
            self._identity.role,
            include_earlier=self.earlier_box.isEnabled() and self.earlier_box.isChecked(),
        )

    def _set_earlier_choice(self, decision: Decision) -> None:
        """The toggle for earlier observations: off at the start, enabled only where the
        policy allows it (never with a klant watching), and the reason when not."""
        with QSignalBlocker(self.earlier_box):
            self.earlier_box.setChecked(False)
        self.earlier_box.setEnabled(decision.allowed)
        tip = (
            self.tr(
                "Waarnemingen uit eerdere sessies of van alleen terugkijken, gemarkeerd als eerder"
            )
            if decision.allowed
            else decision.reason
        )
        self.earlier_box.setToolTip(tip)
        self.earlier_box.setAccessibleDescription(tip)

    def _on_frame(self, image: QImage) -> None:
        if self.playback.loaded and self.isVisible():
            self.video.set_image(image)

    def _on_position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            with QSignalBlocker(self.slider):
                self.slider.setValue(position)
        self._show_time(position)
        entry = self.current_entry()
        if entry is not None:
            self.video.set_position(position - entry.clip.start_ms, entry.clip.duration_ms)

    def _on_slider_action(self) -> None:
        self.playback.seek(self.slider.sliderPosition())

    def _show_time(self, position: int) -> None:
        entry = self.current_entry()
        if entry is None:
            self.time_label.clear()
            return
        clip = entry.clip
        self.time_label.setText(
            f"{format_clip_time(max(0, position - clip.start_ms))} / "
            f"{format_clip_time(clip.duration_ms)}"
        )

    def _on_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("❚❚  Pauze") if playing else self.tr("▶  Afspelen"))

    def _on_fragment_end(self) -> None:
        self.play_button.setText(self.tr("▶  Afspelen"))

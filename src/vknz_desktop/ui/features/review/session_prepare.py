"""Preparing "samen terugkijken": sessions with a title, date, participants and the two
perspectives; an ordered playlist of fragments (drag to reorder) with a prompt each.

Everything that decides who may see what comes from ``ReviewSessionService`` (the consent and
visibility policy, ``domain.visibility``):

- a participant is added by choosing the role first: roles the playlist's consent does not
  allow are greyed out with the reason (``role_choices``), and ``add_participant`` stores;
- the clips to pick show each recording under its neutral label ("Opname 3, 12 okt.") unless
  only the klantmanager takes part, and a clip that may not be shown says why
  (``clip_choices``);
- the Start button is enabled by ``start_state`` and says why not.

Every change is stored at once; a prompt is stored as it is typed, and the playlist row keeps
its height while it changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import ReviewSession
from vknz_desktop.domain.models import Participant, Role
from vknz_desktop.domain.visibility import Audience, Decision
from vknz_desktop.services.review_sessions import (
    ClipChoice,
    PlaylistEntry,
    ReviewSessionService,
)
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import (
    format_clip_time,
    format_date,
    role_label,
    scope_labels,
)
from vknz_desktop.ui.library.consent_dialog import DATE_FORMAT, from_qdate, to_qdate
from vknz_desktop.ui.widgets.page_header import back_row

_ID_ROLE = Qt.ItemDataRole.UserRole
_PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: The order roles are offered in when adding a participant.
_PARTICIPANT_ROLES = (
    Role.KLANTMANAGER,
    Role.ONDERZOEKER,
    Role.KLANT,
    Role.COLLEGA,
    Role.LEIDINGGEVENDE,
)
#: The notice colours (warm, readable in light and dark schemes; high contrast overrides).
_NOTICE_SHEET = "QLabel { background: #FFF4E5; color: #7A4100; padding: 6px; border-radius: 4px; }"


def _notice_label(parent: QWidget) -> QLabel:
    """A hidden, word-wrapped notice for a reason something cannot be done."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setStyleSheet(_NOTICE_SHEET)
    label.hide()
    return label


def fragment_label(entry_title: str, clip_title: str, start_ms: int, end_ms: int) -> str:
    """``"Begroeting · 0:12,0 – 0:25,4  (Opname 1, 12 okt.)"``."""
    name = clip_title or QCoreApplication.translate("SessionPreparePage", "Fragment zonder titel")
    return f"{name} · {format_clip_time(start_ms)} – {format_clip_time(end_ms)}  ({entry_title})"


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


class SessionPreparePage(QWidget):
    """Sessions on the left; the chosen session's details, playlist and the clips to pick."""

    startRequested = Signal(str)  # session id
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Samen terugkijken voorbereiden"))
        self._service: ReviewSessionService | None = None
        self._session: ReviewSession | None = None
        self._entries: list[PlaylistEntry] = []
        self._loading = False
        self._role_choices: dict[Role, Decision] = {}
        self._start_state = Decision.no("")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 10)
        outer.addLayout(self._build_top())
        outer.addWidget(self.start_reason_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self._build_sessions(splitter)
        splitter.addWidget(self._build_detail(splitter))
        splitter.setSizes([240, 1000])
        splitter.setStretchFactor(1, 1)
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(500)
        self._title_timer.timeout.connect(self.flush)
        self._connect()
        self._add_shortcuts()
        self._update_enabled()

    def _build_top(self) -> QHBoxLayout:
        top, self.back_button = back_row(
            self,
            self.tr("← Bibliotheek"),
            self.tr("Terug naar de bibliotheek"),
            self.tr("Samen terugkijken voorbereiden"),
        )
        self.start_button = QPushButton(self.tr("Sessie starten ▶"), self)
        self.start_button.setAccessibleName(self.tr("Sessie starten"))
        self.start_button.setDefault(True)
        font = self.start_button.font()
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.setMinimumHeight(34)
        top.addWidget(self.start_button)
        self.start_reason_label = _notice_label(self)
        self.start_reason_label.setAccessibleName(self.tr("Waarom de sessie nog niet kan starten"))
        return top

    def _build_sessions(self, splitter: QSplitter) -> None:
        sessions_box = QGroupBox(self.tr("Sessies"), splitter)
        sessions_layout = QVBoxLayout(sessions_box)
        self.session_list = QListWidget(sessions_box)
        self.session_list.setAccessibleName(self.tr("Lijst met sessies"))
        self.session_list.setWordWrap(True)
        self.session_list.setSpacing(2)
        self.session_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sessions_layout.addWidget(self.session_list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nieuwe sessie"), sessions_box)
        self.new_button.setAccessibleName(self.tr("Nieuwe sessie"))
        self.delete_button = QPushButton(self.tr("Verwijderen"), sessions_box)
        self.delete_button.setAccessibleName(self.tr("Sessie verwijderen"))
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        sessions_layout.addLayout(row)
        splitter.addWidget(sessions_box)

    def _build_detail(self, splitter: QSplitter) -> QScrollArea:
        """The chosen session, in a scroll area so that it works with large text too."""
        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self._build_about(detail))
        lists = QSplitter(Qt.Orientation.Horizontal, detail)
        lists.setChildrenCollapsible(False)
        self._build_playlist(lists)
        self._build_clip_picker(lists)
        lists.setSizes([520, 420])
        lists.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)
        detail_layout.addWidget(lists, 1)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(detail)
        self._detail_scroll = scroll
        scroll.viewport().installEventFilter(self)  # its width decides fit_about
        return scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._detail_scroll.viewport():
            self.fit_about()
        return super().eventFilter(watched, event)

    def _build_about(self, detail: QWidget) -> QGroupBox:
        """Title, date, the two perspectives and the participants of the chosen session."""
        about = QGroupBox(self.tr("Sessie"), detail)
        # side by side; the participants under the form when the text is large (fit_about)
        about_layout = self._about_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, about)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit(about)
        self.title_edit.setAccessibleName(self.tr("Titel van de sessie"))
        self.title_edit.setPlaceholderText(self.tr("Bijvoorbeeld: terugkijken met de onderzoeker"))
        self.title_edit.setMaxLength(200)
        self.date_edit = QDateEdit(about)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setAccessibleName(self.tr("Datum van de sessie"))
        self.left_box = self._role_box(self.tr("Linker kolom (perspectief)"))
        self.right_box = self._role_box(self.tr("Rechter kolom (perspectief)"))
        form.addRow(self.tr("Titel:"), self.title_edit)
        form.addRow(self.tr("Datum:"), self.date_edit)
        form.addRow(self.tr("Linker kolom:"), self.left_box)
        form.addRow(self.tr("Rechter kolom:"), self.right_box)
        about_layout.addLayout(form, 1)
        self._form_layout = form
        self._people_layout = self._build_people(about)
        about_layout.addLayout(self._people_layout, 1)
        return about

    def about_direction(self) -> QBoxLayout.Direction:
        """How the session's form and its participants are placed now."""
        return self._about_layout.direction()

    def fit_about(self) -> None:
        """The session's form and its participants side by side when both fit, else one under
        the other (large text), so that no role name is cut off."""
        layout = getattr(self, "_about_layout", None)
        if layout is None:
            return
        needed = 110 * self.fontMetrics().averageCharWidth()  # both columns, readable
        room = self._detail_scroll.viewport().width()
        direction = (
            QBoxLayout.Direction.LeftToRight if needed <= room else QBoxLayout.Direction.TopToBottom
        )
        if layout.direction() != direction:
            layout.setDirection(direction)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_about()

    def _build_people(self, about: QGroupBox) -> QVBoxLayout:
        """The participants, and a row to add one: the role first, then the name."""
        people = QVBoxLayout()
        people.addWidget(QLabel(self.tr("Deelnemers (namen mogen schuilnamen zijn):"), about))
        self.participants = QTableWidget(0, 2, about)
        self.participants.setAccessibleName(self.tr("Deelnemers"))
        self.participants.setHorizontalHeaderLabels([self.tr("Rol"), self.tr("Naam")])
        self.participants.verticalHeader().hide()
        self.participants.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.participants.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.participants.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.participants.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.participants.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        people.addWidget(self.participants, 1)
        add_row = QHBoxLayout()
        self.new_role_box = QComboBox(about)
        self.new_role_box.setAccessibleName(self.tr("Rol van de nieuwe deelnemer"))
        self.new_role_box.setPlaceholderText(self.tr("Kies eerst een rol…"))
        self.new_role_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for role in _PARTICIPANT_ROLES:
            self.new_role_box.addItem(role_label(role), role.value)
        self.new_role_box.setCurrentIndex(-1)
        self.new_name_edit = QLineEdit(about)
        self.new_name_edit.setAccessibleName(self.tr("Naam van de nieuwe deelnemer"))
        self.new_name_edit.setPlaceholderText(self.tr("Naam of schuilnaam"))
        self.new_name_edit.setMaxLength(200)
        self.add_person_button = QPushButton(self.tr("Toevoegen"), about)
        self.add_person_button.setAccessibleName(self.tr("Deelnemer toevoegen"))
        add_row.addWidget(self.new_role_box)
        add_row.addWidget(self.new_name_edit, 1)
        add_row.addWidget(self.add_person_button)
        people.addLayout(add_row)
        self.role_reason_label = _notice_label(about)
        self.role_reason_label.setAccessibleName(self.tr("Waarom een rol niet kan"))
        people.addWidget(self.role_reason_label)
        remove_row = QHBoxLayout()
        self.remove_person_button = QPushButton(self.tr("Deelnemer weghalen"), about)
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_person_button)
        people.addLayout(remove_row)
        return people

    def _build_playlist(self, lists: QSplitter) -> None:
        playlist_box = QGroupBox(self.tr("Afspeellijst (sleep om de volgorde te wijzigen)"), lists)
        playlist_layout = QVBoxLayout(playlist_box)
        self.playlist = QListWidget(playlist_box)
        self.playlist.setAccessibleName(self.tr("Afspeellijst van de sessie"))
        self.playlist.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.playlist.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.playlist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.playlist.setWordWrap(False)
        self.playlist.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.playlist.setAlternatingRowColors(True)
        self.playlist.setUniformItemSizes(False)
        self.playlist.setSpacing(2)
        playlist_layout.addWidget(self.playlist, 1)
        order = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Omhoog"), playlist_box)
        self.up_button.setToolTip(self.tr("Eerder in de sessie (Alt+Pijl omhoog)"))
        self.down_button = QPushButton(self.tr("Omlaag"), playlist_box)
        self.down_button.setToolTip(self.tr("Later in de sessie (Alt+Pijl omlaag)"))
        self.remove_item_button = QPushButton(self.tr("Uit de lijst"), playlist_box)
        self.remove_item_button.setAccessibleName(self.tr("Fragment uit de afspeellijst halen"))
        for button in (self.up_button, self.down_button, self.remove_item_button):
            order.addWidget(button)
        order.addStretch(1)
        playlist_layout.addLayout(order)
        prompt_label = QLabel(self.tr("&Vraag of aandachtspunt bij dit fragment:"), playlist_box)
        playlist_layout.addWidget(prompt_label)
        self.prompt_edit = QPlainTextEdit(playlist_box)
        prompt_label.setBuddy(self.prompt_edit)
        self.prompt_edit.setAccessibleName(self.tr("Vraag bij het fragment"))
        self.prompt_edit.setPlaceholderText(
            self.tr("Bijvoorbeeld: let op de houding. Wat zag je de klant doen toen je dit zei?")
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        playlist_layout.addWidget(self.prompt_edit)
        lists.addWidget(playlist_box)

    def _build_clip_picker(self, lists: QSplitter) -> None:
        clips_box = QGroupBox(self.tr("Fragmenten uit de opnames"), lists)
        clips_layout = QVBoxLayout(clips_box)
        self.clip_tree = QTreeWidget(clips_box)
        self.clip_tree.setAccessibleName(self.tr("Fragmenten om toe te voegen"))
        self.clip_tree.setHeaderHidden(True)
        self.clip_tree.setRootIsDecorated(True)
        self.clip_tree.setWordWrap(True)
        clips_layout.addWidget(self.clip_tree, 1)
        self.reason_label = _notice_label(clips_box)
        self.reason_label.setAccessibleName(self.tr("Waarom dit fragment niet kan"))
        clips_layout.addWidget(self.reason_label)
        self.add_button = QPushButton(self.tr("← Aan de afspeellijst toevoegen"), clips_box)
        self.add_button.setAccessibleName(self.tr("Fragment aan de afspeellijst toevoegen"))
        clips_layout.addWidget(self.add_button)
        lists.addWidget(clips_box)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.backRequested)
        self.start_button.clicked.connect(self._on_start)
        self.new_button.clicked.connect(self.new_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.session_list.currentItemChanged.connect(lambda _c, _p: self._on_session_chosen())
        self.title_edit.textEdited.connect(lambda _text: self._title_timer.start())
        self.title_edit.editingFinished.connect(self.flush)
        self.date_edit.dateChanged.connect(lambda _day: self._save_details())
        self.left_box.activated.connect(lambda _i: self._save_details())
        self.right_box.activated.connect(lambda _i: self._save_details())
        self.new_role_box.currentIndexChanged.connect(lambda _i: self._update_add_row())
        self.new_name_edit.textChanged.connect(lambda _t: self._update_add_row())
        self.new_name_edit.returnPressed.connect(self._add_typed_participant)
        self.add_person_button.clicked.connect(self._add_typed_participant)
        self.remove_person_button.clicked.connect(self.remove_participant)
        self.participants.itemSelectionChanged.connect(self._update_enabled)
        self.playlist.currentRowChanged.connect(lambda _row: self._on_item_chosen())
        self.playlist.model().rowsMoved.connect(self._on_rows_moved)
        self.prompt_edit.textChanged.connect(self._on_prompt_typed)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.remove_item_button.clicked.connect(self.remove_item)
        self.clip_tree.currentItemChanged.connect(lambda _c, _p: self._on_clip_chosen())
        # Enter or a double-click adds the clip (itemActivated covers both).
        self.clip_tree.itemActivated.connect(lambda _item, _col: self.add_selected_clip())
        self.add_button.clicked.connect(self.add_selected_clip)

    def _add_shortcuts(self) -> None:
        for keys, slot in (
            ("Alt+Up", lambda: self.move_item(-1)),
            ("Alt+Down", lambda: self.move_item(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.playlist)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.playlist)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_item)

    # -- data ---------------------------------------------------------------------------------
    @property
    def session(self) -> ReviewSession | None:
        """The session being prepared."""
        return self._session

    @property
    def entries(self) -> list[PlaylistEntry]:
        """The playlist of the session being prepared, in order."""
        return list(self._entries)

    def set_service(self, service: ReviewSessionService | None) -> None:
        """Work with this vault's sessions (None when the vault locks)."""
        self.flush()
        self._service = service
        self._session = None
        self.refresh()

    def clear(self) -> None:
        """Show nothing (the vault locks)."""
        self.set_service(None)

    def refresh(self, select_id: str | None = None) -> None:
        """Reload the list of sessions and the chosen one."""
        keep = select_id or (self._session.id if self._session else None)
        with QSignalBlocker(self.session_list):
            self.session_list.clear()
            sessions = self._service.sessions() if self._service else []
            for session in sessions:
                day = format_date(session.session_date) if session.session_date else ""
                item = QListWidgetItem(f"{session.title}\n{day}".strip(), self.session_list)
                item.setData(_ID_ROLE, session.id)
                if session.ended_at is not None:
                    item.setToolTip(self.tr("Afgerond"))
            index = next((i for i, s in enumerate(sessions) if s.id == keep), 0 if sessions else -1)
            self.session_list.setCurrentRow(index)
        self._on_session_chosen()

    def playlist_ids(self) -> list[str]:
        """The item ids of the playlist, in the order shown."""
        return [str(self.playlist.item(row).data(_ID_ROLE)) for row in range(self.playlist.count())]

    # -- sessions -----------------------------------------------------------------------------
    def new_session(self) -> None:
        """A new session for today, titled so it can be renamed at once."""
        if self._service is None:
            return
        self.flush()
        session = self._service.create(
            self.tr("Samen terugkijken {0}").format(format_date(dt.date.today())),
            session_date=dt.date.today(),
        )
        self.refresh(session.id)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def delete_session(self) -> None:
        """Remove the chosen session (its observations stay with the recordings)."""
        if self._service is None or self._session is None:
            return
        if not messages.ask(
            self,
            self.tr("Sessie verwijderen"),
            self.tr(
                "De sessie '{0}' en haar afspeellijst verwijderen? De waarnemingen die erin "
                "zijn gemaakt blijven bij de opnames bewaard."
            ).format(self._session.title),
        ):
            return
        self._service.delete(self._session.id)
        self._session = None
        self.refresh()

    # -- participants -------------------------------------------------------------------------
    def role_choice(self, role: Role) -> Decision:
        """Whether someone with ``role`` may join the chosen session now (and if not, why)."""
        return self._role_choices.get(role, Decision.no(self.tr("Kies eerst een sessie.")))

    def add_participant(self, name: str, role: Role) -> bool:
        """Add someone whose role is chosen; False (and the reason shown, nothing stored) when
        a fragment in the playlist may not be shown to that role."""
        if self._service is None or self._session is None:
            return False
        self.flush()
        try:
            participant = Participant(display_name=name, role=role)
        except ValueError:
            self._show_role_reason(self.tr("Typ eerst een naam (een schuilnaam mag ook)."))
            return False
        try:
            self._session = self._service.add_participant(self._session, participant)
        except KnownError as error:
            self._show_role_reason(error.message)
            return False
        self._show_participants()
        self._after_people_changed()
        return True

    def _add_typed_participant(self) -> None:
        role_value = self.new_role_box.currentData()
        if role_value is None:
            self._show_role_reason(self.tr("Kies eerst de rol van de deelnemer."))
            self.new_role_box.setFocus()
            return
        if self.add_participant(self.new_name_edit.text(), Role(role_value)):
            self.new_name_edit.clear()
            with QSignalBlocker(self.new_role_box):
                self.new_role_box.setCurrentIndex(-1)
            self._update_add_row()
            self.new_role_box.setFocus()

    def remove_participant(self) -> None:
        """Remove the chosen participant."""
        row = self.participants.currentRow()
        if row < 0 or self._service is None or self._session is None:
            return
        people = list(self._session.participants)
        if row >= len(people):
            return
        del people[row]
        self._store_changes({"participants": tuple(people)})
        self._show_participants()
        self._after_people_changed()

    def _show_participants(self) -> None:
        people = self._session.participants if self._session is not None else ()
        self.participants.setRowCount(0)
        for row, person in enumerate(people):
            self.participants.insertRow(row)
            role_item = QTableWidgetItem(role_label(person.role))
            role_item.setData(_ID_ROLE, person.role.value)
            self.participants.setItem(row, 0, role_item)
            self.participants.setItem(row, 1, QTableWidgetItem(person.display_name))

    def _after_people_changed(self) -> None:
        self._refresh_role_choices()
        self._reload_playlist()
        self._refresh_clip_tree()

    def _refresh_role_choices(self) -> None:
        """Mark the roles the playlist's consent does not allow (the reason as tooltip)."""
        self._role_choices = (
            self._service.role_choices(self._session)
            if self._service is not None and self._session is not None
            else {}
        )
        for box in (self.new_role_box, self.left_box, self.right_box):
            for index in range(box.count()):
                role = Role(box.itemData(index))
                decision = self.role_choice(role)
                refused = self._session is not None and not decision.allowed
                text = role_label(role)
                box.setItemText(
                    index, self.tr("{0} (niet mogelijk)").format(text) if refused else text
                )
                box.setItemData(index, decision.reason, Qt.ItemDataRole.ToolTipRole)
        self._update_add_row()

    def _update_add_row(self) -> None:
        """The add button needs a role that may join and a name; a refused role says why."""
        role_value = self.new_role_box.currentData()
        decision = self.role_choice(Role(role_value)) if role_value is not None else None
        self.add_person_button.setEnabled(
            self._session is not None
            and decision is not None
            and decision.allowed
            and bool(self.new_name_edit.text().strip())
        )
        if decision is not None and not decision.allowed and self._session is not None:
            self._show_role_reason(decision.reason)
        else:
            self.role_reason_label.hide()

    def _show_role_reason(self, text: str) -> None:
        self.role_reason_label.setText(text)
        self.role_reason_label.show()

    # -- playlist -----------------------------------------------------------------------------
    def add_selected_clip(self) -> None:
        """Add the clip chosen on the right to the playlist (or say why it cannot be)."""
        item = self.clip_tree.currentItem()
        clip_id = item.data(0, _ID_ROLE) if item is not None else None
        if clip_id is None:
            self._show_reason(self.tr("Kies eerst een fragment uit een opname."))
            return
        self.add_clip(str(clip_id))

    def add_clip(self, clip_id: str) -> bool:
        """Append a clip; returns False (and shows the reason) when consent does not allow it."""
        if self._service is None or self._session is None:
            return False
        self.flush()
        try:
            item = self._service.add_clip(self._session.id, clip_id)
        except KnownError as error:
            self._show_reason(error.message)
            return False
        self._reload_playlist(item.id)
        self._refresh_role_choices()
        self.reason_label.hide()
        return True

    def move_item(self, delta: int) -> None:
        """Move the chosen fragment earlier (-1) or later (+1)."""
        row = self.playlist.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.playlist.count() or self._service is None:
            return
        ids = self.playlist_ids()
        ids.insert(target, ids.pop(row))
        self._reorder(ids, ids[target])

    def remove_item(self) -> None:
        """Take the chosen fragment out of the playlist."""
        item = self.playlist.currentItem()
        if item is None or self._service is None or self._session is None:
            return
        row = self.playlist.currentRow()
        self._service.remove_item(self._session.id, str(item.data(_ID_ROLE)))
        self._reload_playlist()
        self._refresh_role_choices()
        self.playlist.setCurrentRow(min(row, self.playlist.count() - 1))

    # -- saving -------------------------------------------------------------------------------
    def flush(self) -> None:
        """Store a title that is still being typed (prompts are stored as they are typed)."""
        if self._title_timer.isActive():
            self._title_timer.stop()
            self._save_details()

    def _save_details(self) -> None:
        if self._loading or self._service is None or self._session is None:
            return
        left = Role(self.left_box.currentData())
        right = Role(self.right_box.currentData())
        changes: dict[str, object] = {
            "title": self.title_edit.text().strip() or self._session.title,
            "session_date": from_qdate(self.date_edit.date()),
        }
        if left != right:
            changes["perspectives"] = (left, right)
        if not self._store_changes(changes):
            self._show_session()
            return
        current = self.session_list.currentItem()
        if current is not None and self._session is not None:
            day = format_date(self._session.session_date) if self._session.session_date else ""
            current.setText(f"{self._session.title}\n{day}".strip())
        self._after_people_changed()

    def _store_changes(self, changes: dict[str, object]) -> bool:
        if self._service is None or self._session is None:
            return False
        try:
            self._session = self._service.update(self._session, **changes)
        except KnownError as error:
            messages.show_known_error(self, error)
            return False
        except ValueError:
            return False
        return True

    def _on_prompt_typed(self) -> None:
        """Store the prompt at once; the row shows its first line without changing height."""
        if self._loading or self._service is None or self._session is None:
            return
        item = self.playlist.currentItem()
        if item is None:
            return
        item_id = str(item.data(_ID_ROLE))
        prompt = self.prompt_edit.toPlainText().strip()
        self._service.set_prompt(self._session.id, item_id, prompt)
        self._entries = [
            dataclasses.replace(e, item=e.item.model_copy(update={"prompt": prompt}))
            if e.item.id == item_id
            else e
            for e in self._entries
        ]
        self._decorate(item, self._entry(item_id))

    # -- internals ----------------------------------------------------------------------------
    def _role_box(self, accessible_name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(accessible_name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for role in Role:
            box.addItem(role_label(role), role.value)
        return box

    def _on_session_chosen(self) -> None:
        self.flush()
        item = self.session_list.currentItem()
        session_id = item.data(_ID_ROLE) if item is not None else None
        self._session = (
            self._service.session(str(session_id))
            if self._service is not None and session_id is not None
            else None
        )
        self._show_session()

    def _show_session(self) -> None:
        session = self._session
        self._loading = True
        try:
            self.title_edit.setText(session.title if session else "")
            self.date_edit.setDate(
                to_qdate(
                    session.session_date if session and session.session_date else dt.date.today()
                )
            )
            left, right = session.perspectives if session else (Role.ONDERZOEKER, Role.KLANTMANAGER)
            self.left_box.setCurrentIndex(max(0, self.left_box.findData(left.value)))
            self.right_box.setCurrentIndex(max(0, self.right_box.findData(right.value)))
            self.new_name_edit.clear()
            self.new_role_box.setCurrentIndex(-1)
        finally:
            self._loading = False
        self._show_participants()
        self._reload_playlist()
        self._refresh_role_choices()
        self._refresh_clip_tree()
        self._update_enabled()

    def _reload_playlist(self, select_id: str | None = None) -> None:
        keep = select_id
        if keep is None and self.playlist.currentItem() is not None:
            keep = str(self.playlist.currentItem().data(_ID_ROLE))
        self._entries = (
            self._service.playlist(self._session.id)
            if self._service is not None and self._session is not None
            else []
        )
        self._loading = True
        with QSignalBlocker(self.playlist):
            self.playlist.clear()
            for entry in self._entries:
                item = QListWidgetItem(self.playlist)
                item.setData(_ID_ROLE, entry.item.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                self._decorate(item, entry)
            rows = [e.item.id for e in self._entries]
            self.playlist.setCurrentRow(rows.index(keep) if keep in rows else (0 if rows else -1))
        self._loading = False
        self._ask_start_state()
        self._on_item_chosen()
        self._update_enabled()

    def _entry(self, item_id: str) -> PlaylistEntry | None:
        return next((e for e in self._entries if e.item.id == item_id), None)

    def _decorate(self, item: QListWidgetItem, entry: PlaylistEntry | None) -> None:
        """Two lines per fragment, always: the fragment, then its prompt (or that it has
        none), so that typing a prompt never changes the row's height."""
        if entry is None:
            return
        number = self._entries.index(entry) + 1
        text = f"{number}. " + fragment_label(
            entry.recording.title, entry.clip.title, entry.clip.start_ms, entry.clip.end_ms
        )
        prompt = _first_line(entry.item.prompt)
        second = prompt or self.tr("(nog geen vraag: de klant ziet een algemene vraag)")
        text += "\n    " + second
        if entry.problem:
            text += "\n    ⚠ " + entry.problem
            item.setForeground(QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))
        item.setText(text)
        item.setToolTip(entry.problem or entry.item.prompt or "")

    def _on_item_chosen(self) -> None:
        item = self.playlist.currentItem()
        entry = self._entry(str(item.data(_ID_ROLE))) if item is not None else None
        self._loading = True
        self.prompt_edit.setPlainText(entry.item.prompt if entry else "")
        self.prompt_edit.setEnabled(entry is not None)
        self._loading = False
        self._update_enabled()

    def _on_rows_moved(
        self,
        _parent: QModelIndex | QPersistentModelIndex,
        _start: int,
        _end: int,
        _destination: QModelIndex | QPersistentModelIndex,
        _row: int,
    ) -> None:
        if self._loading:
            return
        item = self.playlist.currentItem()
        current = str(item.data(_ID_ROLE)) if item is not None else None
        # The view finishes the move after this signal: read the order from the event loop.
        QTimer.singleShot(0, lambda: self._reorder(self.playlist_ids(), current))

    def _reorder(self, ids: list[str], select_id: str | None) -> None:
        if self._service is None or self._session is None:
            return
        self.flush()
        self._service.reorder(self._session.id, ids)
        self._reload_playlist(select_id)

    def _refresh_clip_tree(self) -> None:
        current = self.clip_tree.currentItem()
        keep = current.data(0, _ID_ROLE) if current is not None else None
        with QSignalBlocker(self.clip_tree):
            self.clip_tree.clear()
            if self._service is None or self._session is None:
                return
            private = Audience.of_session(self._session).private
            groups: dict[str, QTreeWidgetItem] = {}
            for choice in self._service.clip_choices(self._session):
                parent = groups.get(choice.recording.id)
                if parent is None:
                    parent = self._recording_row(choice, private)
                    groups[choice.recording.id] = parent
                child = self._clip_row(parent, choice)
                if choice.clip.id == keep:
                    self.clip_tree.setCurrentItem(child)
            if not groups:
                empty = QTreeWidgetItem(self.clip_tree)
                empty.setText(
                    0,
                    self.tr(
                        "Nog geen fragmenten. Open een opname en markeer fragmenten met I en O."
                    ),
                )
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.clip_tree.expandAll()
        self._on_clip_chosen()

    def _recording_row(self, choice: ClipChoice, private: bool) -> QTreeWidgetItem:
        """A recording: its neutral label, and its title only when the klantmanager is alone."""
        parent = QTreeWidgetItem(self.clip_tree)
        recording = choice.recording
        label = choice.label or self.tr("Opname")
        parent.setText(0, f"{label}  ·  {recording.title}" if private else label)
        bold = QFont(self.clip_tree.font())
        bold.setBold(True)
        parent.setFont(0, bold)
        parent.setToolTip(0, self.tr("Toestemming: {0}").format(scope_labels(recording.consent)))
        parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
        parent.setExpanded(True)
        return parent

    def _clip_row(self, parent: QTreeWidgetItem, choice: ClipChoice) -> QTreeWidgetItem:
        clip = choice.clip
        child = QTreeWidgetItem(parent)
        name = clip.title or self.tr("Fragment zonder titel")
        text = f"{name}  ·  {format_clip_time(clip.start_ms)} – {format_clip_time(clip.end_ms)}"
        child.setData(0, _ID_ROLE, clip.id)
        if choice.problem:
            child.setForeground(0, QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText)))
            text += "  " + self.tr("(geen toestemming)")
            child.setToolTip(0, choice.problem)
            child.setData(0, _PROBLEM_ROLE, choice.problem)
        child.setText(0, text)
        return child

    def _on_clip_chosen(self) -> None:
        item = self.clip_tree.currentItem()
        problem = item.data(0, _PROBLEM_ROLE) if item is not None else None
        if problem:
            self._show_reason(str(problem))
        else:
            self.reason_label.hide()
        self._update_enabled()

    def _show_reason(self, text: str) -> None:
        self.reason_label.setText(text)
        self.reason_label.show()

    def start_state(self) -> Decision:
        """Whether the chosen session can start, and if not, why (the service decides; asked
        again whenever the playlist or the people change)."""
        return self._start_state

    def _ask_start_state(self) -> None:
        if self._service is None or self._session is None:
            self._start_state = Decision.no(self.tr("Kies eerst een sessie, of maak een nieuwe."))
        else:
            self._start_state = self._service.start_state(self._session.id)

    def _on_start(self) -> None:
        self.flush()
        state = self.start_state()
        if self._session is None or not state.allowed:
            return
        self.startRequested.emit(self._session.id)

    def _update_enabled(self) -> None:
        has_session = self._session is not None
        for widget in (
            self.title_edit,
            self.date_edit,
            self.left_box,
            self.right_box,
            self.participants,
            self.new_role_box,
            self.new_name_edit,
            self.playlist,
            self.clip_tree,
            self.delete_button,
        ):
            widget.setEnabled(has_session)
        self.remove_person_button.setEnabled(
            has_session and bool(self.participants.selectedItems())
        )
        has_item = self.playlist.currentItem() is not None
        for button in (self.up_button, self.down_button, self.remove_item_button):
            button.setEnabled(has_item)
        item = self.clip_tree.currentItem()
        self.add_button.setEnabled(
            has_session and item is not None and item.data(0, _ID_ROLE) is not None
        )
        self._update_start()

    def _update_start(self) -> None:
        state = self.start_state()
        self.start_button.setEnabled(state.allowed)
        self.start_button.setToolTip(state.reason)
        self.start_button.setAccessibleDescription(state.reason)
        self.start_reason_label.setText(state.reason)
        self.start_reason_label.setVisible(not state.allowed and self._session is not None)

"""Help → AVG-verzoek: access to, or erasure of, everything about one participant.

For the privacy officer; the same rules as ``vknz gdpr`` (see ``cli/gdpr_commands.py``):

- *Inzage (versleuteld pakket)*: a new, separate vault protected by a passphrase asked twice;
- *Inzage (open map)*: plain files, only after typing ``ONVERSLEUTELD`` exactly;
- *Alles verwijderen*: every recording on which the participant appears, with all its
  observations, only after typing the participant's name exactly. Irreversible.

The work runs on a worker thread behind a progress dialog (exports can be cancelled; the
repository then removes what it wrote). Results hop back through queued signals. The audit log
gets the same entries as from the CLI: counts only, never names or content.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import ExportCancelledError, KnownError
from vknz_desktop.domain.gdpr import (
    PLAIN_EXPORT_CONFIRMATION,
    GdprRequests,
    confirms_plain_export,
)
from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.passphrase import MIN_LENGTH, PassphraseEstimator
from vknz_desktop.domain.ports import CancelToken, ProgressCallback
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.common.formatting import format_date, format_megabytes, role_label
from vknz_desktop.ui.common.jobs import PROGRESS_STEPS, BackgroundJob
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog

log = logging.getLogger(__name__)

#: What must be typed before plaintext is written (the same word as ``vknz gdpr --plain``).
PLAIN_CONFIRMATION = PLAIN_EXPORT_CONFIRMATION
#: Name of the new folder made inside a chosen folder that is not empty.
PACKAGE_FOLDER_PREFIX = "AVG-inzage"
#: Line width (characters) of questions in QInputDialog, whose label does not wrap by itself.
PROMPT_WIDTH = 72


@dataclass(frozen=True)
class _Request:
    """One privacy request: the work for the background job and what to do with its outcome."""

    title: str
    work: Callable[[ProgressCallback, CancelToken], list[Recording]]
    describe: Callable[[int, int], str]  # progress text for (done, total)
    on_done: Callable[[list[Recording]], None]
    on_failed: Callable[[], None]
    cancellable: bool
    os_error_text: Callable[[str], str]  # message for an OSError with this reason
    failure_note: str = ""  # added to the message of a refused (KnownError) request


class GdprProgressDialog(QDialog):
    """Progress of one privacy request; Afbreken (or Esc) asks the work to stop."""

    cancelRequested = Signal()

    def __init__(self, title: str, cancellable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        self._cancellable = cancellable
        self._cancelling = False
        self._finished = False
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Voortgang"))
        layout.addWidget(self.bar)
        self.cancel_button: QPushButton | None = None
        if cancellable:
            buttons = QDialogButtonBox(self)
            self.cancel_button = buttons.addButton(
                self.tr("Afbreken"), QDialogButtonBox.ButtonRole.RejectRole
            )
            self.cancel_button.setAccessibleName(self.tr("Afbreken"))
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)
        self.setAccessibleName(title)

    @property
    def cancelling(self) -> bool:
        """Whether the user asked to stop."""
        return self._cancelling

    def set_progress(self, done: int, total: int, text: str) -> None:
        """Show ``done`` of ``total`` with ``text`` (ignored once cancelling)."""
        if self._cancelling:
            return
        step = done * PROGRESS_STEPS // total if total > 0 else 0
        self.bar.setValue(min(step, PROGRESS_STEPS))
        self.label.setText(text)

    def reject(self) -> None:
        """Esc and Afbreken: ask the work to stop; the dialog stays until it has stopped."""
        if not self._cancellable or self._cancelling or self._finished:
            return
        self._cancelling = True
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 0)  # busy: removing what was written
        self.label.setText(self.tr("Bezig met afbreken; wat al geschreven is, wordt verwijderd…"))
        self.cancelRequested.emit()

    def finish(self) -> None:
        """Close for good (the work has ended)."""
        self._finished = True
        self.done(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()
        self.reject()


class GdprDialog(QDialog):
    """Participants of the vault; access (two kinds) and erasure for the one selected.

    ``erased(list of recording ids)`` fires after an erasure (also a partly failed one), so the
    library can be refreshed. ``before_erase(recording ids)`` is called first, so the main
    window can close whatever shows or reads those recordings.
    """

    erased = Signal(list)

    def __init__(
        self,
        requests: GdprRequests,
        role: Role | None,
        parent: QWidget | None = None,
        *,
        before_erase: Callable[[list[str]], None] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        estimator: PassphraseEstimator | None = None,
    ) -> None:
        super().__init__(parent)
        self.requests = requests
        self._estimator = estimator
        self._role = role
        self._before_erase = before_erase
        self._today = today
        self._closing = False
        self._job: BackgroundJob[list[Recording]] | None = None
        self._request: _Request | None = None
        self.progress: GdprProgressDialog | None = None
        self._recordings: list[Recording] = []

        self.setWindowTitle(self.tr("AVG-verzoek"))
        self.setAccessibleName(self.tr("AVG-verzoek"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Voor de privacyfunctionaris: inzage in, of verwijdering van, alles wat de kluis "
                "over één deelnemer bewaart. Elke handeling komt in het logboek, alleen met "
                "aantallen: nooit namen of inhoud."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        columns = QHBoxLayout()
        columns.addLayout(self._build_people(), 1)
        columns.addLayout(self._build_involved(), 1)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_actions())
        self.reload()
        # Big enough for long names and titles; grows with the text size. The layout sets the
        # minimum width (every button readable); the minimum height leaves room for the
        # word-wrapped texts, which the layout underestimates.
        self.setMinimumHeight(self.fontMetrics().height() * 24)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(self.sizeHint().expandedTo(QSize(max(820, 58 * em), max(520, 34 * em))))

    def _build_people(self) -> QVBoxLayout:
        """The participants, with a filter."""
        left = QVBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Zoek een deelnemer"))
        self.filter_edit.setAccessibleName(self.tr("Deelnemer zoeken"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        people_label = QLabel(self.tr("&Deelnemers"), self)
        people_label.setBuddy(self.filter_edit)
        left.addWidget(people_label)
        left.addWidget(self.filter_edit)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName(self.tr("Deelnemers"))
        self.table.setHorizontalHeaderLabels([self.tr("Naam"), self.tr("Rol")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        left.addWidget(self.table, 1)
        return left

    def _build_involved(self) -> QVBoxLayout:
        """What the request covers for the participant chosen."""
        right = QVBoxLayout()
        involved_label = QLabel(self.tr("&Wat valt onder het verzoek"), self)
        right.addWidget(involved_label)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting van het verzoek"))
        right.addWidget(self.summary)
        self.recording_list = QListWidget(self)
        self.recording_list.setAccessibleName(self.tr("Opnames van deze deelnemer"))
        self.recording_list.setWordWrap(True)
        self.recording_list.setAlternatingRowColors(True)
        involved_label.setBuddy(self.recording_list)
        self.recording_list.setMinimumHeight(self.fontMetrics().height() * 8)
        right.addWidget(self.recording_list, 1)
        return right

    def _build_actions(self) -> QHBoxLayout:
        """The three requests and Sluiten."""
        actions = QHBoxLayout()
        self.encrypted_button = QPushButton(self.tr("Inzage (versleuteld &pakket)…"), self)
        self.encrypted_button.setAccessibleName(self.tr("Inzage als versleuteld pakket"))
        self.encrypted_button.setToolTip(
            self.tr("Een aparte, versleutelde kluis met een eigen wachtwoord.")
        )
        self.encrypted_button.clicked.connect(self.export_encrypted)
        self.plain_button = QPushButton(self.tr("Inzage (&open map)…"), self)
        self.plain_button.setAccessibleName(self.tr("Inzage als onversleutelde map"))
        self.plain_button.setToolTip(
            self.tr("Gewone bestanden die iedereen met toegang tot de map kan openen.")
        )
        self.plain_button.clicked.connect(self.export_plain)
        self.erase_button = QPushButton(self.tr("Alles &verwijderen…"), self)
        self.erase_button.setAccessibleName(self.tr("Alles over deze deelnemer verwijderen"))
        self.erase_button.setToolTip(
            self.tr("Verwijdert elke opname waarop deze deelnemer staat. Niet terug te draaien.")
        )
        self.erase_button.clicked.connect(self.erase)
        for button in (self.encrypted_button, self.plain_button, self.erase_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_button = close_box.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Sluiten"))
        close_button.setAccessibleName(self.tr("Sluiten"))
        close_button.setAutoDefault(False)
        close_box.rejected.connect(self.reject)
        actions.addWidget(close_box)
        return actions

    # -- state --------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether a request is being carried out."""
        return self._request is not None

    def selected_name(self) -> str | None:
        """The participant chosen in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, name: str) -> bool:
        """Select the participant called ``name`` (any case); False when not listed."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and str(item.data(Qt.ItemDataRole.UserRole)).casefold() == (
                name.strip().casefold()
            ):
                self.table.selectRow(row)
                return True
        return False

    def reload(self) -> None:
        """Read the participants again (after an erasure); keeps the selection if possible."""
        chosen = self.selected_name()
        problem: str | None = None
        try:
            listed = self.requests.participants()
        except KnownError as error:
            listed, problem = [], error.message
        grouped: dict[str, tuple[str, list[str]]] = {}
        for name, role in listed:
            _shown, roles = grouped.setdefault(name.strip().casefold(), (name.strip(), []))
            label = _role_text(role)
            if label not in roles:
                roles.append(label)
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(grouped))
        for row, (shown, roles) in enumerate(
            sorted(grouped.values(), key=lambda pair: pair[0].casefold())
        ):
            name_item = QTableWidgetItem(shown)
            name_item.setData(Qt.ItemDataRole.UserRole, shown)
            role_item = QTableWidgetItem(", ".join(roles))
            for item in (name_item, role_item):
                item.setToolTip(item.text())  # shown in full when the column is narrow
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, name_item)
            self.table.setItem(row, 1, role_item)
        self._apply_filter(self.filter_edit.text())
        if chosen is None or not self.select(chosen):
            self.table.clearSelection()
            self._show_details(None)
        if problem is not None:
            self.summary.setText(problem)
        elif not grouped:
            self.summary.setText(self.tr("Er staan geen deelnemers in de kluis."))

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            name = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
            self.table.setRowHidden(row, bool(needle) and needle not in name.casefold())
        rows = self.table.selectionModel().selectedRows()
        if rows and self.table.isRowHidden(rows[0].row()):
            self.table.clearSelection()  # never act on someone the user cannot see

    def _on_selection_changed(self) -> None:
        self._show_details(self.selected_name())

    def _show_details(self, name: str | None) -> None:
        self.recording_list.clear()
        self._recordings = []
        if name is None:
            self.summary.setText(self.tr("Kies een deelnemer."))
            self._update_buttons()
            return
        try:
            recordings = self.requests.recordings_of(name)
            counts = self.requests.observation_counts(name)
        except KnownError as error:
            self.summary.setText(error.message)
            self._update_buttons()
            return
        recordings = sorted(
            recordings, key=lambda r: (r.conversation_date or dt.date.min, r.title.casefold())
        )
        self._recordings = recordings
        observations = sum(counts.get(r.id, 0) for r in recordings)
        shared = _shared_with_others(recordings, name)
        text = self.tr(
            "“{name}” staat op {recordings} opname(s), met {observations} waarneming(en)."
        )
        text = text.format(name=name, recordings=len(recordings), observations=observations)
        if shared:
            text += " " + self.tr(
                "Op {0} daarvan staan ook anderen: verwijderen haalt die opnames ook voor hen weg."
            ).format(shared)
        self.summary.setText(text)
        for recording in recordings:
            parts = [
                recording.title,
                format_date(recording.conversation_date),
                self.tr("{0} waarneming(en)").format(counts.get(recording.id, 0)),
            ]
            if not recording.media_available:
                parts.append(self.tr("opname zelf al verwijderd"))
            item = QListWidgetItem(" — ".join(parts))
            item.setToolTip(
                self.tr("Deelnemers: {0}").format(
                    ", ".join(
                        f"{p.display_name} ({role_label(p.role).lower()})"
                        for p in recording.participants
                    )
                )
            )
            self.recording_list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self._recordings) and not self.busy and not self._closing
        for button in (self.encrypted_button, self.plain_button, self.erase_button):
            button.setEnabled(ready)

    # -- the three requests -------------------------------------------------------------------
    def export_encrypted(self) -> None:
        """Inzage as an encrypted package: folder, passphrase twice, then the export."""
        name = self.selected_name()
        if name is None or self.busy:
            return
        target = self._ask_target(self.tr("Map voor het versleutelde pakket"))
        if target is None:
            return
        passphrase = self._ask_package_passphrase()
        if passphrase is None or self._closing:
            return

        def done(found: list[Recording]) -> None:
            self._inform(
                self.tr("Versleuteld pakket gemaakt"),
                self.tr(
                    "Versleuteld pakket gemaakt in {path} ({count} opname(s)). Het opent in VKNZ "
                    "met het wachtwoord van het pakket: vknz --vault “{path}”."
                ).format(path=target, count=len(found)),
            )

        self._start(
            _Request(
                title=self.tr("Versleuteld pakket maken"),
                work=lambda progress, cancel: self.requests.export_encrypted(
                    name, target, passphrase, role=self._role, progress=progress, cancel=cancel
                ),
                describe=self._bytes_text(self.tr("Het versleutelde pakket wordt gemaakt.")),
                on_done=done,
                on_failed=lambda: None,
                cancellable=True,
                os_error_text=self._write_failed_text(target),
            )
        )

    def export_plain(self) -> None:
        """Inzage as a plain folder: only after typing ONVERSLEUTELD exactly (as the CLI)."""
        name = self.selected_name()
        if name is None or self.busy:
            return
        target = self._ask_target(self.tr("Map voor de onversleutelde bestanden"))
        if target is None:
            return
        typed = messages.ask_text(
            self,
            self.tr("Onversleuteld schrijven"),
            _wrap(
                self.tr(
                    "Dit schrijft opnames en aantekeningen ONVERSLEUTELD naar {path}. Iedereen "
                    "die bij die map kan, kan ze zien en horen.\n\nTyp {word} om door te gaan:"
                ).format(path=target, word=PLAIN_CONFIRMATION)
            ),
        )
        if typed is None or self._closing:
            return
        if not confirms_plain_export(typed):
            self._warn(
                self.tr("Niet bevestigd"),
                self.tr(
                    "Niet bevestigd: typ {word} om een onversleutelde map te maken. "
                    "Er is niets geschreven."
                ).format(word=PLAIN_CONFIRMATION),
            )
            return

        def done(found: list[Recording]) -> None:
            self._inform(
                self.tr("Onversleutelde map gemaakt"),
                self.tr(
                    "Onversleutelde map gemaakt: {path} ({count} opname(s)). Verwijder de map "
                    "zodra het verzoek is afgehandeld."
                ).format(path=target, count=len(found)),
            )

        self._start(
            _Request(
                title=self.tr("Onversleutelde map maken"),
                work=lambda progress, cancel: self.requests.export_plain(
                    name, target, role=self._role, progress=progress, cancel=cancel
                ),
                describe=self._bytes_text(self.tr("De bestanden worden geschreven.")),
                on_done=done,
                on_failed=lambda: None,
                cancellable=True,
                os_error_text=self._write_failed_text(target),
            )
        )

    def erase(self) -> None:
        """Erasure: every recording with this participant, after typing the name exactly."""
        name = self.selected_name()
        if name is None or self.busy:
            return
        try:
            recordings = self.requests.recordings_of(name)
            counts = self.requests.observation_counts(name)
        except KnownError as error:
            self._warn(self.tr("Verwijderen niet mogelijk"), error.message)
            return
        shared = _shared_with_others(recordings, name)
        question = self.tr(
            "Dit verwijdert definitief {recordings} opname(s) waarop “{name}” staat, met alle "
            "{observations} waarneming(en) erbij. De sleutels worden vernietigd: niemand kan ze "
            "daarna nog openen. Dit kan niet ongedaan worden gemaakt."
        ).format(
            recordings=len(recordings),
            name=name,
            observations=sum(counts.get(r.id, 0) for r in recordings),
        )
        if shared:
            question += "\n\n" + self.tr(
                "Op {0} van deze opnames staan ook anderen; ook voor hen verdwijnen ze."
            ).format(shared)
        question += self._remaining_text(name)
        question += "\n\n" + self.tr("Typ de naam van de deelnemer om te bevestigen:")
        typed = messages.ask_text(
            self, self.tr("Alles over deze deelnemer verwijderen"), _wrap(question)
        )
        if typed is None or self._closing:
            return
        if typed.strip() != name:
            self._warn(
                self.tr("Niet bevestigd"),
                self.tr("De getypte naam is niet “{0}”. Er is niets verwijderd.").format(name),
            )
            return
        keep_in_register = self._ask_keep_in_register(name)
        if self._closing:
            return
        ids = [r.id for r in recordings]
        if self._before_erase is not None:
            self._before_erase(ids)

        def done(found: list[Recording]) -> None:
            self.erased.emit(ids)
            self.reload()
            self._inform(
                self.tr("Verwijderd"),
                self.tr(
                    "Verwijderd: {count} opname(s) met “{name}” en alle aantekeningen erbij."
                ).format(count=len(found), name=name),
            )

        def failed() -> None:  # some recordings may be gone already: show what is left
            self.erased.emit(ids)
            self.reload()

        self._start(
            _Request(
                title=self.tr("Alles verwijderen"),
                work=lambda progress, _cancel: self.requests.erase(
                    name, role=self._role, progress=progress, keep_in_register=keep_in_register
                ),
                describe=lambda done, total: self.tr("{0} van {1} opname(s) verwijderd.").format(
                    done, total or len(ids)
                ),
                on_done=done,
                on_failed=failed,
                cancellable=False,
                os_error_text=lambda reason: self.tr(
                    "Het verwijderen is niet gelukt ({0}). De lijst toont wat er nog staat."
                ).format(reason),
                failure_note=self.tr("De lijst toont wat er nog staat."),
            )
        )

    # -- asking -------------------------------------------------------------------------------
    def _ask_package_passphrase(self) -> str | None:
        """The package's own passphrase, typed twice, with the strength meter; None when
        cancelled."""
        dialog = NewPassphraseDialog(
            self.tr("Wachtwoord voor het pakket"),
            self.tr(
                "Kies een wachtwoord voor het pakket (minstens {0} tekens, bijvoorbeeld een "
                "zin van vier losse woorden). Geef het los van het pakket door, "
                "bijvoorbeeld telefonisch."
            ).format(MIN_LENGTH),
            self._estimator,
            self,
        )
        messages.run(dialog)
        chosen = dialog.chosen
        dialog.deleteLater()
        return chosen

    def _remaining_text(self, name: str) -> str:
        """Where the vault names ``name`` now (``remaining``), by kind of place, with counts."""
        try:
            places = self.requests.remaining(name)
        except KnownError:
            return ""
        totals: dict[str, int] = {}
        for place in places:
            totals[place.where] = totals.get(place.where, 0) + place.count
        if not totals:
            return ""
        lines = "\n".join(f"• {where}: {count}×" for where, count in sorted(totals.items()))
        return "\n\n" + self.tr("De naam staat nu op deze plekken in de kluis:") + "\n" + lines

    def _ask_keep_in_register(self, name: str) -> bool:
        """The privacy officer's choice: keep the name in the name register (so older
        leerdoelen that mention it are still de-identified) or forget it there too."""
        return messages.ask(
            self,
            self.tr("Naam in het naamregister houden?"),
            _wrap(
                self.tr(
                    "Het naamregister gebruikt de kluis om namen weg te halen uit samenvattingen "
                    "van oudere leerdoelen. Houd je “{0}” daarin, dan worden die nog steeds "
                    "geanonimiseerd, maar staat de naam nog op één plek in de kluis. Het register "
                    "bewaart de naam zelf: een hash zou geen bescherming zijn, want wie een lijst "
                    "met namen heeft, rekent de hash van elke naam uit en vindt hem zo terug.\n\n"
                    "Ja: naam in het register houden. Nee: ook daar vergeten (aangeraden)."
                ).format(name)
            ),
        )

    def _ask_target(self, caption: str) -> Path | None:
        """A folder chosen by the user: itself when empty, else a new folder inside it."""
        chosen = file_dialogs.choose_folder(self, caption, kind="gdpr")
        if chosen is None or self._closing:
            return None
        try:
            if chosen.is_dir() and not any(chosen.iterdir()):
                return chosen
        except OSError as error:
            self._warn(
                self.tr("Map niet te gebruiken"),
                self.tr("De map {path} is niet te lezen ({reason}).").format(
                    path=chosen, reason=error.strerror or type(error).__name__
                ),
            )
            return None
        base = f"{PACKAGE_FOLDER_PREFIX}-{self._today().isoformat()}"
        candidate = chosen / base
        number = 2
        while candidate.exists():
            candidate = chosen / f"{base}-{number}"
            number += 1
        return candidate

    def _write_failed_text(self, target: Path) -> Callable[[str], str]:
        return lambda reason: self.tr(
            "Het schrijven naar {path} is niet gelukt ({reason}). Er is niets bewaard."
        ).format(path=target, reason=reason)

    def _bytes_text(self, heading: str) -> Callable[[int, int], str]:
        def describe(done: int, total: int) -> str:
            percent = done * 100 // total if total > 0 else 0
            return (
                heading
                + "\n"
                + self.tr("{done} van {total} MB ({percent}%)").format(
                    done=format_megabytes(done), total=format_megabytes(total), percent=percent
                )
            )

        return describe

    def _warn(self, title: str, text: str) -> None:
        messages.warn(self, title, text)

    def _inform(self, title: str, text: str) -> None:
        messages.inform(self, title, text)

    # -- the background job ------------------------------------------------------------------
    def _start(self, request: _Request) -> None:
        job: BackgroundJob[list[Recording]] = BackgroundJob(
            lambda handle: request.work(handle.progress, handle.token),
            name="vknz-gdpr",
            parent=self,
            daemon=False,
        )
        job.progressed.connect(self._on_worker_progress)
        job.succeeded.connect(lambda found: self._on_worker_done(found, None))
        job.failed.connect(lambda error: self._on_worker_done(None, error))
        self._request = request
        self._job = job
        self._update_buttons()
        dialog = GdprProgressDialog(request.title, request.cancellable, self)
        dialog.set_progress(0, 0, request.describe(0, 0))
        dialog.cancelRequested.connect(job.cancel)
        self.progress = dialog
        dialog.show()
        log.info("privacy request started")
        job.start()

    def _on_worker_progress(self, done: int, total: int) -> None:
        request, dialog = self._request, self.progress
        if request is None or dialog is None:
            return
        dialog.set_progress(done, total, request.describe(done, total))

    def _on_worker_done(self, found: list[Recording] | None, error: BaseException | None) -> None:
        request, job = self._request, self._job
        self._request = None
        self._job = None
        if job is not None:
            job.deleteLater()
        if self.progress is not None:
            self.progress.finish()
            self.progress.deleteLater()
            self.progress = None
        self._update_buttons()
        if request is None:
            return
        if error is None and found is not None:
            log.info("privacy request done (%d recordings)", len(found))
            if not self._closing:
                request.on_done(found)
            return
        cancelled = job is not None and job.cancelled
        log.info("privacy request not done: %s", type(error).__name__)
        if not self._closing:
            request.on_failed()
        if self._closing:
            return
        if isinstance(error, ExportCancelledError) or (cancelled and isinstance(error, KnownError)):
            self._inform(self.tr("Afgebroken"), self.tr("Afgebroken; er is niets geschreven."))
        elif isinstance(error, KnownError):
            note = f" {request.failure_note}" if request.failure_note else ""
            self._warn(self.tr("Niet gelukt"), error.message + note)
        elif isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            self._warn(self.tr("Niet gelukt"), request.os_error_text(reason))
        elif error is not None:
            log.error("privacy request failed unexpectedly: %s", type(error).__name__)
            sys.excepthook(type(error), error, error.__traceback__)

    # -- closing ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The vault locks or the app quits: stop the work, forget what is shown, close."""
        self._closing = True
        messages.close_all(within=self)  # a question being asked answers "cancelled"
        if self._job is not None:
            self._job.shutdown()  # stops an export (removing what it wrote), then reports
        self.table.clearContents()
        self.table.setRowCount(0)
        self.recording_list.clear()
        self.summary.clear()
        self._recordings = []
        self.done(QDialog.DialogCode.Rejected.value)

    def reject(self) -> None:
        """Esc and Sluiten; ignored while a request is being carried out."""
        if self.busy:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


def _wrap(text: str) -> str:
    """``text`` with line breaks, paragraph by paragraph (long paths are broken too)."""
    return "\n".join(
        textwrap.fill(paragraph, PROMPT_WIDTH) if paragraph else ""
        for paragraph in text.split("\n")
    )


def _role_text(role: str) -> str:
    try:
        return role_label(Role(role))
    except ValueError:
        return role


def _shared_with_others(recordings: list[Recording], name: str) -> int:
    """How many of ``recordings`` also show someone other than ``name``."""
    key = name.strip().casefold()
    return sum(
        1
        for recording in recordings
        if any(p.display_name.strip().casefold() != key for p in recording.participants)
    )


__all__ = ["PLAIN_CONFIRMATION", "GdprDialog", "GdprProgressDialog", "GdprRequests"]

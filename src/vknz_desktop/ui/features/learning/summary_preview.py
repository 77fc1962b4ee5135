"""Choosing, previewing and writing the anonymised learning summary.

Left: what goes in (goals and their evidence, counts, period, exact dates) and the user's list
of extra terms to leave out (kept in the vault). Right: the summary rendered exactly as it will
be written, in the chosen format, with every replacement highlighted and counted, and the
*doubtful words* marked: capitalised words the de-identification does not know, which may be
names. The user decides on each (leave it out, or keep it); the choice is remembered in the
vault, and nothing can be written while a word is undecided.

Every change builds the summary again on a background job (``BackgroundJob``): the GUI thread
only shows the result, and a newer change (or closing) cancels the older build, whose result is
then never shown. While the de-identification worker is still loading, the dialog shows that
with the seconds waited. Nothing is written until the user ticks that they checked it and
chooses where to save; the audit log then records the export (not its content).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.goals import GOAL_STATUS_LABELS, Evidence, GoalStatus, LearningGoal
from vknz_desktop.services.summary import BuiltSummary, SummaryOptions, evidence_key
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle
from vknz_desktop.ui.features.learning.goals_view import child_items, tree_items
from vknz_desktop.ui.features.learning.preview_text import (
    DOUBTFUL,
    HIGHLIGHT,
    highlighted_text,
    mark_doubtful,
)

if TYPE_CHECKING:
    from vknz_desktop.ui.features.learning.export import DeidentifierLoader, SummaryExport

__all__ = ["DOUBTFUL", "HIGHLIGHT", "PreviewResult", "SummaryPreviewDialog"]

_GOAL_ROLE = Qt.ItemDataRole.UserRole
_EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Fixed point sizes of the written file; the preview follows the app's text size instead.
_FIXED_SIZE = re.compile(r"font-size:\s*[\d.]+pt;?")


@dataclass(frozen=True)
class PreviewResult:
    """What a background build hands the dialog: the summary and its preview, ready to show."""

    built: BuiltSummary
    file_format: str
    html: str


def preview_html(export: SummaryExport, built: BuiltSummary, file_format: str) -> str:
    """The preview of ``built`` in ``file_format``: replacements highlighted, doubtful words
    marked (pure string work: runs on the background job)."""
    if file_format in ("html", "pdf"):
        document = _FIXED_SIZE.sub("", export.render(built, file_format, True))
        return mark_doubtful(document, built.doubtful)
    return highlighted_text(export.render(built, file_format), built.doubtful)


class SummaryPreviewDialog(QDialog):
    """What goes in, the preview with highlighted replacements, confirm, save."""

    saved = Signal(str)  # the path written
    previewShown = Signal()  # a build (or a new format) is on screen

    def __init__(
        self,
        export: SummaryExport,
        goals: Sequence[LearningGoal],
        evidence_label: Callable[[Evidence], str],
        loader: DeidentifierLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from vknz_desktop.ui.features.learning.export import FORMATS

        self.setWindowTitle(self.tr("Leersamenvatting maken"))
        self.setModal(True)
        self._export = export
        self._goals = list(goals)
        self._evidence_label = evidence_label
        self._loader = loader
        self._built: BuiltSummary | None = None
        self._filling = False
        self._job: BackgroundJob[PreviewResult] | None = None
        self._generation = 0
        self._closed = False
        self.builds_started = 0

        self._build_wait_page()
        self._build_choices()
        left_scroll = self._build_left()
        right = self._build_preview(FORMATS)
        self._build_pages(left_scroll, right)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(150)
        self._rebuild_timer.timeout.connect(self.rebuild_now)
        self._fill_items()
        self._fill_terms()
        self._connect()
        self._start(loader)

    def _build_wait_page(self) -> None:
        """Shown while the de-identification worker loads its word lists."""
        self.wait_page = QWidget(self)
        wait_layout = QVBoxLayout(self.wait_page)
        wait_layout.addStretch(1)
        self.wait_label = QLabel(
            self.tr(
                "De lijsten voor het anonimiseren worden geladen.\n"
                "De eerste keer na installeren duurt dit ongeveer een minuut, daarna enkele "
                "seconden."
            ),
            self.wait_page,
        )
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label.setWordWrap(True)
        self.wait_progress = QProgressBar(self.wait_page)
        self.wait_progress.setRange(0, 0)
        self.wait_progress.setAccessibleName(self.tr("Voortgang van het laden"))
        self.wait_time = QLabel(self.wait_page)
        self.wait_time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_close_button = QPushButton(self.tr("Sluiten"), self.wait_page)
        wait_layout.addWidget(self.wait_label)
        wait_layout.addWidget(self.wait_progress)
        wait_layout.addWidget(self.wait_time)
        wait_layout.addWidget(self.wait_close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        wait_layout.addStretch(1)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(500)
        self._wait_timer.timeout.connect(self._update_wait)

    def _build_choices(self) -> None:
        """What goes in: goals and observations, what to count, the period, extra terms."""
        self.items = QTreeWidget(self)
        self.items.setHeaderHidden(True)
        self.items.setAccessibleName(self.tr("Leerdoelen en waarnemingen in de samenvatting"))
        self.items.setWordWrap(False)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.all_button = QPushButton(self.tr("&Alles"), self)
        self.none_button = QPushButton(self.tr("&Niets"), self)
        self.evidence_check = QCheckBox(self.tr("Tekst van de gekoppelde waarnemingen"), self)
        self.theme_check = QCheckBox(self.tr("Aantal waarnemingen per Kijkwijzer-thema"), self)
        self.counts_check = QCheckBox(self.tr("Aantal opnames en sessies in de periode"), self)
        self.exact_check = QCheckBox(self.tr("Exacte datums (anders alleen maanden)"), self)
        for box in (self.evidence_check, self.theme_check, self.counts_check):
            box.setChecked(True)
        self.period_check = QCheckBox(self.tr("Periode zelf kiezen"), self)
        self.period_from = QDateEdit(self)
        self.period_to = QDateEdit(self)
        for edit, name in ((self.period_from, "van"), (self.period_to, "tot en met")):
            edit.setDisplayFormat("MMMM yyyy")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.setAccessibleName(self.tr("Periode {0}").format(name))
        today = QDate.currentDate()
        self.period_from.setDate(today.addMonths(-5))
        self.period_to.setDate(today)

        self.term_edit = QLineEdit(self)
        self.term_edit.setPlaceholderText(self.tr("Bijv. een straat of een werkgever"))
        self.term_edit.setAccessibleName(self.tr("Extra term om weg te laten"))
        self.term_edit.setMaxLength(200)
        self.add_term_button = QPushButton(self.tr("&Toevoegen"), self)
        self.terms_list = QListWidget(self)
        self.terms_list.setAccessibleName(self.tr("Extra termen die altijd worden weggelaten"))
        self.terms_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.remove_term_button = QPushButton(self.tr("&Verwijderen"), self)

    def _build_left(self) -> QScrollArea:
        goals_box = QGroupBox(self.tr("Wat gaat erin"), self)
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.addWidget(self.items, 1)
        select_row = QHBoxLayout()
        select_row.addWidget(self.all_button)
        select_row.addWidget(self.none_button)
        select_row.addStretch(1)
        goals_layout.addLayout(select_row)
        for box in (self.evidence_check, self.theme_check, self.counts_check, self.exact_check):
            goals_layout.addWidget(box)
        goals_layout.addWidget(self.period_check)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_from)
        period_row.addWidget(QLabel("–", self))
        period_row.addWidget(self.period_to)
        goals_layout.addLayout(period_row)

        terms_box = QGroupBox(self.tr("Altijd weglaten (bewaard in de kluis)"), self)
        terms_layout = QVBoxLayout(terms_box)
        term_row = QHBoxLayout()
        term_row.addWidget(self.term_edit, 1)
        term_row.addWidget(self.add_term_button)
        terms_layout.addLayout(term_row)
        terms_layout.addWidget(self.terms_list)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_term_button)
        terms_layout.addLayout(remove_row)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(goals_box, 1)
        left_layout.addWidget(terms_box)
        left_scroll = QScrollArea(self)
        left_scroll.setWidgetResizable(True)
        left_scroll.setWidget(left)
        left_scroll.setMinimumWidth(min(330, self.fontMetrics().averageCharWidth() * 30))
        return left_scroll

    def _build_doubtful(self) -> QGroupBox:
        """The doubtful words: each one left out or kept by the user (remembered)."""
        box = QGroupBox(self.tr("Woorden om te controleren"), self)
        box.setAccessibleName(self.tr("Woorden om te controleren"))
        layout = QVBoxLayout(box)
        explain = QLabel(
            self.tr(
                "Deze woorden met een hoofdletter kent het programma niet (rood gemarkeerd). "
                "Is het een naam, of iets anders dat naar iemand leidt? Kies per woord. Je "
                "keuze wordt onthouden."
            ),
            box,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        row = QHBoxLayout()
        self.doubtful_list = QListWidget(box)
        self.doubtful_list.setAccessibleName(self.tr("Woorden om te controleren"))
        self.doubtful_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        row.addWidget(self.doubtful_list, 1)
        buttons = QVBoxLayout()
        self.leave_out_button = QPushButton(self.tr("&Weglaten"), box)
        self.leave_out_button.setToolTip(
            self.tr("Dit woord voortaan vervangen door [weggelaten], in elke samenvatting")
        )
        self.keep_word_button = QPushButton(self.tr("&Laten staan"), box)
        self.keep_word_button.setToolTip(self.tr("Dit woord is geen naam: het mag blijven staan"))
        buttons.addWidget(self.leave_out_button)
        buttons.addWidget(self.keep_word_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)
        box.hide()
        return box

    def _build_preview(self, formats: Mapping[str, tuple[str, str]]) -> QWidget:
        """The format, the preview with its replacements counted, confirm and save."""
        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName(self.tr("Bestandsformaat"))
        for code, (label, _suffix) in formats.items():
            self.format_box.addItem(label, code)
        format_label = QLabel(self.tr("&Formaat:"), self)
        format_label.setBuddy(self.format_box)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Aantal vervangingen"))
        self.count_label.setWordWrap(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName(self.tr("De samenvatting wordt bijgewerkt"))
        self.busy_bar.hide()
        self.doubtful_box = self._build_doubtful()
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Voorbeeld van de samenvatting"))
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        # The document as it will be read: on paper, also with a dark or high-contrast scheme
        # (its own colours are made for white).
        paper = self.preview.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            paper.setColor(group, QPalette.ColorRole.Base, QColor("#FFFFFF"))
            paper.setColor(group, QPalette.ColorRole.Text, QColor("#000000"))
        self.preview.setPalette(paper)
        top_row = QHBoxLayout()
        top_row.addWidget(format_label)
        top_row.addWidget(self.format_box)
        top_row.addWidget(self.busy_bar)
        top_row.addWidget(self.count_label, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(top_row)
        right_layout.addWidget(self.doubtful_box)
        right_layout.addWidget(self.preview, 1)
        right_layout.addLayout(self._build_confirm())
        return right

    def _build_confirm(self) -> QVBoxLayout:
        """The check that is required before saving, in words that wrap at any text size."""
        self.confirm_text = QLabel(
            self.tr(
                "Lees de samenvatting na. Er mag niets in staan dat naar een klant, naar jou "
                "of naar de opname leidt."
            ),
            self,
        )
        self.confirm_text.setWordWrap(True)
        self.confirm_check = QCheckBox(self.tr("&Ik heb de samenvatting nagelezen"), self)
        self.confirm_check.setAccessibleDescription(self.confirm_text.text())
        self.save_reason = QLabel(self)
        self.save_reason.setWordWrap(True)
        self.save_reason.setAccessibleName(self.tr("Waarom opslaan nog niet kan"))
        self.save_button = QPushButton(self.tr("&Opslaan…"), self)
        self.save_button.setAccessibleName(self.tr("Samenvatting opslaan"))
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        bottom = QVBoxLayout()
        bottom.addWidget(self.confirm_text)
        bottom.addWidget(self.save_reason)  # its own line: it wraps over the full width
        row = QHBoxLayout()
        row.addWidget(self.confirm_check)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        bottom.addLayout(row)
        return bottom

    def _build_pages(self, left_scroll: QScrollArea, right: QWidget) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 820])
        splitter.setChildrenCollapsible(False)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.wait_page)
        self.pages.addWidget(splitter)
        self._main_page = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """As large as useful, never larger than the screen (title bar included)."""
        screen = self.screen().availableGeometry()
        width = min(1240, screen.width() - 40)
        height = min(760, screen.height() - 70)
        self.resize(max(width, 320), max(height, 240))

    def _connect(self) -> None:
        self.items.itemChanged.connect(self._on_item_changed)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        for box in (
            self.evidence_check,
            self.theme_check,
            self.counts_check,
            self.exact_check,
            self.period_check,
        ):
            box.toggled.connect(lambda _on: self.schedule_rebuild())
        self.period_check.toggled.connect(self.period_from.setEnabled)
        self.period_check.toggled.connect(self.period_to.setEnabled)
        self.period_from.dateChanged.connect(lambda _d: self.schedule_rebuild())
        self.period_to.dateChanged.connect(lambda _d: self.schedule_rebuild())
        self.format_box.currentIndexChanged.connect(lambda _i: self._show_format())
        self.add_term_button.clicked.connect(self.add_term)
        self.term_edit.returnPressed.connect(self.add_term)
        self.remove_term_button.clicked.connect(self.remove_term)
        self.leave_out_button.clicked.connect(lambda: self.decide_current(keep=False))
        self.keep_word_button.clicked.connect(lambda: self.decide_current(keep=True))
        self.doubtful_list.currentRowChanged.connect(lambda _row: self._update_save())
        self.confirm_check.toggled.connect(lambda _on: self._update_save())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.wait_close_button.clicked.connect(self.reject)
        self.finished.connect(lambda _code: self._stop_work())

    def _start(self, loader: DeidentifierLoader) -> None:
        if loader.ready:
            self.pages.setCurrentWidget(self._main_page)
            self.rebuild_now()
        else:
            self.pages.setCurrentWidget(self.wait_page)
            loader.loaded.connect(self._on_loaded)
            loader.failed.connect(self._on_load_failed)
            loader.start()
            self._update_wait()
            self._wait_timer.start()

    @property
    def export(self) -> SummaryExport:
        """The export session this preview builds and writes with."""
        return self._export

    # -- waiting ------------------------------------------------------------------------------
    def _update_wait(self) -> None:
        self.wait_time.setText(self.tr("{0} seconden…").format(int(self._loader.seconds_waited())))

    def _on_loaded(self) -> None:
        self._wait_timer.stop()
        if self._closed:
            return
        self.pages.setCurrentWidget(self._main_page)
        self.rebuild_now()

    def _on_load_failed(self, reason: str) -> None:
        self._wait_timer.stop()
        self.wait_progress.setRange(0, 1)
        self.wait_label.setText(
            self.tr(
                "Het anonimiseren kon niet worden voorbereid ({0}). Zonder anonimiseren wordt er "
                "niets geëxporteerd. Sluit het venster en probeer het opnieuw."
            ).format(reason)
        )

    def _stop_work(self) -> None:
        """Closing (or a lock): timers stop, and a build still running is cancelled and
        waited for, so that nothing reads the vault after it closes."""
        self._closed = True
        self._wait_timer.stop()
        self._rebuild_timer.stop()
        self._generation += 1  # whatever is still running is never shown
        job, self._job = self._job, None
        if job is not None:
            job.shutdown(5.0)

    # -- what goes in -------------------------------------------------------------------------
    def _fill_items(self) -> None:
        self._filling = True
        try:
            self.items.clear()
            for goal in self._goals:
                status = self.tr(GOAL_STATUS_LABELS[goal.status])
                text = goal.title or self.tr("(nog zonder omschrijving)")
                item = QTreeWidgetItem([f"{text}  ({status.lower()})"])
                item.setData(0, _GOAL_ROLE, goal.id)
                item.setToolTip(0, goal.goal[:300])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = goal.status is not GoalStatus.LOSGELATEN
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                for evidence in goal.evidence:
                    label = self._evidence_label(evidence)
                    child = QTreeWidgetItem([label])
                    child.setToolTip(0, label[:300])
                    child.setData(0, _EVIDENCE_ROLE, evidence_key(goal.id, evidence.key))
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Checked)
                    item.addChild(child)
                self.items.addTopLevelItem(item)
                item.setExpanded(False)
        finally:
            self._filling = False

    def select_only(self, goal_ids: Sequence[str]) -> None:
        """Tick only these goals (e.g. the one shown on the leerdoelen page)."""
        wanted = set(goal_ids)
        self._filling = True
        try:
            for item in tree_items(self.items):
                on = item.data(0, _GOAL_ROLE) in wanted
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                item.setExpanded(on)
        finally:
            self._filling = False
        self.schedule_rebuild()

    def _check_all(self, on: bool) -> None:
        self._filling = True
        try:
            state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            for item in tree_items(self.items):
                item.setCheckState(0, state)
        finally:
            self._filling = False
        self.schedule_rebuild()

    def _on_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        if not self._filling:
            self.schedule_rebuild()

    def options(self) -> SummaryOptions:
        """The choices made on the left."""
        goal_ids: list[str] = []
        excluded: set[str] = set()
        for item in tree_items(self.items):
            if item.checkState(0) == Qt.CheckState.Checked:
                goal_ids.append(str(item.data(0, _GOAL_ROLE)))
            for child in child_items(item):
                if child.checkState(0) != Qt.CheckState.Checked:
                    excluded.add(str(child.data(0, _EVIDENCE_ROLE)))
        start = end = None
        if self.period_check.isChecked():
            first, last = self.period_from.date(), self.period_to.date()
            start = dt.date(first.year(), first.month(), 1)
            end = dt.date(last.year(), last.month(), last.daysInMonth())
        return SummaryOptions(
            goal_ids=tuple(goal_ids),
            include_evidence=self.evidence_check.isChecked(),
            excluded_evidence=frozenset(excluded),
            include_theme_counts=self.theme_check.isChecked(),
            include_counts=self.counts_check.isChecked(),
            exact_dates=self.exact_check.isChecked(),
            period_start=start,
            period_end=end,
        )

    # -- extra terms and doubtful words -------------------------------------------------------
    def _fill_terms(self) -> None:
        self.terms_list.clear()
        try:
            terms = self._export.goals.extra_terms()
        except KnownError:
            terms = []
        self.terms_list.addItems(terms)
        self.remove_term_button.setEnabled(bool(terms))

    def add_term(self) -> None:
        """Add the typed term to the vault's list and build again."""
        term = self.term_edit.text().strip()
        if not term:
            return
        try:
            self._export.goals.add_term(term)
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.term_edit.clear()
        self._fill_terms()
        self.rebuild_now()

    def remove_term(self) -> None:
        """Remove the chosen term and build again."""
        item = self.terms_list.currentItem()
        if item is None:
            return
        try:
            self._export.goals.remove_term(item.text())
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self._fill_terms()
        self.rebuild_now()

    @property
    def doubtful_words(self) -> list[str]:
        """The doubtful words not decided on yet, as listed."""
        return [self.doubtful_list.item(i).text() for i in range(self.doubtful_list.count())]

    def decide(self, word: str, *, keep: bool) -> None:
        """Remember the user's choice for ``word`` (kept: an accepted word; left out: an extra
        term, which also joins the name register) and build again."""
        try:
            self._export.service.decide_doubtful(word, keep=keep)
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        row = self.doubtful_words.index(word) if word in self.doubtful_words else -1
        if row >= 0:
            self.doubtful_list.takeItem(row)
        if not keep:
            self._fill_terms()
        self.rebuild_now()

    def decide_current(self, *, keep: bool) -> None:
        """The buttons: decide on the chosen word (the first when none is chosen)."""
        item = self.doubtful_list.currentItem() or self.doubtful_list.item(0)
        if item is not None:
            self.decide(item.text(), keep=keep)

    # -- building and showing -----------------------------------------------------------------
    def schedule_rebuild(self) -> None:
        """Build again shortly (changes come in bursts)."""
        self.confirm_check.setChecked(False)
        self._update_save()
        self._rebuild_timer.start()

    def rebuild_now(self) -> None:
        """Build the summary for the current choices on a background job, then show it."""
        self._rebuild_timer.stop()
        if not self._loader.ready:
            return
        self.confirm_check.setChecked(False)
        self._run(self.options(), None)

    def _show_format(self) -> None:
        """Another format: render the same summary again (on the background job)."""
        if self._built is not None:
            self._run(None, self._built)

    def _run(self, options: SummaryOptions | None, built: BuiltSummary | None) -> None:
        export = self._export
        file_format = self.file_format()

        def work(handle: JobHandle) -> PreviewResult:
            summary = built if built is not None else export.build(options or SummaryOptions())
            handle.token.raise_if_cancelled()
            return PreviewResult(summary, file_format, preview_html(export, summary, file_format))

        self._generation += 1
        generation = self._generation
        if self._job is not None:
            self._job.cancel()  # a newer request: the older result is never shown
        job: BackgroundJob[PreviewResult] = BackgroundJob(
            work, name="vknz-summary-preview", parent=self
        )
        job.succeeded.connect(lambda result: self._on_built(generation, result))
        job.failed.connect(lambda error: self._on_failed(generation, error))
        self._job = job
        self.builds_started += 1
        self._set_building(True)
        job.start()

    def _on_built(self, generation: int, result: PreviewResult) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._set_building(False)
        self._built = result.built
        self.preview.setHtml(result.html)
        self._show_counts(result.built)
        self._show_doubtful(result.built.doubtful)
        self._update_save()
        self.previewShown.emit()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._set_building(False)
        self._built = None
        if isinstance(error, KnownError):
            self.preview.setPlainText(error.message)
        else:
            messages.show_error(self, error)
        self.count_label.setText("")
        self._update_save()

    def _set_building(self, building: bool) -> None:
        self.busy_bar.setVisible(building)
        if building:
            self.count_label.setText(self.tr("Bijwerken…"))
        self._update_save()

    @property
    def building(self) -> bool:
        """Whether a build for the latest choices is still running."""
        return self._job is not None

    @property
    def built(self) -> BuiltSummary | None:
        """The summary as previewed (what Save writes)."""
        return self._built

    def file_format(self) -> str:
        """The chosen format code (pdf, html, md, json)."""
        return str(self.format_box.currentData())

    def _show_counts(self, built: BuiltSummary) -> None:
        text = self.tr("%n vervanging(en) (geel gemarkeerd)", "", built.replacements)
        if built.left_out_items:
            text += " · " + self.tr("%n onderdeel/onderdelen weggelaten", "", built.left_out_items)
        self.count_label.setText(text)

    def _show_doubtful(self, words: Sequence[str]) -> None:
        current = self.doubtful_list.currentItem()
        keep = current.text() if current is not None else None
        self.doubtful_list.clear()
        self.doubtful_list.addItems(list(words))
        if keep in words:
            self.doubtful_list.setCurrentRow(list(words).index(keep))
        elif words:
            self.doubtful_list.setCurrentRow(0)
        self.doubtful_box.setTitle(self.tr("%n woord(en) om te controleren", "", len(words)))
        self.doubtful_box.setVisible(bool(words))

    def save_state(self) -> str | None:
        """Why the summary cannot be saved now (None: it can)."""
        if self._built is None or self.building:
            return self.tr("De samenvatting wordt nog bijgewerkt.")
        if self._built.doubtful:
            return self.tr(
                "Kies eerst bij elk rood gemarkeerd woord: weglaten of laten staan (nog %n).",
                "",
                len(self._built.doubtful),
            )
        if not self.confirm_check.isChecked():
            return self.tr("Vink aan dat je de samenvatting hebt nagelezen.")
        return None

    def _update_save(self) -> None:
        reason = self.save_state()
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(reason or "")
        doubtful = self._built is not None and bool(self._built.doubtful) and not self.building
        self.save_reason.setText(reason if doubtful and reason else "")
        self.save_reason.setVisible(bool(self.save_reason.text()))
        self.confirm_check.setEnabled(self._built is not None and not doubtful)
        has_words = self.doubtful_list.count() > 0 and not self.building
        self.leave_out_button.setEnabled(has_words)
        self.keep_word_button.setEnabled(has_words)

    # -- writing ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask where, then write exactly what is previewed (only after confirmation)."""
        from vknz_desktop.ui.features.learning.export import FORMATS, default_file_name

        built = self._built
        if built is None or self.save_state() is not None:
            return
        file_format = self.file_format()
        label, suffix = FORMATS[file_format]
        suggestion = Path.home() / default_file_name(built.summary, file_format)
        path = file_dialogs.choose_save_file(
            self,
            self.tr("Leersamenvatting opslaan"),
            suggestion,
            f"{label} (*.{suffix})",
            suffix=f".{suffix}",
        )
        if path is None:
            return
        try:
            self._export.save(built, file_format, path)
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.saved.emit(str(path))
        self.accept()

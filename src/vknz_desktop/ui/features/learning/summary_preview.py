"""Choosing, previewing and writing the anonymised learning summary.

Left: what goes in (goals and their evidence, counts, period, exact dates) and the user's list
of extra terms to leave out (kept in the vault). Right: the summary rendered exactly as it will
be written, in the chosen format, with every replacement highlighted and counted. Every change
re-runs the de-identification. Nothing is written until the user ticks that they checked it and
chooses where to save; the audit log then records the export (not its content).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
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
from vknz_desktop.domain.summary import split_tags
from vknz_desktop.services.summary import BuiltSummary, SummaryOptions, evidence_key
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.common.formatting import format_number
from vknz_desktop.ui.features.learning.goals_view import child_items, tree_items

if TYPE_CHECKING:
    from vknz_desktop.ui.features.learning.export import DeidentifierLoader, SummaryExport

__all__ = ["HIGHLIGHT", "SummaryPreviewDialog"]

HIGHLIGHT = "#FFE08A"
_GOAL_ROLE = Qt.ItemDataRole.UserRole
_EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1


def highlighted_text(text: str) -> str:
    """Plain text (JSON, Markdown) as preformatted HTML with every tag highlighted."""
    parts = []
    for piece, is_tag in split_tags(text):
        escaped = html.escape(piece, quote=False)
        parts.append(
            f'<span style="background-color: {HIGHLIGHT};">{escaped}</span>' if is_tag else escaped
        )
    return (
        "<pre style=\"font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; "
        f'white-space: pre-wrap;">{"".join(parts)}</pre>'
    )


class SummaryPreviewDialog(QDialog):
    """What goes in, the preview with highlighted replacements, confirm, save."""

    saved = Signal(str)  # the path written

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
        """Shown while deduce's lookup tables load."""
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
        wait_layout.addWidget(self.wait_label)
        wait_layout.addWidget(self.wait_progress)
        wait_layout.addWidget(self.wait_time)
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
        self.items.setMinimumHeight(180)
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
        self.add_term_button = QPushButton(self.tr("&Toevoegen"), self)
        self.terms_list = QListWidget(self)
        self.terms_list.setAccessibleName(self.tr("Extra termen die altijd worden weggelaten"))
        self.terms_list.setMaximumHeight(110)
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
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_from)
        period_row.addWidget(QLabel("–", self))
        period_row.addWidget(self.period_to)
        goals_layout.addWidget(self.period_check)
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
        left_scroll.setMinimumWidth(330)
        return left_scroll

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
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Voorbeeld van de samenvatting"))
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.confirm_check = QCheckBox(
            self.tr(
                "Ik heb de samenvatting nagelezen: er staat niets in dat naar een klant, "
                "naar mij of naar de opname leidt."
            ),
            self,
        )
        self.save_button = QPushButton(self.tr("&Opslaan…"), self)
        self.save_button.setAccessibleName(self.tr("Samenvatting opslaan"))
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        top_row = QHBoxLayout()
        top_row.addWidget(format_label)
        top_row.addWidget(self.format_box)
        top_row.addStretch(1)
        top_row.addWidget(self.count_label)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.confirm_check, 1)
        bottom_row.addWidget(self.save_button)
        bottom_row.addWidget(self.close_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(top_row)
        right_layout.addWidget(self.preview, 1)
        right_layout.addLayout(bottom_row)
        self.confirm_check.setMinimumWidth(200)
        return right

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
        self.resize(1240, 700)

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
        self.format_box.currentIndexChanged.connect(lambda _i: self._show_preview())
        self.add_term_button.clicked.connect(self.add_term)
        self.term_edit.returnPressed.connect(self.add_term)
        self.remove_term_button.clicked.connect(self.remove_term)
        self.confirm_check.toggled.connect(lambda _on: self._update_save())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(lambda _code: self._stop_timers())

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

    def _stop_timers(self) -> None:
        self._wait_timer.stop()
        self._rebuild_timer.stop()

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
                item.setToolTip(0, goal.goal)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = goal.status is not GoalStatus.LOSGELATEN
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                for evidence in goal.evidence:
                    label = self._evidence_label(evidence)
                    child = QTreeWidgetItem([label])
                    child.setToolTip(0, label)
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

    # -- extra terms --------------------------------------------------------------------------
    def _fill_terms(self) -> None:
        self.terms_list.clear()
        try:
            terms = self._export.goals.extra_terms()
        except KnownError:
            terms = []
        self.terms_list.addItems(terms)
        self.remove_term_button.setEnabled(bool(terms))

    def add_term(self) -> None:
        """Add the typed term to the vault's list and re-run."""
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
        """Remove the chosen term and re-run."""
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

    # -- building and showing -----------------------------------------------------------------
    def schedule_rebuild(self) -> None:
        """Re-run the de-identification shortly (changes come in bursts)."""
        self.confirm_check.setChecked(False)
        self._update_save()
        self._rebuild_timer.start()

    def rebuild_now(self) -> None:
        """Build the summary for the current choices and show it."""
        self._rebuild_timer.stop()
        if not self._loader.ready:
            return
        try:
            self._built = self._export.build(self.options())
        except KnownError as error:
            self._built = None
            self.preview.setPlainText(error.message)
            self.count_label.setText("")
            self._update_save()
            return
        self.confirm_check.setChecked(False)
        self._show_preview()

    @property
    def built(self) -> BuiltSummary | None:
        """The summary as previewed (what Save writes)."""
        return self._built

    def file_format(self) -> str:
        """The chosen format code (pdf, html, md, json)."""
        return str(self.format_box.currentData())

    def _show_preview(self) -> None:
        built = self._built
        if built is None:
            return
        file_format = self.file_format()
        if file_format in ("html", "pdf"):
            self.preview.setHtml(self._export.render(built, file_format, True))
        else:
            self.preview.setHtml(highlighted_text(self._export.render(built, file_format)))
        count = built.replacements
        text = (
            self.tr("1 vervanging (geel gemarkeerd)")
            if count == 1
            else self.tr("{0} vervangingen (geel gemarkeerd)").format(format_number(count))
        )
        if built.left_out_items:
            text += " · " + self.tr("{0} onderdelen weggelaten").format(
                format_number(built.left_out_items)
            )
        self.count_label.setText(text)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self._built is not None and self.confirm_check.isChecked())

    # -- writing ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask where, then write exactly what is previewed (only after confirmation)."""
        from vknz_desktop.ui.features.learning.export import FORMATS, default_file_name

        built = self._built
        if built is None or not self.confirm_check.isChecked():
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

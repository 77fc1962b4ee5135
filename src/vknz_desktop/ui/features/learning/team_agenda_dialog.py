"""File → Teamleeragenda: merge anonymised JSON summaries into one learning agenda.

Files that are not valid summaries are refused, each with its own message; the agenda never
shows which file a goal came from, and themes with fewer than three people get no counts.
Reading the files (their text is de-identified again) and rendering the agenda run on a
background job: the GUI thread only shows the result; a newer change or closing cancels an
older run, whose result is then never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.summary import LearningSummary
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle

__all__ = ["TeamAgendaDialog"]

LoadSummaries = Callable[[Sequence[Path]], tuple[Sequence[LearningSummary], Sequence[str]]]
RenderAgenda = Callable[[Sequence[LearningSummary]], str]


@dataclass(frozen=True)
class _Merged:
    """What a background run hands the dialog."""

    paths: tuple[Path, ...]
    summaries: Sequence[LearningSummary]
    problems: Sequence[str]
    html: str


class TeamAgendaDialog(QDialog):
    """Pick summary files, see refusals per file, preview the agenda, save it as HTML."""

    def __init__(
        self,
        load: LoadSummaries,
        render: RenderAgenda,
        record_export: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Teamleeragenda"))
        self.setModal(True)
        self._load = load
        self._render = render
        self._record = record_export
        self._paths: list[Path] = []
        self._summaries: Sequence[LearningSummary] = ()
        self._html = ""
        self._job: BackgroundJob[_Merged] | None = None
        self._generation = 0

        intro = QLabel(
            self.tr(
                "Voeg geanonimiseerde leersamenvattingen (JSON) van collega's samen tot één "
                "leeragenda per Kijkwijzer-thema. Van wie een leerdoel komt, staat er niet in."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Gekozen samenvattingen"))
        self.add_button = QPushButton(self.tr("Bestanden &toevoegen…"), self)
        self.remove_button = QPushButton(self.tr("&Verwijderen"), self)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Geweigerde bestanden"))
        self.problems.setWordWrap(True)
        self.problems_label = QLabel(self.tr("<b>Geweigerd</b>"), self)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Voorbeeld van de teamleeragenda"))
        self.preview.setOpenLinks(False)
        self.save_button = QPushButton(self.tr("&Opslaan als HTML…"), self)
        self.close_button = QPushButton(self.tr("Sluiten"), self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        files_label = QLabel(self.tr("&Samenvattingen:"), self)
        files_label.setBuddy(self.files)
        left_layout.addWidget(files_label)
        left_layout.addWidget(self.files, 2)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.problems_label)
        left_layout.addWidget(self.problems, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([340, 760])
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1120, 680)

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(lambda _code: self._stop_work())
        self._refresh()

    @property
    def summaries(self) -> Sequence[LearningSummary]:
        """The valid summaries merged now."""
        return self._summaries

    @property
    def building(self) -> bool:
        """Whether the files are still being read (or the agenda rendered)."""
        return self._job is not None

    @property
    def agenda_html(self) -> str:
        """The agenda as it will be written."""
        return self._html

    def choose_files(self) -> None:
        """Ask for JSON summaries."""
        files = file_dialogs.choose_files(
            self,
            self.tr("Leersamenvattingen kiezen"),
            self.tr("Leersamenvattingen (*.json);;Alle bestanden (*)"),
            kind="summaries",
        )
        if files:
            self.add_files(files)

    def add_files(self, paths: Sequence[Path]) -> None:
        """Add files (each once) and merge again."""
        for path in paths:
            if path not in self._paths:
                self._paths.append(path)
        self._refresh()

    def remove_selected(self) -> None:
        """Leave the chosen file out."""
        row = self.files.currentRow()
        if 0 <= row < len(self._paths):
            del self._paths[row]
            self._refresh()

    def _refresh(self) -> None:
        """Read and merge the files again, on a background job."""
        self._show_files(set())
        paths = tuple(self._paths)
        load, render = self._load, self._render

        def work(handle: JobHandle) -> _Merged:
            summaries, problems = load(paths) if paths else ((), ())
            handle.token.raise_if_cancelled()
            return _Merged(paths, summaries, problems, render(summaries) if summaries else "")

        self._generation += 1
        generation = self._generation
        if self._job is not None:
            self._job.cancel()  # a newer request: the older result is never shown
        job: BackgroundJob[_Merged] = BackgroundJob(work, name="vknz-team-agenda", parent=self)
        job.succeeded.connect(lambda merged: self._on_merged(generation, merged))
        job.failed.connect(lambda error: self._on_failed(generation, error))
        self._job = job
        self.save_button.setEnabled(False)
        if paths:
            self.preview.setHtml("<p>" + self.tr("De samenvattingen worden gelezen…") + "</p>")
        job.start()

    def _show_files(self, refused: set[str]) -> None:
        self.files.clear()
        for path in self._paths:
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            if path.name in refused:
                item.setForeground(QBrush(QColor("#A4262C")))
            self.files.addItem(item)
        self.remove_button.setEnabled(bool(self._paths))

    def _on_merged(self, generation: int, merged: _Merged) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._summaries = merged.summaries
        self._show_files({p.split(":", 1)[0] for p in merged.problems})
        self.problems.clear()
        self.problems.addItems(list(merged.problems))
        self.problems.setVisible(bool(merged.problems))
        self.problems_label.setVisible(bool(merged.problems))
        self._html = merged.html
        if merged.html:
            self.preview.setHtml(merged.html)
        else:
            self.preview.setHtml(
                "<p>"
                + self.tr("Voeg geldige leersamenvattingen toe om de agenda te zien.")
                + "</p>"
            )
        self.save_button.setEnabled(bool(merged.html))

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._summaries, self._html = (), ""
        self.save_button.setEnabled(False)
        if isinstance(error, KnownError):
            messages.show_known_error(self, error)
        else:
            messages.show_error(self, error)

    def _stop_work(self) -> None:
        """Closing (or a lock): a run still going is cancelled and never shown."""
        self._generation += 1
        job, self._job = self._job, None
        if job is not None:
            job.shutdown(5.0)

    def save(self) -> None:
        """Write the agenda as one self-contained HTML file."""
        if not self._html:
            return
        path = file_dialogs.choose_save_file(
            self,
            self.tr("Teamleeragenda opslaan"),
            Path.home() / "teamleeragenda.html",
            self.tr("Webpagina (*.html)"),
            suffix=".html",
        )
        if path is None:
            return
        from vknz_desktop.files import write_atomically

        try:  # readable by the user only (0600), like every file the app writes
            write_atomically(path, self._html.encode("utf-8"))
        except OSError as error:
            messages.show_known_error(
                self,
                KnownError(f"De agenda kon niet worden opgeslagen in {path} ({error.strerror})."),
            )
            return
        self._record(len(self._summaries))
        self.accept()

"""File → Teamleeragenda: merge anonymised JSON summaries into one learning agenda.

Files that are not valid summaries are refused, each with its own message; the agenda never
shows which file a goal came from, and themes with fewer than three people get no counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
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
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.learning.save_path import choose_save_path

__all__ = ["TeamAgendaDialog"]

LoadSummaries = Callable[[Sequence[Path]], tuple[Sequence[LearningSummary], Sequence[str]]]
RenderAgenda = Callable[[Sequence[LearningSummary]], str]


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
        self._refresh()

    @property
    def summaries(self) -> Sequence[LearningSummary]:
        """The valid summaries merged now."""
        return self._summaries

    @property
    def agenda_html(self) -> str:
        """The agenda as it will be written."""
        return self._html

    def choose_files(self) -> None:
        """Ask for JSON summaries."""
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Leersamenvattingen kiezen"),
            str(Path.home()),
            self.tr("Leersamenvattingen (*.json);;Alle bestanden (*)"),
        )
        if files:
            self.add_files([Path(f) for f in files])

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
        summaries, problems = self._load(self._paths) if self._paths else ((), ())
        self._summaries = summaries
        refused = {p.split(":", 1)[0] for p in problems}
        self.files.clear()
        for path in self._paths:
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            if path.name in refused:
                item.setForeground(QBrush(QColor("#A4262C")))
            self.files.addItem(item)
        self.problems.clear()
        self.problems.addItems(list(problems))
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        self.remove_button.setEnabled(bool(self._paths))
        if summaries:
            self._html = self._render(summaries)
            self.preview.setHtml(self._html)
        else:
            self._html = ""
            self.preview.setHtml(
                "<p>"
                + self.tr("Voeg geldige leersamenvattingen toe om de agenda te zien.")
                + "</p>"
            )
        self.save_button.setEnabled(bool(summaries))

    def save(self) -> None:
        """Write the agenda as one self-contained HTML file."""
        if not self._html:
            return
        path = choose_save_path(
            self,
            self.tr("Teamleeragenda opslaan"),
            Path.home() / "teamleeragenda.html",
            self.tr("Webpagina (*.html)"),
            (".html", ".htm"),
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

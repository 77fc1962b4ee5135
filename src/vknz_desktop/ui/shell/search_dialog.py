"""Search across the observations of all recordings (full-text index inside the vault)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import SearchHit
from vknz_desktop.ui.common.formatting import format_number, format_position


class SearchDialog(QDialog):
    """Type to search; Enter or double-click opens the recording at that moment."""

    hitChosen = Signal(str, int)  # recording id, time in ms

    def __init__(
        self, search: Callable[[str], list[SearchHit]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self.setWindowTitle(self.tr("Zoeken in alle waarnemingen"))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Zoek een woord in alle waarnemingen…"))
        self.query.setAccessibleName(self.tr("Zoekterm"))
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Zoekresultaten"))
        self.results.setWordWrap(True)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._open_first)
        self.results.itemActivated.connect(self._open)

    def run(self) -> None:
        """Search now."""
        self._timer.stop()
        text = self.query.text()
        try:
            hits = self._search(text) if text.strip() else []
        except KnownError as error:  # e.g. locked meanwhile
            self.summary.setText(error.message)
            return
        self.results.clear()
        for hit in hits:
            obs = hit.observation
            item = QListWidgetItem(
                f"{hit.recording_title} · {format_position(obs.time_ms)}\n{hit.snippet}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (obs.recording_id, obs.time_ms, obs.id))
            self.results.addItem(item)
        if text.strip():
            self.summary.setText(self.tr("{0} gevonden").format(format_number(len(hits))))
        else:
            self.summary.clear()

    def done(self, result: int) -> None:
        """Closing stops a pending search."""
        self._timer.stop()
        super().done(result)

    def _open_first(self) -> None:
        self._timer.stop()
        self.run()
        if self.results.count():
            self._open(self.results.item(0))

    def _open(self, item: QListWidgetItem) -> None:
        recording_id, time_ms, _obs_id = item.data(Qt.ItemDataRole.UserRole)
        self.hitChosen.emit(recording_id, int(time_ms))
        self.accept()

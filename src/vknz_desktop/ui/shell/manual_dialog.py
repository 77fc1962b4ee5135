"""Help → Handleiding: the Dutch user guide (docs/handleiding.md) shown in the app.

A QTextBrowser renders the Markdown. Nothing is fetched from outside: pictures and linked pages
come only from files inside the guide's own folders (docs/ and resources/), a link to a web
address is not followed (the status line says so), and links within the guide work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class OfflineBrowser(QTextBrowser):
    """A text browser that loads resources only from files under ``roots``."""

    def __init__(self, roots: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roots = [root.resolve() for root in roots]
        #: Every resource asked for that was refused (for tests and the status line).
        self.refused: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def local_file(self, url: QUrl) -> Path | None:
        """The file ``url`` names, when it is a local file under one of the roots."""
        if url.scheme() not in ("", "file"):
            return None
        base = self.source()
        resolved = base.resolved(url) if not url.isLocalFile() and base.isValid() else url
        path = Path(resolved.toLocalFile() or resolved.path()).resolve()
        if any(path.is_relative_to(root) for root in self._roots) and path.is_file():
            return path
        return None

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Pictures and pages from the guide's folders only; anything else is refused."""
        url = name if isinstance(name, QUrl) else QUrl(name)
        path = self.local_file(url)
        if path is None:
            self.refused.append(url.toString())
            return None
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return path.read_bytes()
        return path.read_text(encoding="utf-8")


class ManualDialog(QDialog):
    """The user guide, with a line that says what a clicked link did."""

    def __init__(self, manual: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding"))
        layout = QVBoxLayout(self)
        roots = [manual.parent, manual.parent.parent / "resources"]
        self.browser = OfflineBrowser(roots, self)
        self.browser.setAccessibleName(self.tr("Handleiding"))
        self.browser.anchorClicked.connect(self.follow)
        layout.addWidget(self.browser, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        wanted = QSize(60 * em, 40 * em)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(wanted.boundedTo(screen.size() * 0.9))
        self.show_page(QUrl.fromLocalFile(str(manual)))

    def show_page(self, url: QUrl) -> None:
        """Show a Markdown page of the guide (or say that it is missing)."""
        path = self.browser.local_file(url)
        if path is None:
            self.browser.setPlainText(
                self.tr("De handleiding is niet gevonden bij deze installatie.")
            )
            return
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )

    def follow(self, url: QUrl) -> None:
        """A link inside the guide is followed; a web address is not."""
        if url.scheme() not in ("", "file"):
            self.status.setText(
                self.tr("Deze link gaat naar internet; de app opent hem niet: {0}").format(
                    url.toString()
                )
            )
            return
        if url.path() == "" and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
            return
        target = self.browser.source().resolved(url)
        if self.browser.local_file(target) is None:
            self.status.setText(self.tr("Deze pagina hoort niet bij de handleiding."))
            return
        self.status.clear()
        self.show_page(target)


__all__ = ["ManualDialog", "OfflineBrowser"]

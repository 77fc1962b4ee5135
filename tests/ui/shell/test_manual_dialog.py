"""Help → Handleiding: docs/handleiding.md in the app, nothing fetched from outside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.manual_dialog import ManualDialog

ROOT = Path(__file__).resolve().parents[3]


def test_help_menu_shows_the_guide_with_its_pictures(
    window: MainWindow, qtbot: QtBot, monkeypatch: object
) -> None:
    action = window.registry.action("help.manual")
    assert action.text() == "&Handleiding" and action.shortcut().toString() == "F1"
    assert action in window.registry.menu("help").actions()
    assert window.context.manual == ROOT / "docs" / "handleiding.md"
    dialog = ManualDialog(window.context.manual, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)  # pictures load when the page is laid out
    text = dialog.browser.toPlainText()
    assert text.startswith("Handleiding VKNZ") and "\n# " not in text  # rendered Markdown
    assert dialog.browser.refused == []  # the screenshots came from resources/


def test_nothing_outside_the_guide_is_loaded_or_followed(tmp_path: Path, qtbot: QtBot) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "geheim.md").write_text("# Geheim\n", encoding="utf-8")
    (docs / "andere.md").write_text("# Andere pagina\n", encoding="utf-8")
    (docs / "handleiding.md").write_text(
        "# Gids\n\n![web](https://example.org/x.png) ![buiten](../geheim.png)\n\n"
        "[web](https://example.org/) [andere](andere.md) [buiten](../geheim.md)\n",
        encoding="utf-8",
    )
    dialog = ManualDialog(docs / "handleiding.md")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any("example.org" in r for r in dialog.browser.refused)
    assert any("geheim.png" in r for r in dialog.browser.refused)
    dialog.follow(QUrl("https://example.org/"))
    assert "internet" in dialog.status.text()
    assert "Gids" in dialog.browser.toPlainText()
    dialog.follow(QUrl("../geheim.md"))
    assert "hoort niet bij" in dialog.status.text()
    assert "Geheim" not in dialog.browser.toPlainText()
    dialog.follow(QUrl("andere.md"))
    assert "Andere pagina" in dialog.browser.toPlainText()

"""An export never silently replaces a file: the app asks about the file it really writes
(also when it added the suffix itself), and writes the agenda only after a yes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.learning.save_path import choose_save_path


def choose(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: Path) -> Path | None:
    options: list[object] = []

    def dialog(*_args: object, **kwargs: object) -> tuple[str, str]:
        options.append(kwargs.get("options"))
        return str(typed), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = choose_save_path(parent, "Opslaan", typed, "Webpagina (*.html)", (".html", ".htm"))
    # Qt's own question is off: it would be about the typed name, not the file written.
    assert options == [QFileDialog.Option.DontConfirmOverwrite]
    return chosen


def test_a_new_file_is_not_asked_about(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda *a: asked.append("?") or True)
    assert choose(qtbot, monkeypatch, tmp_path / "agenda") == tmp_path / "agenda.html"
    assert asked == []


def test_an_existing_file_is_replaced_only_after_yes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "agenda.html").write_text("oud", encoding="utf-8")
    answers = [False, True]
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(messages, "ask", ask)
    # Typed without the suffix: the question is about agenda.html, the file really written.
    assert choose(qtbot, monkeypatch, tmp_path / "agenda") is None
    assert asked == [f"Er staat al een bestand agenda.html in {tmp_path}. Wil je het vervangen?"]
    assert choose(qtbot, monkeypatch, tmp_path / "agenda.html") == tmp_path / "agenda.html"
    assert len(asked) == 2

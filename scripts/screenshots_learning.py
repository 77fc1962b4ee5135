"""Screenshots of leerdoelen and the learning summary under Xvfb: the leerdoelen page, the
summary preview with highlighted replacements, the HTML summary (as Qt renders it), the PDF
(written by Qt, rendered with pdftoppm) and the team learning agenda. Everything is invented.

Usage: python scripts/screenshots_learning.py OUT_DIR [WIDTHxHEIGHT ...]
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_vault import build_demo_vault
from vknz_desktop.app import create_window, install_translations
from vknz_desktop.domain.goals import GoalStatus, evidence_for
from vknz_desktop.domain.summary import (
    LearningSummary,
    SummaryGoal,
    SummaryPeriod,
    SummaryTheme,
)
from vknz_desktop.export.deidentifier import preload
from vknz_desktop.export.render import render_html, render_json
from vknz_desktop.export.team_agenda import render_agenda
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.goals import GoalService
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.ui.pdf_writer import pdf_bytes
from vknz_desktop.ui.workspace import Identity

GOALS = [
    (
        "Stiltes laten vallen in plaats van ze op te vullen",
        "luisteren",
        GoalStatus.ACTIEF,
        "Op de opname zie ik dat Klant A pas na een stilte vertelt over de schulden en over "
        "zijn werk bij Bakkerij Van Dongen. Als ik de stilte opvul, mis ik dat.",
        "Na een vraag tel ik in mezelf tot drie voordat ik iets zeg.",
        ("Stilte", "Open vraag", "samen wat de klant", "laatste woorden", "onderbreek"),
    ),
    (
        "Het doel van het gesprek aan het begin noemen",
        "doel-en-agenda",
        GoalStatus.GEOEFEND,
        "De klant wist vijf minuten niet waar hij aan toe was; dat zag ik aan zijn houding.",
        "Ik begin met: 'We hebben een half uur. Ik wil het hebben over … Wat wilt u bespreken?'",
        ("doel van het gesprek", "volgende stap", "nieuw onderwerp"),
    ),
    (
        "Mijn blik bij de klant houden, niet bij het scherm",
        "non-verbaal",
        GoalStatus.ACTIEF,
        "Sam kijkt vaak naar het scherm terwijl de klant praat (zegt de onderzoeker, en ik zie "
        "het zelf ook).",
        "Aantekeningen pas na het gesprek uitwerken; het scherm wegdraaien.",
        ("blik gaat vaak naar het scherm", "leun naar voren"),
    ),
    (
        "Uitleggen zonder vaktaal",
        "maatwerk",
        GoalStatus.BEREIKT,
        "Klant A begreep 'inkomstenverklaring' niet. Sinds 3 maart gebruik ik een voorbeeldbrief "
        "en pictogrammen.",
        "Vragen: 'Wilt u in uw eigen woorden zeggen wat u moet doen?'",
        ("inkomstenverklaring", "pictogram", "langzamer"),
    ),
    (
        "Een grapje maken om het ijs te breken",
        "werkrelatie",
        GoalStatus.LOSGELATEN,
        "Dat past niet bij mij; het voelde geforceerd.",
        "",
        ("grapje",),
    ),
]


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def add_goals(vault, recording_id: str) -> list[str]:
    observations = vault.observations(recording_id)
    service = GoalService(GoalRepository(vault))
    made = []
    for goal, theme, status, why, next_time, needles in GOALS:
        linked = [o for o in observations if any(n.lower() in o.text.lower() for n in needles)]
        created = service.create(
            goal=goal,
            why=why,
            next_time=next_time,
            status=status,
            profile_id="klantgesprek",
            theme_id=theme,
            evidence=[evidence_for(o) for o in linked],
            review_on=dt.date(2027, 1, 18) if status is GoalStatus.ACTIEF else None,
        )
        made.append(created.id)
    service.add_term("Van Dongen")
    return made


def team_summaries() -> list[LearningSummary]:
    def theme(theme_id: str, title: str) -> SummaryTheme:
        return SummaryTheme(
            profile_id="klantgesprek",
            profile="Kijkwijzer klantgesprek",
            theme_id=theme_id,
            title=title,
        )

    listen = theme("luisteren", "Luisteren, stilte en open vragen")
    agenda = theme("doel-en-agenda", "Doel en agenda")
    fit = theme("maatwerk", "Aansluiten bij deze klant")
    plans = [
        [
            (listen, "Stiltes laten vallen", GoalStatus.ACTIEF, "Tot drie tellen na een vraag."),
            (agenda, "Het doel aan het begin noemen", GoalStatus.BEREIKT, ""),
        ],
        [
            (
                listen,
                "Doorvragen als de klant iets terloops zegt",
                GoalStatus.GEOEFEND,
                "Eén open vraag extra stellen.",
            ),
            (
                agenda,
                "Samen de agenda maken",
                GoalStatus.ACTIEF,
                "Vragen wat de klant wil bespreken.",
            ),
        ],
        [
            (listen, "Samenvatten voordat ik reageer", GoalStatus.BEREIKT, "Eerst samenvatten."),
            (
                fit,
                "Pictogrammen gebruiken bij [persoon] met weinig Nederlands",
                GoalStatus.ACTIEF,
                "",
            ),
        ],
        [
            (agenda, "Afspraken op papier meegeven", GoalStatus.GEOEFEND, "Een briefje meegeven."),
            (listen, "Niet onderbreken", GoalStatus.ACTIEF, ""),
        ],
    ]
    summaries = []
    for goals in plans:
        summaries.append(
            LearningSummary(
                period=SummaryPeriod(start="2026-09", end="2026-11"),
                recordings=2,
                goals=[
                    SummaryGoal(goal=g, status=s, theme=t, created="2026-10", next_time=n)
                    for t, g, s, n in goals
                ],
                deidentified_with="deduce 3.0.6",
            )
        )
    return summaries


def grab_html(html: str, path: Path, size: tuple[int, int] = (900, 1100)) -> None:
    browser = QTextBrowser()
    browser.setFrameShape(QTextBrowser.Shape.NoFrame)
    browser.resize(*size)
    browser.setHtml(html)
    browser.show()
    pump(0.3)
    browser.grab().save(str(path))
    browser.close()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[2:]] or [(1366, 768)]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    preload()
    home = Path(tempfile.mkdtemp(prefix="vknz-shots-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, recording_id = build_demo_vault(paths.vault_dir, home)
    goal_ids = add_goals(vault, recording_id)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    for width, height in sizes:
        window.resize(width, height)
        window.show()
        pump(0.3)
        vault = window.context.gateway.open("paard batterij nietje")
        window._on_unlocked(vault, Identity(name="Sam"))
        pump(0.5)
        window.open_recording(recording_id)
        pump(1.0)
        listing = window.workspace.observation_list
        listing.table.setFocus()
        listing.table.selectRow(2)
        pump(0.2)
        window.learning.end_review_action.trigger()
        pump(0.5)
        goal_dialog = window.learning._dialogs[-1]
        goal_dialog.goal_edit.setText("Samenvatten voordat ik reageer")
        pump(0.2)
        goal_dialog.grab().save(str(out / f"leerdoel-maken-{width}x{height}.png"))
        goal_dialog.reject()
        pump(0.2)
        window.learning.show_goals(goal_ids[0])
        pump(0.5)
        window.grab().save(str(out / f"leerdoelen-{width}x{height}.png"))

        dialog = window.learning.show_summary_preview()
        assert dialog is not None
        dialog.resize(min(width - 40, 1300), min(height - 60, 720))
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
        item = dialog.items.topLevelItem(0)
        item.setExpanded(True)
        pump(0.6)
        dialog.grab().save(str(out / f"leersamenvatting-voorbeeld-{width}x{height}.png"))
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
        pump(0.3)
        dialog.grab().save(str(out / f"leersamenvatting-voorbeeld-json-{width}x{height}.png"))
        built = dialog.built
        assert built is not None
        dialog.reject()
        pump(0.2)
        html = render_html(built.summary)
        (out / "leersamenvatting.html").write_text(html, encoding="utf-8")
        (out / "leersamenvatting.json").write_text(render_json(built.summary), encoding="utf-8")
        grab_html(html, out / "leersamenvatting-html.png")
        pdf = out / "leersamenvatting.pdf"
        pdf.write_bytes(pdf_bytes(html, "Leersamenvatting"))
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(out / "leersamenvatting-pdf")],
                check=True,
            )
        agenda = render_agenda(team_summaries())
        folder = Path(tempfile.mkdtemp(prefix="vknz-agenda-"))
        files = []
        for index, summary in enumerate(team_summaries()):
            path = folder / f"samenvatting-{index + 1}.json"
            path.write_text(render_json(summary), encoding="utf-8")
            files.append(path)
        (folder / "notities.json").write_text('{"dit": "is geen samenvatting"}', encoding="utf-8")
        agenda_dialog = window.learning.show_team_agenda([*files, folder / "notities.json"])
        assert agenda_dialog is not None
        agenda_dialog.resize(min(width - 40, 1200), min(height - 60, 700))
        pump(0.5)
        agenda_dialog.grab().save(str(out / f"teamleeragenda-dialoog-{width}x{height}.png"))
        agenda_dialog.reject()
        pump(0.2)
        (out / "teamleeragenda.html").write_text(agenda, encoding="utf-8")
        grab_html(agenda, out / "teamleeragenda.png")
        window.lock()
        pump(0.5)
        for widget in QApplication.topLevelWidgets():
            if (
                widget is not window
                and widget.isVisible()
                and widget.windowType() == Qt.WindowType.Dialog
            ):
                widget.hide()
    window.close()
    window.context.controller.shutdown()
    engine.release()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()

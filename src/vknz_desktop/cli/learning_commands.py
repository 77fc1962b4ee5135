"""``vknz goals|summary|team-agenda``: leerdoelen, the learning summary and the team agenda."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop.cli.common import (
    EXIT_KNOWN,
    EXIT_OK,
    month_arg,
    open_vault,
    refuse_overwrite,
    write_file,
)
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.vault import Vault

log = logging.getLogger("vknz_desktop.cli")


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``goals``, ``summary`` and ``team-agenda``."""
    goals = sub.add_parser("goals", help="toon de leerdoelen (met hun nummers voor --goals)")
    goals.add_argument("--json", action="store_true", help="uitvoer als JSON")

    summ = sub.add_parser(
        "summary",
        help="schrijf een geanonimiseerde leersamenvatting (json, md, html of pdf)",
        description="Schrijft dezelfde geanonimiseerde leersamenvatting als de app, zonder "
        "voorbeeld (voor scripts). Alle vrije tekst gaat door deduce en de eigen herkenning; "
        "namen van deelnemers en de extra termen uit de kluis worden altijd weggelaten.",
    )
    summ.add_argument("--out", type=Path, required=True, metavar="BESTAND")
    summ.add_argument("--force", action="store_true", help="een bestaand bestand vervangen")
    summ.add_argument(
        "--format",
        choices=["json", "md", "html", "pdf"],
        help="bestandsformaat (standaard: volgens de extensie van --out)",
    )
    summ.add_argument(
        "--goals",
        metavar="NUMMER[,NUMMER…]",
        help="alleen deze leerdoelen ('alle' voor alle; standaard: alle behalve losgelaten)",
    )
    summ.add_argument("--from", dest="period_from", type=month_arg, metavar="JJJJ-MM")
    summ.add_argument("--to", dest="period_to", type=month_arg, metavar="JJJJ-MM")
    summ.add_argument(
        "--exact-dates", action="store_true", help="datums in plaats van alleen maanden"
    )
    summ.add_argument(
        "--no-evidence", action="store_true", help="zonder de tekst van de waarnemingen"
    )
    summ.add_argument("--no-theme-counts", action="store_true", help="zonder thematellingen")
    summ.add_argument(
        "--no-counts", action="store_true", help="zonder aantallen opnames en sessies"
    )
    summ.add_argument(
        "--term",
        action="append",
        default=[],
        metavar="TERM",
        help="ook deze term weglaten (herhaalbaar; de lijst in de kluis geldt altijd)",
    )
    summ.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAAM",
        help="ook deze naam weglaten, bijv. je eigen naam (herhaalbaar; komt in het namenregister)",
    )
    summ.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="WOORD",
        help="twijfelwoord laten staan (herhaalbaar; wordt in de kluis onthouden)",
    )
    summ.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="WOORD",
        help="twijfelwoord voortaan weglaten (herhaalbaar; wordt een eigen term in de kluis)",
    )
    summ.add_argument(
        "--accept-doubtful",
        action="store_true",
        help="schrijf ook als er nog twijfelwoorden zijn waarover niet is beslist",
    )

    agenda = sub.add_parser(
        "team-agenda",
        help="voeg leersamenvattingen (JSON) samen tot een teamleeragenda (HTML)",
    )
    agenda.add_argument("files", nargs="+", type=Path, metavar="SAMENVATTING.json")
    agenda.add_argument("--out", type=Path, required=True, metavar="agenda.html")
    agenda.add_argument("--force", action="store_true", help="een bestaand bestand vervangen")


def _goal_rows(vault: Vault) -> list[Any]:
    from vknz_desktop.services.goals import GoalService
    from vknz_desktop.storage.goals_repo import GoalRepository

    return GoalService(GoalRepository(vault)).goals()


def cmd_goals(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_vault(paths) as vault:
        goals = _goal_rows(vault)
    if args.json:
        rows = [
            {
                "id": g.id,
                "status": g.status.value,
                "goal": g.goal,
                "profile_id": g.profile_id,
                "theme_id": g.theme_id,
                "evidence": len(g.evidence),
                "review_on": g.review_on.isoformat() if g.review_on else None,
            }
            for g in goals
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not goals:
        print("Er zijn nog geen leerdoelen.", file=out)
        return EXIT_OK
    for g in goals:
        print(f"{g.id[:8]}  {g.status.value:10}  {g.title or '(zonder omschrijving)'}", file=out)
    return EXIT_OK


def _chosen_goal_ids(text: str | None, goals: Sequence[Any]) -> tuple[str, ...]:
    from vknz_desktop.domain.goals import GoalStatus

    if text is None:
        return tuple(g.id for g in goals if g.status is not GoalStatus.LOSGELATEN)
    if text.strip().lower() in ("alle", "all"):
        return tuple(g.id for g in goals)
    chosen: list[str] = []
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        matches = [g.id for g in goals if g.id.startswith(part)]
        if not matches:
            raise KnownError(f"Er is geen leerdoel met nummer {part} (zie 'vknz goals').")
        if len(matches) > 1:
            raise KnownError(f"Het nummer {part} past bij meer leerdoelen; geef meer tekens.")
        chosen.append(matches[0])
    return tuple(chosen)


def cmd_summary(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop import export
    from vknz_desktop.export import deidentifier
    from vknz_desktop.export.render import render
    from vknz_desktop.services.summary import SummaryOptions, SummaryService
    from vknz_desktop.storage.goals_repo import GoalRepository
    from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles

    file_format = args.format or args.out.suffix.lower().lstrip(".")
    file_format = {"markdown": "md", "htm": "html"}.get(file_format, file_format)
    if file_format not in ("json", "md", "html", "pdf"):
        raise KnownError("Kies een formaat met --format json, md, html of pdf.")
    if not args.out.parent.is_dir():
        raise KnownError(f"De map {args.out.parent} bestaat niet.")
    refuse_overwrite(args.out, args.force)
    profiles = load_profiles(builtin_profiles_dir(), paths.profiles_dir).profiles
    with open_vault(paths) as vault:
        repository = GoalRepository(vault)
        goals = repository.goals()
        options = SummaryOptions(
            goal_ids=_chosen_goal_ids(args.goals, goals),
            include_evidence=not args.no_evidence,
            include_theme_counts=not args.no_theme_counts,
            include_counts=not args.no_counts,
            exact_dates=args.exact_dates,
            period_start=args.period_from,
            period_end=_month_last_day(args.period_to) if args.period_to else None,
            extra_terms=(*args.term, *repository.extra_terms()),
            extra_names=tuple(args.name),
        )
        _wait_for_deidentifier()
        service = SummaryService(
            repository,
            vault,
            profiles,
            export.deidentify,
            method=deidentifier.method_description(),
            clip_lookup=repository.clip_info,
            session_counter=repository.sessions_between,
        )
        for word in args.keep:
            service.decide_doubtful(word, keep=True)
        for word in args.remove:
            service.decide_doubtful(word, keep=False)
        if args.remove:
            options = replace(options, extra_terms=(*options.extra_terms, *args.remove))
        built = service.build(options)
        if built.doubtful and not args.accept_doubtful:
            words = ", ".join(built.doubtful)
            raise KnownError(
                f"Twijfelwoorden (misschien een naam): {words}. Er is niets geschreven. "
                "Beslis per woord met --keep WOORD of --remove WOORD (wordt onthouden), "
                "of schrijf toch met --accept-doubtful."
            )
        if file_format == "pdf":
            data = _pdf_bytes(render(built.summary, "html"))
        else:
            data = render(built.summary, file_format).encode("utf-8")
        write_file(args.out, data, force=args.force)
        service.record_export(built, file_format, args.role)
    print(
        f"Leersamenvatting geschreven: {args.out} ({len(built.summary.goals)} leerdoel(en), "
        f"{built.evidence_items} waarneming(en), {built.replacements} vervanging(en))",
        file=out,
    )
    log.info("summary exported (%s, %d goals)", file_format, len(built.summary.goals))
    return EXIT_OK


def cmd_team_agenda(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop.export.team_agenda import build_agenda, load_summaries, render_agenda_html

    refuse_overwrite(args.out, args.force)
    loaded = load_summaries(args.files)
    for problem in loaded.problems:
        print(f"vknz: overgeslagen: {problem}", file=sys.stderr)
    if not loaded.summaries:
        raise KnownError("Geen enkele geldige leersamenvatting; er is geen agenda gemaakt.")
    _wait_for_deidentifier()
    agenda = build_agenda(loaded.summaries)
    write_file(args.out, render_agenda_html(agenda).encode("utf-8"), force=args.force)
    print(
        f"Teamleeragenda geschreven: {args.out} (uit {len(loaded.summaries)} samenvatting(en), "
        f"{agenda.replacements} vervanging(en) bij opnieuw anonimiseren)",
        file=out,
    )
    if loaded.problems:
        print(
            f"vknz: {len(loaded.problems)} bestand(en) overgeslagen; de agenda is gemaakt "
            "zonder die bestanden.",
            file=sys.stderr,
        )
        return EXIT_KNOWN
    return EXIT_OK


def _wait_for_deidentifier() -> None:
    """Start the de-identification worker and, on a terminal, show how long it is loading."""
    from vknz_desktop.export import deidentifier

    if deidentifier.is_loaded():
        return
    terminal = sys.stderr.isatty()

    def progress(seconds: float) -> None:
        if terminal:
            sys.stderr.write(f"\rAnonimiseren voorbereiden… {seconds:.0f} s ")
            sys.stderr.flush()

    progress(0.0)
    deidentifier.preload(progress)
    if terminal:
        sys.stderr.write(f"\rAnonimiseren voorbereid ({deidentifier.seconds_waited():.0f} s).\n")
        sys.stderr.flush()


def _month_last_day(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def _pdf_bytes(html: str) -> bytes:
    """PDF through Qt's own writer, without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from vknz_desktop.ui.features.learning.pdf_writer import pdf_bytes

    _app = QGuiApplication.instance() or QGuiApplication(["vknz"])
    return pdf_bytes(html, "Leersamenvatting")


COMMANDS = {"goals": cmd_goals, "summary": cmd_summary, "team-agenda": cmd_team_agenda}

"""The ``vknz`` command line: scripting, administration and tests beside the GUI.

Exit codes: 0 success, 2 a known problem (one clear line on stderr), 1 a bug (details in the log).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop import __version__
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import (
    CONSENT_SCOPE_LABELS,
    ConsentScope,
    MediaInfo,
    Participant,
    Recording,
    Role,
)
from vknz_desktop.domain.ports import CancelToken
from vknz_desktop.logging_setup import setup_logging
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.keyfile import profile_from_environment
from vknz_desktop.storage.vault import Vault

log = logging.getLogger("vknz_desktop.cli")

EXIT_OK = 0
EXIT_BUG = 1
EXIT_KNOWN = 2


# -- passphrases ------------------------------------------------------------------------------
def read_passphrase(
    prompt: str = "Wachtwoord van de kluis: ", env: str = "VKNZ_PASSPHRASE", confirm: bool = False
) -> str:
    """From ``$env`` (scripts) or a hidden prompt on the terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise KnownError(f"Geen wachtwoord: zet {env} of start vknz in een terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Herhaal het wachtwoord: ") != first:
        raise KnownError("De twee wachtwoorden zijn niet gelijk. Er is niets gewijzigd.")
    return first


# -- argument parsing -------------------------------------------------------------------------
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (gebruik JJJJ-MM-DD)") from error


def _role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError as error:
        roles = ", ".join(r.value for r in Role)
        raise argparse.ArgumentTypeError(f"onbekende rol '{text}' (kies uit: {roles})") from error


def _scopes(text: str) -> list[ConsentScope]:
    result: list[ConsentScope] = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        try:
            result.append(ConsentScope(part))
        except ValueError as error:
            options = ", ".join(s.value for s in ConsentScope)
            raise argparse.ArgumentTypeError(
                f"onbekende toestemming '{part}' (kies uit: {options})"
            ) from error
    if not result:
        raise argparse.ArgumentTypeError("geef minstens één toestemming op")
    return result


def _participant(text: str) -> Participant:
    name, sep, role = text.rpartition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            f"'{text}': gebruik NAAM:ROL, bijvoorbeeld 'Klant A:klant'"
        )
    try:
        return Participant(display_name=name, role=_role(role))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}': {error}") from error


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One clear line, as for every other known error.
        self.exit(EXIT_KNOWN, f"vknz: {message} (zie 'vknz --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = _Parser(
        prog="vknz",
        description="Van Kijken Naar Zien: opnames terugkijken in een "
        "versleutelde kluis. Zonder opdracht start de app.",
    )
    parser.add_argument("--version", action="version", version=f"vknz {__version__}")
    parser.add_argument(
        "--vault",
        type=Path,
        metavar="MAP",
        help="kluismap (standaard: $VKNZ_HOME/vault of de gegevensmap van de gebruiker)",
    )
    parser.add_argument(
        "--role",
        type=_role,
        default=Role.KLANTMANAGER,
        help="uw rol, voor het logboek (standaard: klantmanager)",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_Parser)

    sub.add_parser("init", help="maak een nieuwe kluis")

    imp = sub.add_parser("import", help="voeg een opname toe aan de kluis")
    imp.add_argument("file", type=Path, metavar="BESTAND")
    imp.add_argument(
        "--consent-scope",
        type=_scopes,
        required=True,
        metavar="SCOPE[,SCOPE…]",
        help="toestemming: "
        + ", ".join(f"{s.value} ({label})" for s, label in CONSENT_SCOPE_LABELS.items()),
    )
    imp.add_argument("--title", help="titel (standaard: de bestandsnaam)")
    imp.add_argument("--date", type=_date, metavar="JJJJ-MM-DD", help="datum van het gesprek")
    imp.add_argument(
        "--consent-by",
        type=_role,
        default=Role.KLANT,
        metavar="ROL",
        help="wie toestemming gaf (standaard: klant)",
    )
    imp.add_argument(
        "--consent-date",
        type=_date,
        metavar="JJJJ-MM-DD",
        help="datum van de toestemming (standaard: vandaag)",
    )
    imp.add_argument(
        "--keep-until",
        type=_date,
        metavar="JJJJ-MM-DD",
        help="bewaren tot (standaard: 12 maanden na de toestemming)",
    )
    imp.add_argument(
        "--participant",
        type=_participant,
        action="append",
        default=[],
        metavar="NAAM:ROL",
        help="deelnemer (mag een schuilnaam zijn); herhaalbaar",
    )

    lst = sub.add_parser("list", help="toon de opnames in de kluis")
    lst.add_argument("--json", action="store_true", help="uitvoer als JSON")

    sub.add_parser("verify", help="controleer de kluis en alle opnames op beschadiging")
    sub.add_parser("passwd", help="wijzig het wachtwoord van de kluis")

    dele = sub.add_parser("delete", help="verwijder een opname definitief")
    dele.add_argument("id", metavar="NUMMER")
    dele.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

    prof = sub.add_parser("profiles", help="Kijkwijzer-profielen")
    prof_sub = prof.add_subparsers(
        dest="profiles_command", metavar="OPDRACHT", parser_class=_Parser, required=True
    )
    validate = prof_sub.add_parser("validate", help="controleer een profielbestand (TOML)")
    validate.add_argument("file", type=Path, metavar="BESTAND")
    prof_sub.add_parser("list", help="toon de beschikbare profielen")

    from vknz_desktop import cli_gdpr

    cli_gdpr.add_parser(sub, _Parser)

    con = sub.add_parser("consent", help="wijzig de toestemming van een opname")
    con.add_argument("id", metavar="NUMMER")
    con.add_argument("--consent-scope", type=_scopes, required=True, metavar="SCOPE[,SCOPE…]")
    con.add_argument("--consent-by", type=_role, default=Role.KLANT, metavar="ROL")
    con.add_argument("--consent-date", type=_date, metavar="JJJJ-MM-DD")
    con.add_argument("--keep-until", type=_date, metavar="JJJJ-MM-DD")
    _add_learning_parsers(sub)
    sub.add_parser(
        "self-test",
        help="controleer of deze installatie werkt (met een tijdelijke kluis)",
    )
    return parser


def _month(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{text}-01" if len(text) == 7 else text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen maand (gebruik JJJJ-MM)") from error


def _add_learning_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``vknz goals``, ``vknz summary`` and ``vknz team-agenda`` (leerdoelen and export)."""
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
    summ.add_argument("--from", dest="period_from", type=_month, metavar="JJJJ-MM")
    summ.add_argument("--to", dest="period_to", type=_month, metavar="JJJJ-MM")
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
        help="ook deze naam weglaten, bijv. uw eigen naam (herhaalbaar)",
    )

    agenda = sub.add_parser(
        "team-agenda",
        help="voeg leersamenvattingen (JSON) samen tot een teamleeragenda (HTML)",
    )
    agenda.add_argument("files", nargs="+", type=Path, metavar="SAMENVATTING.json")
    agenda.add_argument("--out", type=Path, required=True, metavar="agenda.html")


# -- commands ---------------------------------------------------------------------------------
def open_vault(paths: AppPaths) -> Vault:
    """Unlock the vault for one command: notices (a restored key file, damage found) go to
    stderr, and the unlock is audited like one in the app (role unknown, via the CLI)."""
    vault = Vault.open(paths.vault_dir, read_passphrase())
    try:
        for notice in vault.notices:
            print(f"Let op: {notice}", file=sys.stderr)
        vault.record_unlock(None, via="opdrachtregel")
    except BaseException:
        vault.close()
        raise
    return vault


def cmd_init(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    passphrase = read_passphrase("Nieuw wachtwoord voor de kluis: ", confirm=True)
    with Vault.create(
        paths.vault_dir, passphrase, role=args.role, kdf_profile=profile_from_environment()
    ):
        pass
    print(f"Kluis gemaakt in {paths.vault_dir}", file=out)
    log.info("vault created")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    consent = make_consent(
        args.consent_scope,
        given_by=args.consent_by,
        given_on=args.consent_date or dt.date.today(),
        keep_until=args.keep_until,
    )
    request = ImportRequest(
        source=args.file,
        consent=consent,
        title=args.title,
        conversation_date=args.date,
        participants=tuple(args.participant),
        role=args.role,
    )
    from vknz_desktop.media.probe import PyAvProber

    with open_vault(paths) as vault:
        service = RecordingService(vault, PyAvProber())
        progress = _TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
        recording = service.import_recording(request, progress=progress, cancel=CancelToken())
        if progress:
            progress.finish()
    print(
        f"Geïmporteerd: {recording.title} ({recording.id}), {_hms(recording.duration_ms)}", file=out
    )
    log.info("imported recording %s (%d bytes)", recording.id, recording.size_bytes)
    return EXIT_OK


def recording_as_json(recording: Recording) -> dict[str, object]:
    """The ``vknz list --json`` representation of a recording."""
    return {
        "id": recording.id,
        "title": recording.title,
        "date": recording.conversation_date.isoformat() if recording.conversation_date else None,
        "duration_ms": recording.duration_ms,
        "has_video": recording.media.has_video,
        "has_audio": recording.media.has_audio,
        "container": recording.media.container,
        "video_codec": recording.media.video_codec,
        "audio_codec": recording.media.audio_codec,
        "width": recording.media.width,
        "height": recording.media.height,
        "rotation": recording.media.rotation,
        "frame_rate": recording.media.frame_rate,
        "variable_frame_rate": recording.media.variable_frame_rate,
        "size_bytes": recording.size_bytes,
        "sha256": recording.sha256,
        "participants": [
            {"name": p.display_name, "role": p.role.value} for p in recording.participants
        ],
        "consent_scope": recording.consent.scope_codes(),
        "consent_by": recording.consent.given_by.value,
        "consent_date": recording.consent.given_on.isoformat(),
        "keep_until": recording.consent.keep_until.isoformat(),
        "expired": recording.consent.keep_until < dt.date.today(),
        "imported_at": recording.imported_at.isoformat(),
    }


def cmd_list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_vault(paths) as vault:
        recordings = vault.recordings()
    if args.json:
        json.dump([recording_as_json(r) for r in recordings], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not recordings:
        print("De kluis bevat nog geen opnames.", file=out)
        return EXIT_OK
    today = dt.date.today()
    for r in recordings:
        kind = "video" if r.media.has_video else "audio"
        date = r.conversation_date.isoformat() if r.conversation_date else "—"
        scopes = ", ".join(CONSENT_SCOPE_LABELS[ConsentScope(s)] for s in r.consent.scope_codes())
        expired = "  VERLOPEN" if r.consent.keep_until < today else ""
        print(f"{r.id}  {date}  {_hms(r.duration_ms)}  {kind:5}  {r.title}", file=out)
        print(
            f"    toestemming: {scopes}; bewaren tot {r.consent.keep_until.isoformat()}{expired}",
            file=out,
        )
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_vault(paths) as vault:
        problems = vault.verify()
        count = len(vault.recordings())
    if problems:
        for problem in problems:
            print(f"BESCHADIGD: {problem.where}: {problem.message}", file=sys.stderr)
        return EXIT_KNOWN
    print(f"De kluis is in orde ({count} opname(s) gecontroleerd).", file=out)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    old = read_passphrase("Huidig wachtwoord: ")
    new = read_passphrase("Nieuw wachtwoord: ", env="VKNZ_NEW_PASSPHRASE", confirm=True)
    Vault.change_passphrase(paths.vault_dir, old, new, kdf_profile=profile_from_environment())
    print("Het wachtwoord is gewijzigd.", file=out)
    log.info("passphrase changed")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_vault(paths) as vault:
        recording = vault.recording(args.id)
        if not args.yes and sys.stdin.isatty():
            answer = input(f"'{recording.title}' definitief verwijderen? Typ 'ja': ")
            if answer.strip().lower() != "ja":
                print("Niets verwijderd.", file=out)
                return EXIT_OK
        RecordingService(vault, _NoProber()).delete(args.id, role=args.role)
    print(f"Opname {args.id} is verwijderd (sleutel vernietigd).", file=out)
    log.info("deleted recording %s", args.id)
    return EXIT_OK


def cmd_consent(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    consent = make_consent(
        args.consent_scope,
        given_by=args.consent_by,
        given_on=args.consent_date or dt.date.today(),
        keep_until=args.keep_until,
    )
    with open_vault(paths) as vault:
        RecordingService(vault, _NoProber()).change_consent(args.id, consent, role=args.role)
    print(f"Toestemming van opname {args.id} is bijgewerkt.", file=out)
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop.domain.profiles import ProfileError
    from vknz_desktop.storage.profile_files import (
        builtin_profiles_dir,
        load_profiles,
        validate_file,
    )

    if args.profiles_command == "validate":
        try:
            profile = validate_file(args.file)
        except ProfileError as error:
            for line in error.all_messages():
                print(f"vknz: {line}", file=sys.stderr)
            return EXIT_KNOWN
        questions = sum(len(t.questions) for t in profile.themes)
        print(
            f"In orde: {profile.id} ({profile.name}), {len(profile.themes)} thema's, "
            f"{questions} vragen",
            file=out,
        )
        return EXIT_OK
    result = load_profiles(builtin_profiles_dir(), paths.profiles_dir)
    for profile in result.profiles:
        print(f"{profile.id}  {profile.name} (versie {profile.version})", file=out)
    for problem in result.problems:
        print(f"vknz: overgeslagen: {problem.message}", file=sys.stderr)
    return EXIT_OK


# -- leerdoelen, learning summary, team agenda ------------------------------------------------
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
        if not deidentifier.is_loaded() and sys.stderr.isatty():
            print("Anonimiseren voorbereiden…", file=sys.stderr)
        service = SummaryService(
            repository,
            vault,
            profiles,
            export.deidentify,
            method=deidentifier.method_description(),
            clip_lookup=repository.clip_info,
            session_counter=repository.sessions_between,
        )
        built = service.build(options)
        if file_format == "pdf":
            data = _pdf_bytes(render(built.summary, "html"))
        else:
            data = render(built.summary, file_format).encode("utf-8")
        _write_file(args.out, data)
        service.record_export(built, file_format, args.role)
    print(
        f"Leersamenvatting geschreven: {args.out} ({len(built.summary.goals)} leerdoel(en), "
        f"{built.evidence_items} waarneming(en), {built.replacements} vervanging(en))",
        file=out,
    )
    log.info("summary exported (%s, %d goals)", file_format, len(built.summary.goals))
    return EXIT_OK


def cmd_team_agenda(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop.export.team_agenda import load_summaries, render_agenda

    loaded = load_summaries(args.files)
    for problem in loaded.problems:
        print(f"vknz: overgeslagen: {problem}", file=sys.stderr)
    if not loaded.summaries:
        raise KnownError("Geen enkele geldige leersamenvatting; er is geen agenda gemaakt.")
    _write_file(args.out, render_agenda(loaded.summaries).encode("utf-8"))
    print(
        f"Teamleeragenda geschreven: {args.out} (uit {len(loaded.summaries)} samenvatting(en))",
        file=out,
    )
    return EXIT_OK


def _month_last_day(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def _pdf_bytes(html: str) -> bytes:
    """PDF through Qt's own writer, without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from vknz_desktop.ui.pdf_writer import pdf_bytes

    _app = QGuiApplication.instance() or QGuiApplication(["vknz"])
    return pdf_bytes(html, "Leersamenvatting")


def _write_file(path: Path, data: bytes) -> None:
    from vknz_desktop.ui.pdf_writer import write_atomically

    try:
        write_atomically(path, data)
    except OSError as error:
        raise KnownError(f"Kan {path} niet schrijven ({error.strerror}).") from error


def cmd_self_test(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop.selftest import run_self_test

    return run_self_test(out)


class _NoProber:
    """For commands that never import: probing would be a bug."""

    def probe(self, path: Path) -> MediaInfo:  # pragma: no cover - never called
        raise AssertionError("no probing in this command")


def _gdpr(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from vknz_desktop import cli_gdpr

    return cli_gdpr.run(args, paths, out)


COMMANDS: dict[str, Callable[[argparse.Namespace, AppPaths, TextIO], int]] = {
    "init": cmd_init,
    "import": cmd_import,
    "list": cmd_list,
    "verify": cmd_verify,
    "passwd": cmd_passwd,
    "delete": cmd_delete,
    "consent": cmd_consent,
    "profiles": cmd_profiles,
    "goals": cmd_goals,
    "summary": cmd_summary,
    "team-agenda": cmd_team_agenda,
    "self-test": cmd_self_test,
    "gdpr": lambda args, paths, out: _gdpr(args, paths, out),
}


def run_command(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Parse ``argv`` and run one subcommand; never lets a traceback reach the user."""
    return run_parsed(build_parser().parse_args(list(argv)), out)


def run_parsed(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run the subcommand in ``args``; never lets a traceback reach the user."""
    out = out or sys.stdout
    if args.command is None:
        build_parser().print_usage(sys.stderr)
        return EXIT_KNOWN
    paths = AppPaths.resolve(args.vault)
    log_file = setup_logging(paths.log_dir)
    try:
        return COMMANDS[args.command](args, paths, out)
    except KnownError as error:
        log.info("known error in %s: %s", args.command, type(error).__name__)
        print(f"vknz: {error.message}", file=sys.stderr)
        return EXIT_KNOWN
    except KeyboardInterrupt:
        print("vknz: afgebroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `vknz list | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        log.exception("unexpected error in %s", args.command)
        where = f" Details staan in {log_file}." if log_file else ""
        print(
            f"vknz: er ging iets onverwachts mis (een fout in het programma).{where}",
            file=sys.stderr,
        )
        return EXIT_BUG


class _TerminalProgress:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else 100
        if percent != self._last:
            self._last = percent
            self._stream.write(f"\rImporteren… {percent:3d}%")
            self._stream.flush()

    def finish(self) -> None:
        self._stream.write("\n")


def _hms(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"

"""``vknz init|import|list|verify|passwd|delete|consent``: the vault and its recordings."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop.cli.common import (
    EXIT_KNOWN,
    EXIT_OK,
    NoProber,
    TerminalProgress,
    date_arg,
    open_vault,
    participant_arg,
    passphrase_check,
    read_passphrase,
    role_arg,
    scopes_arg,
)
from vknz_desktop.domain.models import CONSENT_SCOPE_LABELS, ConsentScope, Recording, Role
from vknz_desktop.domain.ports import CancelToken
from vknz_desktop.domain.timefmt import format_position
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.vault import Vault

log = logging.getLogger("vknz_desktop.cli")


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register the vault and recording commands."""
    sub.add_parser("init", help="maak een nieuwe kluis")

    imp = sub.add_parser("import", help="voeg een opname toe aan de kluis")
    imp.add_argument("file", type=Path, metavar="BESTAND")
    imp.add_argument(
        "--consent-scope",
        type=scopes_arg,
        required=True,
        metavar="SCOPE[,SCOPE…]",
        help="toestemming: "
        + ", ".join(f"{s.value} ({label})" for s, label in CONSENT_SCOPE_LABELS.items()),
    )
    imp.add_argument("--title", help="titel (standaard: de bestandsnaam)")
    imp.add_argument("--date", type=date_arg, metavar="JJJJ-MM-DD", help="datum van het gesprek")
    imp.add_argument(
        "--consent-by",
        type=role_arg,
        default=Role.KLANT,
        metavar="ROL",
        help="wie toestemming gaf (standaard: klant)",
    )
    imp.add_argument(
        "--consent-date",
        type=date_arg,
        metavar="JJJJ-MM-DD",
        help="datum van de toestemming (standaard: vandaag)",
    )
    imp.add_argument(
        "--keep-until",
        type=date_arg,
        metavar="JJJJ-MM-DD",
        help="bewaren tot (standaard: 12 maanden na de toestemming)",
    )
    imp.add_argument(
        "--participant",
        type=participant_arg,
        action="append",
        default=[],
        metavar="NAAM:ROL",
        help="deelnemer (mag een schuilnaam zijn); herhaalbaar",
    )
    imp.add_argument(  # -- remove the source after import (record_commands' owner)
        "--remove-source",
        action="store_true",
        help="verwijder het bronbestand na een geslaagde import (niet onherstelbaar op een "
        "geheugenkaart of telefoon; zie de handleiding)",
    )

    lst = sub.add_parser("list", help="toon de opnames in de kluis")
    lst.add_argument("--json", action="store_true", help="uitvoer als JSON")

    sub.add_parser("verify", help="controleer de kluis en alle opnames op beschadiging")
    sub.add_parser("passwd", help="wijzig het wachtwoord van de kluis")

    dele = sub.add_parser("delete", help="verwijder een opname definitief")
    dele.add_argument("id", metavar="NUMMER")
    dele.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

    con = sub.add_parser("consent", help="wijzig de toestemming van een opname")
    con.add_argument("id", metavar="NUMMER")
    con.add_argument("--consent-scope", type=scopes_arg, required=True, metavar="SCOPE[,SCOPE…]")
    con.add_argument("--consent-by", type=role_arg, default=Role.KLANT, metavar="ROL")
    con.add_argument("--consent-date", type=date_arg, metavar="JJJJ-MM-DD")
    con.add_argument("--keep-until", type=date_arg, metavar="JJJJ-MM-DD")


def cmd_init(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    passphrase = read_passphrase("Nieuw wachtwoord voor de kluis: ", confirm=True)
    with Vault.create(
        paths.vault_dir, passphrase, role=args.role, passphrase_check=passphrase_check()
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
        progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
        removal = None
        if args.remove_source:  # -- remove the source after import
            from vknz_desktop.storage.source_files import SourceFileRemover

            recording, removal = service.import_and_remove_source(
                request, SourceFileRemover(vault), progress=progress, cancel=CancelToken()
            )
        else:
            recording = service.import_recording(request, progress=progress, cancel=CancelToken())
        if progress:
            progress.finish()
    duration = format_position(recording.duration_ms)
    print(f"Geïmporteerd: {recording.title} ({recording.id}), {duration}", file=out)
    if removal is not None:
        print(removal.notice, file=out)
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
        print(f"{r.id}  {date}  {format_position(r.duration_ms)}  {kind:5}  {r.title}", file=out)
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
    Vault.change_passphrase(paths.vault_dir, old, new, passphrase_check=passphrase_check())
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
        RecordingService(vault, NoProber()).delete(args.id, role=args.role)
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
        RecordingService(vault, NoProber()).change_consent(args.id, consent, role=args.role)
    print(f"Toestemming van opname {args.id} is bijgewerkt.", file=out)
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "import": cmd_import,
    "list": cmd_list,
    "verify": cmd_verify,
    "passwd": cmd_passwd,
    "delete": cmd_delete,
    "consent": cmd_consent,
}

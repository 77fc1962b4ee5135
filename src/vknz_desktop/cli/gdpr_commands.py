"""``vknz gdpr``: privacy requests for one participant (for the privacy officer)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vknz_desktop.cli.common import EXIT_KNOWN, open_vault, passphrase_check, read_passphrase
from vknz_desktop.cli.onderzoeker_commands import ONDERZOEKER_ENV
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.gdpr import PLAIN_EXPORT_CONFIRMATION, confirms_plain_export
from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.sealing import OnderzoekerKey
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.vault import Vault

if TYPE_CHECKING:
    from vknz_desktop.storage.gdpr_repo import GdprRepository

PLAIN_CONFIRMATION = PLAIN_EXPORT_CONFIRMATION
_ONDERZOEKER_HELP = (
    "een onderzoeker opent met het eigen wachtwoord (${env} of vraag) de feedback van de klant "
    "die voor hem of haar is verzegeld, zodat {what}"
)


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``gdpr list|access|erase``."""
    gdpr = sub.add_parser("gdpr", help="AVG-verzoeken voor één deelnemer (privacyfunctionaris)")
    commands = gdpr.add_subparsers(
        dest="gdpr_command", metavar="OPDRACHT", parser_class=parser_class, required=True
    )
    commands.add_parser(
        "list", help="toon alle deelnemers die op opnames of in terugkijksessies staan"
    )
    check = commands.add_parser(
        "verify",
        help="toon waar een naam nog in de kluis staat (na een verwijdering hoort dat nergens)",
    )
    check.add_argument("name", metavar="NAAM")
    check.add_argument(
        "--onderzoeker",
        metavar="NAAM",
        help=_ONDERZOEKER_HELP.format(env=ONDERZOEKER_ENV, what="ook die wordt doorzocht"),
    )
    access = commands.add_parser("access", help="inzage: alles over één deelnemer exporteren")
    access.add_argument("name", metavar="NAAM")
    access.add_argument(
        "--out", type=Path, required=True, metavar="MAP", help="nieuwe map voor het pakket"
    )
    access.add_argument(
        "--plain",
        action="store_true",
        help="onversleutelde map in plaats van een versleuteld pakket",
    )
    access.add_argument(
        "--confirm", metavar="TEKST", help=f"bij --plain verplicht: typ {PLAIN_CONFIRMATION}"
    )
    access.add_argument(
        "--onderzoeker",
        metavar="NAAM",
        help=_ONDERZOEKER_HELP.format(env=ONDERZOEKER_ENV, what="die in het pakket komt"),
    )
    erase = commands.add_parser("erase", help="verwijdering: alles over één deelnemer wissen")
    erase.add_argument("name", metavar="NAAM")
    erase.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    erase.add_argument(
        "--keep-in-register",
        action="store_true",
        help="de naam in het naamregister houden, zodat oudere leerdoelen die de naam noemen "
        "nog steeds worden geanonimiseerd (standaard: ook uit het register wissen)",
    )
    erase.add_argument(
        "--onderzoeker",
        metavar="NAAM",
        help=_ONDERZOEKER_HELP.format(
            env=ONDERZOEKER_ENV, what="de naam ook daarin wordt gezocht en weggehaald"
        ),
    )


def cmd_gdpr(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """Run one gdpr subcommand; KnownErrors are reported by the caller."""
    from vknz_desktop.storage.gdpr_repo import GdprRepository

    with open_vault(paths) as vault:
        repo = GdprRepository(vault, passphrase_check=passphrase_check())
        if args.gdpr_command == "list":
            for name, role in repo.participants():
                print(f"{name}  ({role})", file=out)
            return 0
        with _onderzoeker_key(vault, args) as key:
            return _request(repo, args, out, key)


@contextlib.contextmanager
def _onderzoeker_key(vault: Vault, args: argparse.Namespace) -> Iterator[OnderzoekerKey | None]:
    """The onderzoeker's unlocked key when ``--onderzoeker`` is given (closed afterwards)."""
    name = getattr(args, "onderzoeker", None)
    if not name:
        yield None
        return
    from vknz_desktop.storage.sealing_repo import SealingRepository

    passphrase = read_passphrase(f"Wachtwoord van onderzoeker {name}: ", env=ONDERZOEKER_ENV)
    key = SealingRepository(vault).unlock(name, passphrase, role=args.role)
    try:
        yield key
    finally:
        key.close()


def _sealed_note(repo: GdprRepository, name: str, key: OnderzoekerKey | None) -> None:
    unsearched = repo.unsearched_sealed(name, key)
    if unsearched:
        print(
            f"Let op: {unsearched} verzegeld(e) item(s) met feedback van klanten zijn niet "
            "doorzocht; alleen een onderzoeker kan die openen (geef --onderzoeker NAAM).",
            file=sys.stderr,
        )


def _request(
    repo: GdprRepository, args: argparse.Namespace, out: TextIO, key: OnderzoekerKey | None
) -> int:
    """verify, access or erase for one name."""
    from vknz_desktop.storage.gdpr_repo import REGISTER_PLACE

    if args.gdpr_command == "verify":
        remaining = repo.remaining(args.name)
        if key is not None:
            remaining += repo.remaining_sealed(args.name, key)
        _sealed_note(repo, args.name, key)
        if not remaining:
            print(f"Niets gevonden: '{args.name}' staat nergens meer in de kluis.", file=out)
            return 0
        print(f"'{args.name}' staat nog op {len(remaining)} plek(ken):", file=out)
        for place in remaining:
            print(f"  {place.describe()}", file=out)
        return EXIT_KNOWN
    if args.gdpr_command == "access":
        if args.out.exists() and any(args.out.iterdir()):
            raise KnownError(f"{args.out} bestaat al en is niet leeg; kies een nieuwe map.")
        if args.plain:
            confirmation = args.confirm
            if confirmation is None and sys.stdin.isatty():
                confirmation = input(
                    f"Dit schrijft opnames en aantekeningen ONVERSLEUTELD naar {args.out}. "
                    f"Typ {PLAIN_CONFIRMATION} om door te gaan: "
                )
            if not confirms_plain_export(confirmation or ""):
                raise KnownError(
                    f"Niet bevestigd: typ {PLAIN_CONFIRMATION} om een onversleutelde map te "
                    "maken. Er is niets geschreven."
                )
            found = repo.export_plain(args.name, args.out, role=args.role, onderzoeker=key)
            print(f"Onversleutelde map gemaakt: {args.out} ({len(found)} opname(s)).", file=out)
            _left_out_note(repo, found, key)
            return 0
        package_pass = read_passphrase(
            "Wachtwoord voor het pakket: ", env="VKNZ_PACKAGE_PASSPHRASE", confirm=True
        )
        found = repo.export_encrypted(
            args.name,
            args.out,
            package_pass,
            role=args.role,
            onderzoeker=key,
        )
        print(
            f"Versleuteld pakket gemaakt: {args.out} ({len(found)} opname(s)); openen met "
            f"'vknz --vault {args.out} list'.",
            file=out,
        )
        _left_out_note(repo, found, key)
        return 0
    found = repo.recordings_of(args.name)
    places = [
        p
        for p in repo.remaining(args.name)
        if p.where not in ("deelnemer aan opname", REGISTER_PLACE)
    ]
    if not args.yes and sys.stdin.isatty():
        print(
            f"Wordt verwijderd: {len(found)} opname(s) met '{args.name}' en alle "
            f"aantekeningen erbij; de naam wordt weggehaald op {len(places)} andere "
            "plek(ken):",
            file=out,
        )
        for place in places:
            print(f"  {place.describe()}", file=out)
        print(
            "De naam blijft in het naamregister staan"
            if args.keep_in_register
            else "De naam wordt ook uit het naamregister gewist; oudere leerdoelen die de "
            "naam noemen worden daarna niet meer op deze naam geanonimiseerd (kies anders "
            "--keep-in-register)",
            file=out,
        )
        answer = input("Definitief verwijderen? Typ 'ja': ")
        if answer.strip().lower() != "ja":
            print("Niets verwijderd.", file=out)
            return 0
    repo.erase(args.name, role=args.role, keep_in_register=args.keep_in_register, onderzoeker=key)
    left = [p for p in repo.remaining(args.name) if p.where != REGISTER_PLACE]
    if key is not None:
        left += repo.remaining_sealed(args.name, key)
    _sealed_note(repo, args.name, key)
    print(
        f"Verwijderd: {len(found)} opname(s) met '{args.name}'; de naam is weggehaald op "
        f"{len(places)} andere plek(ken)."
        + (" De naam staat nog in het naamregister." if args.keep_in_register else ""),
        file=out,
    )
    if left:
        for place in left:
            print(f"vknz: nog gevonden: {place.describe()}", file=sys.stderr)
        return EXIT_KNOWN
    return 0


def _left_out_note(
    repo: GdprRepository, found: list[Recording], key: OnderzoekerKey | None
) -> None:
    sealed = repo.sealed_counts_of(found)
    if sealed and key is None:
        print(
            f"Let op: {sealed} verzegeld(e) item(s) met feedback van de klant zitten niet in het "
            "pakket; alleen een onderzoeker kan die toevoegen (geef --onderzoeker NAAM).",
            file=sys.stderr,
        )


COMMANDS = {"gdpr": cmd_gdpr}

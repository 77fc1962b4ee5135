"""``vknz onderzoeker register|list|items|share|no-share``: the onderzoeker's own key and the
klant feedback sealed for them (``domain.sealing``).

The vault passphrase opens the vault as for every command; the onderzoeker's own passphrase
(``$VKNZ_ONDERZOEKER_PASSPHRASE`` or a hidden prompt) is needed to see or share sealed items.
``--role`` only says who acts, for the audit log: it opens nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from vknz_desktop.cli.common import EXIT_OK, open_vault, passphrase_check, read_passphrase
from vknz_desktop.domain.fragments import SHARING_LABELS
from vknz_desktop.domain.models import Observation, SharingState
from vknz_desktop.domain.timefmt import format_position
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.onderzoeker import OnderzoekerService, OnderzoekerSession
from vknz_desktop.storage.vault import Vault

ONDERZOEKER_ENV = "VKNZ_ONDERZOEKER_PASSPHRASE"
GRANT_ENV = "VKNZ_GRANT_PASSPHRASE"


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``onderzoeker register|list|items|share|no-share``."""
    area = sub.add_parser(
        "onderzoeker",
        help="de onderzoeker: eigen sleutel en verzegelde feedback van de klant",
    )
    commands = area.add_subparsers(
        dest="onderzoeker_command", metavar="OPDRACHT", parser_class=parser_class, required=True
    )
    register = commands.add_parser(
        "register",
        help="registreer een onderzoeker met een eigen wachtwoord (verzegelt de feedback van "
        "de klant die nog open in de kluis staat)",
    )
    register.add_argument("name", metavar="NAAM")
    register.add_argument(
        "--grant-from",
        metavar="NAAM",
        help="verplicht zodra er een onderzoeker is: een geregistreerde onderzoeker voegt de "
        "nieuwe toe en geeft toegang tot de items die hij of zij kan openen "
        f"(wachtwoord: ${GRANT_ENV} of vraag)",
    )
    commands.add_parser("list", help="toon de onderzoekers en hoeveel items verzegeld zijn")
    items = commands.add_parser(
        "items", help="toon de verzegelde items (met het wachtwoord van de onderzoeker)"
    )
    items.add_argument("name", metavar="NAAM", help="de onderzoeker")
    items.add_argument("--recording", metavar="NUMMER", help="alleen van deze opname")
    items.add_argument("--json", action="store_true", help="uitvoer als JSON")
    for command, what in (
        ("share", "de klant geeft toestemming: 'mag gedeeld worden' (de klantmanager ziet het)"),
        ("no-share", "de klant wil het niet delen: 'niet delen' (het blijft verzegeld)"),
    ):
        answer = commands.add_parser(command, help=what)
        answer.add_argument("name", metavar="NAAM", help="de onderzoeker")
        answer.add_argument("ids", metavar="ITEM", nargs="+", help="nummer van een item")


def _service(vault: Vault) -> OnderzoekerService:
    from vknz_desktop.storage.sealing_repo import SealingRepository

    return OnderzoekerService(SealingRepository(vault, passphrase_check=passphrase_check()))


def _unlock(
    service: OnderzoekerService, name: str, args: argparse.Namespace, env: str = ONDERZOEKER_ENV
) -> OnderzoekerSession:
    passphrase = read_passphrase(f"Wachtwoord van onderzoeker {name}: ", env=env)
    return service.unlock(name, passphrase, role=args.role)


def cmd_onderzoeker(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """Run one onderzoeker subcommand; KnownErrors are reported by the caller."""
    command = args.onderzoeker_command
    with open_vault(paths) as vault:
        service = _service(vault)
        if command == "list":
            return _list(service, out)
        if command == "register":
            return _register(service, args, out)
        session = _unlock(service, args.name, args)
        try:
            if command == "items":
                return _items(service, session, vault, args, out)
            state = SharingState.SHARED if command == "share" else SharingState.NOT_SHARED
            for item_id in args.ids:
                service.answer(session, item_id, state, role=args.role)
                print(f"{item_id}: {SHARING_LABELS[state]}", file=out)
            if state == SharingState.SHARED:
                print(
                    "Gedeeld: de klantmanager ziet dit nu en kan erop zoeken.",
                    file=out,
                )
            return EXIT_OK
        finally:
            session.close()


def _list(service: OnderzoekerService, out: TextIO) -> int:
    status = service.status()
    if not status.onderzoekers:
        print("Er is nog geen onderzoeker geregistreerd.", file=out)
    for onderzoeker in status.onderzoekers:
        readable = sum(onderzoeker.id in item.readable_by for item in service.sealed_items())
        print(
            f"{onderzoeker.name}  (sinds {onderzoeker.registered_at.date().isoformat()}; "
            f"kan {readable} item(s) openen)",
            file=out,
        )
    print(f"Verzegelde items van de klant: {status.sealed}", file=out)
    if status.unsealed_klant_items:
        print(
            f"Let op: {status.unsealed_klant_items} item(s) van de klant staan nog niet "
            "verzegeld in de kluis; ze worden verzegeld zodra een onderzoeker zich registreert.",
            file=sys.stderr,
        )
    if not status.klant_items.allowed:
        print(status.klant_items.reason, file=out)
    return EXIT_OK


def _register(service: OnderzoekerService, args: argparse.Namespace, out: TextIO) -> int:
    granting: OnderzoekerSession | None = None
    if args.grant_from:
        granting = _unlock(service, args.grant_from, args, env=GRANT_ENV)
    try:
        passphrase = read_passphrase(
            f"Nieuw wachtwoord voor onderzoeker {args.name.strip()}: ",
            env=ONDERZOEKER_ENV,
            confirm=True,
        )
        result = service.register(
            args.name,
            passphrase,
            role=args.role,
            grant_from=granting.key if granting else None,
        )
    finally:
        if granting is not None:
            granting.close()
    print(f"Onderzoeker geregistreerd: {result.onderzoeker.name}.", file=out)
    if result.sealed_now:
        print(
            f"{result.sealed_now} item(s) van de klant die nog open in de kluis stonden, zijn nu "
            "verzegeld.",
            file=out,
        )
    return EXIT_OK


def _item_json(observation: Observation, titles: dict[str, str]) -> dict[str, object]:
    return {
        "id": observation.id,
        "recording": observation.recording_id,
        "recording_title": titles.get(observation.recording_id, ""),
        "time_ms": observation.time_ms,
        "session": observation.session_id,
        "author_role": observation.author_role.value,
        "author_name": observation.author_name,
        "text": observation.text,
        "answer": observation.answer,
        "sharing_state": observation.sharing_state.value,
    }


def _items(
    service: OnderzoekerService,
    session: OnderzoekerSession,
    vault: Vault,
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    found = session.recording_items(args.recording) if args.recording else service.items(session)
    titles = {r.id: r.title for r in vault.recordings()}
    if args.json:
        json.dump([_item_json(o, titles) for o in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not found:
        print("Er zijn geen verzegelde items die deze onderzoeker kan openen.", file=out)
        return EXIT_OK
    for observation in found:
        where = titles.get(observation.recording_id, observation.recording_id)
        print(
            f"{observation.id}  {where}  {format_position(observation.time_ms)}  "
            f"({SHARING_LABELS[observation.sharing_state]})",
            file=out,
        )
        for line in (observation.answer, observation.text):
            if line.strip():
                print(f"    {line}", file=out)
    return EXIT_OK


COMMANDS = {"onderzoeker": cmd_onderzoeker}

"""The ``vknz`` command line: scripting, administration and tests beside the GUI.

Exit codes: 0 success, 2 a known problem (one clear line on stderr), 1 a bug (details in the log).
Each area of commands lives in its own module with ``add_parsers`` and ``COMMANDS``; this module
builds the parser from them and runs one command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from vknz_desktop import __version__
from vknz_desktop.cli import (
    gdpr_commands,
    learning_commands,
    onderzoeker_commands,
    profile_commands,
    record_commands,
    vault_commands,
)
from vknz_desktop.cli.common import EXIT_BUG, EXIT_KNOWN, EXIT_OK, Parser, role_arg
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.logging_setup import setup_logging
from vknz_desktop.paths import AppPaths

log = logging.getLogger("vknz_desktop.cli")

Command = Callable[[argparse.Namespace, AppPaths, TextIO], int]


def cmd_self_test(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """``vknz self-test``: a temporary vault, import, play, decode, summary."""
    from vknz_desktop.selftest import run_self_test

    return run_self_test(out)


AREAS = (
    vault_commands,
    profile_commands,
    gdpr_commands,
    learning_commands,
    onderzoeker_commands,
    record_commands,
)

COMMANDS: dict[str, Command] = {
    name: command for area in AREAS for name, command in area.COMMANDS.items()
} | {"self-test": cmd_self_test}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = Parser(
        prog="vknz",
        description="Van Kijken Naar Zien: opnames terugkijken in een "
        "versleutelde kluis. Zonder opdracht start de app.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"vknz {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--vault",
        type=Path,
        metavar="MAP",
        help="kluismap (standaard: $VKNZ_HOME/vault of de gegevensmap van de gebruiker)",
    )
    parser.add_argument(
        "--role",
        type=role_arg,
        default=Role.KLANTMANAGER,
        metavar="ROL",
        help="je rol, alleen voor het logboek: de rol opent niets (standaard: klantmanager)",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=Parser)
    for area in AREAS:
        area.add_parsers(sub, Parser)
    sub.add_parser(
        "self-test",
        help="controleer of deze installatie werkt (met een tijdelijke kluis)",
    )
    return parser


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

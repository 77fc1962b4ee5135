"""``vknz profiles validate|list``: Kijkwijzer profiles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop.cli.common import EXIT_KNOWN, EXIT_OK
from vknz_desktop.paths import AppPaths


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``profiles validate|list``."""
    prof = sub.add_parser("profiles", help="Kijkwijzer-profielen")
    prof_sub = prof.add_subparsers(
        dest="profiles_command", metavar="OPDRACHT", parser_class=parser_class, required=True
    )
    validate = prof_sub.add_parser("validate", help="controleer een profielbestand (TOML)")
    validate.add_argument("file", type=Path, metavar="BESTAND")
    prof_sub.add_parser("list", help="toon de beschikbare profielen")


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


COMMANDS = {"profiles": cmd_profiles}

"""Shared pieces of the ``vknz`` commands: exit codes, passphrases, argument types, output."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import ConsentScope, MediaInfo, Participant, Role
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.vault import Vault

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


def passphrase_check() -> Callable[[str], str | None]:
    """Refuses guessable new passphrases: zxcvbn with Dutch words, names and places."""
    from vknz_desktop.strength import DutchPassphraseEstimator

    return DutchPassphraseEstimator().problem


# -- argument parsing -------------------------------------------------------------------------
def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (gebruik JJJJ-MM-DD)") from error


def role_arg(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError as error:
        roles = ", ".join(r.value for r in Role)
        raise argparse.ArgumentTypeError(f"onbekende rol '{text}' (kies uit: {roles})") from error


def scopes_arg(text: str) -> list[ConsentScope]:
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


def participant_arg(text: str) -> Participant:
    name, sep, role = text.rpartition(":")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            f"'{text}': gebruik NAAM:ROL, bijvoorbeeld 'Klant A:klant'"
        )
    try:
        return Participant(display_name=name, role=role_arg(role))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}': {error}") from error


#: argparse's own texts in Dutch (what ``vknz --help`` and a wrong argument print).
ARGPARSE_DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "opdrachten en argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "not allowed with argument %s": "niet samen met %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan %(matches)s zijn"
    ),
    "ignored explicit argument %r": "genegeerde waarde %r",
    "one of the arguments %s is required": "een van deze is nodig: %s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "expected %s argument": "hier hoort %s waarde bij",
    "expected %s arguments": "hier horen %s waarden bij",
}


def _dutch(message: str) -> str:
    return ARGPARSE_DUTCH.get(message, message)


def _dutch_plural(singular: str, plural: str, count: int) -> str:
    return _dutch(singular if count == 1 else plural)


@contextlib.contextmanager
def dutch_argparse() -> Iterator[None]:
    """argparse's texts in Dutch while the block runs (argparse looks them up through its
    module's ``_``/``ngettext`` each time; restored afterwards)."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _dutch, _dutch_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved


class Parser(argparse.ArgumentParser):
    """argparse with Dutch texts and one clear line for a wrong argument."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with dutch_argparse():
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        with dutch_argparse():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> Any:
        with dutch_argparse():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with dutch_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch_argparse():
            return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        # One clear line, as for every other known error.
        self.exit(EXIT_KNOWN, f"vknz: {message} (zie 'vknz --help')\n")


def month_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{text}-01" if len(text) == 7 else text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen maand (gebruik JJJJ-MM)") from error


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


def refuse_overwrite(path: Path, force: bool) -> None:
    """KnownError (exit 2, nothing written) when ``path`` exists and ``--force`` is not given."""
    if path.exists() and not force:
        raise KnownError(
            f"{path} bestaat al. Kies een andere naam, of geef --force om het te vervangen. "
            "Er is niets geschreven."
        )


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write an export: readable only by the user (0600), atomically (``files``); an existing
    file only with ``force``."""
    from vknz_desktop.files import write_atomically

    refuse_overwrite(path, force)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise KnownError(f"Kan {path} niet schrijven ({error.strerror}).") from error


class NoProber:
    """For commands that never import: probing would be a bug."""

    def probe(self, path: Path) -> MediaInfo:  # pragma: no cover - never called
        raise AssertionError("no probing in this command")


class TerminalProgress:
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

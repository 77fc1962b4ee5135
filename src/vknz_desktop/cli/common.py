"""Shared pieces of the ``vknz`` commands: exit codes, passphrases, argument types, output."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

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


class Parser(argparse.ArgumentParser):
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
    """Write an export: readable only by the user (0600), atomically (temporary file in the
    same folder, fsync, rename); an existing file only with ``force``."""
    refuse_overwrite(path, force)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(0o600)
        refuse_overwrite(path, force)  # appeared while we were writing
        temporary.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise KnownError(f"Kan {path} niet schrijven ({error.strerror}).") from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


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


def hms(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"

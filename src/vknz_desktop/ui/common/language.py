"""The UI language: the system's, or the user's choice kept in the config directory.

The choice must be known before the vault is unlocked (the unlock dialog is already in that
language), so it is kept outside the vault, in a one-word file ``language`` in the user's
config directory. It says nothing about anyone. ``VKNZ_LANGUAGE`` overrides both (scripts).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from vknz_desktop.domain.errors import KnownError

#: Languages the app has: Dutch (the source) and English (resources/translations).
LANGUAGES = ("nl", "en")
#: How each language is offered, in that language itself (never translated).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
LANGUAGE_FILE_NAME = "language"


def chosen_language(config_dir: Path | None) -> str | None:
    """The language the user chose in the settings, or None to follow the system."""
    if config_dir is None:
        return None
    try:
        value = (config_dir / LANGUAGE_FILE_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if value in LANGUAGES else None


def store_language(config_dir: Path, language: str | None) -> None:
    """Remember ``language`` (None: follow the system again) for the next start."""
    path = config_dir / LANGUAGE_FILE_NAME
    try:
        if language is None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return
        if language not in LANGUAGES:
            raise ValueError(language)
        config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(language + "\n", encoding="utf-8")
    except OSError as error:
        raise KnownError(
            f"De taalkeuze kon niet worden bewaard in {config_dir} ({error.strerror})."
        ) from error


def ui_language(
    config_dir: Path | None, system_name: str, environ: Mapping[str, str] | None = None
) -> str:
    """``VKNZ_LANGUAGE``, else the stored choice, else the system's (``nl_NL`` → ``nl``);
    Dutch when that is a language the app does not have."""
    env = (environ if environ is not None else os.environ).get("VKNZ_LANGUAGE")
    language = env or chosen_language(config_dir) or system_name.split("_")[0]
    return language if language in LANGUAGES else "nl"

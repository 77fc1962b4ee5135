"""The UI language: the system's, or the user's choice kept in the config directory.

The choice must be known before the vault is unlocked (the unlock dialog is already in that
language), so it is kept outside the vault, in a one-word file ``language`` in the user's
config directory. It says nothing about anyone. ``VKNZ_LANGUAGE`` overrides both (scripts).

``install_translators`` puts the app's and Qt's own texts (file dialogs, standard buttons, key
names) in that language. Qt's texts come from ``qtbase_<lang>.qm``: ``qt_<lang>.qm`` is a meta
catalogue that also wants the catalogues of Qt modules PySide6-Essentials does not ship, so it
fails to load (silently). The default locale follows too, so dates in the file dialog are Dutch.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vknz_desktop.domain.errors import KnownError

#: Languages the app has: Dutch (the source) and English (resources/translations).
LANGUAGES = ("nl", "en")
#: How each language is offered, in that language itself (never translated).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
LANGUAGE_FILE_NAME = "language"
#: The locale (dates, the file dialog's columns) of each language.
_LOCALES = {
    "nl": (QLocale.Language.Dutch, QLocale.Country.Netherlands),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


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


def qt_translations_dir() -> Path:
    """Where the running Qt keeps its own catalogues (``qtbase_nl.qm`` …)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(
    app: QCoreApplication, language: str, app_translations: Path
) -> list[QTranslator]:
    """Qt's own texts and the app's texts in ``language`` (Dutch is the app's source language;
    vknz_nl.qm holds only the Dutch forms of the ``%n`` texts, installed first so that another
    language is asked before it), and the default locale. Returns the translators
    installed (children of ``app``; ``remove_translators`` takes them out again)."""
    language = language if language in LANGUAGES else "nl"
    installed: list[QTranslator] = []
    plurals = QTranslator(app)  # Dutch singular/plural forms of %n texts; asked last
    if plurals.load(str(app_translations / "vknz_nl.qm")):
        app.installTranslator(plurals)
        installed.append(plurals)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", str(qt_translations_dir())):
        app.installTranslator(qt)
        installed.append(qt)
    if language != "nl":
        own = QTranslator(app)
        if own.load(str(app_translations / f"vknz_{language}.qm")):
            app.installTranslator(own)
            installed.append(own)
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo ``install_translators`` (tests; the app keeps its language until it quits)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()

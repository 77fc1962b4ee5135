"""Loading Kijkwijzer profiles from the built-in folder and the organisation's own folder.

A broken file never stops the app: it is skipped and reported as a :class:`ProfileError` with
its path and the field that is wrong. Built-in profiles are read first, so when two files use
the same profile id the built-in one wins and the later file is reported.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vknz_desktop.domain.profiles import Profile, ProfileError, parse_profile

__all__ = [
    "PROFILES_DIR_ENV",
    "ProfileLoadResult",
    "builtin_profiles_dir",
    "load_profiles",
    "validate_file",
]

log = logging.getLogger(__name__)

PROFILES_DIR_ENV = "VKNZ_PROFILES_DIR"
_FOLDER_NAME = "kijkwijzer_profiles"
_MAX_FILE_BYTES = 1_000_000


@dataclass
class ProfileLoadResult:
    """The profiles that could be used, and one problem per file that could not."""

    profiles: list[Profile] = field(default_factory=list)
    problems: list[ProfileError] = field(default_factory=list)

    def get(self, profile_id: str) -> Profile | None:
        """The loaded profile with this id, or None."""
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        return None


def builtin_profiles_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder with the built-in profiles.

    ``$VKNZ_PROFILES_DIR`` wins. Otherwise the first existing folder of: a PyInstaller bundle's
    data folder, a folder inside the installed package, the source checkout's
    ``kijkwijzer_profiles``. If none exists, the source-checkout location is returned (and
    :func:`load_profiles` reports it missing).
    """
    env = os.environ if environ is None else environ
    override = env.get(PROFILES_DIR_ENV)
    if override:
        return Path(override).expanduser()
    here = Path(__file__).resolve()
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        candidates.append(Path(bundle) / _FOLDER_NAME)
    candidates.append(here.parents[1] / _FOLDER_NAME)  # inside the package (wheel data)
    if len(here.parents) > 3:
        candidates.append(here.parents[3] / _FOLDER_NAME)  # src/vknz_desktop/storage/ → repo
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def validate_file(path: Path) -> Profile:
    """Read and validate one profile file; raises :class:`ProfileError` for any problem."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ProfileError(source, "bestand", "het bestand bestaat niet") from None
    except IsADirectoryError:
        raise ProfileError(source, "bestand", "dit is een map, geen bestand") from None
    except PermissionError:
        raise ProfileError(source, "bestand", "geen toestemming om het bestand te lezen") from None
    except OSError:
        raise ProfileError(source, "bestand", "het bestand kan niet worden gelezen") from None
    if len(raw) > _MAX_FILE_BYTES:
        raise ProfileError(source, "bestand", "het bestand is te groot voor een profiel (> 1 MB)")
    try:
        text = raw.decode("utf-8-sig")  # tolerate the BOM some Windows editors write
    except UnicodeDecodeError as exc:
        raise ProfileError(
            source,
            "bestand",
            f"geen geldige UTF-8-tekst (bij byte {exc.start}); sla het bestand op als UTF-8",
        ) from None
    return parse_profile(text, source)


def _profile_files(folder: Path, *, required: bool) -> tuple[list[Path], list[ProfileError]]:
    """The ``*.toml`` files in ``folder``, sorted by name, or a problem with the folder."""
    source = str(folder)
    if not folder.exists():
        if required:
            return [], [ProfileError(source, "map", "de map met profielen bestaat niet")]
        return [], []
    if not folder.is_dir():
        return [], [ProfileError(source, "map", "dit is geen map")]
    try:
        files = sorted(
            (path for path in folder.glob("*.toml") if not path.is_dir()),
            key=lambda path: path.name,
        )
    except OSError:
        return [], [ProfileError(source, "map", "de map kan niet worden gelezen")]
    return files, []


def load_profiles(builtin_dir: Path, user_dir: Path | None) -> ProfileLoadResult:
    """Every usable profile from ``builtin_dir`` and then ``user_dir`` (which may be missing).

    Never raises for a bad file: each one is skipped with a problem in the result. A profile id
    that was already loaded (built-in ones first) is reported for the later file.
    """
    result = ProfileLoadResult()
    loaded_from: dict[str, str] = {}
    folders: list[tuple[Path, bool]] = [(builtin_dir, True)]
    if user_dir is not None:
        folders.append((user_dir, False))
    for folder, required in folders:
        files, problems = _profile_files(folder, required=required)
        result.problems.extend(problems)
        for path in files:
            try:
                profile = validate_file(path)
            except ProfileError as exc:
                result.problems.append(exc)
                continue
            if profile.id in loaded_from:
                result.problems.append(
                    ProfileError(
                        str(path),
                        "id",
                        f"profiel-id '{profile.id}' wordt al gebruikt door "
                        f"{loaded_from[profile.id]}; dit bestand wordt overgeslagen "
                        "(geef het een eigen id)",
                    )
                )
                continue
            loaded_from[profile.id] = str(path)
            result.profiles.append(profile)
    log.info(
        "profiles loaded: %d usable, %d with problems",
        len(result.profiles),
        len(result.problems),
    )
    return result

"""Where the app keeps its files. Everything is overridable so tests never touch real data.

Precedence for the vault directory: ``--vault DIR`` > ``$VKNZ_HOME/vault`` > the platform's
user data directory. With ``VKNZ_HOME`` set, config, logs and user profiles live under it too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "vknz"


@dataclass(frozen=True)
class AppPaths:
    """The directories the app uses."""

    vault_dir: Path
    config_dir: Path
    log_dir: Path
    profiles_dir: Path

    @classmethod
    def resolve(
        cls, vault_override: Path | None = None, environ: dict[str, str] | None = None
    ) -> AppPaths:
        """Paths from an explicit vault override, ``VKNZ_HOME``, or platformdirs."""
        env = os.environ if environ is None else environ
        home = env.get("VKNZ_HOME")
        if home:
            root = Path(home).expanduser()
            base = cls(root / "vault", root / "config", root / "logs", root / "profiles")
        else:
            dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
            base = cls(
                Path(dirs.user_data_dir) / "vault",
                Path(dirs.user_config_dir),
                Path(dirs.user_log_dir),
                Path(dirs.user_data_dir) / "profiles",
            )
        if vault_override is not None:
            return cls(
                vault_override.expanduser(), base.config_dir, base.log_dir, base.profiles_dir
            )
        return base

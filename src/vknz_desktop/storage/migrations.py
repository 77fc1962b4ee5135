"""Ordered schema migrations; the schema version lives in ``PRAGMA user_version``.

Each version is a module in ``storage/schema/`` named ``vNNNN_<what>.py`` with ``VERSION`` and
``apply(conn)``; they are found here by name, so features never edit a shared list.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from vknz_desktop.storage import schema

Connection = Any  # a sqlcipher3 connection
_MODULE_NAME = re.compile(r"v(\d{4})_\w+")


@dataclass(frozen=True)
class Migration:
    """Brings the schema from ``version - 1`` to ``version``."""

    version: int
    apply: Callable[[Connection], None]


def discover() -> tuple[Migration, ...]:
    """All migrations in ``storage/schema`` in version order (numbers must be unique)."""
    found: list[Migration] = []
    for info in pkgutil.iter_modules(schema.__path__):
        match = _MODULE_NAME.fullmatch(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{schema.__name__}.{info.name}")
        if int(match.group(1)) != module.VERSION:
            raise RuntimeError(f"{info.name}: VERSION {module.VERSION} does not match its name")
        found.append(Migration(module.VERSION, module.apply))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two schema migrations have the same version number")
    return tuple(found)


MIGRATIONS: Sequence[Migration] = discover()
LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Migrations still to apply to a database at version ``current``, in order."""
    return [m for m in sorted(migrations, key=lambda m: m.version) if m.version > current]

"""Shared test set-up: every test runs with a private HOME/XDG/TMP.

A fast key derivation is never switched on from here: tests that make a vault pass
``TEST_PROFILE`` in themselves (the app and the command line cannot choose it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSPHRASE = "paard batterij nietje"

# Before anything imports Qt or reads the environment.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by folder, as qutebrowser does for its GUI tests."""
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "gui" in parts:
            item.add_marker(pytest.mark.gui)
        if "integration" in parts:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def _private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point HOME, XDG dirs and VKNZ_HOME into the test's own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("VKNZ_HOME", str(tmp_path / "vknz"))
    monkeypatch.delenv("VKNZ_PASSPHRASE", raising=False)
    monkeypatch.delenv("VKNZ_NEW_PASSPHRASE", raising=False)
    yield


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """Where a test's vault lives (not created yet)."""
    return tmp_path / "vknz" / "vault"


@pytest.fixture(scope="session")
def deduce_loaded() -> float | None:
    """deduce's lookup tables, loaded once per test session (seconds; ~1 min on a fresh
    install, which `make` does at install time). Returns how long loading took."""
    from vknz_desktop.export.deidentifier import load_seconds, preload

    preload()
    return load_seconds()

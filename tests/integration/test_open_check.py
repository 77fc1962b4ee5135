"""Opening is quick and still catches damage: the full check (``check_health``) runs at open
unless vault.db is exactly as it was when it last passed that check and closed; then it runs in
the background, and damage it finds there makes the vault refuse writes and the next open
read-only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PASSPHRASE
from tests.integration.test_tamper import NOTES, PAGE, _flip, _vault_with_notes

from vknz_desktop.domain.errors import KnownError, ReadOnlyVaultError
from vknz_desktop.storage import vault as vault_module
from vknz_desktop.storage.database import (
    HEALTH_MARKER_NAME,
    health_marker_matches,
    write_health_marker,
)
from vknz_desktop.storage.vault import Vault


def _watch_connect(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record, for every open, whether connect() ran the full check."""
    calls: list[bool] = []
    real = vault_module.connect

    def watched(*args: Any, **kwargs: Any) -> Any:
        calls.append(bool(kwargs.get("full_check", True)))
        return real(*args, **kwargs)

    monkeypatch.setattr(vault_module, "connect", watched)
    return calls


def _observation_page(vault_dir: Path, recording_id: str) -> int:
    """A page whose damage costs some (not all) of the recording's observations; the vault is
    left sound and checked (marker written)."""
    db = vault_dir / "vault.db"
    good = db.read_bytes()
    try:
        for page in range(3, len(good) // PAGE + 1):
            db.write_bytes(good)
            _flip(db, (page - 1) * PAGE + PAGE // 2)
            try:
                vault = Vault.open(vault_dir, PASSPHRASE)
            except KnownError:
                continue
            with vault:
                if vault.read_only and 0 < len(vault.observations(recording_id)) < NOTES:
                    return page
        raise AssertionError("no page held only part of the observations")
    finally:
        db.write_bytes(good)
        Vault.open(vault_dir, PASSPHRASE).close()  # full check: the marker is written


def test_a_clean_close_makes_the_next_open_quick(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _vault_with_notes(vault_dir)
    calls = _watch_connect(monkeypatch)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.wait_for_health_check(30)  # the full check ran, in the background
        assert not vault.read_only
    assert calls == [False]
    marker = json.loads((vault_dir / HEALTH_MARKER_NAME).read_text(encoding="ascii"))
    assert all(isinstance(value, int) for value in marker.values())  # sizes and times only
    assert oct((vault_dir / HEALTH_MARKER_NAME).stat().st_mode & 0o777) == "0o600"


def test_a_vault_changed_since_its_check_gets_the_full_check_at_open(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _second = _vault_with_notes(vault_dir)
    page = _observation_page(vault_dir, first)
    assert health_marker_matches(vault_dir / "vault.db")
    _flip(vault_dir / "vault.db", (page - 1) * PAGE + PAGE // 2)  # at once, same clock tick
    assert not health_marker_matches(vault_dir / "vault.db")
    calls = _watch_connect(monkeypatch)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only  # decided at open, as before
        assert 0 < len(vault.observations(first)) < NOTES
    assert calls[0] is True


def test_damage_the_marker_cannot_see_is_found_in_the_background(vault_dir: Path) -> None:
    """Bit rot does not change a file's times: the marker still matches, the open is quick,
    and the background check finds the damage; nothing more is written, and the next open
    opens what is sound read-only."""
    first, _second = _vault_with_notes(vault_dir)
    db = vault_dir / "vault.db"
    page = _observation_page(vault_dir, first)
    _flip(db, (page - 1) * PAGE + PAGE // 2)
    write_health_marker(db)  # as if the flip had happened without touching the times
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert not vault.read_only
        assert not vault.wait_for_health_check(30)
        assert vault.health_problem is not None
        assert vault.health_problem in vault.notices
        with pytest.raises(ReadOnlyVaultError):
            vault.set_setting("x", "y")
    assert not (vault_dir / HEALTH_MARKER_NAME).exists()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only
        assert 0 < len(vault.observations(first)) < NOTES


def test_a_session_that_changes_nothing_leaves_the_folder_as_it_was(vault_dir: Path) -> None:
    _vault_with_notes(vault_dir)
    Vault.open(vault_dir, PASSPHRASE).close()
    before = {p.name: p.stat().st_mtime_ns for p in vault_dir.iterdir() if p.is_file()}
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.recordings()
        vault.wait_for_health_check(30)
    after = {p.name: p.stat().st_mtime_ns for p in vault_dir.iterdir() if p.is_file()}
    assert after == before

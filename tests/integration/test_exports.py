"""Exports from the command line: readable only by the user, never over an existing file
without --force (exit 2, the file unchanged)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE

from vknz_desktop.cli import run_command
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


@pytest.fixture
def vault_with_goal(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        with vault.writing() as conn:
            conn.execute(
                "INSERT INTO learning_goals(id, goal, why, next_time, status, created_at,"
                " updated_at) VALUES ('g1', 'Stiltes laten vallen', '', '', 'actief', ?, ?)",
                (now, now),
            )
    return vault_dir


def summary(vault_dir: Path, target: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_command(
        ["--vault", str(vault_dir), "summary", "--out", str(target), "--format", "md", *extra],
        out,
    )
    return code, out.getvalue()


def test_summary_is_private_and_never_overwrites_without_force(
    vault_with_goal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], deduce_loaded: object
) -> None:
    target = tmp_path / "samenvatting.md"
    code, _ = summary(vault_with_goal, target)
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Stiltes laten vallen" in target.read_text(encoding="utf-8")
    target.write_text("eigen aantekeningen van de gebruiker", encoding="utf-8")
    code, _ = summary(vault_with_goal, target)
    assert code == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "eigen aantekeningen van de gebruiker"
    code, _ = summary(vault_with_goal, target, "--force")
    assert code == 0 and "Stiltes laten vallen" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_team_agenda_refuses_an_existing_file_before_reading_anything(tmp_path: Path) -> None:
    target = tmp_path / "agenda.html"
    target.write_text("bestaand", encoding="utf-8")
    code = run_command(["team-agenda", str(tmp_path / "ontbreekt.json"), "--out", str(target)])
    assert code == 2
    assert target.read_text(encoding="utf-8") == "bestaand"

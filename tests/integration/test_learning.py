"""Leerdoelen in the real vault (schema 4), the summary written by the CLI in every format,
the PDF through Qt's writer, and the team agenda command."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.cli import run_command
from vknz_desktop.domain.goals import Evidence, EvidenceKind, GoalStatus
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

pytestmark = pytest.mark.usefixtures("deduce_loaded")

HEADINGS = ("Leersamenvatting", "Leerdoelen", "Waarom dit belangrijk is", "Over deze samenvatting")


@pytest.fixture
def filled_vault(vault_dir: Path) -> dict[str, str]:
    """A vault with a recording (participant 'Klant Fictief'), observations and two goals."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4, title="Gesprek met Klant Fictief")
        observations = ObservationService(vault)
        first = observations.create(
            recording.id,
            2000,
            text="Klant Fictief vertelt over haar werk bij Bakkerij Van Dongen.",
            profile_id="klantgesprek",
            theme_id="luisteren",
            author_name="Sam",
        )
        second = observations.create(recording.id, 4000, text="Ik laat een stilte vallen.")
        goals = GoalService(GoalRepository(vault))
        goal = goals.create_from_observations(
            [first, second],
            goal="Stiltes laten vallen",
            why="Fictief vertelde pas na een stilte wat er speelde.",
            next_time="Drie tellen wachten.",
        )
        done = goals.create(goal="Doel noemen aan het begin", status=GoalStatus.BEREIKT)
        goals.add_term("Van Dongen")
    return {"recording": recording.id, "goal": goal.id, "done": done.id}


def test_schema_4_round_trip_and_evidence_goes_with_the_recording(
    vault_dir: Path, filled_vault: dict[str, str]
) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with vault.reading() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        assert version >= 4
        repository = GoalRepository(vault)
        goal = repository.goal(filled_vault["goal"])
        assert goal is not None
        assert goal.theme_id == "luisteren" and len(goal.evidence) == 2
        assert [g.id for g in repository.goals()] == [filled_vault["goal"], filled_vault["done"]]
        clip = Evidence(kind=EvidenceKind.CLIP, item_id="clip-x", recording_id="elders")
        linked = GoalService(repository).link(goal, [clip])
        assert repository.goal(goal.id) == linked
        assert repository.extra_terms() == ["Van Dongen"]
        vault.delete_recording(filled_vault["recording"], role=Role.KLANTMANAGER)
        after = repository.goal(goal.id)
        assert after is not None
        assert [e.item_id for e in after.evidence] == ["clip-x"]  # the recording's are gone
        repository.delete_goal(goal.id)
        with vault.reading() as conn:
            rows = conn.execute("SELECT count(*) FROM goal_evidence").fetchone()[0]
        assert rows == 0


def test_cli_summary_in_every_text_format(
    vault_dir: Path, filled_vault: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    for file_format in ("json", "md", "html"):
        target = tmp_path / f"samenvatting.{file_format}"
        out = io.StringIO()
        code = run_command(
            ["--vault", str(vault_dir), "summary", "--out", str(target), "--format", file_format],
            out,
        )
        assert code == 0, out.getvalue()
        assert "Leersamenvatting geschreven" in out.getvalue()
        text = target.read_text(encoding="utf-8")
        for forbidden in ("Fictief", "Bakkerij", "Van Dongen", "Gesprek met", "Sam"):
            assert forbidden not in text, (file_format, forbidden)
        assert "[persoon]" in text
    data = json.loads((tmp_path / "samenvatting.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and len(data["goals"]) == 2
    assert re.fullmatch(r"[0-9a-f]{32}", data["vault_id"])
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        exports = [e for e in vault.audit_entries() if e.action is AuditAction.EXPORT]
    assert [e.details["format"] for e in exports] == ["json", "md", "html"]
    assert all(
        set(e.details) == {"kind", "format", "goals", "evidence", "replacements"} for e in exports
    )


def test_cli_goals_and_choosing_goals(
    vault_dir: Path, filled_vault: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    out = io.StringIO()
    assert run_command(["--vault", str(vault_dir), "goals"], out) == 0
    assert filled_vault["goal"][:8] in out.getvalue()
    target = tmp_path / "een.json"
    args = ["--vault", str(vault_dir), "summary", "--out", str(target)]
    assert run_command([*args, "--goals", filled_vault["done"][:8]], io.StringIO()) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [g["goal"] for g in data["goals"]] == ["Doel noemen aan het begin"]
    assert run_command([*args, "--goals", "ffffffff"], io.StringIO()) == 2


def test_pdf_is_written_with_headings_and_no_time_of_day(
    qapp: object,
    vault_dir: Path,
    filled_vault: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "samenvatting.pdf"
    code = run_command(
        ["--vault", str(vault_dir), "summary", "--out", str(target), "--format", "pdf"],
        io.StringIO(),
    )
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert re.search(rb"/CreationDate \(D:\d{6}01000000", data)
    assert not re.search(rb"T(?!00:00:00)\d{2}:\d{2}:\d{2}", data)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in HEADINGS:
        assert heading in text
    assert "Fictief" not in text and "[persoon]" in text


def test_cli_as_a_process_one_line_errors(
    vault_dir: Path, filled_vault: dict[str, str], tmp_path: Path
) -> None:
    """The real command (its own deduce load): a known problem is one Dutch line, exit 2."""
    import os

    env = {**os.environ, "VKNZ_PASSPHRASE": PASSPHRASE}
    base = [sys.executable, "-m", "vknz_desktop", "--vault", str(vault_dir)]
    bad = subprocess.run(
        [*base, "summary", "--out", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "vknz: Kies een formaat met --format json, md, html of pdf."
    ]
    target = tmp_path / "s.md"
    good = subprocess.run(
        [*base, "summary", "--out", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    assert good.stderr == ""  # deduce prints nothing of its own
    assert "Stiltes laten vallen" in target.read_text(encoding="utf-8")


def test_cli_team_agenda(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_team_agenda import GOAL, LISTEN, person

    from vknz_desktop.export.render import render_json

    files = []
    for index in range(3):
        path = tmp_path / f"collega{index}.json"
        path.write_text(
            render_json(
                person(
                    index,
                    [
                        (LISTEN, f"Leerdoel {index}", GoalStatus.ACTIEF),
                        (GOAL, "Klein", GoalStatus.ACTIEF),
                    ]
                    if index == 0
                    else [(LISTEN, f"Leerdoel {index}", GoalStatus.BEREIKT)],
                )
            ),
            encoding="utf-8",
        )
        files.append(str(path))
    bad = tmp_path / "kapot.json"
    bad.write_text("nee", encoding="utf-8")
    out = tmp_path / "agenda.html"
    assert run_command(["team-agenda", *files, "--out", str(out)], io.StringIO()) == 0
    code = run_command(
        ["team-agenda", *files, str(bad), "--out", str(out), "--force"], io.StringIO()
    )
    assert code == 2  # a skipped file is reported with exit 2; the agenda is still written
    err = capsys.readouterr().err
    assert "vknz: overgeslagen: kapot.json: geen geldige JSON" in err
    assert "1 bestand(en) overgeslagen" in err
    page = out.read_text(encoding="utf-8")
    assert "3 mensen werken hieraan" in page and "collega0" not in page
    assert "Klein" not in page  # a group of one person: named at most, no examples
    assert run_command(["team-agenda", str(bad), "--out", str(out)], io.StringIO()) == 2


def test_goal_fields_round_trip_exactly(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        repository = GoalRepository(vault)
        goal = GoalService(repository).create(
            goal="x",
            why="waarom",
            next_time="volgende keer",
            status=GoalStatus.GEOEFEND,
            profile_id="klantgesprek",
            theme_id="luisteren",
            review_on=dt.date(2027, 2, 1),
            session_id="sessie",
        )
        assert repository.goal(goal.id) == goal


def test_cli_summary_stops_at_doubtful_words_until_each_is_decided(
    vault_dir: Path, filled_vault: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        goals = GoalService(GoalRepository(vault))
        goals.create(goal="Ik liet Knarfeldt uitpraten en vroeg door over Wobbelsma.")
    target = tmp_path / "s.json"
    base = ["--vault", str(vault_dir), "summary", "--out", str(target)]
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert run_command(base, io.StringIO()) == 2
    assert "Twijfelwoorden (misschien een naam): Knarfeldt, Wobbelsma." in err.getvalue()
    assert not target.exists()  # nothing written
    assert run_command([*base, "--accept-doubtful"], io.StringIO()) == 0
    assert "Knarfeldt" in target.read_text(encoding="utf-8")
    target.unlink()
    assert run_command([*base, "--keep", "Knarfeldt"], io.StringIO()) == 2  # one still open
    assert not target.exists()
    assert run_command([*base, "--remove", "Wobbelsma"], io.StringIO()) == 0
    text = target.read_text(encoding="utf-8")
    assert "Knarfeldt" in text and "Wobbelsma" not in text and "[weggelaten]" in text
    target.unlink()
    assert run_command(base, io.StringIO()) == 0  # both decided, remembered in the vault
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        repository = GoalRepository(vault)
        assert repository.accepted_words() == ["Knarfeldt"]
        assert "Wobbelsma" in repository.extra_terms()


def test_cli_summary_shows_progress_on_a_terminal_while_the_worker_loads(
    vault_dir: Path, filled_vault: dict[str, str], tmp_path: Path
) -> None:
    import os
    import pty

    main, terminal = pty.openpty()
    env = {**os.environ, "VKNZ_PASSPHRASE": PASSPHRASE}
    target = tmp_path / "s.md"
    try:
        command = [sys.executable, "-m", "vknz_desktop", "--vault", str(vault_dir)]
        result = subprocess.run(
            [*command, "summary", "--out", str(target)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
            env=env,
            timeout=180,
            check=False,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert result.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "Anonimiseren voorbereiden… 0 s" in text
    assert re.search(r"Anonimiseren voorbereid \(\d+ s\)\.", text)
    assert target.exists()

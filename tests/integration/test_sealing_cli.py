"""``vknz onderzoeker`` as a real process, ``--role`` that opens nothing, and the learning
summary of the klantmanager without unshared klant items."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import (
    ONDERZOEKER_NAME,
    ONDERZOEKER_PASSPHRASE,
    import_file,
    onderzoeker_session,
    register_onderzoeker,
)
from tests.integration.test_cli import assert_known_error, vknz

from vknz_desktop.cli import run_command
from vknz_desktop.domain.models import AuditAction, ConsentScope, Role, SharingState
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault

SEALED = "Ik was bang qjbangkanarie voor een korting"
SHARED = "Het gesprek was zxgedeeldkanarie prettig"


def klant_vault(vault_dir: Path, *, register: bool) -> dict[str, str]:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV, title="Gesprek")
        vault.set_consent(
            recording.id,
            make_consent(
                [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
                given_by=Role.KLANT,
                given_on=dt.date(2026, 11, 1),
            ),
            role=Role.KLANTMANAGER,
        )
        ids = {"recording": recording.id}
        if register:
            register_onderzoeker(vault)
            notes = ObservationService(vault)
            ids["sealed"] = notes.create(recording.id, 500, text=SEALED, author_role=Role.KLANT).id
            ids["shared"] = notes.create(recording.id, 900, text=SHARED, author_role=Role.KLANT).id
    return ids


def test_onderzoeker_commands_and_a_role_that_opens_nothing(vault_dir: Path) -> None:
    ids = klant_vault(vault_dir, register=False)
    vault = ("--vault", str(vault_dir))
    listed = vknz(*vault, "onderzoeker", "list")
    assert listed.returncode == 0 and "nog geen onderzoeker" in listed.stdout
    assert_known_error(
        vknz(
            *vault,
            "onderzoeker",
            "register",
            ONDERZOEKER_NAME,
            env_extra={"VKNZ_ONDERZOEKER_PASSPHRASE": PASSPHRASE},
        ),
        "ander wachtwoord dan dat van de kluis",
    )
    made = vknz(
        *vault,
        "--role",
        "onderzoeker",
        "onderzoeker",
        "register",
        ONDERZOEKER_NAME,
        env_extra={"VKNZ_ONDERZOEKER_PASSPHRASE": ONDERZOEKER_PASSPHRASE},
    )
    assert made.returncode == 0, made.stderr
    assert "geregistreerd" in made.stdout
    with Vault.open(vault_dir, PASSPHRASE) as opened:
        notes = ObservationService(opened)
        sealed = notes.create(ids["recording"], 500, text=SEALED, author_role=Role.KLANT)
        shared = notes.create(ids["recording"], 900, text=SHARED, author_role=Role.KLANT)
    listed = vknz(*vault, "onderzoeker", "list")
    assert ONDERZOEKER_NAME in listed.stdout and "kan 2 item(s) openen" in listed.stdout
    # --role onderzoeker with a wrong or no onderzoeker passphrase: nothing shown.
    wrong = vknz(
        *vault,
        "--role",
        "onderzoeker",
        "onderzoeker",
        "items",
        ONDERZOEKER_NAME,
        env_extra={"VKNZ_ONDERZOEKER_PASSPHRASE": "lantaarn kompas vijveR"},
    )
    assert_known_error(wrong, "Onjuist wachtwoord van de onderzoeker")
    assert "qjbang" not in wrong.stdout + wrong.stderr
    assert_known_error(
        vknz(*vault, "--role", "onderzoeker", "onderzoeker", "items", ONDERZOEKER_NAME),
        "VKNZ_ONDERZOEKER_PASSPHRASE",
    )
    right = {"VKNZ_ONDERZOEKER_PASSPHRASE": ONDERZOEKER_PASSPHRASE}
    items = vknz(*vault, "onderzoeker", "items", ONDERZOEKER_NAME, "--json", env_extra=right)
    assert items.returncode == 0, items.stderr
    assert [(i["id"], i["text"]) for i in json.loads(items.stdout)] == [
        (sealed.id, SEALED),
        (shared.id, SHARED),
    ]
    answered = vknz(*vault, "onderzoeker", "share", ONDERZOEKER_NAME, shared.id, env_extra=right)
    assert answered.returncode == 0 and "mag gedeeld worden" in answered.stdout
    kept = vknz(*vault, "onderzoeker", "no-share", ONDERZOEKER_NAME, sealed.id, env_extra=right)
    assert kept.returncode == 0 and "niet delen" in kept.stdout
    with Vault.open(vault_dir, PASSPHRASE) as opened:
        assert [o.text for o in opened.observations(ids["recording"])] == [SHARED]
        (left,) = SealingRepository(opened).sealed_items()
        assert (left.id, left.sharing_state) == (sealed.id, SharingState.NOT_SHARED)
        entries = opened.audit_entries()
    failed = [e for e in entries if e.action == AuditAction.ONDERZOEKER_UNLOCK_FAILED]
    assert len(failed) == 1 and failed[0].role == Role.ONDERZOEKER
    # A second onderzoeker only when a registered one vouches (with their own passphrase).
    second = {"VKNZ_ONDERZOEKER_PASSPHRASE": "fluit kamer zolder"}
    assert_known_error(
        vknz(*vault, "onderzoeker", "register", "Bo Tweede", env_extra=second),
        "alleen worden toegevoegd door een geregistreerde onderzoeker",
    )
    vouched = vknz(
        *vault,
        "onderzoeker",
        "register",
        "Bo Tweede",
        "--grant-from",
        ONDERZOEKER_NAME,
        env_extra={**second, "VKNZ_GRANT_PASSPHRASE": ONDERZOEKER_PASSPHRASE},
    )
    assert vouched.returncode == 0, vouched.stderr
    # An access package made with the vault passphrase only says what it leaves out.
    package = vault_dir.parent / "inzage"
    access = vknz(
        *vault,
        "gdpr",
        "access",
        "Klant Fictief",
        "--out",
        str(package),
        "--plain",
        "--confirm",
        "ONVERSLEUTELD",
    )
    assert access.returncode == 0, access.stderr
    assert "1 verzegeld(e) item(s)" in access.stderr and "--onderzoeker" in access.stderr
    written = (package / "gegevens.json").read_text(encoding="utf-8")
    assert "zxgedeeldkanarie" in written and "qjbang" not in written
    # A name elsewhere: the sealed item could name it, and only an onderzoeker can look.
    verified = vknz(*vault, "gdpr", "verify", "Hendrika Pluim")
    assert verified.returncode == 0 and "Niets gevonden" in verified.stdout
    assert "1 verzegeld(e) item(s)" in verified.stderr and "niet doorzocht" in verified.stderr
    searched = vknz(
        *vault,
        "gdpr",
        "verify",
        "Hendrika Pluim",
        "--onderzoeker",
        ONDERZOEKER_NAME,
        env_extra=right,
    )
    assert searched.returncode == 0 and searched.stderr == ""


@pytest.mark.usefixtures("deduce_loaded")
def test_the_klantmanagers_summary_holds_no_unshared_klant_item(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = klant_vault(vault_dir, register=True)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        sealing = SealingRepository(vault)
        with onderzoeker_session(vault) as unlocked:
            sealing.share(unlocked.key, ids["shared"], role=Role.ONDERZOEKER)
            opened = sealing.open_items(unlocked.key)
            # Even a goal that links the sealed item (made while it was open) cannot show it.
            shared = vault.observation(ids["shared"])
            assert shared is not None
            GoalService(GoalRepository(vault)).create_from_observations(
                [*opened, shared], goal="Ruimte geven", why="De klant vertelde meer."
            )
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    for file_format in ("json", "md", "html"):
        target = tmp_path / f"samenvatting.{file_format}"
        out = io.StringIO()
        code = run_command(
            ["--vault", str(vault_dir), "summary", "--out", str(target), "--format", file_format],
            out,
        )
        assert code == 0, out.getvalue()
        text = target.read_text(encoding="utf-8")
        assert "zxgedeeldkanarie" in text, file_format  # shared: it may leave the vault
        assert "qjbangkanarie" not in text and "korting" not in text, file_format


def test_list_says_how_many_klant_items_wait_in_the_clear_for_the_first_onderzoeker(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from vknz_desktop.domain.models import Observation
    from vknz_desktop.storage import observations_repo

    ids = klant_vault(vault_dir, register=False)
    now = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.writing() as conn:
        observations_repo.insert_plain(  # as an older version stored it
            conn,
            Observation(
                id="oud",
                recording_id=ids["recording"],
                time_ms=10,
                text="Van vroeger",
                author_role=Role.KLANT,
                created_at=now,
                edited_at=now,
            ),
        )
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    out = io.StringIO()
    assert run_command(["--vault", str(vault_dir), "onderzoeker", "list"], out) == 0
    assert "1 item(s) van de klant staan nog niet verzegeld" in capsys.readouterr().err

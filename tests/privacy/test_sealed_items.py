"""The attack on sealed klant feedback with only the vault passphrase: every page and WAL frame
of vault.db decrypted with the raw database key (``pages.py``), the full-text index's own
vocabulary, an older vault whose items the first onderzoeker seals, and SIGKILL at every step of
sealing and sharing."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import (
    ONDERZOEKER_NAME,
    ONDERZOEKER_PASSPHRASE,
    at_schema,
    import_file,
    onderzoeker_session,
    register_onderzoeker,
)
from tests.privacy.pages import find_secrets
from vknz_desktop.domain.models import ConsentScope, Observation, Participant, Role, SharingState
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.onderzoeker import OnderzoekerService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE, read_key_file
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault

#: Words of the klant that must never be readable with the vault key alone.
SEALED = {
    "marker": "Hier wil ik qjmarkeerkanarie iets over zeggen",
    "session": "Ik was bang zxsessiekanarie voor een korting",
    "answer": "Antwoord xqantwoordkanarie van de klant",
    "edited": "Eerst qjeerstkanarie gezegd",
    "re-edited": "Later zxlaterkanarie aangevuld",
    "unshared": "Toch liever qjteruggekanarie niet delen",
    "last": "Als laatste qjlaatstekanarie gezegd",
}
SHARED = "Het gesprek was zxgedeeldkanarie prettig"


def canaries(texts: dict[str, str]) -> dict[str, bytes | str]:
    """The canary word of each text (as FTS5 would index it, and as written)."""
    return {label: next(w for w in text.split() if "kanarie" in w) for label, text in texts.items()}


def raw_key(vault_dir: Path) -> bytes:
    return read_key_file(vault_dir / "vault.key").unwrap(PASSPHRASE)


def fts_terms(vault: Vault) -> set[str]:
    """Every term in the full-text index (its own vocabulary, not the pages)."""
    with vault.reading() as conn:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms"
            " USING fts5vocab(main, observations_fts, row)"
        )
        return {str(r[0]) for r in conn.execute("SELECT term FROM temp.terms").fetchall()}


def klant_recording(vault: Vault):
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
    return vault.recording(recording.id)


def test_with_the_vault_key_alone_no_page_holds_an_unshared_klant_item(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = klant_recording(vault)
        sealing = register_onderzoeker(vault)
        notes = ObservationService(vault)
        # Samen kijken: the marker, and an answer to a question.
        notes.create(recording.id, 500, text=SEALED["marker"], author_role=Role.KLANT)
        notes.create(recording.id, 700, answer=SEALED["answer"], author_role=Role.KLANT)
        # A session with the klant, typed in the klant's column.
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 100, 2000)
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create(
            "Met de klant",
            participants=(Participant(display_name="Klant Fictief", role=Role.KLANT),),
            perspectives=(Role.KLANT, Role.ONDERZOEKER),
        )
        sessions.add_clip(session.id, clip.id)
        (entry,) = sessions.playlist(session.id)
        sessions.add_observation(session, entry, Role.KLANT, SEALED["session"], 900)
        edited = notes.create(recording.id, 1100, text=SEALED["edited"], author_role=Role.KLANT)
        back = notes.create(recording.id, 1300, text=SEALED["unshared"], author_role=Role.KLANT)
        shared = notes.create(recording.id, 1500, text=SHARED, author_role=Role.KLANT)
        with onderzoeker_session(vault) as unlocked:
            (opened,) = sealing.open_items(unlocked.key, [edited.id])
            notes.update(opened, text=SEALED["re-edited"])  # sealed again, old words gone
            service = OnderzoekerService(sealing)
            service.answer(unlocked, shared.id, SharingState.SHARED)
            service.answer(unlocked, back.id, SharingState.SHARED)
        # Shared and then taken back: sealed again, its words out of table and index.
        FragmentsRepository(vault).set_sharing_state(
            back.id, SharingState.NOT_SHARED, role=Role.ONDERZOEKER
        )
        # One more, written after the last clean-up: its pages are still in the WAL.
        notes.create(recording.id, 1700, text=SEALED["last"], author_role=Role.KLANT)
        assert (vault_dir / "vault.db-wal").stat().st_size > 0
        # The klantmanager may see and find the shared one (and the scan can see words).
        assert [h.observation.id for h in vault.search_observations("zxgedeeldkanarie")] == [
            shared.id
        ]
        terms = fts_terms(vault)
        assert "zxgedeeldkanarie" in terms
        assert not {c.lower() for c in canaries(SEALED).values()} & terms
        found, pages = find_secrets(vault_dir, raw_key(vault_dir), canaries(SEALED))
        print(f"open vault: {pages} pages and WAL frames decrypted, sealed words found: {found}")
        assert found == []
        shared_found, _ = find_secrets(
            vault_dir, raw_key(vault_dir), {"shared": "zxgedeeldkanarie"}
        )
        assert shared_found  # the scan does find words that are there
    found, pages = find_secrets(vault_dir, raw_key(vault_dir), canaries(SEALED))
    print(f"closed vault: {pages} pages decrypted, sealed words found: {found}")
    assert found == [] and pages > 0


def build_schema_8_vault(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A vault as version 8 left it: klant items in the clear (in the table and the index)."""
    at_schema(monkeypatch, 8)
    now = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC).isoformat()
    rows = {
        "marker": ("klant", None, "nog_niet_gevraagd", SEALED["marker"]),
        "session": ("onderzoeker", "klant", "niet_delen", SEALED["session"]),
        "shared": ("klant", None, "mag_gedeeld", SHARED),
        "own": ("klantmanager", None, "nog_niet_gevraagd", "Zelf gezien zxeigenkanarie"),
    }
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == 8
        recording = klant_recording(vault)
        with vault.writing() as conn:
            for label, (author, perspective, state, text) in rows.items():
                conn.execute(
                    "INSERT INTO observations(id, recording_id, time_ms, text, author_role,"
                    " perspective, sharing_state, created_at, edited_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (label, recording.id, 100, text, author, perspective, state, now, now),
                )
    monkeypatch.undo()
    return {"recording": recording.id}


def test_the_first_onderzoeker_seals_what_an_older_vault_holds(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_schema_8_vault(vault_dir, monkeypatch)
    old = {k: SEALED[k] for k in ("marker", "session")}
    with Vault.open(vault_dir, PASSPHRASE) as vault:  # migrates to 9; nothing sealed yet
        before, _ = find_secrets(vault_dir, raw_key(vault_dir), canaries(old))
        assert {f.label for f in before} == {"marker", "session"}  # in the clear until now
        sealing = SealingRepository(vault, kdf_profile=TEST_PROFILE)
        assert sealing.unsealed_klant_items() == 2
        _, sealed_now = sealing.register(ONDERZOEKER_NAME, ONDERZOEKER_PASSPHRASE, role=None)
        assert sealed_now == 2 and sealing.unsealed_klant_items() == 0
        assert {o.id for o in vault.observations(ids["recording"])} == {"own", "shared"}
        assert not {"qjmarkeerkanarie", "zxsessiekanarie"} & fts_terms(vault)
        assert "zxgedeeldkanarie" in fts_terms(vault)
        found, pages = find_secrets(vault_dir, raw_key(vault_dir), canaries(old))
        print(f"after the first registration: {pages} pages decrypted, found {found}")
        assert found == []
        assert not (vault_dir / "backups").exists()
        with onderzoeker_session(vault) as unlocked:
            opened = {o.id: o for o in sealing.open_items(unlocked.key)}
        assert opened["marker"].text == SEALED["marker"]
        assert opened["session"].sharing_state == SharingState.NOT_SHARED
        assert opened["session"].perspective == Role.KLANT
    found, _ = find_secrets(vault_dir, raw_key(vault_dir), canaries(old))
    assert found == []


# -- SIGKILL during sealing and sharing -------------------------------------------------------
KILLER = """
import os, signal, sys
from pathlib import Path
from vknz_desktop.domain.models import Role, SharingState
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage import observations_repo, sealed_store
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault

directory, passphrase, onderzoeker_pass, action, kill_at, item = sys.argv[1:7]
kill_at = int(kill_at)


def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def counting(original):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == kill_at:
            die()
        return original(*args, **kwargs)

    return wrapper


vault = Vault.open(Path(directory), passphrase)
repo = SealingRepository(vault, kdf_profile=TEST_PROFILE)
reclaim_space = Vault.reclaim_space
Vault.reclaim_space = die  # every action here that gets that far has committed
if action == "register":  # seals the items in the clear, one by one, in one transaction
    sealed_store.insert = counting(sealed_store.insert)
    repo.register("Onderzoeker Fictief", onderzoeker_pass, role=None)
elif action == "share":
    key = repo.unlock("Onderzoeker Fictief", onderzoeker_pass, role=None)
    if kill_at == 1:  # after the sealed row is deleted, before the observation is written
        observations_repo.insert_plain = die
    repo.share(key, item, role=Role.ONDERZOEKER)
elif action == "unshare":
    if kill_at == 1:  # after the plain row is deleted, before the sealed one is written
        sealed_store.insert = die
    repo.set_sharing_state(item, SharingState.NOT_SHARED, role=Role.ONDERZOEKER)
elif action == "write":
    if kill_at == 1:  # the sealed row written, its keys not yet
        sealed_store.insert_stanzas = die
    ObservationService(vault).create(item, 100, text="Nieuw qjnieuwkanarie", author_role=Role.KLANT)
elif action == "cycle":  # share and take back, again and again, until killed
    key = repo.unlock("Onderzoeker Fictief", onderzoeker_pass, role=None)
    Vault.reclaim_space = reclaim_space
    while True:
        repo.share(key, item, role=Role.ONDERZOEKER)
        print("SHARED", flush=True)
        repo.set_sharing_state(item, SharingState.NOT_SHARED, role=Role.ONDERZOEKER)
        print("SEALED", flush=True)
die()  # after the commit
"""


def kill(vault_dir: Path, action: str, kill_at: int, item: str = "-") -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            str(vault_dir),
            PASSPHRASE,
            ONDERZOEKER_PASSPHRASE,
            action,
            str(kill_at),
            item,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


def states(vault_dir: Path) -> dict[str, str]:
    """Open the vault after a kill: each item is in exactly one place; returns id → where."""
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with vault.reading() as conn:
            plain = dict(conn.execute("SELECT id, sharing_state FROM observations").fetchall())
            sealed = [r[0] for r in conn.execute("SELECT id FROM sealed_items").fetchall()]
            keyless = conn.execute(
                "SELECT count(*) FROM sealed_items s WHERE NOT EXISTS"
                " (SELECT 1 FROM sealed_item_keys k WHERE k.item_id = s.id)"
            ).fetchone()[0]
            onderzoekers = conn.execute("SELECT count(*) FROM onderzoekers").fetchone()[0]
        assert not set(plain) & set(sealed), "an item both sealed and in the clear"
        assert keyless == 0, "a sealed item nobody can open"
        if sealed:
            with onderzoeker_session(vault) as unlocked:  # every sealed item still opens
                opened = SealingRepository(vault).open_items(unlocked.key, sealed)
            assert [o.id for o in opened] == sealed
        if onderzoekers:  # once someone can read sealed items, nothing unshared is in the clear
            assert SealingRepository(vault).unsealed_klant_items() == 0
    where = {i: f"plain:{s}" for i, s in plain.items()}
    where.update({i: "sealed" for i in sealed})
    return where


def legacy_vault(vault_dir: Path) -> dict[str, str]:
    """The newest schema, no onderzoeker yet, three klant items in the clear (from before)."""
    now = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = klant_recording(vault)
        from vknz_desktop.storage import observations_repo

        with vault.writing() as conn:
            for n in range(3):
                observations_repo.insert_plain(
                    conn,
                    Observation(
                        id=f"k{n}",
                        recording_id=recording.id,
                        time_ms=100 * n,
                        text=f"Klant {n} qjoudkanarie{n}",
                        author_role=Role.KLANT,
                        created_at=now,
                        edited_at=now,
                    ),
                )
            observations_repo.insert_plain(
                conn,
                Observation(
                    id="own",
                    recording_id=recording.id,
                    time_ms=5,
                    text="Zelf",
                    created_at=now,
                    edited_at=now,
                ),
            )
    return {"recording": recording.id}


OLD_WORDS = {f"k{n}": f"qjoudkanarie{n}" for n in range(3)}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("kill_at", [1, 2, 3, 99])
def test_sigkill_while_the_first_onderzoeker_seals_leaves_each_item_in_one_place(
    vault_dir: Path, kill_at: int
) -> None:
    legacy_vault(vault_dir)
    kill(vault_dir, "register", kill_at)
    where = states(vault_dir)
    klant = {i: w for i, w in where.items() if i != "own"}
    if kill_at == 99:  # killed after the commit, before the space was reclaimed
        assert klant == {"k0": "sealed", "k1": "sealed", "k2": "sealed"}
        found, pages = find_secrets(vault_dir, raw_key(vault_dir), OLD_WORDS)
        print(f"after a kill between commit and clean-up, then one open: {pages} pages, {found}")
        assert found == []
    else:  # killed inside the transaction: nothing sealed, nobody registered
        assert klant == {f"k{n}": "plain:nog_niet_gevraagd" for n in range(3)}
    assert where["own"] == "plain:nog_niet_gevraagd"


@pytest.mark.timeout(300)
def test_sigkill_while_sharing_or_taking_back_leaves_each_item_sealed_or_shared(
    vault_dir: Path,
) -> None:
    ids = legacy_vault(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        register_onderzoeker(vault)
    assert states(vault_dir)["k0"] == "sealed"
    kill(vault_dir, "share", 1, "k0")  # inside the move
    assert states(vault_dir)["k0"] == "sealed"
    kill(vault_dir, "share", 2, "k0")  # after the commit
    assert states(vault_dir)["k0"] == "plain:mag_gedeeld"
    kill(vault_dir, "unshare", 1, "k0")  # inside the move back
    assert states(vault_dir)["k0"] == "plain:mag_gedeeld"
    kill(vault_dir, "unshare", 2, "k0")  # committed, before the clean-up
    assert states(vault_dir)["k0"] == "sealed"
    found, _ = find_secrets(vault_dir, raw_key(vault_dir), {"k0": OLD_WORDS["k0"]})
    assert found == []
    kill(vault_dir, "write", 1, ids["recording"])  # sealing a new item at write time
    where = states(vault_dir)
    assert set(where) == {"k0", "k1", "k2", "own"}  # the unfinished item is simply not there
    # Random moments while sharing and taking back over and over.
    rng = random.Random(20261207)
    env = dict(os.environ)
    steps = 0
    for _round in range(8):
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                KILLER,
                str(vault_dir),
                PASSPHRASE,
                ONDERZOEKER_PASSPHRASE,
                "cycle",
                "0",
                "k1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        time.sleep(1.5 + rng.random() * 1.5)
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=30)
        acknowledged = out.split()
        where = states(vault_dir)
        print(f"killed after {len(acknowledged)} steps: k1 is {where['k1']}")
        assert set(where) == {"k0", "k1", "k2", "own"}, err
        assert where["k1"] in ("sealed", "plain:mag_gedeeld")
        steps += len(acknowledged)
    assert steps > 8  # the kills fell at different moments of many moves

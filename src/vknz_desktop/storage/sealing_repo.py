"""Onderzoekers and sealed klant items in the vault (implements ``domain.sealing``'s
``SealingRepository``).

- ``register``: a new X25519 key pair; the private key wrapped under the onderzoeker's own
  passphrase (Argon2id tuned like the vault's, never below its floor; the same strength rules;
  never the vault's own passphrase). In the same transaction every klant item still stored in
  the clear (a vault from before) is sealed, so its words leave the table and the full-text
  index (secure-delete); then the WAL is emptied and free pages are given back.
- ``unlock``: the onderzoeker's passphrase opens their private key (an ``UnlockedOnderzoeker``,
  held in memory until ``close``). A wrong passphrase reveals nothing and is audited.
- ``open_items``, ``share`` (*mag gedeeld worden*: the item becomes an ordinary observation
  under the vault key, with when and by whom), ``set_sealed_state`` (*niet delen*), and
  ``set_sharing_state`` for every sharing change (a shared item set back is sealed again).

Every move between sealed and shared is one transaction, so a crash leaves each item sealed
or shared, never both (the database refuses an id in both) and never lost.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import (
    KnownError,
    ReadOnlyVaultError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from vknz_desktop.domain.models import AuditAction, Observation, Role, SharingState
from vknz_desktop.domain.passphrase import passphrase_problem
from vknz_desktop.domain.sealing import (
    SEALED_STATES,
    Onderzoeker,
    OnderzoekerKey,
    SealedItem,
    WrongOnderzoekerPassphraseError,
    onderzoeker_name_problem,
)
from vknz_desktop.domain.visibility import is_klant_feedback
from vknz_desktop.storage import observations_repo, sealed_store, sealing_crypto
from vknz_desktop.storage.keyfile import (
    KEY_FILE_NAME,
    STANDARD_PROFILE,
    KdfProfile,
    read_key_file_or_spare,
    tune_kdf,
)
from vknz_desktop.storage.sealing_crypto import WrappedPrivateKey
from vknz_desktop.storage.vault import PassphraseCheck, Vault

WRONG_ONDERZOEKER_PASSPHRASE = (
    "Onjuist wachtwoord van de onderzoeker; er is niets geopend. "  # noqa: S105 - a message
    "De poging staat in het logboek."
)
SAME_AS_VAULT = (
    "Kies een ander wachtwoord dan dat van de kluis: met het wachtwoord van de kluis alleen "
    "mag feedback van de klant niet te lezen zijn."
)
VOUCH_NEEDED = (
    "Er is al een onderzoeker geregistreerd. Een nieuwe onderzoeker kan alleen worden "
    "toegevoegd door een geregistreerde onderzoeker, met diens eigen wachtwoord (menu "
    "Onderzoeker: eerst Sleutel openen…, dan Onderzoeker registreren…; op de opdrachtregel: "
    "--grant-from NAAM), zodat niemand met alleen het wachtwoord van de kluis zichzelf kan "
    "toevoegen. Er is niets gewijzigd."
)
LOCKED_KEY = "De sleutel van de onderzoeker is weer vergrendeld; voer het wachtwoord opnieuw in."


class UnlockedOnderzoeker:
    """An onderzoeker's private key, unlocked for a while (``domain.sealing.OnderzoekerKey``).

    The raw key lives in a ``bytearray`` that ``close()`` overwrites; the vault never stores it
    unwrapped.
    """

    def __init__(self, onderzoeker: Onderzoeker, private: bytearray) -> None:
        self._onderzoeker = onderzoeker
        self._private = private

    @property
    def onderzoeker_id(self) -> str:
        return self._onderzoeker.id

    @property
    def name(self) -> str:
        return self._onderzoeker.name

    @property
    def closed(self) -> bool:
        return not self._private

    def private_key(self) -> bytearray:
        """The raw private key (KnownError once closed)."""
        if self.closed:
            raise KnownError(LOCKED_KEY)
        return self._private

    def close(self) -> None:
        """Overwrite the private key; the key can no longer be used."""
        sealing_crypto.wipe(self._private)
        self._private = bytearray()

    def __enter__(self) -> UnlockedOnderzoeker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"UnlockedOnderzoeker({self._onderzoeker.id!r}, closed={self.closed})"


def _unlocked(key: OnderzoekerKey) -> UnlockedOnderzoeker:
    if not isinstance(key, UnlockedOnderzoeker):
        raise TypeError("a key unlocked by SealingRepository.unlock is needed")
    return key


class SealingRepository:
    """Registering onderzoekers, and unsealing and sharing klant items, in one vault."""

    def __init__(
        self,
        vault: Vault,
        kdf_profile: KdfProfile | None = None,
        passphrase_check: PassphraseCheck | None = None,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._vault = vault
        self._kdf_profile = kdf_profile or STANDARD_PROFILE
        self._passphrase_check = passphrase_check
        self._now = now

    # -- onderzoekers -------------------------------------------------------------------------
    def onderzoekers(self) -> list[Onderzoeker]:
        """Everyone registered, in order of registration."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT id, name, registered_at FROM onderzoekers ORDER BY registered_at, id"
            ).fetchall()
        return [
            Onderzoeker(id=i, name=n, registered_at=dt.datetime.fromisoformat(at))
            for i, n, at in rows
        ]

    def onderzoeker(self, name_or_id: str) -> Onderzoeker:
        """One onderzoeker by name (any case) or id, or KnownError."""
        wanted = name_or_id.strip()
        for found in self.onderzoekers():
            if found.id == wanted or found.name.casefold() == wanted.casefold():
                return found
        raise KnownError(f"Er is geen onderzoeker '{wanted}' geregistreerd in deze kluis.")

    def register(
        self,
        name: str,
        passphrase: str,
        *,
        role: Role | None,
        grant_from: OnderzoekerKey | None = None,
    ) -> tuple[Onderzoeker, int]:
        """Register an onderzoeker; returns them and how many klant items were sealed now.

        The klant items still in the clear are sealed for everyone registered, in the same
        transaction. Only the first onderzoeker registers with the vault alone: after that a
        registered onderzoeker must vouch for the next one (``grant_from``, unlocked with
        their own passphrase), who is then given access to the items the voucher can open.
        So nobody with only the vault passphrase adds themselves to read what the klant says
        from then on.
        """
        if self._vault.read_only:
            raise ReadOnlyVaultError("De kluis is alleen-lezen geopend; er is niets gewijzigd.")
        registered = self.onderzoekers()
        problem = onderzoeker_name_problem(name, [o.name for o in registered])
        if problem:
            raise KnownError(problem)
        if registered and grant_from is None:
            raise KnownError(VOUCH_NEEDED)
        problem = passphrase_problem(passphrase) or (
            self._passphrase_check(passphrase) if self._passphrase_check else None
        )
        if problem:
            raise WeakPassphraseError(problem)
        if self._opens_the_vault(passphrase):
            raise WeakPassphraseError(SAME_AS_VAULT)
        granting = _unlocked(grant_from) if grant_from is not None else None
        if granting is not None:
            granting.private_key()  # still unlocked
            self.onderzoeker(granting.onderzoeker_id)  # one of this vault's
        onderzoeker = Onderzoeker(id=uuid.uuid4().hex, name=name.strip(), registered_at=self._now())
        pair = sealing_crypto.new_key_pair()
        try:
            wrapped = WrappedPrivateKey.wrap(
                pair.private, passphrase, tune_kdf(self._kdf_profile), onderzoeker.id, pair.public
            )
        finally:
            sealing_crypto.wipe(pair.private)
        with self._vault.writing() as conn:
            conn.execute(
                "INSERT INTO onderzoekers(id, name, public_key, private_key, registered_at)"
                " VALUES (?,?,?,?,?)",
                (
                    onderzoeker.id,
                    onderzoeker.name,
                    pair.public,
                    wrapped.to_json(),
                    onderzoeker.registered_at.isoformat(),
                ),
            )
            granted = 0
            if granting is not None:
                granted = self._grant(conn, granting, onderzoeker.id, pair.public)
            readers = sealed_store.recipients(conn)
            plain = sealed_store.plain_klant_rows(conn)
            for item_id in plain:
                observation = observations_repo.one(conn, item_id)
                if observation is not None:
                    sealed_store.seal_plain(conn, observation, readers)
            details: dict[str, int | str] = {
                "onderzoeker": onderzoeker.id,
                "sealed": len(plain),
            }
            if granting is not None:
                details.update(granted=granted, granted_by=granting.onderzoeker_id)
            Vault.audit(conn, AuditAction.ONDERZOEKER_REGISTERED, role, None, details)
        if plain:
            self._vault.reclaim_space()
        return onderzoeker, len(plain)

    def _opens_the_vault(self, passphrase: str) -> bool:
        try:
            read_key_file_or_spare(self._vault.directory / KEY_FILE_NAME).key_file.unwrap(
                passphrase
            )
        except (WrongPassphraseError, KnownError):
            return False
        return True

    def _grant(
        self, conn: Any, granting: UnlockedOnderzoeker, new_id: str, new_public: bytes
    ) -> int:
        """Inside the registration: wrap the key of every item ``granting`` can open for the
        new onderzoeker too."""
        count = 0
        for facts in sealed_store.items(conn):
            if granting.onderzoeker_id not in facts.readable_by:
                continue
            item_key = sealed_store.item_key(
                conn, facts.id, granting.onderzoeker_id, granting.private_key()
            )
            try:
                stanza = sealing_crypto.wrap_item_key(facts.id, item_key, new_id, new_public)
            finally:
                sealing_crypto.wipe(item_key)
            sealed_store.insert_stanzas(conn, facts.id, [stanza])
            count += 1
        return count

    def unlock(self, name: str, passphrase: str, *, role: Role | None) -> UnlockedOnderzoeker:
        """Open an onderzoeker's private key with their passphrase (audited either way; a
        wrong passphrase raises WrongOnderzoekerPassphraseError and reveals nothing)."""
        onderzoeker = self.onderzoeker(name)
        with self._vault.reading() as conn:
            row = conn.execute(
                "SELECT public_key, private_key FROM onderzoekers WHERE id = ?",
                (onderzoeker.id,),
            ).fetchone()
        public, stored = bytes(row[0]), str(row[1])
        try:
            private = WrappedPrivateKey.from_json(stored).unwrap(passphrase, onderzoeker.id, public)
        except WrongPassphraseError as error:
            self._audit(AuditAction.ONDERZOEKER_UNLOCK_FAILED, role, onderzoeker.id)
            raise WrongOnderzoekerPassphraseError(WRONG_ONDERZOEKER_PASSPHRASE) from error
        key = UnlockedOnderzoeker(onderzoeker, private)
        try:
            self._audit(AuditAction.ONDERZOEKER_UNLOCK, role, onderzoeker.id)
        except BaseException:
            key.close()
            raise
        return key

    def _audit(self, action: AuditAction, role: Role | None, onderzoeker_id: str) -> None:
        if self._vault.read_only:
            return
        with self._vault.writing() as conn:
            Vault.audit(conn, action, role, None, {"onderzoeker": onderzoeker_id})

    # -- sealed items -------------------------------------------------------------------------
    def sealed_items(self, recording_id: str | None = None) -> list[SealedItem]:
        """Facts of the sealed items (of one recording, or all): never their words."""
        with self._vault.reading() as conn:
            return sealed_store.items(conn, recording_id=recording_id)

    def session_items(self, session_id: str) -> list[SealedItem]:
        """Facts of the sealed items typed in one review session."""
        with self._vault.reading() as conn:
            return sealed_store.items(conn, session_id=session_id)

    def unsealed_klant_items(self) -> int:
        """Klant items that are neither shared nor sealed: stored in the clear before any
        onderzoeker registered (the first registration seals them)."""
        with self._vault.reading() as conn:
            return len(sealed_store.plain_klant_rows(conn))

    def open_items(
        self, key: OnderzoekerKey, item_ids: Sequence[str] | None = None
    ) -> list[Observation]:
        """The sealed items ``key`` can open (all, or these ids: NotYourItemError for one
        sealed for others only), in time order."""
        unlocked = _unlocked(key)
        private = unlocked.private_key()
        with self._vault.reading() as conn:
            if item_ids is None:
                chosen = [
                    f for f in sealed_store.items(conn) if unlocked.onderzoeker_id in f.readable_by
                ]
            else:
                chosen = [self._facts(conn, i) for i in item_ids]
            return [
                sealed_store.open_item(conn, facts, unlocked.onderzoeker_id, private)
                for facts in chosen
            ]

    def open_recording(self, key: OnderzoekerKey, recording_id: str) -> list[Observation]:
        """The sealed items of one recording that ``key`` can open."""
        ids = [
            f.id
            for f in self.sealed_items(recording_id)
            if _unlocked(key).onderzoeker_id in f.readable_by
        ]
        return self.open_items(key, ids)

    def open_session(self, key: OnderzoekerKey, session_id: str) -> list[Observation]:
        """The sealed items of one review session that ``key`` can open."""
        ids = [
            f.id
            for f in self.session_items(session_id)
            if _unlocked(key).onderzoeker_id in f.readable_by
        ]
        return self.open_items(key, ids)

    @staticmethod
    def _facts(conn: Any, item_id: str) -> SealedItem:
        facts = sealed_store.item(conn, item_id)
        if facts is None:
            raise KnownError("Dit item is niet (meer) verzegeld of bestaat niet meer.")
        return facts

    def share(self, key: OnderzoekerKey, item_id: str, *, role: Role | None) -> Observation:
        """*Mag gedeeld worden*: the item becomes an ordinary observation under the vault key
        (visible to the klantmanager, searchable), with when and by which onderzoeker. One
        transaction: the sealed item is gone exactly when the observation is there."""
        unlocked = _unlocked(key)
        private = unlocked.private_key()
        moment = self._now()
        with self._vault.writing() as conn:
            facts = self._facts(conn, item_id)
            opened = sealed_store.open_item(conn, facts, unlocked.onderzoeker_id, private)
            shared = opened.model_copy(
                update={
                    "sharing_state": SharingState.SHARED,
                    "shared_at": moment,
                    "shared_by": unlocked.onderzoeker_id,
                }
            )
            conn.execute("DELETE FROM sealed_items WHERE id = ?", (item_id,))
            observations_repo.insert_plain(conn, shared)
            self._audit_sharing(conn, role, shared, facts.sharing_state, unlocked.onderzoeker_id)
        return shared

    def set_sealed_state(
        self, key: OnderzoekerKey, item_id: str, state: SharingState, *, role: Role | None
    ) -> Observation:
        """Record the klant's answer for a sealed item: *mag gedeeld worden* shares it
        (``share``); *niet delen* or *nog niet gevraagd* keep it sealed."""
        if state == SharingState.SHARED:
            return self.share(key, item_id, role=role)
        unlocked = _unlocked(key)
        private = unlocked.private_key()
        with self._vault.writing() as conn:
            facts = self._facts(conn, item_id)
            opened = sealed_store.open_item(conn, facts, unlocked.onderzoeker_id, private)
            if facts.sharing_state != state:
                conn.execute(
                    "UPDATE sealed_items SET sharing_state = ? WHERE id = ?",
                    (state.value, item_id),
                )
                self._audit_sharing(
                    conn, role, opened, facts.sharing_state, unlocked.onderzoeker_id, state
                )
        return opened.model_copy(update={"sharing_state": state})

    def set_sharing_state(
        self,
        observation_id: str,
        state: SharingState,
        *,
        role: Role | None,
        key: OnderzoekerKey | None = None,
    ) -> Observation:
        """Every change of whether a klant item may be shared (audited, ids and states only).

        A sealed item needs an onderzoeker's key (``set_sealed_state``). A shared item set
        back to *niet delen* or *nog niet gevraagd* is sealed again. Without any registered
        onderzoeker (a vault from before), the state of an item in the clear is changed as
        it always was.
        """
        with self._vault.reading() as conn:
            sealed = sealed_store.state_of(conn, observation_id) is not None
        if sealed:
            if key is None:
                raise KnownError(
                    "Deze feedback van de klant is verzegeld voor de onderzoeker. Alleen de "
                    "onderzoeker kan haar openen en vastleggen wat de klant wil delen, na het "
                    "invoeren van het eigen wachtwoord. Er is niets gewijzigd."
                )
            return self.set_sealed_state(key, observation_id, state, role=role)
        resealed = False
        with self._vault.writing() as conn:
            existing = observations_repo.one(conn, observation_id)
            if existing is None:
                raise KnownError("Deze waarneming bestaat niet meer.")
            if existing.sharing_state == state:
                return existing
            changed = existing.model_copy(update={"sharing_state": state})
            readers = sealed_store.recipients(conn)
            if is_klant_feedback(existing) and state in SEALED_STATES and readers:
                sealed_store.seal_plain(
                    conn,
                    changed.model_copy(update={"shared_at": None, "shared_by": None}),
                    readers,
                )
                resealed = True
                Vault.audit(
                    conn,
                    AuditAction.SEALED,
                    role,
                    existing.recording_id,
                    {"observation": observation_id, "onderzoekers": len(readers)},
                )
            else:
                conn.execute(
                    "UPDATE observations SET sharing_state = ? WHERE id = ?",
                    (state.value, observation_id),
                )
            self._audit_sharing(conn, role, existing, existing.sharing_state, None, state)
        if resealed:
            self._vault.reclaim_space()
        return changed

    @staticmethod
    def _audit_sharing(
        conn: Any,
        role: Role | None,
        observation: Observation,
        before: SharingState,
        onderzoeker_id: str | None,
        after: SharingState = SharingState.SHARED,
    ) -> None:
        details: dict[str, int | str] = {
            "observation": observation.id,
            "from": before.value,
            "to": after.value,
        }
        if onderzoeker_id is not None:
            details["onderzoeker"] = onderzoeker_id
        Vault.audit(conn, AuditAction.SHARING_CHANGED, role, observation.recording_id, details)

"""Use cases of the onderzoeker and sealed klant feedback (``domain.sealing``): register,
unlock with their own passphrase, see the sealed items, and record the klant's answer
(*mag gedeeld worden* shares an item with the klantmanager; *niet delen* keeps it sealed).

Screens and commands call this service; the GUI holds an ``OnderzoekerSession`` while the
onderzoeker's key is unlocked and passes it to ``ReviewSessionService`` so a session with the
klant shows and shares the klant's items. Locking the vault closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.sealing import (
    Onderzoeker,
    OnderzoekerKey,
    SealedItem,
    SealingRepository,
    klant_items_possible,
)
from vknz_desktop.domain.visibility import Decision, is_klant_feedback


@dataclass(frozen=True)
class SealingStatus:
    """What a screen says about sealing: who is registered, how many items are sealed, how
    many klant items are still in the clear (from before the first registration), and whether
    klant feedback can be stored now (with the Dutch reason when not)."""

    onderzoekers: tuple[Onderzoeker, ...]
    sealed: int
    unsealed_klant_items: int
    klant_items: Decision


@dataclass(frozen=True)
class Registration:
    """The result of registering: who, and how many klant items in the clear were sealed."""

    onderzoeker: Onderzoeker
    sealed_now: int


class OnderzoekerSession:
    """An onderzoeker's unlocked key together with the vault's sealed items: what a screen
    holds while the onderzoeker works (and closes on lock)."""

    def __init__(self, repository: SealingRepository, key: OnderzoekerKey) -> None:
        self._repository = repository
        self.key = key

    @property
    def name(self) -> str:
        """The onderzoeker's name."""
        return self.key.name

    @property
    def open(self) -> bool:
        """Whether the key is still unlocked."""
        return not self.key.closed

    def recording_items(self, recording_id: str) -> list[Observation]:
        """The sealed items of one recording this onderzoeker can open (none once closed)."""
        if not self.open:
            return []
        return self._repository.open_recording(self.key, recording_id)

    def session_items(self, session_id: str) -> list[Observation]:
        """The sealed items typed in one review session this onderzoeker can open."""
        if not self.open:
            return []
        return self._repository.open_session(self.key, session_id)

    def close(self) -> None:
        """Forget the key (it is overwritten in memory)."""
        self.key.close()

    def __enter__(self) -> OnderzoekerSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OnderzoekerService:
    """Registering onderzoekers and handling sealed klant feedback."""

    def __init__(self, repository: SealingRepository) -> None:
        self._repository = repository

    def status(self) -> SealingStatus:
        """Who is registered and what is sealed (counts only)."""
        onderzoekers = tuple(self._repository.onderzoekers())
        return SealingStatus(
            onderzoekers=onderzoekers,
            sealed=len(self._repository.sealed_items()),
            unsealed_klant_items=self._repository.unsealed_klant_items(),
            klant_items=klant_items_possible(len(onderzoekers)),
        )

    def register(
        self,
        name: str,
        passphrase: str,
        *,
        role: Role | None,
        grant_from: OnderzoekerKey | None = None,
    ) -> Registration:
        """Register an onderzoeker with their own passphrase (strength rules as for the vault;
        not the vault's passphrase). Klant items still in the clear are sealed at once."""
        onderzoeker, sealed = self._repository.register(
            name, passphrase, role=role, grant_from=grant_from
        )
        return Registration(onderzoeker, sealed)

    def unlock(self, name: str, passphrase: str, *, role: Role | None) -> OnderzoekerSession:
        """Unlock an onderzoeker's key (a wrong passphrase reveals nothing and is audited)."""
        return OnderzoekerSession(
            self._repository, self._repository.unlock(name, passphrase, role=role)
        )

    def sealed_items(self, recording_id: str | None = None) -> list[SealedItem]:
        """The facts of the sealed items (no words): for counts and lists of places."""
        return self._repository.sealed_items(recording_id)

    def items(
        self, session: OnderzoekerSession, item_ids: Sequence[str] | None = None
    ) -> list[Observation]:
        """The sealed items this onderzoeker can open (all, or these)."""
        return self._repository.open_items(session.key, item_ids)

    def answer(
        self,
        session: OnderzoekerSession,
        item_id: str,
        state: SharingState,
        *,
        role: Role | None = Role.ONDERZOEKER,
    ) -> Observation:
        """Record the klant's answer for a sealed item: ``SHARED`` (*mag gedeeld worden*)
        hands it to the klantmanager; ``NOT_SHARED`` (*niet delen*) keeps it sealed."""
        if not session.open:
            raise KnownError(
                "De sleutel van de onderzoeker is weer vergrendeld; voer het wachtwoord opnieuw in."
            )
        return self._repository.set_sealed_state(session.key, item_id, state, role=role)


def merge_unsealed(
    observations: Sequence[Observation], unsealed: Sequence[Observation]
) -> list[Observation]:
    """Observations together with unsealed klant items, in time order (an id only once)."""
    seen = {o.id for o in observations}
    merged = list(observations) + [o for o in unsealed if o.id not in seen and is_klant_feedback(o)]
    return sorted(merged, key=lambda o: (o.time_ms, o.created_at))

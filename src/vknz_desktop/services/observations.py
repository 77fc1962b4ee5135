"""Use cases for observations: create at a moment, edit, delete and restore (for undo), search.

Feedback of the klant (typed by the klant or in the klant's column, e.g. the marker of *samen
kijken*) is only stored on a recording whose consent lets the klant watch it (the policy's
``may_store_klant_item``); otherwise ``ConsentRefusedError`` and nothing is stored. The vault
then seals it for the registered onderzoekers (``domain.sealing``): it is not among what
``for_recording`` or ``search`` return until an onderzoeker records that it may be shared, and
without a registered onderzoeker saving it raises ``NoOnderzoekerError`` (nothing stored).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Protocol

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.fragments import ConsentRefusedError
from vknz_desktop.domain.models import Observation, Recording, Role, SearchHit
from vknz_desktop.domain.ports import ObservationRepository
from vknz_desktop.domain.visibility import is_klant_feedback, may_store_klant_item


class ObservationVault(ObservationRepository, Protocol):
    """Observations, and the recordings they belong to (for the consent check)."""

    def recording(self, recording_id: str) -> Recording: ...


class ObservationService:
    """Creates and changes observations; every change is stored at once."""

    def __init__(
        self, repository: ObservationVault, now: Callable[[], dt.datetime] = utc_now
    ) -> None:
        self._repository = repository
        self._now = now

    def _check_klant_item(self, observation: Observation) -> None:
        if not is_klant_feedback(observation):
            return
        decision = may_store_klant_item(self._repository.recording(observation.recording_id))
        if not decision.allowed:
            raise ConsentRefusedError(decision.reason)

    def create(
        self,
        recording_id: str,
        time_ms: int,
        *,
        text: str = "",
        answer: str = "",
        profile_id: str | None = None,
        theme_id: str | None = None,
        question_id: str | None = None,
        author_role: Role = Role.KLANTMANAGER,
        author_name: str = "",
        reaction_offset_ms: int = 0,
        end_ms: int | None = None,
    ) -> Observation:
        """A new observation at ``time_ms`` shifted by the (negative) reaction offset, never < 0."""
        moment = self._now()
        observation = Observation(
            id=uuid.uuid4().hex,
            recording_id=recording_id,
            time_ms=max(0, time_ms + reaction_offset_ms),
            end_ms=end_ms,
            profile_id=profile_id,
            theme_id=theme_id,
            question_id=question_id,
            answer=answer,
            text=text,
            author_role=author_role,
            author_name=author_name,
            created_at=moment,
            edited_at=moment,
        )
        self._check_klant_item(observation)
        self._repository.save_observation(observation)
        return observation

    def update(self, observation: Observation, **changes: object) -> Observation:
        """Store a changed copy of ``observation`` (fields as keyword arguments)."""
        changed = observation.model_copy(update={**changes, "edited_at": self._now()})
        changed = Observation.model_validate(changed.model_dump())
        if not is_klant_feedback(observation):
            self._check_klant_item(changed)
        self._repository.save_observation(changed)
        return changed

    def restore(self, observation: Observation) -> None:
        """Put back an observation exactly as it was (undo of delete or edit)."""
        self._repository.save_observation(observation)

    def delete(self, observation_id: str) -> Observation | None:
        """Remove an observation; returns it so the deletion can be undone."""
        existing = self._repository.observation(observation_id)
        self._repository.delete_observation(observation_id)
        return existing

    def for_recording(self, recording_id: str) -> list[Observation]:
        """A recording's observations in time order."""
        return self._repository.observations(recording_id)

    def search(self, text: str) -> list[SearchHit]:
        """Observations across all recordings matching every word of ``text``."""
        return self._repository.search_observations(text) if text.strip() else []

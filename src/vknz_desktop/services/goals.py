"""Use cases for leerdoelen: create (from scratch, from observations, at the end of a review
session), edit, link and unlink evidence, delete and restore (for undo)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.goals import (
    Evidence,
    GoalStatus,
    GoalStore,
    LearningGoal,
    evidence_for,
    suggest_theme,
)
from vknz_desktop.domain.models import Observation

__all__ = ["GoalService"]


class GoalService:
    """Creates and changes leerdoelen; every change is stored at once."""

    def __init__(self, store: GoalStore, now: Callable[[], dt.datetime] = utc_now) -> None:
        self._store = store
        self._now = now

    # -- reading ------------------------------------------------------------------------------
    def goals(self) -> list[LearningGoal]:
        """All goals, oldest first."""
        return self._store.goals()

    def goal(self, goal_id: str) -> LearningGoal | None:
        """One goal by id."""
        return self._store.goal(goal_id)

    # -- creating -----------------------------------------------------------------------------
    def create(
        self,
        *,
        goal: str = "",
        why: str = "",
        next_time: str = "",
        evidence: Iterable[Evidence] = (),
        profile_id: str | None = None,
        theme_id: str | None = None,
        status: GoalStatus = GoalStatus.ACTIEF,
        review_on: dt.date | None = None,
        session_id: str | None = None,
    ) -> LearningGoal:
        """A new goal, stored at once."""
        moment = self._now()
        created = LearningGoal(
            id=uuid.uuid4().hex,
            goal=goal.strip(),
            why=why.strip(),
            next_time=next_time.strip(),
            status=status,
            profile_id=profile_id if theme_id else None,
            theme_id=theme_id,
            evidence=tuple(evidence),
            review_on=review_on,
            session_id=session_id,
            created_at=moment,
            updated_at=moment,
        )
        self._store.save_goal(created)
        return created

    def create_from_observations(
        self,
        observations: Sequence[Observation],
        *,
        goal: str = "",
        why: str = "",
        next_time: str = "",
        extra_evidence: Iterable[Evidence] = (),
        session_id: str | None = None,
    ) -> LearningGoal:
        """'Maak leerdoel van deze waarnemingen': linked to them, with their most common theme."""
        profile_id, theme_id = suggest_theme(observations)
        ordered = sorted(observations, key=lambda o: (o.recording_id, o.time_ms))
        return self.create(
            goal=goal,
            why=why,
            next_time=next_time,
            evidence=[*(evidence_for(o) for o in ordered), *extra_evidence],
            profile_id=profile_id,
            theme_id=theme_id,
            session_id=session_id,
        )

    # -- changing -----------------------------------------------------------------------------
    def update(self, existing: LearningGoal, /, **changes: object) -> LearningGoal:
        """Store a changed copy of ``existing`` (fields as keyword arguments, ``goal=`` too)."""
        data = existing.model_dump()
        data.update(changes)
        data["updated_at"] = self._now()
        if not data.get("theme_id"):
            data["profile_id"] = None
        changed = LearningGoal.model_validate(data)
        self._store.save_goal(changed)
        return changed

    def link(self, goal: LearningGoal, evidence: Iterable[Evidence]) -> LearningGoal:
        """Add evidence (already linked items are kept once)."""
        return self.update(goal, evidence=(*goal.evidence, *evidence))

    def unlink(self, goal: LearningGoal, key: str) -> LearningGoal:
        """Remove the evidence with this key (``kind:id``)."""
        return self.update(goal, evidence=tuple(e for e in goal.evidence if e.key != key))

    def restore(self, goal: LearningGoal) -> None:
        """Put back a goal exactly as it was (undo of an edit or a delete)."""
        self._store.save_goal(goal)

    def delete(self, goal_id: str) -> LearningGoal | None:
        """Remove a goal; returns it so the deletion can be undone."""
        existing = self._store.goal(goal_id)
        self._store.delete_goal(goal_id)
        return existing

    # -- the user's extra terms for exports ---------------------------------------------------
    def extra_terms(self) -> list[str]:
        """Words to leave out of every export (e.g. street or employer names)."""
        return self._store.extra_terms()

    def add_term(self, term: str) -> list[str]:
        """Add a term (ignored when empty or already there); returns the new list."""
        value = " ".join(term.split())
        terms = self._store.extra_terms()
        if value and value.casefold() not in {t.casefold() for t in terms}:
            terms.append(value)
            self._store.set_extra_terms(terms)
        return self._store.extra_terms()

    def remove_term(self, term: str) -> list[str]:
        """Remove a term; returns the new list."""
        terms = [t for t in self._store.extra_terms() if t.casefold() != term.casefold()]
        self._store.set_extra_terms(terms)
        return self._store.extra_terms()

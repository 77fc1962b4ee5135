"""Leerdoelen: the use cases with an in-memory store, and the pure rules."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from tests.fixtures.learning_fakes import MemoryGoals, observation

from vknz_desktop.domain.goals import (
    ClipInfo,
    Evidence,
    EvidenceKind,
    GoalStatus,
    LearningGoal,
    is_shareable,
    suggest_theme,
)
from vknz_desktop.domain.models import Role, SharingState
from vknz_desktop.services.goals import GoalService


def clock() -> itertools.count[int]:
    return itertools.count()


@pytest.fixture
def service() -> GoalService:
    ticks = itertools.count()
    start = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
    return GoalService(MemoryGoals(), now=lambda: start + dt.timedelta(minutes=next(ticks)))


def test_create_from_scratch_is_stored_at_once(service: GoalService) -> None:
    goal = service.create(goal="  Stiltes laten vallen  ", why="Ik vul ze op.")
    assert service.goal(goal.id) == goal
    assert goal.goal == "Stiltes laten vallen"
    assert goal.status is GoalStatus.ACTIEF
    assert goal.created_at == goal.updated_at


def test_create_from_observations_links_them_and_takes_the_common_theme(
    service: GoalService,
) -> None:
    observations = [
        observation("o1", "r1", "a", 5000, profile_id="klantgesprek", theme_id="luisteren"),
        observation("o2", "r2", "b", 1000, profile_id="klantgesprek", theme_id="werkrelatie"),
        observation("o3", "r1", "c", 2000, profile_id="klantgesprek", theme_id="luisteren"),
    ]
    goal = service.create_from_observations(observations, goal="Luisteren", session_id="s1")
    assert [e.item_id for e in goal.evidence] == ["o3", "o1", "o2"]
    assert all(e.kind is EvidenceKind.OBSERVATION for e in goal.evidence)
    assert goal.evidence[0].recording_id == "r1" and goal.evidence[0].time_ms == 2000
    assert (goal.profile_id, goal.theme_id) == ("klantgesprek", "luisteren")
    assert goal.session_id == "s1"


def test_update_link_unlink_restore_delete(service: GoalService) -> None:
    goal = service.create(goal="Doel noemen")
    changed = service.update(goal, status=GoalStatus.GEOEFEND, review_on=dt.date(2027, 1, 5))
    assert changed.updated_at > goal.updated_at
    clip = Evidence(kind=EvidenceKind.CLIP, item_id="c1", recording_id="r1", time_ms=10)
    linked = service.link(changed, [clip, clip])
    assert [e.key for e in linked.evidence] == ["clip:c1"]
    unlinked = service.unlink(linked, "clip:c1")
    assert unlinked.evidence == ()
    service.restore(goal)
    assert service.goal(goal.id) == goal
    assert service.delete(goal.id) == goal
    assert service.goal(goal.id) is None


def test_theme_cleared_clears_profile(service: GoalService) -> None:
    goal = service.create(goal="x", profile_id="klantgesprek", theme_id="luisteren")
    cleared = service.update(goal, theme_id=None)
    assert cleared.profile_id is None


def test_extra_terms_are_unique_without_case(service: GoalService) -> None:
    service.add_term("Kerkstraat")
    service.add_term("  kerkstraat ")
    service.add_term("Bakkerij   Van Dongen")
    assert service.extra_terms() == ["Bakkerij Van Dongen", "Kerkstraat"]
    assert service.remove_term("KERKSTRAAT") == ["Bakkerij Van Dongen"]


def test_goal_text_limits() -> None:
    with pytest.raises(ValueError):
        LearningGoal(
            id="g",
            goal="x" * 501,
            created_at=dt.datetime.now(dt.UTC),
            updated_at=dt.datetime.now(dt.UTC),
        )


def test_suggest_theme_ignores_free_notes() -> None:
    assert suggest_theme([observation("o", "r", "vrij")]) == (None, None)


@pytest.mark.parametrize(
    ("extra", "shareable"),
    [
        ({}, True),
        ({"author_role": Role.KLANT}, False),
        ({"perspective": Role.KLANT}, False),
        ({"perspective": Role.KLANT, "sharing_state": SharingState.SHARED}, True),
        ({"author_role": Role.KLANT, "sharing_state": SharingState.NOT_SHARED}, False),
        ({"perspective": Role.ONDERZOEKER}, True),
    ],
)
def test_klant_items_only_with_permission(extra: dict[str, object], shareable: bool) -> None:
    item = observation("o", "r", "tekst", **extra)
    assert is_shareable(item) is shareable
    from vknz_desktop.domain.visibility import may_leave_vault

    assert may_leave_vault(item) is shareable  # the same rule as the fragments feature


def test_clip_items_follow_the_same_rule() -> None:
    clip = ClipInfo(id="c", recording_id="r", start_ms=0, end_ms=10, perspective="klant")
    assert not is_shareable(clip)
    assert is_shareable(clip.model_copy(update={"sharing_state": "mag_gedeeld"}))

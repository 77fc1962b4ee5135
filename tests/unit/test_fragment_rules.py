"""Pure rules of fragments and reviewing together (no vault, no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vknz_desktop.domain.fragments import (
    Clip,
    ReviewSession,
    consent_problem,
    may_leave_vault,
    move_clips,
    place_observations,
    plan_fragments,
    required_scopes,
    visible_to,
)
from vknz_desktop.domain.models import (
    ConsentScope,
    MediaInfo,
    Observation,
    Participant,
    Recording,
    Role,
    SharingState,
)
from vknz_desktop.services.clips import clip_at, next_clip, normalise_range, previous_clip
from vknz_desktop.services.recordings import make_consent

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def clip(start: int, end: int, clip_id: str | None = None) -> Clip:
    return Clip(
        id=clip_id or f"c{start}",
        recording_id="r",
        start_ms=start,
        end_ms=end,
        created_at=NOW,
        edited_at=NOW,
    )


def observation(time_ms: int, **fields: object) -> Observation:
    return Observation.model_validate(
        {
            "id": f"o{time_ms}",
            "recording_id": "r",
            "time_ms": time_ms,
            "created_at": NOW,
            "edited_at": NOW,
            **fields,
        }
    )


def recording(*scopes: ConsentScope) -> Recording:
    return Recording(
        id="r",
        title="Gesprek",
        conversation_date=None,
        media=MediaInfo(container="mov", duration_ms=8000, has_video=True, has_audio=True),
        size_bytes=1,
        sha256="0",
        consent=make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        imported_at=NOW,
    )


def test_observations_keep_working_without_the_new_fields() -> None:
    plain = observation(10)
    assert (plain.session_id, plain.perspective, plain.sharing_state) == (
        None,
        None,
        SharingState.NOT_ASKED,
    )


@pytest.mark.parametrize(
    ("fields", "viewer", "visible"),
    [
        ({}, Role.KLANTMANAGER, True),
        ({"author_role": Role.KLANT}, Role.KLANTMANAGER, False),
        ({"author_role": Role.KLANT}, Role.COLLEGA, False),
        ({"author_role": Role.KLANT}, Role.LEIDINGGEVENDE, False),
        ({"author_role": Role.KLANT}, Role.ONDERZOEKER, True),
        ({"author_role": Role.KLANT}, Role.KLANT, True),
        ({"perspective": Role.KLANT, "author_role": Role.ONDERZOEKER}, Role.KLANTMANAGER, False),
        ({"author_role": Role.KLANT, "sharing_state": "niet_delen"}, Role.KLANTMANAGER, False),
        ({"author_role": Role.KLANT, "sharing_state": "mag_gedeeld"}, Role.KLANTMANAGER, True),
        ({"perspective": Role.ONDERZOEKER}, Role.KLANTMANAGER, True),
    ],
)
def test_klant_feedback_visible_only_when_shared(
    fields: dict[str, object], viewer: Role, visible: bool
) -> None:
    item = observation(5, **fields)
    assert visible_to(item, viewer) is visible
    assert may_leave_vault(item) is visible_to(item, Role.KLANTMANAGER)


def test_required_scopes_per_role() -> None:
    assert required_scopes([Role.KLANTMANAGER]) == frozenset()
    assert required_scopes([Role.KLANTMANAGER, Role.ONDERZOEKER]) == {ConsentScope.RESEARCHER}
    assert required_scopes([Role.KLANT, Role.ONDERZOEKER]) == {
        ConsentScope.CLIENT,
        ConsentScope.RESEARCHER,
    }
    assert required_scopes([Role.KLANTMANAGER, Role.KLANTMANAGER]) == {ConsentScope.COLLEAGUES}
    assert required_scopes([Role.LEIDINGGEVENDE]) == {ConsentScope.COLLEAGUES}


def test_consent_problem_explains_in_dutch() -> None:
    only_self = recording(ConsentScope.SELF)
    assert consent_problem(only_self, [Role.KLANTMANAGER]) is None
    reason = consent_problem(only_self, [Role.ONDERZOEKER, Role.KLANTMANAGER])
    assert reason is not None and "alleen zelf terugkijken" in reason
    with_researcher = recording(ConsentScope.SELF, ConsentScope.RESEARCHER)
    assert consent_problem(with_researcher, [Role.ONDERZOEKER]) is None
    reason = consent_problem(with_researcher, [Role.KLANT, Role.ONDERZOEKER])
    assert reason is not None and "klant kijkt mee" in reason


def test_session_roles_and_validation() -> None:
    session = ReviewSession(
        id="s",
        title=" Samen ",
        participants=(Participant(display_name="Sam", role=Role.KLANTMANAGER),),
        created_at=NOW,
        edited_at=NOW,
    )
    assert session.title == "Samen"
    assert session.roles() == [Role.KLANTMANAGER, Role.ONDERZOEKER]
    with pytest.raises(ValidationError):
        session.model_validate({**session.model_dump(), "perspectives": ("klant", "klant")})
    with pytest.raises(ValidationError):
        session.model_validate({**session.model_dump(), "title": "  "})
    with pytest.raises(ValidationError):
        clip(100, 100)


def test_plan_groups_equal_ranges_and_places_observations() -> None:
    a, b, same_as_b, overlapping = (
        clip(2500, 4500, "a"),
        clip(6000, 7000, "b"),
        clip(6000, 7000, "b2"),
        clip(4000, 5000, "c"),
    )
    plans = plan_fragments([b, a, overlapping, same_as_b])
    assert [(p.start_ms, p.end_ms, [c.id for c in p.clips]) for p in plans] == [
        (2500, 4500, ["a"]),
        (4000, 5000, ["c"]),
        (6000, 7000, ["b", "b2"]),
    ]
    cuts, durations = [2000, 4000, 6000], [2600, 1100, 1100]
    observations = [
        observation(1000),
        observation(4200, end_ms=4900),  # in a and c: goes with the earliest, a
        observation(4800),
        observation(6500),
        observation(7800),
    ]
    moves, kept = place_observations(observations, plans, cuts, durations)
    assert [(m.observation_id, m.fragment, m.time_ms, m.end_ms) for m in moves] == [
        ("o4200", 0, 2200, 2600),
        ("o4800", 1, 800, None),
        ("o6500", 2, 500, None),
    ]
    assert kept == ["o1000", "o7800"]
    assert [
        (m.clip_id, m.fragment, m.start_ms, m.end_ms) for m in move_clips(plans, cuts, durations)
    ] == [
        ("a", 0, 500, 2500),
        ("c", 1, 0, 1000),
        ("b", 2, 0, 1000),
        ("b2", 2, 0, 1000),
    ]


def test_range_and_navigation_helpers() -> None:
    assert normalise_range(5000, 2000, 4000) == (2000, 4000)
    clips = [clip(1000, 2000), clip(5000, 6000), clip(5500, 9000)]
    assert next_clip(clips, 0).start_ms == 1000  # type: ignore[union-attr]
    assert next_clip(clips, 1000).start_ms == 5000  # type: ignore[union-attr]
    assert next_clip(clips, 5600) is None
    assert previous_clip(clips, 5200).start_ms == 1000  # type: ignore[union-attr]
    assert previous_clip(clips, 7200).start_ms == 5500  # type: ignore[union-attr]
    assert previous_clip(clips, 1200) is None
    assert clip_at(clips, 5700).start_ms == 5500  # type: ignore[union-attr]
    assert clip_at(clips, 3000) is None

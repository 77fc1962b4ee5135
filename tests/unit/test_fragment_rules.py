"""Pure rules of fragments and reviewing together (no vault, no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vknz_desktop.domain.fragments import (
    Clip,
    ReviewSession,
    kept_ms,
    move_clips,
    place_observations,
    plan_fragments,
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
from vknz_desktop.domain.visibility import (
    consent_problem,
    may_leave_vault,
    required_scopes,
    visible_to,
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
    with_researcher = recording(ConsentScope.RESEARCHER)
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


def test_plan_merges_overlapping_and_touching_clips_and_places_observations() -> None:
    a, b, same_as_b, overlapping, touching, apart = (
        clip(2500, 4500, "a"),
        clip(6000, 7000, "b"),
        clip(6000, 7000, "b2"),
        clip(4000, 5000, "c"),
        clip(5000, 5200, "d"),  # starts where c ends: one range, nothing kept twice
        clip(7500, 7600, "e"),
    )
    plans = plan_fragments([b, apart, a, overlapping, same_as_b, touching])
    assert [(p.start_ms, p.end_ms, [c.id for c in p.clips]) for p in plans] == [
        (2500, 5200, ["a", "c", "d"]),
        (6000, 7000, ["b", "b2"]),
        (7500, 7600, ["e"]),
    ]
    # What is kept is the union of the clips: 2700 + 1000 + 100 ms, not 2000+1000+200+...
    assert kept_ms(plans) == 3800
    assert kept_ms(plan_fragments([clip(0, 10_000), clip(5_000, 15_000)])) == 15_000
    cuts = [p.start_ms for p in plans]
    durations = [p.end_ms - p.start_ms for p in plans]
    observations = [
        observation(1000),
        observation(4200, end_ms=4900),
        observation(4800),
        observation(5100),
        observation(6500),
        observation(7300),
        observation(7600),
    ]
    moves, kept = place_observations(observations, plans, cuts, durations)
    assert [(m.observation_id, m.fragment, m.time_ms, m.end_ms) for m in moves] == [
        ("o4200", 0, 1700, 2400),
        ("o4800", 0, 2300, None),
        ("o5100", 0, 2600, None),
        ("o6500", 1, 500, None),
        ("o7600", 2, 100, None),
    ]
    assert kept == ["o1000", "o7300"]
    assert [
        (m.clip_id, m.fragment, m.start_ms, m.end_ms) for m in move_clips(plans, cuts, durations)
    ] == [
        ("a", 0, 0, 2000),
        ("c", 0, 1500, 2500),
        ("d", 0, 2500, 2700),
        ("b", 1, 0, 1000),
        ("b2", 1, 0, 1000),
        ("e", 2, 0, 100),
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

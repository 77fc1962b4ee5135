"""The learning summary: what goes in, what never goes in, the formats and the JSON schema."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from tests.fixtures.learning_fakes import MemoryGoals, MemorySource, observation, recording

from vknz_desktop.domain.goals import ClipInfo, Evidence, EvidenceKind, GoalStatus
from vknz_desktop.domain.models import Role, SharingState
from vknz_desktop.domain.summary import (
    LearningSummary,
    format_period,
    mask_terms,
    split_tags,
)
from vknz_desktop.export import deidentify
from vknz_desktop.export.render import render_html, render_json, render_markdown
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.summary import SummaryOptions, SummaryService, evidence_key
from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles

pytestmark = pytest.mark.usefixtures("deduce_loaded")

DOC = Path(__file__).resolve().parents[2] / "docs" / "summary-format.md"
SECRET_TITLE = "Gesprek met Fatima El Idrissi over de Zonnebloemhof"
HIDDEN_KLANT = "Ik voelde me niet gehoord toen het over mijn zoon ging"
NOT_SHARED = "De klantmanager keek steeds op de klok"


@pytest.fixture
def world() -> tuple[SummaryService, MemoryGoals, GoalService]:
    recordings = [
        recording(
            "rec1",
            SECRET_TITLE,
            dt.date(2026, 9, 14),
            [("Fatima El Idrissi", Role.KLANT), ("Sam Verbeek", Role.KLANTMANAGER)],
        ),
        recording("rec2", "Telefoongesprek Kees", dt.date(2026, 11, 3), [("Kees", Role.KLANT)]),
        recording("rec3", "Oud gesprek", dt.date(2025, 1, 3)),
    ]
    observations = [
        observation(
            "o1",
            "rec1",
            "Fatima vertelt over haar baan bij Bakkerij Van Dongen; ik onderbreek haar.",
            62_000,
            profile_id="klantgesprek",
            theme_id="luisteren",
            question_id="open-vragen",
            author_name="Sam Verbeek",
        ),
        observation(
            "o2",
            "rec1",
            "Stilte van acht seconden.",
            90_000,
            profile_id="klantgesprek",
            theme_id="luisteren",
        ),
        observation(
            "o3",
            "rec1",
            HIDDEN_KLANT,
            120_000,
            perspective=Role.KLANT,
            author_role=Role.ONDERZOEKER,
        ),
        observation(
            "o4",
            "rec2",
            "Het fijnste was dat ik mocht uitpraten.",
            5_000,
            perspective=Role.KLANT,
            sharing_state=SharingState.SHARED,
        ),
        observation("o5", "rec2", NOT_SHARED, 9_000, sharing_state=SharingState.NOT_SHARED),
        observation("o6", "rec2", "Ik noem het doel pas laat.", 15_000, session_id="sess1"),
    ]
    store = MemoryGoals()
    store.clips["c1"] = ClipInfo(
        id="c1", recording_id="rec2", start_ms=1000, end_ms=9000, text="Kees lacht om 10:15 uur."
    )
    store.session_days = [dt.date(2026, 10, 1), dt.date(2024, 1, 1)]
    ticks = iter(range(100))
    goals = GoalService(
        store, now=lambda: dt.datetime(2026, 10, 20, 16, 45, next(ticks), tzinfo=dt.UTC)
    )
    profiles = load_profiles(builtin_profiles_dir(), None).profiles
    service = SummaryService(
        store,
        MemorySource(recordings, observations),
        profiles,
        deidentify,
        method="deduce (test)",
        clip_lookup=store.clip_info,
        session_counter=store.sessions_between,
    )
    first = goals.create_from_observations(
        [o for o in observations if o.id in ("o1", "o2", "o3", "o5")],
        goal="Fatima laten uitpraten",
        why="Ik wil dat klanten zoals Fatima zich gehoord voelen.",
        next_time="Drie tellen wachten voordat ik reageer.",
    )
    goals.link(first, [Evidence(kind=EvidenceKind.CLIP, item_id="c1", recording_id="rec2")])
    goals.create(goal="Het doel aan het begin noemen", status=GoalStatus.BEREIKT)
    goals.create(goal="Losgelaten doel", status=GoalStatus.LOSGELATEN)
    return service, store, goals


def all_formats(summary: LearningSummary) -> str:
    return "\n".join(
        (render_json(summary), render_markdown(summary), render_html(summary, highlight=True))
    )


def test_what_is_in(world: tuple[SummaryService, MemoryGoals, GoalService]) -> None:
    service, _store, _goals = world
    built = service.build()
    summary = built.summary
    assert [g.status for g in summary.goals] == [
        GoalStatus.ACTIEF,
        GoalStatus.BEREIKT,
        GoalStatus.LOSGELATEN,
    ]
    first = summary.goals[0]
    assert first.theme is not None and first.theme.title == "Luisteren, stilte en open vragen"
    assert first.created == "2026-10"
    texts = [e.text for e in first.evidence]
    assert "Stilte van acht seconden." in texts
    assert any("[persoon]" in t and "[werkgever]" in t for t in texts)
    assert any(e.kind == "fragment" for e in first.evidence)
    assert first.evidence[0].question  # the Kijkwijzer question asked
    assert summary.period.start == "2025-01" and summary.period.end == "2026-11"
    assert summary.recordings == 3
    assert summary.sessions == 1  # the one in 2024 is outside the period
    counts = {c.title: c.observations for c in summary.theme_counts or []}
    assert counts["Luisteren, stilte en open vragen"] == 2
    assert counts["Vrij (zonder thema)"] == 2  # o4 (shared klant item) and o6; not o3, not o5
    assert built.replacements >= 4
    assert built.evidence_items == 3  # o1, o2 and the clip; o3 and o5 may not leave


def test_what_is_never_in(world: tuple[SummaryService, MemoryGoals, GoalService]) -> None:
    service, _store, _goals = world
    text = all_formats(service.build().summary)
    for forbidden in (
        SECRET_TITLE,
        "Telefoongesprek",
        "Fatima",
        "Idrissi",
        "Kees",
        "Sam Verbeek",
        "Verbeek",
        "Bakkerij",
        "rec1",
        "o1",
        HIDDEN_KLANT,
        NOT_SHARED,
        "62000",
        "1:02",
        "2026-09-14",
        "14 september",
        "10:15",
        "16:45",
        "jpeg",
        "base64",
        "<img",
        "<script",
        "http",
    ):
        assert forbidden.lower() not in text.lower(), forbidden
    assert not re.search(r"\d{1,2}:\d{2}", text), "a time of day"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "an exact date"


def test_exact_dates_only_when_chosen(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, _store, _goals = world
    summary = service.build(SummaryOptions(exact_dates=True)).summary
    assert summary.period.start == "2025-01-03" and summary.period.end == "2026-11-03"
    assert summary.goals[0].created == "2026-10-20"
    assert not re.search(r"\d{1,2}:\d{2}", render_json(summary))


def test_choices(world: tuple[SummaryService, MemoryGoals, GoalService]) -> None:
    service, store, goals = world
    first = goals.goals()[0]
    built = service.build(
        SummaryOptions(
            goal_ids=(first.id,),
            excluded_evidence=frozenset({evidence_key(first.id, "observation:o2")}),
            include_theme_counts=False,
            include_counts=False,
            period_start=dt.date(2026, 9, 1),
            period_end=dt.date(2026, 9, 30),
            extra_terms=("acht seconden",),
        )
    )
    summary = built.summary
    assert len(summary.goals) == 1
    assert "Stilte van acht seconden." not in all_formats(summary)
    assert built.left_out_items >= 1
    assert summary.theme_counts is None and summary.recordings is None
    assert summary.sessions is None
    assert format_period(summary.period) == "september 2026"
    without = service.build(SummaryOptions(goal_ids=(first.id,), include_evidence=False))
    assert without.summary.goals[0].evidence == []
    service.record_export(built, "pdf", Role.KLANTMANAGER)
    assert store.exports == [
        {
            "role": "klantmanager",
            "kind": "leersamenvatting",
            "format": "pdf",
            "goals": 1,
            "evidence": built.evidence_items,
            "replacements": built.replacements,
        }
    ]


def test_terms_and_titles_are_masked(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, _store, goals = world
    goals.create(goal="Oefenen voor het Telefoongesprek Kees en Zonnebloemhof")
    goals.add_term("zonnebloemhof")
    built = service.build(SummaryOptions(extra_terms=tuple(goals.extra_terms())))
    text = all_formats(built.summary)
    assert "Zonnebloemhof" not in text and "Telefoongesprek" not in text
    assert "[weggelaten]" in text
    assert mask_terms("De Kerk  Straat en kerk straat", ["kerk straat"]) == (
        "De [weggelaten] en [weggelaten]"
    )


def test_json_round_trip_against_the_documented_schema(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, _store, _goals = world
    summary = service.build().summary
    text = render_json(summary)
    data = json.loads(text)
    assert data["schema_version"] == 2 and data["kind"] == "vknz-leersamenvatting"
    assert data["vault_id"] == "0123456789abcdef0123456789abcdef"
    jsonschema.validate(data, LearningSummary.model_json_schema())
    assert LearningSummary.model_validate_json(text) == summary
    documented = re.search(r"```json\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)
    assert documented, "docs/summary-format.md holds the JSON schema"
    schema = json.loads(documented.group(1))
    assert schema == LearningSummary.model_json_schema(), "docs/summary-format.md is out of date"
    jsonschema.validate(data, schema)


def test_markdown_and_html_have_dutch_headings_and_are_self_contained(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, _store, _goals = world
    summary = service.build().summary
    markdown = render_markdown(summary)
    page = render_html(summary)
    for heading in (
        "Leersamenvatting",
        "Leerdoelen",
        "Waarom dit belangrijk is",
        "Wat ik de volgende keer probeer",
        "Thema's in de waarnemingen",
    ):
        assert heading in markdown
        assert heading.replace("'", "&#x27;") in page or heading in page
    assert "<script" not in page and "src=" not in page and "href=" not in page
    assert "@media print" in page
    assert 'style="background-color' not in page  # highlights only in the preview
    assert 'style="background-color' in render_html(summary, highlight=True)


def test_free_text_cannot_inject_markup() -> None:
    from vknz_desktop.domain.summary import SummaryGoal, SummaryPeriod

    summary = LearningSummary(
        period=SummaryPeriod(start="2026-10", end="2026-10"),
        goals=[
            SummaryGoal(
                goal="<script>alert(1)</script> | # kop",
                status=GoalStatus.ACTIEF,
                created="2026-10",
                why="- geen lijst\n# geen kop",
            )
        ],
        deidentified_with="test",
    )
    assert "<script>" not in render_html(summary)
    markdown = render_markdown(summary)
    assert (
        "\\<script\\>" in markdown and "\\# geen kop" in markdown and "\\- geen lijst" in markdown
    )


def test_strict_model_refuses_unknown_fields_and_bad_months() -> None:
    base = {
        "period": {"start": "2026-10", "end": "2026-11"},
        "deidentified_with": "x",
    }
    LearningSummary.model_validate(base)
    with pytest.raises(ValueError):
        LearningSummary.model_validate({**base, "recording_title": "x"})
    with pytest.raises(ValueError):
        LearningSummary.model_validate({**base, "period": {"start": "2026-13", "end": "2026-14"}})
    with pytest.raises(ValueError):
        LearningSummary.model_validate({**base, "period": {"start": "2026-11", "end": "2026-10"}})


def test_split_tags_marks_only_known_tags() -> None:
    assert split_tags("a [persoon] b [iets] [weggelaten]") == [
        ("a ", False),
        ("[persoon]", True),
        (" b [iets] ", False),
        ("[weggelaten]", True),
    ]


def test_empty_goals_are_left_out_and_fragments_count_as_one_conversation(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, store, goals = world
    goals.create(goal="   ")
    before = service.build(SummaryOptions(period_start=dt.date(2026, 9, 1)))
    assert all(g.goal.strip() for g in before.summary.goals)
    assert len(before.summary.goals) == 3 and before.summary.recordings == 2
    # rec2 was replaced by two fragments: the original stays as text, the fragments are new.
    source = MemorySource(
        [
            *service._source.recordings(),  # type: ignore[attr-defined]
            recording("frag1", "Telefoongesprek Kees — fragment 1", dt.date(2026, 11, 3)),
            recording("frag2", "Telefoongesprek Kees — fragment 2", dt.date(2026, 11, 3)),
        ],
        [],
    )
    store.sources = {"frag1": "rec2", "frag2": "rec2"}
    profiles = load_profiles(builtin_profiles_dir(), None).profiles
    counted = SummaryService(store, source, profiles, deidentify).build(
        SummaryOptions(period_start=dt.date(2026, 9, 1))
    )
    assert counted.summary.recordings == 2  # rec1 and rec2 (with its fragments)


def test_register_names_are_removed_and_own_name_joins_the_register(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, store, goals = world
    store.register.append("Gonnie Brouwershaven")  # a participant of a deleted recording
    goals.create(goal="Gonnie en Wietse Kamsma laten uitpraten")
    built = service.build(SummaryOptions(extra_names=("Wietse Kamsma",)))
    texts = " ".join(g.goal for g in built.summary.goals)
    assert "Gonnie" not in texts and "Kamsma" not in texts and "Wietse" not in texts
    assert "Wietse Kamsma" in store.registered_names()
    assert "[persoon] en [persoon] laten uitpraten" in texts


def test_doubtful_words_are_listed_until_decided(
    world: tuple[SummaryService, MemoryGoals, GoalService],
) -> None:
    service, store, goals = world
    goals.create(goal="Bij Knarfeldt en Wobbelsma eerst de Kijkwijzer-vragen stellen")
    assert service.build().doubtful == ("Knarfeldt", "Wobbelsma")
    service.decide_doubtful("Knarfeldt", keep=True)
    service.decide_doubtful("wobbelsma", keep=False)
    built = service.build()
    assert built.doubtful == ()
    assert store.accepted == ["Knarfeldt"] and "wobbelsma" in store.terms
    goal = next(g.goal for g in built.summary.goals if "Knarfeldt" in g.goal)
    assert goal == "Bij Knarfeldt en [weggelaten] eerst de Kijkwijzer-vragen stellen"

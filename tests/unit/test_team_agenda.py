"""The team learning agenda: merging summaries, hiding small groups, refusing bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vknz_desktop.domain.goals import GoalStatus
from vknz_desktop.domain.summary import (
    LearningSummary,
    SummaryGoal,
    SummaryPeriod,
    SummaryTheme,
)
from vknz_desktop.domain.team_agenda import MIN_GROUP_SIZE, merge_summaries
from vknz_desktop.export.render import render_json
from vknz_desktop.export.team_agenda import (
    build_agenda,
    load_summaries,
    load_summary,
    render_agenda,
    render_agenda_html,
)

pytestmark = pytest.mark.usefixtures("deduce_loaded")

LISTEN = SummaryTheme(
    profile_id="klantgesprek",
    profile="Kijkwijzer klantgesprek",
    theme_id="luisteren",
    title="Luisteren, stilte en open vragen",
)
GOAL = SummaryTheme(
    profile_id="klantgesprek",
    profile="Kijkwijzer klantgesprek",
    theme_id="doel-en-agenda",
    title="Doel en agenda",
)


def person(
    index: int, goals: list[tuple[SummaryTheme | None, str, GoalStatus]], month: str = "2026-10"
) -> LearningSummary:
    return LearningSummary(
        period=SummaryPeriod(start=month, end=month),
        vault_id=f"{index:032x}",
        recordings=index,
        goals=[
            SummaryGoal(
                goal=text,
                status=status,
                theme=theme,
                created=month,
                next_time=f"Volgende keer {text.lower()}",
            )
            for theme, text, status in goals
        ],
        deidentified_with="test",
    )


@pytest.fixture
def team() -> list[LearningSummary]:
    return [
        person(1, [(LISTEN, "Stiltes laten vallen", GoalStatus.ACTIEF)], "2026-09"),
        person(
            2,
            [
                (LISTEN, "Doorvragen na een stilte", GoalStatus.BEREIKT),
                (GOAL, "Doel aan het begin noemen", GoalStatus.ACTIEF),
            ],
        ),
        person(3, [(LISTEN, "Samenvatten wat ik hoor", GoalStatus.GEOEFEND)]),
        person(4, [(LISTEN, "stiltes laten vallen", GoalStatus.ACTIEF)], "2026-11"),
        person(5, [(None, "Pictogrammen gebruiken", GoalStatus.LOSGELATEN)]),
    ]


def test_groups_by_theme_with_people_and_reached(team: list[LearningSummary]) -> None:
    agenda = merge_summaries(team)
    assert agenda.summaries == 5
    assert [g.title for g in agenda.groups] == ["Luisteren, stilte en open vragen"]
    listen = agenda.groups[0]
    assert (listen.people, listen.goals, listen.reached) == (4, 4, 1)
    # de-duplicated (case-insensitive) and sorted: no order that points at a person
    assert listen.examples == (
        "Doorvragen na een stilte",
        "Samenvatten wat ik hoor",
        "Stiltes laten vallen",
    )
    assert agenda.small_groups == ("Doel en agenda", "Zonder Kijkwijzer-thema")
    assert agenda.total_goals == 6 and agenda.total_reached == 1
    assert agenda.period is not None
    assert (agenda.period.start, agenda.period.end) == ("2026-09", "2026-11")


def test_small_groups_show_no_counts_or_examples(team: list[LearningSummary]) -> None:
    page = render_agenda(team)
    assert "Doel aan het begin noemen" not in page
    assert "Pictogrammen gebruiken" not in page
    assert "Doel en agenda" in page  # named, without numbers
    assert "4 mensen werken hieraan" in page
    two = render_agenda(team[:2])
    assert "mensen werken hieraan" not in two
    assert "Te weinig mensen" in two
    assert MIN_GROUP_SIZE == 3


def test_never_tells_which_summary_a_goal_came_from(
    team: list[LearningSummary], tmp_path: Path
) -> None:
    paths = []
    for index, summary in enumerate(team):
        path = tmp_path / f"samenvatting-van-collega-{index}.json"
        path.write_text(render_json(summary), encoding="utf-8")
        paths.append(path)
    loaded = load_summaries(paths)
    page = render_agenda(loaded.summaries)
    assert "samenvatting-van-collega" not in page
    assert "2026-09" not in page and "recordings" not in page
    assert render_agenda(list(reversed(loaded.summaries))) == page


def test_refuses_bad_files_with_a_message_each(team: list[LearningSummary], tmp_path: Path) -> None:
    good = tmp_path / "goed.json"
    good.write_text(render_json(team[0]), encoding="utf-8")
    copy = tmp_path / "kopie.json"
    copy.write_text(render_json(team[0]), encoding="utf-8")
    not_json = tmp_path / "kapot.json"
    not_json.write_text("{ dit is geen json", encoding="utf-8")
    other = tmp_path / "ander.json"
    other.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    newer = tmp_path / "nieuwer.json"
    data = json.loads(render_json(team[1]))
    data["schema_version"] = 3
    newer.write_text(json.dumps(data), encoding="utf-8")
    wrong = tmp_path / "fout.json"
    data = json.loads(render_json(team[1]))
    data["goals"][0]["status"] = "uitstekend"
    data["goals"][0]["score"] = 9
    wrong.write_text(json.dumps(data), encoding="utf-8")
    binary = tmp_path / "plaatje.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    missing = tmp_path / "weg.json"
    loaded = load_summaries([good, copy, not_json, other, newer, wrong, binary, missing])
    assert len(loaded.summaries) == 1
    messages = dict(p.split(":", 1) for p in loaded.problems)
    assert set(messages) == {
        "kopie.json",
        "kapot.json",
        "ander.json",
        "nieuwer.json",
        "fout.json",
        "plaatje.json",
        "weg.json",
    }
    assert "één keer meegeteld" in messages["kopie.json"]
    assert "geen geldige JSON (regel 1" in messages["kapot.json"]
    assert "geen VKNZ-leersamenvatting" in messages["ander.json"]
    assert "nieuwere versie" in messages["nieuwer.json"]
    assert "goals[0].status" in messages["fout.json"] and "nog 1 probleem" in messages["fout.json"]
    assert "UTF-8" in messages["plaatje.json"]
    assert "niet gevonden" in messages["weg.json"]
    assert all("Traceback" not in m and "pydantic" not in m for m in loaded.problems)


def test_people_are_counted_by_vault_id_not_by_file() -> None:
    """Three monthly summaries of one person are one person: no counts, no examples."""
    monthly = [
        person(7, [(LISTEN, f"Stilte laten vallen {month}", GoalStatus.ACTIEF)], month)
        for month in ("2026-08", "2026-09", "2026-10")
    ]
    agenda = merge_summaries(monthly)
    assert agenda.groups == () and agenda.small_groups == (LISTEN.title,)
    assert agenda.people == 1 and agenda.total_goals is None
    page = render_agenda(monthly)
    assert "mensen werken hieraan" not in page and "Stilte laten vallen" not in page
    assert "0" * 31 + "7" not in page  # the id is never shown


def test_summaries_without_an_id_never_make_a_group_reach_three() -> None:
    old = [s.model_copy(update={"vault_id": None}) for s in (person(1, []), person(2, []))]
    old = [
        o.model_copy(update={"goals": person(i, [(LISTEN, "Oud doel", GoalStatus.ACTIEF)]).goals})
        for i, o in enumerate(old)
    ]
    known = [person(i, [(LISTEN, f"Doel {i}", GoalStatus.ACTIEF)]) for i in (3, 4)]
    agenda = merge_summaries([*old, *known])
    assert agenda.groups == () and agenda.unknown == 2 and agenda.people == 2
    third = person(5, [(LISTEN, "Doel 5", GoalStatus.ACTIEF)])
    agenda = merge_summaries([*old, *known, third])
    assert [(g.people, g.unknown) for g in agenda.groups] == [(3, 2)]


def test_incoming_texts_are_de_identified_again_with_a_count(tmp_path: Path) -> None:
    edited = json.loads(render_json(person(1, [(LISTEN, "Stilte", GoalStatus.ACTIEF)])))
    edited["goals"][0]["goal"] = (
        "Stilte laten vallen bij Gerda Hoekstra, BSN 131860914, Kwikstaartlaan 112, "
        "tel. 06-41827365"
    )
    path = tmp_path / "bewerkt.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    team = [load_summary(path), person(2, [(LISTEN, "Samenvatten", GoalStatus.ACTIEF)])]
    team.append(person(3, [(LISTEN, "Doorvragen", GoalStatus.ACTIEF)]))
    agenda = build_agenda(team)
    page = render_agenda_html(agenda)
    for leaked in ("Gerda", "Hoekstra", "131860914", "Kwikstaartlaan", "41827365"):
        assert leaked not in page
    assert agenda.replacements >= 4
    assert f"opnieuw geanonimiseerd: {agenda.replacements} vervangingen" in page


def test_reading_is_limited_to_what_is_actually_read(tmp_path: Path) -> None:
    import os
    import time

    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    huge_int = tmp_path / "getal.json"
    data = json.loads(render_json(person(1, [])))
    huge_int.write_text(
        json.dumps(data).replace('"recordings": 1', '"recordings": ' + "9" * 5000),
        encoding="utf-8",
    )
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    big = tmp_path / "groot.json"
    with big.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    started = time.monotonic()
    loaded = load_summaries([fifo, Path("/dev/zero"), huge_int, deep, big])
    assert time.monotonic() - started < 10  # nothing hangs or reads forever
    assert loaded.summaries == ()
    assert loaded.problems == (
        "pijp.json: is geen gewoon bestand.",
        "zero: is geen gewoon bestand.",
        "getal.json: bevat een te groot of ongeldig getal.",
        "diep.json: te diep geneste JSON voor een leersamenvatting.",
        "groot.json: te groot voor een leersamenvatting (meer dan 5242880 bytes).",
    )

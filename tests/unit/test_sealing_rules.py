"""The pure rules of sealed klant feedback (domain.sealing) and the role's place in them."""

from __future__ import annotations

import datetime as dt

from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.sealing import (
    NO_ONDERZOEKER_MESSAGE,
    NoOnderzoekerError,
    klant_items_possible,
    onderzoeker_name_problem,
    payload_of,
    sealed_facts,
    unsealed,
)
from vknz_desktop.domain.visibility import may_set_sharing

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def klant_item(**changes: object) -> Observation:
    base = Observation(
        id="o1",
        recording_id="r1",
        time_ms=1500,
        end_ms=1800,
        profile_id="vknz",
        theme_id="werkrelatie",
        question_id="q1",
        answer="Ja",
        text="Ik was bang voor een korting",
        author_role=Role.KLANT,
        author_name="Klant A",
        created_at=NOW,
        edited_at=NOW,
        session_id="s1",
        perspective=Role.KLANT,
    )
    return base.model_copy(update=changes)


def test_facts_and_words_together_give_the_item_back() -> None:
    item = klant_item()
    facts = sealed_facts(item)
    words = payload_of(item)
    assert "korting" not in repr(facts.model_dump())
    assert "Klant A" not in repr(facts.model_dump())
    assert set(words) == {"text", "answer", "author_name", "profile_id", "theme_id", "question_id"}
    assert unsealed(facts, words) == item
    # A shared item is never sealed as shared.
    assert sealed_facts(
        item.model_copy(update={"sharing_state": SharingState.SHARED})
    ).sharing_state == (SharingState.NOT_ASKED)
    assert sealed_facts(
        item.model_copy(update={"sharing_state": SharingState.NOT_SHARED})
    ).sharing_state == (SharingState.NOT_SHARED)


def test_without_an_onderzoeker_no_klant_item_and_the_reason_says_how_to_register() -> None:
    refused = klant_items_possible(0)
    assert not refused.allowed
    assert "onderzoeker" in refused.reason and "vknz onderzoeker register" in refused.reason
    assert klant_items_possible(2).allowed
    assert NoOnderzoekerError().message == NO_ONDERZOEKER_MESSAGE
    assert NO_ONDERZOEKER_MESSAGE.endswith("Er is niets bewaard.")


def test_onderzoeker_names() -> None:
    assert onderzoeker_name_problem("  ", []) is not None
    assert onderzoeker_name_problem("x" * 201, []) is not None
    taken = onderzoeker_name_problem("ans de Vries", ["Ans de Vries "])
    assert taken is not None and "al een onderzoeker" in taken
    assert onderzoeker_name_problem("Bo", ["Ans"]) is None


def test_an_unlocked_onderzoeker_key_proves_who_records_the_answer_not_the_role() -> None:
    item = klant_item()
    assert not may_set_sharing(item, Role.KLANTMANAGER).allowed
    assert may_set_sharing(item, Role.KLANTMANAGER, onderzoeker_key=True).allowed
    assert may_set_sharing(item, Role.ONDERZOEKER).allowed
    own = klant_item(author_role=Role.KLANTMANAGER, perspective=None)
    assert not may_set_sharing(own, Role.ONDERZOEKER, onderzoeker_key=True).allowed

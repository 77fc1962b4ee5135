"""The one consent and visibility policy (domain.visibility): who may see which recording, what
a shared screen shows, and consent that contradicts itself."""

from __future__ import annotations

import datetime as dt

import pytest

from vknz_desktop.domain import visibility as policy
from vknz_desktop.domain.fragments import ReviewSession
from vknz_desktop.domain.models import (
    Consent,
    ConsentScope,
    ContradictoryConsentError,
    MediaInfo,
    Observation,
    Participant,
    Recording,
    Role,
    SharingState,
)
from vknz_desktop.domain.visibility import Audience
from vknz_desktop.services.recordings import make_consent

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
S = ConsentScope


def recording(
    *scopes: ConsentScope,
    title: str = "Gesprek met mevrouw Jansen",
    recording_id: str = "r",
    imported: dt.datetime = NOW,
    day: dt.date | None = dt.date(2026, 10, 12),
    media_available: bool = True,
) -> Recording:
    return Recording(
        id=recording_id,
        title=title,
        conversation_date=day,
        media=MediaInfo(container="mov", duration_ms=8000, has_video=True, has_audio=True),
        size_bytes=1,
        sha256="0",
        consent=make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        imported_at=imported,
        media_available=media_available,
    )


def observation(key: str, **fields: object) -> Observation:
    return Observation.model_validate(
        {
            "id": key,
            "recording_id": "r",
            "time_ms": 1000,
            "created_at": NOW,
            "edited_at": NOW,
            **fields,
        }
    )


# -- consent ----------------------------------------------------------------------------------
@pytest.mark.parametrize("other", [S.RESEARCHER, S.COLLEAGUES, S.CLIENT])
def test_alleen_zelf_with_anything_else_is_refused_by_the_consent_model(
    other: ConsentScope,
) -> None:
    with pytest.raises(ContradictoryConsentError) as refused:
        make_consent([S.SELF, other], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1))
    message = refused.value.message
    print(f"refusal: {message}")
    assert "alleen zelf terugkijken" in message
    assert policy.consent_contradiction([S.SELF, other]) == message
    # Also when built directly (as the storage layer does), not only through the helper.
    with pytest.raises(ContradictoryConsentError):
        Consent(
            given_on=dt.date(2026, 11, 1),
            given_by=Role.KLANT,
            scopes=frozenset({S.SELF, other}),
            keep_until=dt.date(2027, 11, 1),
        )


def test_consistent_consents_are_accepted() -> None:
    for scopes in ([S.SELF], [S.RESEARCHER], [S.RESEARCHER, S.COLLEAGUES, S.CLIENT]):
        assert policy.consent_contradiction(scopes) is None
        make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1))


@pytest.mark.parametrize(
    ("scopes", "audience", "allowed"),
    [
        ((S.SELF,), Audience.alone(), True),
        ((S.RESEARCHER,), Audience.alone(), True),  # reviewing alone goes with every choice
        ((S.COLLEAGUES,), Audience.alone(), True),
        ((S.CLIENT,), Audience.alone(), True),
        ((S.SELF,), Audience.samen_kijken(), False),
        ((S.SELF,), Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER), False),
        ((S.SELF,), Audience.alone(Role.ONDERZOEKER), False),  # a researcher alone is another
        ((S.RESEARCHER,), Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER), True),
        ((S.RESEARCHER,), Audience.samen_kijken(), False),
        ((S.RESEARCHER,), Audience.of(Role.KLANTMANAGER, Role.KLANTMANAGER), False),  # intervisie
        ((S.COLLEAGUES,), Audience.of(Role.KLANTMANAGER, Role.KLANTMANAGER), True),
        ((S.COLLEAGUES,), Audience.of(Role.KLANTMANAGER, Role.COLLEGA), True),
        ((S.COLLEAGUES,), Audience.of(Role.KLANTMANAGER, Role.LEIDINGGEVENDE), True),
        ((S.CLIENT,), Audience.samen_kijken(), True),
        ((S.CLIENT,), Audience.of(Role.KLANT, Role.ONDERZOEKER), False),
        ((S.CLIENT, S.RESEARCHER), Audience.of(Role.KLANT, Role.ONDERZOEKER), True),
    ],
)
def test_one_consent_rule_for_every_way_of_showing(
    scopes: tuple[ConsentScope, ...], audience: Audience, allowed: bool
) -> None:
    item = recording(*scopes)
    decision = policy.may_show(item, audience)
    assert decision.allowed is allowed
    if not allowed:
        assert decision.reason and item.title not in decision.reason
        assert policy.consent_problem(item, audience.roles) == decision.reason


def test_samen_kijken_asks_the_policy_and_says_why_not() -> None:
    only_self = policy.samen_kijken(recording(S.SELF))
    assert not only_self.allowed
    assert "alleen zelf terugkijken" in only_self.reason
    assert "Jansen" not in only_self.reason
    assert policy.samen_kijken(recording(S.CLIENT)).allowed
    assert policy.samen_kijken(None).reason == "Open eerst een opname."
    gone = policy.samen_kijken(recording(S.CLIENT, media_available=False))
    assert not gone.allowed and "verwijderd" in gone.reason
    assert not policy.may_store_klant_item(recording(S.SELF)).allowed
    assert not policy.may_store_klant_item(recording(S.RESEARCHER)).allowed
    assert policy.may_store_klant_item(recording(S.CLIENT)).allowed


# -- what a shared screen shows ----------------------------------------------------------------
def test_titles_only_for_the_klantmanager_alone() -> None:
    first = recording(S.CLIENT, recording_id="a", imported=NOW - dt.timedelta(days=3))
    second = recording(S.CLIENT, recording_id="b", title="Jansen.mp4", imported=NOW, day=None)
    labels = policy.neutral_labels([second, first])
    assert labels == {"a": "Opname 1, 12 okt.", "b": "Opname 2, 20 nov."}
    assert policy.neutral_label(3, None) == "Opname 3"
    assert policy.screen_title(first, labels["a"], Audience.alone()) == first.title
    for audience in (
        Audience.samen_kijken(),
        Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER),
        Audience.of(Role.KLANTMANAGER, Role.COLLEGA),
        Audience.alone(Role.ONDERZOEKER),
    ):
        assert policy.screen_title(first, labels["a"], audience) == "Opname 1, 12 okt."


def test_a_prompt_never_falls_back_to_a_private_note() -> None:
    assert policy.screen_prompt("  Wat zie je?  ") == policy.ScreenPrompt("Wat zie je?", True)
    empty = policy.screen_prompt("   ")
    assert empty == policy.ScreenPrompt(policy.DEFAULT_PROMPT, False)
    # The function has no way to reach a clip's note: it only gets the prompt.
    with pytest.raises(TypeError):
        policy.screen_prompt("", "Woont op de Dorpsstraat 12")  # type: ignore[call-arg]


def test_fragment_headings_where_a_klant_watches() -> None:
    with_klant = Audience.of(Role.KLANT, Role.ONDERZOEKER)
    with_researcher = Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER)
    assert policy.fragment_heading("Bij mevrouw J.", 2, 5, with_klant) == "Fragment 2 van 5"
    assert policy.fragment_heading("Begroeting", 2, 5, with_researcher) == "Begroeting"
    assert policy.fragment_heading("  ", 1, 1, with_researcher) == "Fragment 1 van 1"


def test_klant_feedback_on_a_screen_needs_everyone_watching_to_be_allowed() -> None:
    unshared = observation("k", author_role=Role.KLANT)
    shared = observation("s", author_role=Role.KLANT, sharing_state=SharingState.SHARED)
    plain = observation("p")
    klant_and_researcher = Audience.of(Role.KLANT, Role.ONDERZOEKER)
    researcher_and_km = Audience.of(Role.ONDERZOEKER, Role.KLANTMANAGER)
    assert policy.visible_on_screen(unshared, klant_and_researcher)
    # The onderzoeker may see it, but the klantmanager sits at the same screen.
    assert not policy.visible_on_screen(unshared, researcher_and_km)
    assert policy.visible_on_screen(shared, researcher_and_km)
    assert policy.visible_on_screen(plain, researcher_and_km)


def test_counts_never_include_hidden_items() -> None:
    items = [
        observation("k1", author_role=Role.KLANT),
        observation("k2", perspective=Role.KLANT, author_role=Role.ONDERZOEKER),
        observation("k3", author_role=Role.KLANT, sharing_state=SharingState.SHARED),
        observation("o1", perspective=Role.ONDERZOEKER, author_role=Role.ONDERZOEKER),
    ]
    assert policy.visible_counts(items, Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER)) == {
        Role.KLANT: 1,
        Role.ONDERZOEKER: 1,
    }
    assert policy.visible_counts(items, Audience.of(Role.KLANT, Role.ONDERZOEKER)) == {
        Role.KLANT: 3,
        Role.ONDERZOEKER: 1,
    }


@pytest.mark.parametrize(
    ("audience", "allowed"),
    [
        (Audience.alone(), True),
        (Audience.of(Role.KLANTMANAGER, Role.ONDERZOEKER), True),
        (Audience.alone(Role.ONDERZOEKER), True),
        (Audience.of(Role.KLANT, Role.ONDERZOEKER), False),
        (Audience.samen_kijken(), False),
        (Audience.of(Role.KLANTMANAGER, Role.COLLEGA), False),
        (Audience.of(Role.KLANTMANAGER, Role.KLANTMANAGER), False),
        (Audience.of(Role.KLANTMANAGER, Role.LEIDINGGEVENDE), False),
    ],
)
def test_earlier_sessions_only_on_request_and_never_with_a_klant(
    audience: Audience, allowed: bool
) -> None:
    decision = policy.earlier_observations(audience)
    assert decision.allowed is allowed
    this = observation("now", session_id="s2", perspective=Role.ONDERZOEKER)
    earlier = observation("before", session_id="s1", perspective=Role.ONDERZOEKER)
    alone = observation("alone")
    items = [earlier, alone, this]
    assert policy.screen_observations(items, audience, "s2") == [this]
    asked = policy.screen_observations(items, audience, "s2", include_earlier=True)
    assert asked == ([earlier, alone, this] if allowed else [this])
    if not allowed:
        assert decision.reason


def test_audience_of_a_session() -> None:
    session = ReviewSession(
        id="s",
        title="Met de klant",
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        perspectives=(Role.KLANT, Role.ONDERZOEKER),
        created_at=NOW,
        edited_at=NOW,
    )
    audience = Audience.of_session(session)
    assert audience.roles == (Role.KLANT, Role.ONDERZOEKER)
    assert audience.has_klant and not audience.private
    assert Audience.alone().private
    assert not Audience.alone(Role.ONDERZOEKER).private


def test_sharing_is_recorded_only_by_the_intermediary() -> None:
    klant_item = observation("k", author_role=Role.KLANT)
    assert policy.may_set_sharing(klant_item, Role.ONDERZOEKER).allowed
    assert policy.may_set_sharing(klant_item, Role.KLANT).allowed
    assert "onderzoeker" in policy.may_set_sharing(klant_item, Role.KLANTMANAGER).reason
    assert not policy.may_set_sharing(observation("p"), Role.ONDERZOEKER).allowed


# -- import -----------------------------------------------------------------------------------
def test_neutral_title_suggestion_instead_of_the_file_name() -> None:
    day = dt.date(2026, 10, 12)
    assert policy.suggest_title(day) == "Gesprek 12 okt. 2026"
    assert policy.suggest_title(None) == "Gesprek"
    taken = ["Gesprek 12 okt. 2026", "gesprek 12 okt. 2026 (2)"]
    assert policy.suggest_title(day, taken) == "Gesprek 12 okt. 2026 (3)"
    assert policy.suggest_title(dt.date(2026, 5, 1)) == "Gesprek 1 mei 2026"

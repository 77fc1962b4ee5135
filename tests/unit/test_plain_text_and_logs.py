"""Profile labels are plain text; validation errors never carry user text into the log."""

from __future__ import annotations

import datetime as dt
import io
import logging

import pytest
from pydantic import ValidationError
from tests.unit.test_profiles import MINIMAL

from vknz_desktop.domain.goals import GoalStatus, LearningGoal
from vknz_desktop.domain.models import Participant, Role
from vknz_desktop.domain.profiles import ProfileError, parse_profile


@pytest.mark.parametrize(
    ("original", "rich"),
    [
        ('title = "Contact"', 'title = "<img src=http://voorbeeld.invalid/x.png>Contact"'),
        ('label = "soms"', 'label = "<b>soms</b>"'),
        ('"vooral ik"', "\"<a href='x'>vooral ik</a>\""),
        ('hint = "Kijk naar de eerste minuut."', 'hint = "Kijk &lt;hier&gt;"'),
        ('name = "Ons eigen profiel"', 'name = "<!-- --> profiel"'),
    ],
)
def test_rich_text_in_a_profile_is_refused_with_a_dutch_reason(original: str, rich: str) -> None:
    assert original in MINIMAL
    with pytest.raises(ProfileError) as raised:
        parse_profile(MINIMAL.replace(original, rich, 1), "eigen.toml")
    assert "opmaak" in "\n".join(raised.value.all_messages())


def test_plain_comparisons_stay_allowed() -> None:
    text = MINIMAL.replace('text = "Hoe begon ik het gesprek?"', 'text = "Duurde de stilte < 5 s?"')
    assert parse_profile(text, "eigen.toml").themes[0].questions[0].text.endswith("< 5 s?")


def test_validation_errors_never_show_the_text_that_was_typed() -> None:
    canary = "kwetsbaar-detail-van-de-klant "
    with pytest.raises(ValidationError) as raised:
        LearningGoal(
            id="g1",
            goal="Beter luisteren",
            why=canary * 300,  # over the 5,000 characters allowed
            status=GoalStatus.ACTIEF,
            created_at=dt.datetime.now(dt.UTC),
            updated_at=dt.datetime.now(dt.UTC),
        )
    assert "kwetsbaar" not in str(raised.value)
    stream = io.StringIO()
    logger = logging.getLogger("test.hide_input")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        logger.error("bewaren mislukt", exc_info=raised.value)
    finally:
        logger.removeHandler(handler)
    assert "kwetsbaar" not in stream.getvalue() and "why" in stream.getvalue()
    with pytest.raises(ValidationError) as name_error:
        Participant(display_name="Geheime Naam " * 30, role=Role.KLANT)
    assert "Geheime" not in str(name_error.value)


def test_markdown_export_escapes_link_and_image_syntax() -> None:
    from vknz_desktop.export.render import _md, _md_block

    hostile = "Zie ![foto](http://voorbeeld.invalid/x.png) en [hier](http://voorbeeld.invalid)"
    for escaped in (_md(hostile), _md_block(hostile)):
        assert "](" not in escaped.replace("\\](", "")
        assert "\\!" in escaped or "!\\[" in escaped
        assert "\\[foto\\]" in escaped and "\\[hier\\]" in escaped

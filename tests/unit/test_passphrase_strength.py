"""Guessable passphrases are refused: zxcvbn with Dutch words, names, places and years."""

from __future__ import annotations

import pytest

from vknz_desktop.domain.passphrase import MIN_GUESSES_LOG10, passphrase_problem
from vknz_desktop.strength import DutchPassphraseEstimator

ESTIMATOR = DutchPassphraseEstimator()


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("Welkom2024", "Jaartallen"),
        ("Gemeente01", "woorden"),
        ("Jansen1975", "Namen"),
        ("Zoetermeer2026", "Plaatsnamen"),
        ("Annemarie1988", "Namen"),
        ("Amersfoort!!", "Plaatsnamen"),
    ],
)
def test_dutch_words_names_places_and_years_are_refused(passphrase: str, reason: str) -> None:
    assert passphrase_problem(passphrase) is None  # long enough for the old rules alone
    problem = ESTIMATOR.problem(passphrase)
    assert problem is not None and reason in problem
    assert "vier of meer losse woorden" in problem
    estimate = ESTIMATOR.estimate(passphrase)
    assert not estimate.acceptable and estimate.guesses_log10 < MIN_GUESSES_LOG10


@pytest.mark.parametrize(
    "number", ["0612345678", "0687341952", "06-87341952", "+31 6 8734 1952", "070 123 45 67"]
)
def test_phone_numbers_and_other_bare_numbers_are_refused(number: str) -> None:
    problem = ESTIMATOR.problem(number)
    assert problem is not None and ("telefoonnummer" in problem or "te makkelijk" in problem)


@pytest.mark.parametrize(
    "passphrase",
    ["paard batterij nietje", "fiets regen koffie lamp", "korrel vogel piano dak"],
)
def test_several_unrelated_words_are_strong(passphrase: str) -> None:
    estimate = ESTIMATOR.estimate(passphrase)
    assert estimate.acceptable and estimate.score == 4 and estimate.label == "sterk"
    assert estimate.feedback == ""
    assert ESTIMATOR.problem(passphrase) is None


def test_estimate_while_typing_rises_with_each_word() -> None:
    """What a meter shows as the user types a multi-word passphrase."""
    typed = "fiets regen koffie lamp"
    estimates = [ESTIMATOR.estimate(typed[:end]) for end in range(len(typed) + 1)]
    assert not estimates[0].acceptable and not estimates[5].acceptable
    assert estimates[5].feedback and estimates[-1].acceptable
    assert estimates[-1].guesses_log10 > estimates[11].guesses_log10 > estimates[5].guesses_log10


def test_suggestion_is_four_random_words_that_pass() -> None:
    suggestions = {ESTIMATOR.suggestion() for _ in range(5)}
    assert len(suggestions) == 5
    for suggestion in suggestions:
        assert len(suggestion.split()) == 4
        assert ESTIMATOR.problem(suggestion) is None

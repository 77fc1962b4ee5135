from __future__ import annotations

import pytest

from vknz_desktop.domain.passphrase import passphrase_problem


@pytest.mark.parametrize(
    ("candidate", "fragment"),
    [
        ("", "leeg"),
        ("   ", "leeg"),
        ("kort", "te kort"),
        ("aaaaaaaaaaaa", "te weinig verschillende"),
        ("Wachtwoord123", "te bekend"),
        ("1234567890", "te bekend"),
        ("qwertyuiop", "te bekend"),
    ],
)
def test_weak_passphrases_are_refused_with_a_reason(candidate: str, fragment: str) -> None:
    problem = passphrase_problem(candidate)
    assert problem is not None
    assert fragment in problem


@pytest.mark.parametrize(
    "candidate", ["paard batterij nietje", "Kijk-goed-2026!", "zonnig weer vandaag"]
)
def test_reasonable_passphrases_pass(candidate: str) -> None:
    assert passphrase_problem(candidate) is None

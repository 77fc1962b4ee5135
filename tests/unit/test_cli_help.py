"""`vknz --help` and a wrong argument speak Dutch, down to argparse's own words."""

from __future__ import annotations

import argparse

import pytest

from vknz_desktop.cli.runner import build_parser

ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help",
    "version number",
    "required",
    "unrecognized",
    "invalid choice",
)


def _all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _all_parsers(sub)
    return found


def test_every_help_text_is_dutch() -> None:
    parsers = _all_parsers(build_parser())
    assert len(parsers) > 15  # every command and sub-command
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("gebruik: ")
        assert "opties:" in text and "toon deze hulp en stop" in text
        assert not [word for word in ENGLISH if word in text], text
    assert "toon het versienummer en stop" in parsers[0].format_help()


@pytest.mark.parametrize(
    ("argv", "dutch"),
    [
        (["--frob"], "onbekende argumenten: --frob"),
        (["impor"], "ongeldige keuze: 'impor'"),
        (["import"], "dit ontbreekt nog: BESTAND"),
    ],
)
def test_a_wrong_argument_is_one_dutch_line(
    argv: list[str], dutch: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert dutch in err and err.count("\n") == 1
    assert not [word for word in ENGLISH if word in err]


def test_argparse_is_english_again_outside_our_parser() -> None:
    assert "usage:" in argparse.ArgumentParser(prog="x").format_help()

"""One form of address: the app, its guide and its command line say "je", never "u" (issue 16).

Checked: every Dutch source text in the translation files (the UI strings), every line of
docs/handleiding.md, every `vknz … --help` text and every string in the CLI modules (what
the commands print). Words that look like "u" but are not a form of address are skipped by
the pattern: "\\u" escapes and "u:" in time formats ("[u:]m:ss").

Not checked, on purpose: words a klantmanager says to a client (Kijkwijzer hints such as
'Wat wilt u vandaag bespreken?', the consent example in docs/privacy.md). That is how the
user speaks to a client, not how the app speaks to its user.
"""

from __future__ import annotations

import argparse
import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vknz_desktop.cli.runner import build_parser

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
CLI = ROOT / "src" / "vknz_desktop" / "cli"

#: "u", "uw", "U", "Uw" as a word; not "\u" (an escape) and not "u:" (hours in a time format).
FORMAL = re.compile(r"(?<![\\\w])(?:u|uw|U|Uw)(?![\w:])")

#: Explicit exceptions, each with its reason: (where, text) -> why. None today.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _formal(where: str, texts: list[str]) -> list[str]:
    return [text for text in texts if FORMAL.search(text) and (where, text) not in EXCEPTIONS]


def test_the_pattern_finds_u_and_skips_what_is_not_a_form_of_address() -> None:
    for text in ("Kunt u dit", "uw naam", "U ziet", "Uw rol", "(u)", "wat u.", "'u'"):
        assert FORMAL.search(text), text
    for text in ("je ziet", "\\u-code", "[u:]m:ss", "uur", "nu", "U2", "Jouw", "u_x", "URL"):
        assert not FORMAL.search(text), text


@pytest.mark.parametrize("name", ["vknz_en.ts", "vknz_nl.ts"])
def test_no_dutch_ui_text_says_u(name: str) -> None:
    """Live and vanished messages alike: an old 'u' text is not kept as a memory either."""
    root = ET.parse(TRANSLATIONS / name).getroot()
    sources = [message.findtext("source") or "" for message in root.iter("message")]
    assert len(sources) > (1000 if name == "vknz_en.ts" else 0)
    assert _formal(name, sources) == []


def test_no_line_of_the_guide_says_u() -> None:
    lines = (ROOT / "docs" / "handleiding.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100
    assert _formal("handleiding.md", lines) == []


def _all_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _all_parsers(sub)
    return found


def test_no_cli_help_text_says_u() -> None:
    parsers = _all_parsers(build_parser())
    assert len(parsers) > 15  # every command and sub-command
    assert _formal("--help", [parser.format_help() for parser in parsers]) == []


def test_no_string_in_the_cli_modules_says_u() -> None:
    """Help texts and what the commands print, straight from the source."""
    texts = [
        node.value
        for path in sorted(CLI.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert len(texts) > 100
    assert _formal("cli", texts) == []

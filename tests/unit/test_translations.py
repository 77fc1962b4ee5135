"""The English translation is complete: every Dutch UI string has a finished English text.

Fails when someone adds or changes a string without translating it; fix with
``python scripts/update_translations.py`` and fill the new <translation> elements.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}|%\d+|%n")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tools = _load_script()


@pytest.fixture(scope="module")
def extracted() -> list:
    return tools.extracted_messages()


@pytest.fixture(scope="module")
def translations() -> dict:
    return {(m.context, m.source): m for m in tools.read_messages(tools.TS_FILE) if m.live}


def test_every_source_string_has_an_english_translation(extracted, translations) -> None:
    assert extracted, "lupdate found no strings"
    missing = [
        f"[{context}] {source!r}"
        for context, source in sorted(tools.required_keys(extracted))
        if not (m := translations.get((context, source))) or not m.finished
    ]
    assert not missing, (
        f"{len(missing)} UI string(s) without English translation in vknz_en.ts "
        "(run scripts/update_translations.py and translate them):\n" + "\n".join(missing)
    )


def test_placeholders_markup_and_accelerators_match(translations) -> None:
    problems = []
    for (context, source), message in sorted(translations.items()):
        if not message.finished:
            continue
        text = message.translation
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            problems.append(f"[{context}] placeholders differ: {source!r} -> {text!r}")
        if Counter(TAG.findall(source)) != Counter(TAG.findall(text)):
            problems.append(f"[{context}] HTML tags differ: {source!r} -> {text!r}")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            problems.append(f"[{context}] accelerator (&) differs: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_lupdate_contexts_are_runtime_contexts(extracted) -> None:
    """A context lupdate invents (``other.tr(…)``) must be mapped in CONTEXT_ALIASES, or its
    strings would never be found at run time."""
    known = set(tools.CONTEXT_ALIASES)
    for path in tools.SOURCE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                known.add(node.args[0].value)
    unknown = sorted({m.context for m in extracted} - known)
    assert not unknown, f"add these lupdate contexts to CONTEXT_ALIASES: {unknown}"

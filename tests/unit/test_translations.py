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
        forms = message.translation.split("|") if message.numerus else [message.translation]
        for text in forms:
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                problems.append(f"[{context}] placeholders differ: {source!r} -> {text!r}")
        text = message.translation
        if Counter(TAG.findall(source)) != Counter(TAG.findall(text)):
            problems.append(f"[{context}] HTML tags differ: {source!r} -> {text!r}")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            problems.append(f"[{context}] accelerator (&) differs: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_every_plural_has_its_dutch_forms() -> None:
    """Dutch is the source language, but "%n waarneming(en)" needs its Dutch singular and
    plural ("1 waarneming", "2 waarnemingen") from vknz_nl.ts."""
    missing = [f"[{m.context}] {m.source!r}" for m in tools.untranslated_plurals()]
    assert not missing, (
        "plural text(s) without Dutch forms in vknz_nl.ts (run scripts/update_translations.py"
        " and fill both <numerusform>s):\n" + "\n".join(missing)
    )
    for message in tools.read_messages(tools.PLURALS_TS_FILE):
        for form in message.translation.split("|"):
            assert Counter(PLACEHOLDER.findall(message.source)) == Counter(
                PLACEHOLDER.findall(form)
            ), f"[{message.context}] placeholders differ: {message.source!r} -> {form!r}"


def _classes_and_contexts() -> tuple[dict[str, list[str]], set[str]]:
    """Every class of the app with its base names, and the literal translate() contexts."""
    classes: dict[str, list[str]] = {}
    contexts: set[str] = set()
    for path in tools.SOURCE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = [ast.unparse(base) for base in node.bases]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                contexts.add(node.args[0].value)
    return classes, contexts


def test_each_class_translates_in_its_own_context(extracted) -> None:
    """lupdate files a text under the class whose ``self.tr`` asks for it (or the literal
    context of ``QCoreApplication.translate``); PySide's ``self.tr`` looks it up under the
    class of the object at run time. A text asked for through another object
    (``window.tr(…)``) or a bare ``tr(…)`` would land in a context nobody asks for."""
    classes, contexts = _classes_and_contexts()
    unknown = sorted({m.context for m in extracted} - set(classes) - contexts)
    assert not unknown, f"texts in contexts no class asks for: {unknown}"


def test_no_class_inherits_texts_it_would_look_up_in_the_wrong_context(extracted) -> None:
    """PySide's ``self.tr`` uses the runtime class: a subclass of one of our classes that
    translates would look its parent's texts up under its own name and show them in Dutch."""
    classes, _contexts = _classes_and_contexts()
    translating = {m.context for m in extracted}
    inheriting = sorted(
        f"{name}({base})"
        for name, bases in classes.items()
        for base in bases
        if base in translating
    )
    assert not inheriting, f"subclasses of classes with texts: {inheriting}"

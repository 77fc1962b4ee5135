"""Update the English translation: extract, report what is untranslated, compile.

Usage: python scripts/update_translations.py [--check] [--no-compile]

1. pyside6-lupdate over every .py under src/vknz_desktop merges new and changed Dutch source
   strings into resources/translations/vknz_en.ts (new ones are marked unfinished).
2. Messages that lupdate cannot see (``self.tr(LABELS[x])``) are kept alive (``runtime_only``).
3. Untranslated (unfinished or empty) messages are listed; exit code 1 when there are any.
4. Plural texts (``self.tr("%n waarneming(en)", "", n)``, numerus="yes") also go into
   resources/translations/vknz_nl.ts, which holds only those: Dutch is the source language,
   but its singular and plural forms ("1 waarneming", "2 waarnemingen") come from there.
   Fill both <numerusform>s of every plural, in English and in Dutch.
5. pyside6-lrelease compiles resources/translations/vknz_en.qm and vknz_nl.qm (ignored by
   git; `make translations` does only this step).

--check reports without writing the .ts or the .qm. Translate in Qt Linguist
(`pyside6-linguist resources/translations/vknz_en.ts`) or in any editor: fill <translation>
and remove type="unfinished".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "src" / "vknz_desktop"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS_DIR / "vknz_en.ts"
QM_FILE = TRANSLATIONS_DIR / "vknz_en.qm"
#: Dutch plural forms only (the app's source language needs no other translation).
PLURALS_TS_FILE = TRANSLATIONS_DIR / "vknz_nl.ts"
PLURALS_QM_FILE = TRANSLATIONS_DIR / "vknz_nl.qm"


def runtime_only() -> dict[str, tuple[str, ...]]:
    """Texts translated with a variable (``self.tr(LABELS[x])``): lupdate cannot see them."""
    sys.path.insert(0, str(ROOT / "src"))
    from vknz_desktop.domain.fragments import SHARING_LABELS
    from vknz_desktop.domain.goals import GOAL_STATUS_LABELS
    from vknz_desktop.ui.features.privacy.audit_log_dialog import ACTION_LABELS
    from vknz_desktop.ui.library.controller import MEDIA_FILTER
    from vknz_desktop.ui.shell.unlock_dialog import ROLE_LABELS
    from vknz_desktop.ui.workspace.observation_list import ObservationTableModel

    sharing = tuple(SHARING_LABELS.values())
    statuses = tuple(GOAL_STATUS_LABELS.values())
    return {
        "AuditLogDialog": tuple(ACTION_LABELS.values()),
        "GoalsView": statuses,
        "SummaryPreviewDialog": statuses,
        "LibraryController": (MEDIA_FILTER,),
        "ReviewFeature": sharing,
        "ObservationTableModel": (*ObservationTableModel.COLUMNS, *sharing),
        "PerspectiveColumn": sharing,
        "UnlockDialog": tuple(ROLE_LABELS.values()),
    }


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str  # the forms of a plural joined with "|"
    state: str  # "" (finished), "unfinished", "vanished" or "obsolete"
    numerus: bool = False

    @property
    def finished(self) -> bool:
        if self.numerus:
            forms = self.translation.split("|")
            return self.state == "" and all(form.strip() for form in forms)
        return self.state == "" and self.translation.strip() != ""

    @property
    def live(self) -> bool:
        return self.state not in ("vanished", "obsolete")


def tool(name: str) -> str:
    """A Qt tool from the venv that runs this script, else from PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install PySide6)")
    return found


def python_sources() -> list[str]:
    return sorted(str(p) for p in SOURCE_DIR.rglob("*.py"))


def lupdate(ts_file: Path, target_language: str = "en") -> None:
    """Merge the current source strings into ``ts_file`` (created when missing)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "relative",
            "-source-language",
            "nl",
            "-target-language",
            target_language,
            *python_sources(),
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def read_messages(ts_file: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            text = (translation.text or "") if translation is not None else ""
            if numerus and translation is not None:
                text = "|".join(form.text or "" for form in translation.iter("numerusform"))
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    text,
                    (translation.get("type") or "") if translation is not None else "unfinished",
                    numerus,
                )
            )
    return messages


def _write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    root = tree.getroot()
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update_plural_forms(ts_file: Path = PLURALS_TS_FILE) -> None:
    """``ts_file`` holds every plural text of the sources with its Dutch forms: new ones are
    added unfinished, forms already written are kept, texts no longer used are dropped."""
    old: dict[tuple[str, str], ET.Element] = {}
    if ts_file.exists():
        for context in ET.parse(ts_file).getroot().iter("context"):
            for message in context.iter("message"):
                key = (context.findtext("name") or "", message.findtext("source") or "")
                old[key] = message
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "vknz_nl.ts"
        lupdate(fresh, "nl")
        found = ET.parse(fresh).getroot()
    root = ET.Element("TS", {"version": "2.1", "language": "nl", "sourcelanguage": "nl"})
    for context in found.iter("context"):
        name = context.findtext("name") or ""
        plurals = [m for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plurals:
            continue
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = name
        for message in plurals:
            source = message.findtext("source") or ""
            kept = old.get((name, source))
            copy = ET.SubElement(element, "message", {"numerus": "yes"})
            ET.SubElement(copy, "source").text = source
            translation = kept.find("translation") if kept is not None else None
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                translation = ET.Element("translation", {"type": "unfinished"})
                for _ in range(2):
                    ET.SubElement(translation, "numerusform")
            copy.append(translation)
    _write_ts(ET.ElementTree(root), ts_file)


def untranslated_plurals(ts_file: Path = PLURALS_TS_FILE) -> list[Message]:
    """Plural texts of the sources without both Dutch forms in ``ts_file``."""
    have = (
        {(m.context, m.source): m for m in read_messages(ts_file) if m.live}
        if ts_file.exists()
        else {}
    )
    missing = []
    for message in extracted_messages():
        if not message.numerus:
            continue
        found = have.get((message.context, message.source))
        if found is None or not found.finished:
            missing.append(found or Message(message.context, message.source, "", "missing"))
    return missing


def extracted_messages() -> list[Message]:
    """What lupdate finds in the current sources (into a temporary, empty .ts)."""
    with tempfile.TemporaryDirectory() as tmp:
        ts_file = Path(tmp) / "vknz_en.ts"
        lupdate(ts_file)
        return read_messages(ts_file)


def required_keys(extracted: Iterable[Message]) -> set[tuple[str, str]]:
    """Every (context, source) the app asks for at run time, plus lupdate's own."""
    keys = {(m.context, m.source) for m in extracted}
    for context, sources in runtime_only().items():
        keys.update((context, source) for source in sources)
    return keys


def _add_runtime_messages(ts_file: Path) -> None:
    """Revive or add the messages lupdate does not see."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    seen = {
        (name, m.findtext("source") or ""): m
        for name, c in contexts.items()
        for m in c.iter("message")
    }
    wanted = {
        (context, source) for context, sources in runtime_only().items() for source in sources
    }
    for context, source in sorted(wanted):
        message = seen.get((context, source))
        if message is None:
            if context not in contexts:
                element = ET.SubElement(root, "context")
                ET.SubElement(element, "name").text = context
                contexts[context] = element
            message = ET.SubElement(contexts[context], "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").set("type", "unfinished")
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            del translation.attrib["type"]
            if not (translation.text or "").strip():
                translation.set("type", "unfinished")
    _write_ts(tree, ts_file)


def untranslated(ts_file: Path) -> list[Message]:
    """Required messages without a finished translation in ``ts_file``."""
    have = {(m.context, m.source): m for m in read_messages(ts_file) if m.live}
    missing = []
    for key in sorted(required_keys(extracted_messages())):
        message = have.get(key)
        if message is None or not message.finished:
            missing.append(message or Message(key[0], key[1], "", "missing"))
    return missing


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    parser.add_argument("--no-compile", action="store_true", help="do not write the .qm")
    args = parser.parse_args()
    if not args.check:
        TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
        lupdate(TS_FILE)
        _add_runtime_messages(TS_FILE)
        update_plural_forms()
    missing = untranslated(TS_FILE)
    for message in missing:
        context = message.context or '""'
        print(f"untranslated [{context}] {message.source!r} ({message.state or 'empty'})")
    total = len(required_keys(extracted_messages()))
    print(f"{total - len(missing)} of {total} messages translated in {TS_FILE.relative_to(ROOT)}")
    plurals = untranslated_plurals()
    for message in plurals:
        print(f"no Dutch plural forms [{message.context}] {message.source!r}")
    if not args.check and not args.no_compile:
        lrelease()
        lrelease(PLURALS_TS_FILE, PLURALS_QM_FILE)
        print(f"compiled {QM_FILE.relative_to(ROOT)}, {PLURALS_QM_FILE.relative_to(ROOT)}")
    return 1 if missing or plurals else 0


if __name__ == "__main__":
    sys.exit(main())

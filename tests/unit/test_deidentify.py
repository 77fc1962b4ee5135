"""De-identification: the corpus figures (planted personal data removed, learning sentences
kept), and the recognisers one by one.

The corpus (tests/fixtures/deid_corpus.txt) holds invented Dutch reflection notes with fake
planted personal data; see the file's header for its format.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from vknz_desktop.domain.summary import REPLACEMENT_TAGS, count_tags
from vknz_desktop.export import deidentify
from vknz_desktop.export.deidentifier import TAGS, apply_spans, find_spans

pytestmark = pytest.mark.usefixtures("deduce_loaded")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = FIXTURES / "deid_corpus.txt"
HELD_OUT = FIXTURES / "deid_heldout.txt"  # never used to tune the recognisers
_MARK = re.compile(r"\{([a-z]+)(\*?):([^{}]+)\}")
# Words in a planted value that identify nobody on their own ("mevrouw", "3 maart" → "maart").
_NEUTRAL = set(
    [
        "meneer",
        "mevrouw",
        "heer",
        "dhr",
        "mw",
        "mevr",
        "de",
        "van",
        "der",
        "den",
        "het",
        "op",
        "aan",
        "in",
        "bij",
        "om",
        "uur",
        "geboren",
        "jaar",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "jl",
    ]
)

REMOVAL_GOAL = 0.99
KEPT_GOAL = 0.95


@dataclass(frozen=True)
class Note:
    names: tuple[str, ...]
    text: str
    planted: tuple[tuple[str, bool, str], ...]  # kind, registered name?, value
    learning: tuple[str, ...]


def load_corpus(path: Path = CORPUS) -> list[Note]:
    notes: list[Note] = []
    blocks = path.read_text(encoding="utf-8").split("\n---\n")[1:]
    for block in blocks:
        names: list[str] = []
        lines: list[str] = []
        for line in block.strip().splitlines():
            if line.startswith("namen:"):
                names = [n.strip() for n in line.removeprefix("namen:").split(";") if n.strip()]
            else:
                lines.append(line)
        raw = " ".join(lines)
        planted = tuple((m.group(1), m.group(2) == "*", m.group(3)) for m in _MARK.finditer(raw))
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?![^{]*\})", raw) if s.strip()]
        notes.append(
            Note(
                names=tuple(names),
                text=_MARK.sub(lambda m: m.group(3), raw),
                planted=planted,
                learning=tuple(s for s in sentences if not _MARK.search(s)),
            )
        )
    return notes


def removed(value: str, output: str) -> bool:
    """The planted value is gone: not as a whole, and no identifying word of it is left."""
    lowered = output.lower()
    if value.lower() in lowered:
        return False
    for token in re.findall(r"\w+", value.lower()):
        if token in _NEUTRAL or len(token) < 2:
            continue
        if re.search(rf"(?<!\w){re.escape(token)}(?!\w)", lowered):
            return False
    return True


@dataclass
class Figures:
    notes: int = 0
    planted: int = 0
    removed: int = 0
    registered: int = 0
    registered_removed: int = 0
    sentences: int = 0
    kept: int = 0

    @property
    def removal(self) -> float:
        return self.removed / self.planted

    @property
    def registered_share(self) -> float:
        return self.registered_removed / self.registered

    @property
    def kept_share(self) -> float:
        return self.kept / self.sentences

    def lines(self, title: str) -> str:
        return (
            f"{title}: {self.notes} notes, {self.planted} planted items, "
            f"{self.sentences} learning sentences\n"
            f"  planted items removed:      {self.removed}/{self.planted} = {self.removal:.3f} "
            f"(goal ≥ {REMOVAL_GOAL})\n"
            f"  registered names removed:   {self.registered_removed}/{self.registered} = "
            f"{self.registered_share:.3f} (goal 1.0)\n"
            f"  learning sentences intact:  {self.kept}/{self.sentences} = {self.kept_share:.3f} "
            f"(goal ≥ {KEPT_GOAL})"
        )


def measure(notes: list[Note]) -> tuple[Figures, dict[str, list[int]], list[str]]:
    figures = Figures(notes=len(notes))
    by_kind: dict[str, list[int]] = {}
    problems: list[str] = []
    outputs = deidentify.batch([n.text for n in notes], ()).texts  # warm-up: one round trip
    assert len(outputs) == len(notes)
    for note in notes:
        output = deidentify(note.text, note.names)
        for kind, is_registered, value in note.planted:
            ok = removed(value, output)
            figures.planted += 1
            figures.removed += ok
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][0] += 1
            by_kind[kind][1] += ok
            if is_registered:
                figures.registered += 1
                figures.registered_removed += ok
            if not ok:
                problems.append(f"missed {kind}: {value!r} → {output}")
        for sentence in note.learning:
            figures.sentences += 1
            if sentence in output:
                figures.kept += 1
            else:
                problems.append(f"changed {sentence!r} → {output}")
    return figures, by_kind, problems


def test_corpus_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """The tuning corpus and the held-out corpus, each with its own figures."""
    tuning, kinds, problems = measure(load_corpus(CORPUS))
    held_out, held_kinds, held_problems = measure(load_corpus(HELD_OUT))
    with capsys.disabled():
        print()
        print(tuning.lines("de-identification corpus (tuning)"))
        print("  per kind: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(kinds.items())))
        for line in problems:
            print("   ", line)
        print(held_out.lines("de-identification corpus (held out, never tuned on)"))
        print(
            "  per kind: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(held_kinds.items()))
        )
        for line in held_problems:
            print("   ", line)
    assert len(load_corpus(CORPUS)) >= 100 and len(load_corpus(HELD_OUT)) >= 30
    for figures in (tuning, held_out):
        assert figures.removal >= REMOVAL_GOAL, problems + held_problems
        assert figures.registered_share == 1.0, problems + held_problems
        assert figures.kept_share >= KEPT_GOAL, problems + held_problems


@pytest.mark.parametrize("path", [CORPUS, HELD_OUT])
def test_corpus_has_every_kind_of_planted_data(path: Path) -> None:
    kinds = {kind for note in load_corpus(path) for kind, _reg, _value in note.planted}
    wanted = {"persoon", "bsn", "telefoon", "email", "adres", "postcode", "plaats", "iban"}
    wanted |= {"geboortedatum", "datum", "werkgever", "kenteken", "leeftijd", "instelling"}
    assert wanted <= kinds


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Hij woont op de Zonnebloemhof 14b sinds vorig jaar.", "adres"),
        ("Postcode 2718 RG klopt niet.", "postcode"),
        ("Zijn IBAN is NL91 ABNA 0417 1643 00.", "iban"),
        ("BSN 1234.56.782 stond op het formulier.", "bsn"),
        ("Bel haar op +44 20 7946 0958 in Londen.", "telefoonnummer"),
        ("Bel hem op 06-12345678.", "telefoonnummer"),
        ("De afspraak is op 3 maart bij het werkplein.", "datum"),
        ("We zien elkaar dinsdag 14 april weer.", "datum"),
        ("Om 10:15 begon het gesprek.", "tijd"),
        ("Mail naar piet.puk@example.nl voor de stukken.", "e-mail"),
        ("Ze werkt bij Schoonmaakbedrijf Glansrijk als schoonmaker.", "werkgever"),
        ("Hij vakkenvult bij Albert Heijn.", "werkgever"),
        ("Zijn auto met kenteken 12-ABC-3 stond voor de deur.", "kenteken"),
        ("De bus VNK-42-T is van zijn broer.", "kenteken"),
        ("De klant is 37 jaar en zoekt werk.", "leeftijd"),
        ("Op het formulier staat leeftijd 37.", "leeftijd"),
        ("Een vrouw van 52 kwam binnen.", "leeftijd"),
        ("De 19-jarige zoon hielp mee.", "leeftijd"),
        ("Ze is geboren in 1985 en zoekt werk.", "datum"),
        ("Ze woont aan de Dorpsweg drie met haar kinderen.", "adres"),
        ("Hij werkt bij schoonmaakbedrijf CleanPro in de ochtend.", "werkgever"),
        ("Zijn dochter zit op De Regenboog en heeft extra zorg nodig.", "instelling"),
        ("Hij werkte eerder bij Autobedrijf Snelders als monteur.", "werkgever"),
        ("Ze vertelde over haar ex Ecrin Tins en de schulden.", "persoon"),
        ("De klant zei dat zijn zoon Floris de post leest.", "persoon"),
    ],
)
def test_own_recognisers(text: str, tag: str) -> None:
    assert f"[{tag}]" in deidentify(text)


@pytest.mark.parametrize(
    "text",
    [
        "De klant is al tien jaar werkloos en voelt zich afgeschreven.",
        "Over vijf jaar wil hij een eigen bedrijf.",
        "Hij slikt elke dag 1250 mg van een middel.",
        "Op het formulier stond 32-01-2018, een datum die niet bestaat.",
        "Het gesprek duurde 10 jaar geleden nog een uur.",
        "We keken naar fragment 2-3 en 4-5 van de opname.",
    ],
)
def test_ordinary_text_near_the_new_recognisers_is_kept(text: str) -> None:
    assert deidentify(text) == text


def test_a_capitalised_word_after_a_name_is_its_surname() -> None:
    output = deidentify("Gisteren vertelde Fenna Mater over haar baan.", ["Fenna de Wilde"])
    assert output == "Gisteren vertelde [persoon] over haar baan."


def test_a_full_name_becomes_one_tag() -> None:
    output = deidentify("Ik sprak met Fatima El Idrissi en Sam.", ["Fatima El Idrissi", "Sam"])
    assert output == "Ik sprak met [persoon] en [persoon]."
    assert "[persoon] [persoon]" not in deidentify("Kees Jan de Vries belde.", ["Kees", "Jan"])


def test_registered_names_whole_in_parts_and_any_case() -> None:
    names = ["Fatima El Idrissi", "Klant A"]
    text = "fatima vertelde het. Mevrouw El Idrissi knikte. Idrissi's dochter. Klant A lachte."
    output = deidentify(text, names)
    for part in ("fatima", "Idrissi", "Klant A"):
        assert part.lower() not in output.lower(), output
    assert "dochter" in output


def test_names_that_are_ordinary_words_only_with_a_capital() -> None:
    output = deidentify("Dennis wil als bakker werken. Bakker zei ja.", ["Dennis Bakker"])
    assert "als bakker werken" in output
    assert "Bakker zei" not in output and "Dennis" not in output


def test_role_words_of_a_registered_name_are_not_removed_alone() -> None:
    output = deidentify("De klant vertelde veel. Klant A ook.", ["Klant A"])
    assert output.startswith("De klant vertelde veel.")
    assert "Klant A" not in output


def test_learning_text_without_personal_data_is_unchanged() -> None:
    text = (
        "Ik onderbrak de klant twee keer. Stilte laten vallen is lastig voor mij. "
        "Volgende keer vat ik eerst samen wat ik hoor."
    )
    assert deidentify(text) == text


def test_tags_are_neutral_known_and_existing_tags_stay() -> None:
    assert set(TAGS) <= set(REPLACEMENT_TAGS)
    text = "Dit stond er al: [persoon]. Daarna Jan Jansen uit Delft."
    output = deidentify(text)
    assert output.startswith("Dit stond er al: [persoon].")
    assert count_tags(output) == 3
    assert not re.search(r"\[[A-Z]+-\d+\]", output)  # no deduce-style [PERSOON-1]


def test_empty_and_whitespace() -> None:
    assert deidentify("") == ""
    assert deidentify("   ") == "   "
    assert find_spans("  ") == []


def test_spans_never_overlap_and_apply_cleanly() -> None:
    text = "Meneer Jan de Vries, Kerkstraat 12, 2711 AB Zoetermeer, tel. 079-3162745."
    spans = find_spans(text, ["Jan de Vries"])
    for first, second in itertools.pairwise(spans):
        assert first.end <= second.start
    output = apply_spans(text, spans)
    assert "Vries" not in output and "Kerkstraat" not in output and "3162745" not in output


def test_a_role_word_or_letter_registered_as_a_name_removes_nothing_ordinary() -> None:
    text = "De klant zei a en b. Roos kwam binnen en zag een roos."
    assert deidentify(text, ["Klant", "A", "Roos"]) == (
        "De klant zei a en b. [persoon] kwam binnen en zag een roos."
    )


def test_kijkwijzer_texts_come_through_unchanged() -> None:
    """195-odd ordinary sentences about conversations (the built-in profiles' themes,
    questions and hints): nothing in them is personal, so nothing may change."""
    from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles

    texts: list[str] = []
    for profile in load_profiles(builtin_profiles_dir(), None).profiles:
        for theme in profile.themes:
            texts.append(theme.explanation)
            for question in theme.questions:
                texts.extend(t for t in (question.text, question.hint) if t)
    changed = [t for t in texts if deidentify(t, ["Klant A", "Sam"]) != t]
    assert len(texts) > 100
    assert changed == []


def test_read_only_package_folder_falls_back_to_our_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import deduce

    from vknz_desktop.export import deid_engine

    calls: list[dict[str, object]] = []

    class FakeDeduce:
        def __init__(self, **kwargs: object) -> None:
            calls.append(kwargs)
            if "cache_path" not in kwargs:
                raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(deduce, "Deduce", FakeDeduce)
    monkeypatch.setattr(deid_engine, "_engine", None)
    monkeypatch.setattr(deid_engine, "_load_seconds", None)
    monkeypatch.setenv("VKNZ_DEDUCE_CACHE", str(tmp_path / "cache"))
    engine = deid_engine.engine()
    assert isinstance(engine, FakeDeduce)
    assert calls[1]["cache_path"] == tmp_path / "cache"
    assert (tmp_path / "cache").is_dir()
    assert calls[0]["config"] == {"adjacent_annotations_slack": "[ \\-]?"}


def test_doubtful_words_are_capitalised_rare_words_inside_a_sentence() -> None:
    texts = [
        "Het gesprek met Oosterbroek ging goed. Klein beginnen werkt.",
        "Ik sprak met [persoon] over Zwanenburg en over het Werkplein.",
        "Luisteren helpt. de klant zei dat Luisteren helpt, ook bij het UWV.",
        "goed klein groot zwanenburg",  # lower case: never flagged
    ]
    words = deidentify.doubtful_words(texts, ["werkplein"])
    assert words == ["Oosterbroek", "Zwanenburg"]


def test_doubtful_words_skip_tags_sentence_starts_and_known_words() -> None:
    from vknz_desktop.export.doubtful import doubtful_words

    text = "Oosterbroek belde. - Ecrin kwam ook. Toen zei Ecrin: Mater is weg."
    assert doubtful_words([text]) == ["Ecrin"]
    assert doubtful_words([text], ["ecrin"]) == []
    assert doubtful_words(["Ik zag [persoon] en [Weggelaten] niet."]) == []

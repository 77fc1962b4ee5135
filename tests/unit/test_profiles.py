"""Kijkwijzer profiles: the built-in files, the validation messages, and robustness."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.profiles import (
    STEP_LABELS,
    STEP_ORDER,
    Profile,
    ProfileError,
    QuestionKind,
    Step,
    parse_profile,
)
from vknz_desktop.storage.profile_files import (
    PROFILES_DIR_ENV,
    builtin_profiles_dir,
    load_profiles,
    validate_file,
)

REPO_PROFILES = Path(__file__).resolve().parents[2] / "kijkwijzer_profiles"
BUILTIN_IDS = {"klantgesprek", "samenleerwijzer", "leidinggevende-medewerker"}

# A small valid profile used as the starting point of the broken cases.
MINIMAL = """\
id = "eigen-profiel"
name = "Ons eigen profiel"
version = "0.1"
language = "nl"
description = "Een profiel van onze eigen afdeling."

[[themes]]
id = "contact"
title = "Contact"
colour = "#3A7BD5"
explanation = "Hoe het contact verloopt."

[[themes.questions]]
id = "begin"
step = "waarnemen"
kind = "open"
text = "Hoe begon ik het gesprek?"
hint = "Kijk naar de eerste minuut."

[[themes.questions]]
id = "effect"
step = "betekenis"
kind = "open"
text = "Wat deed dat met de klant?"

[[themes]]
id = "vragen"
title = "Vragen stellen"
colour = "#1E9A8A"
explanation = "Hoe ik vraag en luister."

[[themes.questions]]
id = "stiltes"
step = "waarnemen"
kind = "scale"
text = "Hoe vaak liet ik een stilte vallen?"
anchors = [
  { value = 1, label = "nooit" },
  { value = 2, label = "soms" },
  { value = 3, label = "vaak" },
]

[[themes.questions]]
id = "wie-praat"
step = "waarnemen"
kind = "choice"
text = "Wie was het meest aan het woord?"
options = ["vooral ik", "ongeveer even veel", "vooral de klant"]

[[themes.questions]]
id = "andere-vraag"
step = "alternatief"
kind = "open"
text = "Welke open vraag had ik kunnen stellen?"
"""

MINIMAL_LINES = MINIMAL.count("\n")

ANCHORS_BLOCK = """anchors = [
  { value = 1, label = "nooit" },
  { value = 2, label = "soms" },
  { value = 3, label = "vaak" },
]
"""


def _replace(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


# ---------------------------------------------------------------------------------------------
# Built-in profiles


@pytest.fixture(scope="module")
def builtin() -> dict[str, Profile]:
    result = load_profiles(REPO_PROFILES, None)
    assert result.problems == []
    return {profile.id: profile for profile in result.profiles}


def all_builtin_questions(profile: Profile) -> list[Any]:
    return [question for theme in profile.themes for question in theme.questions]


def test_builtin_profiles_load_without_problems(builtin: dict[str, Profile]) -> None:
    assert set(builtin) == BUILTIN_IDS
    assert builtin["klantgesprek"].name == "Kijkwijzer klantgesprek"
    assert builtin["samenleerwijzer"].name == "Samenleerwijzer"
    for profile in builtin.values():
        assert profile.language == "nl"
        assert profile.version


def test_builtin_files_are_named_after_their_id(builtin: dict[str, Profile]) -> None:
    for profile_id in builtin:
        assert validate_file(REPO_PROFILES / f"{profile_id}.toml").id == profile_id


def test_klantgesprek_covers_the_method_themes(builtin: dict[str, Profile]) -> None:
    theme_ids = [theme.id for theme in builtin["klantgesprek"].themes]
    assert theme_ids == [
        "werkrelatie",
        "doel-en-agenda",
        "maatwerk",
        "luisteren",
        "hardop-afwegen",
        "structuur-en-tijd",
        "non-verbaal",
    ]
    maatwerk = builtin["klantgesprek"].theme("maatwerk")
    assert maatwerk is not None
    words = (maatwerk.explanation + " ".join(q.text for q in maatwerk.questions)).lower()
    assert "pictogram" in words
    assert "taalbarrière" in words
    assert "licht verstandelijke beperking" in words
    stiltes = builtin["klantgesprek"].question("luisteren", "stiltes")
    assert stiltes is not None
    assert stiltes.kind is QuestionKind.SCALE
    assert [anchor.label for anchor in stiltes.anchors] == ["nooit", "soms", "vaak"]


def test_samenleerwijzer_covers_the_feedback_talk(builtin: dict[str, Profile]) -> None:
    theme_ids = [theme.id for theme in builtin["samenleerwijzer"].themes]
    assert theme_ids[:3] == ["ervaring", "raakmoment", "wat-kan-beter"]


def test_manager_profile_uses_the_same_lenses(builtin: dict[str, Profile]) -> None:
    manager = {theme.id for theme in builtin["leidinggevende-medewerker"].themes}
    client = {theme.id for theme in builtin["klantgesprek"].themes}
    assert len(manager & client) >= 5
    for question in all_builtin_questions(builtin["leidinggevende-medewerker"]):
        assert "klant" not in question.text.lower()


@pytest.mark.parametrize("profile_id", sorted(BUILTIN_IDS))
def test_builtin_themes_lead_from_describing_to_alternatives(
    builtin: dict[str, Profile], profile_id: str
) -> None:
    profile = builtin[profile_id]
    for theme in profile.themes:
        assert 3 <= len(theme.questions) <= 6, theme.id
        assert {question.step for question in theme.questions} == set(Step), theme.id
    for theme, questions in profile.questions_in_order():
        steps = [STEP_ORDER.index(question.step) for question in questions]
        assert steps == sorted(steps)
        assert questions[0].step is Step.WAARNEMEN
        assert questions[-1].step is Step.ALTERNATIEF
        assert sorted(q.id for q in questions) == sorted(q.id for q in theme.questions)


@pytest.mark.parametrize("profile_id", sorted(BUILTIN_IDS))
def test_builtin_questions_fit_the_side_panel(builtin: dict[str, Profile], profile_id: str) -> None:
    for question in all_builtin_questions(builtin[profile_id]):
        assert len(question.text) <= 110, question.id
        assert question.text.endswith("?"), question.id
        assert question.hint is None or len(question.hint) <= 100, question.id


RATING_WORDS = re.compile(
    r"cijfer|score|beoordel|rapport|punten|prestatie|voldoende|slecht|\bfout", re.IGNORECASE
)


@pytest.mark.parametrize("profile_id", sorted(BUILTIN_IDS))
def test_builtin_profiles_do_not_rate_people(builtin: dict[str, Profile], profile_id: str) -> None:
    for theme in builtin[profile_id].themes:
        texts = [theme.title, theme.explanation]
        for question in theme.questions:
            texts += [question.text, question.hint or ""]
            texts += [anchor.label for anchor in question.anchors]
            texts += list(question.options)
        for text in texts:
            assert not RATING_WORDS.search(text), text


def _luminance(colour: str) -> float:
    def channel(part: str) -> float:
        c = int(part, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(colour: str) -> tuple[float, float, float]:
    def channel(part: str) -> float:
        c = int(part, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("profile_id", sorted(BUILTIN_IDS))
def test_builtin_colours_are_distinct_and_readable(
    builtin: dict[str, Profile], profile_id: str
) -> None:
    colours = [theme.colour for theme in builtin[profile_id].themes]
    for colour in colours:
        assert re.fullmatch(r"#[0-9A-F]{6}", colour)
        assert _contrast(colour, "#FFFFFF") >= 3.0, colour  # light background
        assert _contrast(colour, "#1E1E1E") >= 3.0, colour  # dark background
    for a, b in itertools.combinations(colours, 2):
        assert math.dist(_lab(a), _lab(b)) >= 25, (a, b)


def test_step_labels_are_dutch() -> None:
    assert [STEP_LABELS[step] for step in STEP_ORDER] == ["Waarnemen", "Betekenis", "Alternatief"]


# ---------------------------------------------------------------------------------------------
# The model


def test_minimal_profile_parses_and_helpers_work() -> None:
    profile = parse_profile(MINIMAL, "mijn.toml")
    assert profile.theme("contact") is not None
    assert profile.theme("bestaat-niet") is None
    question = profile.question("vragen", "stiltes")
    assert question is not None
    assert question.kind is QuestionKind.SCALE
    assert profile.question("vragen", "bestaat-niet") is None
    assert profile.question("bestaat-niet", "stiltes") is None
    assert profile.question("contact", "stiltes") is None
    ordered = profile.questions_in_order()
    assert [theme.id for theme, _ in ordered] == ["contact", "vragen"]
    assert [q.id for q in ordered[1][1]] == ["stiltes", "wie-praat", "andere-vraag"]


def test_profiles_are_frozen() -> None:
    profile = parse_profile(MINIMAL, "mijn.toml")
    with pytest.raises(ValidationError):
        profile.name = "anders"  # type: ignore[misc]


def test_anchors_are_sorted_by_value_and_colours_normalised() -> None:
    text = _replace(
        ANCHORS_BLOCK,
        'anchors = [{ value = 3, label = "vaak" }, { value = 1, label = "nooit" }]\n',
    )(MINIMAL).replace("#3A7BD5", "#3a7bd5")
    profile = parse_profile(text, "mijn.toml")
    question = profile.question("vragen", "stiltes")
    assert question is not None
    assert [anchor.value for anchor in question.anchors] == [1, 3]
    assert profile.themes[0].colour == "#3A7BD5"


def test_utf8_bom_and_surrounding_whitespace_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace('"Ons eigen profiel"', '" Ons "').encode())
    assert validate_file(path).name == "Ons"


# ---------------------------------------------------------------------------------------------
# Broken profiles: file + field + Dutch message


def test_issue_example_message() -> None:
    text = _replace(
        'id = "stiltes"\nstep = "waarnemen"\nkind = "scale"',
        'id = "stiltes"\nstep = "waarnemen"\nkind = "slider"',
    )(MINIMAL)
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "mijn.toml")
    assert str(caught.value) == (
        "mijn.toml: themes[1].questions[0].kind: "
        "onbekend soort 'slider' (kies open, scale of choice)"
    )
    error = caught.value
    assert isinstance(error, KnownError)
    assert error.message == str(error)
    assert (error.source, error.field) == ("mijn.toml", "themes[1].questions[0].kind")
    assert error.reason == "onbekend soort 'slider' (kies open, scale of choice)"
    assert error.all_messages() == [str(error)]


BROKEN: list[tuple[str, Callable[[str], str], str, str]] = [
    (
        "bad-toml",
        _replace('name = "Ons eigen profiel"', "name = Ons eigen profiel"),
        "regel 2, kolom 8",
        "ongeldige TOML",
    ),
    (
        "unterminated",
        lambda text: text + 'hint = "nog niet af\n',
        f"regel {MINIMAL_LINES + 1}, kolom 20",
        "niet afgesloten",
    ),
    ("missing-name", _replace('name = "Ons eigen profiel"\n', ""), "name", "ontbreekt"),
    (
        "missing-question-text",
        _replace('text = "Wat deed dat met de klant?"\n', ""),
        "themes[0].questions[1].text",
        "ontbreekt",
    ),
    ("empty-name", _replace('"Ons eigen profiel"', '"   "'), "name", "mag niet leeg zijn"),
    ("version-number", _replace('version = "0.1"', "version = 1"), "version", "moet tekst zijn"),
    (
        "duplicate-theme-id",
        _replace('id = "vragen"', 'id = "contact"'),
        "themes[1].id",
        "thema-id 'contact' komt al voor bij themes[0]",
    ),
    (
        "duplicate-question-in-theme",
        _replace('id = "effect"', 'id = "begin"'),
        "themes[0].questions[1].id",
        "vraag-id 'begin' komt al voor",
    ),
    (
        "duplicate-question-across-themes",
        _replace('id = "andere-vraag"', 'id = "begin"'),
        "themes[1].questions[2].id",
        "vraag-id 'begin' komt al voor bij themes[0].questions[0]",
    ),
    (
        "unknown-kind",
        _replace('kind = "open"', 'kind = "slider"'),
        "themes[0].questions[0].kind",
        "onbekend soort 'slider' (kies open, scale of choice)",
    ),
    (
        "unknown-step",
        _replace('step = "betekenis"', 'step = "oordeel"'),
        "themes[0].questions[1].step",
        "onbekende stap 'oordeel' (kies waarnemen, betekenis of alternatief)",
    ),
    (
        "scale-without-anchors",
        _replace(ANCHORS_BLOCK, ""),
        "themes[1].questions[0].anchors",
        "minstens twee ankers",
    ),
    (
        "scale-with-one-anchor",
        _replace(ANCHORS_BLOCK, 'anchors = [{ value = 1, label = "nooit" }]\n'),
        "themes[1].questions[0].anchors",
        "minstens twee ankers",
    ),
    (
        "duplicate-anchor-value",
        _replace('{ value = 2, label = "soms" }', '{ value = 1, label = "soms" }'),
        "themes[1].questions[0].anchors[1].value",
        "waarde 1 komt al voor",
    ),
    (
        "anchor-value-not-integer",
        _replace('{ value = 2, label = "soms" }', '{ value = "twee", label = "soms" }'),
        "themes[1].questions[0].anchors[1].value",
        "moet een geheel getal zijn",
    ),
    (
        "choice-without-options",
        _replace('options = ["vooral ik", "ongeveer even veel", "vooral de klant"]\n', ""),
        "themes[1].questions[1].options",
        "minstens twee opties",
    ),
    (
        "duplicate-option",
        _replace('"ongeveer even veel"', '"Vooral ik"'),
        "themes[1].questions[1].options[1]",
        "optie 'Vooral ik' komt al voor",
    ),
    (
        "anchors-on-open-question",
        _replace('kind = "scale"', 'kind = "open"'),
        "themes[1].questions[0].anchors",
        "ankers horen alleen bij",
    ),
    (
        "bad-colour",
        _replace('"#1E9A8A"', '"groen"'),
        "themes[1].colour",
        "kleur 'groen' is geen kleurcode",
    ),
    (
        "short-colour",
        _replace('"#1E9A8A"', '"#1E9"'),
        "themes[1].colour",
        "geen kleurcode",
    ),
    (
        "bad-profile-id",
        _replace('id = "eigen-profiel"', 'id = "Eigen Profiel"'),
        "id",
        "kleine letters",
    ),
    ("bad-language", _replace('"nl"', '"Nederlands"'), "language", "taalcode"),
    (
        "unknown-field",
        _replace('version = "0.1"', 'version = "0.1"\nauteur = "wij"'),
        "auteur",
        "onbekend veld",
    ),
    (
        "no-questions",
        lambda text: text.split("[[themes.questions]]")[0],
        "themes[0].questions",
        "ontbreekt; voeg minstens één vraag toe met [[themes.questions]]",
    ),
    (
        "empty-questions-list",
        lambda text: text.split("[[themes.questions]]")[0] + "questions = []\n",
        "themes[0].questions",
        "moet minstens 1 vraag bevatten",
    ),
    ("no-themes", lambda text: text.split("[[themes]]")[0], "themes", "[[themes]]"),
    (
        "themes-as-table",
        lambda text: text.split("[[themes]]")[0] + '[themes]\nid = "x"\n',
        "themes",
        "schrijf [[themes]] in plaats van [themes]",
    ),
    ("empty-file", lambda text: "", "bestand", "leeg"),
]


@pytest.mark.parametrize(
    ("mutate", "field", "fragment"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_profile_names_field_in_dutch(
    mutate: Callable[[str], str], field: str, fragment: str
) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(mutate(MINIMAL), "mijn.toml")
    error = caught.value
    assert error.source == "mijn.toml"
    assert error.field == field
    assert fragment in error.reason
    assert str(error).startswith(f"mijn.toml: {field}: ")
    _assert_dutch(error)


def test_all_problems_of_a_file_are_listed() -> None:
    text = _replace('name = "Ons eigen profiel"\n', "")(MINIMAL).replace("#1E9A8A", "groen")
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "mijn.toml")
    assert caught.value.all_messages() == [
        "mijn.toml: name: ontbreekt",
        "mijn.toml: themes[1].colour: kleur 'groen' is geen kleurcode; "
        "schrijf '#' en zes hexadecimale tekens (bijv. '#3A7BD5')",
    ]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin_dir = tmp_path / "ingebouwd"
    shutil.copytree(REPO_PROFILES, builtin_dir)
    user_dir = tmp_path / "eigen"
    user_dir.mkdir()
    return builtin_dir, user_dir


def test_broken_files_are_skipped_and_good_ones_still_load(folders: tuple[Path, Path]) -> None:
    builtin_dir, user_dir = folders
    (user_dir / "a_goed.toml").write_text(MINIMAL, encoding="utf-8")
    expected: dict[str, str] = {}
    for index, (name, mutate, field, _fragment) in enumerate(BROKEN):
        path = user_dir / f"{index:02d}_{name}.toml"
        text = mutate(MINIMAL).replace('id = "eigen-profiel"', f'id = "kapot-{index}"')
        path.write_text(text, encoding="utf-8")
        expected[str(path)] = field
    (user_dir / "notities.txt").write_text("geen profiel", encoding="utf-8")
    (user_dir / "map.toml").mkdir()

    result = load_profiles(builtin_dir, user_dir)

    assert [p.id for p in result.profiles] == [
        "klantgesprek",
        "leidinggevende-medewerker",
        "samenleerwijzer",
        "eigen-profiel",
    ]
    assert {problem.source: problem.field for problem in result.problems} == expected
    assert len(result.problems) == len(BROKEN)
    for problem in result.problems:
        assert str(problem).startswith(f"{problem.source}: {problem.field}: ")
    assert result.get("eigen-profiel") is not None
    assert result.get("kapot-0") is None


def test_duplicate_profile_id_reports_the_later_file(folders: tuple[Path, Path]) -> None:
    builtin_dir, user_dir = folders
    own = user_dir / "klantgesprek.toml"
    own.write_text(MINIMAL.replace('id = "eigen-profiel"', 'id = "klantgesprek"'), encoding="utf-8")
    result = load_profiles(builtin_dir, user_dir)
    assert sorted(p.id for p in result.profiles) == sorted(BUILTIN_IDS)
    klantgesprek = result.get("klantgesprek")
    assert klantgesprek is not None
    assert klantgesprek.name == "Kijkwijzer klantgesprek"  # the built-in one wins
    [problem] = result.problems
    assert problem.source == str(own)
    assert problem.field == "id"
    assert "profiel-id 'klantgesprek' wordt al gebruikt door" in problem.reason
    assert str(builtin_dir / "klantgesprek.toml") in problem.reason


def test_duplicate_profile_id_within_one_folder_keeps_the_first_by_name(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_text(MINIMAL.replace("Ons eigen", "Tweede"), encoding="utf-8")
    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    result = load_profiles(tmp_path, None)
    assert [p.name for p in result.profiles] == ["Ons eigen profiel"]
    assert [(p.source, p.field) for p in result.problems] == [(str(tmp_path / "b.toml"), "id")]


def test_missing_folders(tmp_path: Path) -> None:
    result = load_profiles(REPO_PROFILES, tmp_path / "bestaat-niet")
    assert result.problems == []
    assert len(result.profiles) == 3

    result = load_profiles(tmp_path / "ook-niet", None)
    assert result.profiles == []
    [problem] = result.problems
    assert problem.field == "map"
    assert "bestaat niet" in problem.reason

    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("x", encoding="utf-8")
    result = load_profiles(REPO_PROFILES, not_a_folder)
    assert [(p.source, p.field) for p in result.problems] == [(str(not_a_folder), "map")]


def test_validate_file_problems(tmp_path: Path) -> None:
    cases: list[tuple[Path, str]] = []
    missing = tmp_path / "weg.toml"
    cases.append((missing, "bestaat niet"))
    folder = tmp_path / "map.toml"
    folder.mkdir()
    cases.append((folder, "map"))
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(MINIMAL.replace("Ons eigen", "Één").encode("latin-1"))
    cases.append((latin1, "UTF-8"))
    huge = tmp_path / "groot.toml"
    huge.write_bytes(b"# " + b"x" * 1_100_000)
    cases.append((huge, "te groot"))
    for path, fragment in cases:
        with pytest.raises(ProfileError) as caught:
            validate_file(path)
        assert caught.value.source == str(path)
        assert caught.value.field == "bestand"
        assert fragment in caught.value.reason
    good = tmp_path / "goed.toml"
    good.write_text(MINIMAL, encoding="utf-8")
    assert validate_file(good).id == "eigen-profiel"


def test_builtin_profiles_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROFILES_DIR_ENV, raising=False)
    assert builtin_profiles_dir() == REPO_PROFILES
    monkeypatch.setenv(PROFILES_DIR_ENV, str(tmp_path))
    assert builtin_profiles_dir() == tmp_path
    assert builtin_profiles_dir({PROFILES_DIR_ENV: str(tmp_path / "x")}) == tmp_path / "x"
    assert builtin_profiles_dir({}) == REPO_PROFILES


# ---------------------------------------------------------------------------------------------
# Robustness: parse_profile returns a Profile or raises ProfileError, never anything else

ENGLISH = re.compile(r"Input should|Field required|Value error|should be|Extra inputs")


def _assert_dutch(error: ProfileError) -> None:
    for line in error.all_messages():
        assert not ENGLISH.search(line), line
        assert line.startswith(f"{error.source}: ")


def _parse_or_profile_error(text: str) -> Profile | None:
    try:
        return parse_profile(text, "willekeurig.toml")
    except ProfileError as error:
        _assert_dutch(error)
        return None


def _toml_string(value: str) -> str:
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(type(value))


def to_toml(data: dict[str, Any]) -> str:
    """Serialise a dict as TOML by hand (inline tables), for feeding random structures."""
    return "".join(f"{_toml_key(key)} = {_toml_value(value)}\n" for key, value in data.items())


FIELD_NAMES = [
    "id", "name", "version", "language", "description", "themes", "title", "colour",
    "explanation", "questions", "text", "kind", "step", "hint", "anchors", "options", "value",
    "label",
]  # fmt: skip
KEYS = st.sampled_from(FIELD_NAMES) | st.text(max_size=6)
SCALARS = (
    st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates()
    | st.sampled_from(["open", "scale", "choice", "waarnemen", "betekenis", "alternatief"])
    | st.sampled_from(["#3A7BD5", "#12345", "nl", "", " ", "x-y", "Klant"])
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=15,
)
VALID_DATA: dict[str, Any] = tomllib.loads(MINIMAL)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    _parse_or_profile_error(text)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_random_structures_never_crash(data: dict[str, Any]) -> None:
    text = to_toml(data)
    assert tomllib.loads(text) == data  # the serialiser is right, so pydantic is exercised
    _parse_or_profile_error(text)


@st.composite
def mutated_data(draw: st.DrawFn) -> dict[str, Any]:
    """The minimal profile with a few values replaced, removed or added somewhere inside."""
    data: dict[str, Any] = tomllib.loads(MINIMAL)
    for _ in range(draw(st.integers(1, 3))):
        node: Any = data
        while True:
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            descend = [(k, v) for k, v in children if isinstance(v, dict | list) and v]
            if not descend or draw(st.booleans()):
                break
            node = draw(st.sampled_from(descend))[1]
        action = draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if action == "add" or not keys:
            if isinstance(node, dict):
                node[draw(KEYS)] = draw(VALUES)
            else:
                node.append(draw(VALUES))
            continue
        key = draw(st.sampled_from(keys))
        if action == "replace":
            node[key] = draw(VALUES)
        elif action == "delete":
            del node[key]
        elif isinstance(node, list):
            node.append(node[key])
        else:
            node[key] = [node[key], node[key]]
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_data())
def test_mutated_profiles_never_crash(data: dict[str, Any]) -> None:
    _parse_or_profile_error(to_toml(data))


TOKENS = st.sampled_from(
    ['"', "'", "[", "]", "[[", "]]", "{", "}", "=", ",", "\n", "#", "\\", '"""', "[[themes]]",
     "[[themes.questions]]", 'kind = "slider"', 'kind = "scale"', 'id = "begin"', "= 1", "nan"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_text_never_crashes(data: st.DataObject) -> None:
    text = MINIMAL
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 40)))
        insert = data.draw(TOKENS | st.text(max_size=5))
        text = text[:start] + insert + text[end:]
    _parse_or_profile_error(text)


def test_valid_data_round_trips_through_the_serialiser() -> None:
    profile = parse_profile(to_toml(VALID_DATA), "rond.toml")
    assert profile == parse_profile(MINIMAL, "mijn.toml")


@pytest.mark.parametrize(
    "text",
    ["a = " + "9" * 5000, "a = " + "[" * 5000, "\x00", "id = 1\nid = 2", "themes = [[[[]]]]"],
)
def test_exotic_inputs_give_profile_errors(text: str) -> None:
    assert _parse_or_profile_error(text) is None

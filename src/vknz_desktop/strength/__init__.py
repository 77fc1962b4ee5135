"""Passphrase strength with zxcvbn and Dutch dictionaries (implements PassphraseEstimator).

zxcvbn's own lists are English. Added here, once per process:

- ``nl_woorden``: the 40,000 most frequent Dutch words (wordfreq, in frequency order);
- ``nl_namen``: Dutch first names and surnames, and ``nl_plaatsen``: Dutch places and
  municipalities, from the lookup lists that deduce ships (read as text files; deduce itself
  is not imported), ranked by how often they occur in Dutch text (wordfreq).

So ``Welkom2024`` (word + year), ``Jansen1975`` (surname + year) and ``Zoetermeer2026`` (place +
year) are estimated at well under a million guesses. Loading takes about 0.3 s; an estimate a
few milliseconds, so the GUI can call ``estimate`` at every key press.
"""

from __future__ import annotations

import importlib.util
import secrets
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vknz_desktop.domain.passphrase import MIN_GUESSES_LOG10, StrengthEstimate

#: deduce's lookup lists (relative to its package folder) used as dictionaries.
_NAME_LISTS = (
    "data/lookup/src/names/lst_first_name/items.txt",
    "data/lookup/src/names/lst_surname/items.txt",
)
_PLACE_LISTS = (
    "data/lookup/src/locations/lst_placename/lst_residence/items.txt",
    "data/lookup/src/locations/lst_placename/lst_municipality/items.txt",
    "data/lookup/src/locations/lst_placename/lst_province/items.txt",
)
_DUTCH_WORDS = 40_000
#: Suggestions are drawn from these ranks of the Dutch word list: common enough to remember,
#: 7,500 of them, so four words are about 3 * 10^15 combinations.
_SUGGEST_RANKS = (500, 8_000)

#: Dutch feedback per zxcvbn pattern (the first matching one is shown).
_FEEDBACK = {
    "nl_namen": "Namen (voornamen en achternamen) staan in elke woordenlijst van aanvallers.",
    "nl_plaatsen": "Plaatsnamen staan in elke woordenlijst van aanvallers.",
    "date": "Jaartallen en datums zijn makkelijk te raden.",
    "recent_year": "Jaartallen zijn makkelijk te raden.",
    "sequence": "Reeksen zoals 123 of abc zijn makkelijk te raden.",
    "repeat": "Herhalingen zoals aaa of abcabc zijn makkelijk te raden.",
    "spatial": "Rijtjes toetsen zoals qwerty zijn makkelijk te raden.",
    "dictionary": "Eén of twee bekende woorden, ook met cijfers of een hoofdletter, zijn "
    "makkelijk te raden.",
    "bruteforce": "Het wachtwoord is te kort.",
}
_ADVICE = "Kies een zin van vier of meer losse woorden die niet bij elkaar horen."


class DutchPassphraseEstimator:
    """zxcvbn with Dutch words, names and places; loads its lists on first use."""

    _lock = threading.Lock()
    _loaded = False
    _suggestion_words: Sequence[str] = ()
    _names: frozenset[str] = frozenset()
    _places: frozenset[str] = frozenset()

    def _reasons(self, sequence: Iterable[dict[str, Any]]) -> str:
        keys = _reason_keys(sequence, set(self._names), set(self._places))
        return " ".join(_FEEDBACK[key] for key in keys)

    def estimate(self, passphrase: str) -> StrengthEstimate:
        """Score, guesses and Dutch feedback for ``passphrase``."""
        zxcvbn = self._zxcvbn()
        if not passphrase:
            return StrengthEstimate(0, 0.0, False, _ADVICE)
        result = zxcvbn.zxcvbn(passphrase[:100])  # zxcvbn's time grows fast with length
        log10 = float(result["guesses_log10"])
        acceptable = log10 >= MIN_GUESSES_LOG10
        feedback = "" if acceptable else f"{self._reasons(result['sequence'])} {_ADVICE}".strip()
        return StrengthEstimate(int(result["score"]), round(log10, 1), acceptable, feedback)

    def suggestion(self) -> str:
        """Four random, unrelated Dutch words (``secrets``), e.g. for the dialog's example."""
        self._zxcvbn()
        return " ".join(secrets.choice(self._suggestion_words) for _ in range(4))

    def problem(self, passphrase: str) -> str | None:
        """Why ``passphrase`` is unfit for a new vault, in Dutch, or ``None``."""
        from vknz_desktop.domain.passphrase import strength_problem

        return strength_problem(passphrase, self)

    @classmethod
    def _zxcvbn(cls) -> Any:
        import zxcvbn
        from zxcvbn import matching

        with cls._lock:
            if not cls._loaded:
                words, names, places = _dutch_lists()
                matching.add_frequency_lists(
                    {"nl_woorden": words, "nl_namen": names, "nl_plaatsen": places}
                )
                low, high = _SUGGEST_RANKS
                cls._suggestion_words = [
                    w for w in words[low:high] if w.isalpha() and 4 <= len(w) <= 9
                ]
                cls._names = frozenset(names)
                cls._places = frozenset(places)
                cls._loaded = True
        return zxcvbn


def _reason_keys(
    sequence: Iterable[dict[str, Any]], names: set[str], places: set[str]
) -> list[str]:
    """Which kinds of guessable parts the passphrase has, in order, without repeats."""
    keys: list[str] = []
    for match in sequence:
        pattern = str(match.get("pattern", ""))
        token = str(match.get("matched_word") or match.get("token") or "").lower()
        if pattern == "dictionary":
            key = "nl_plaatsen" if token in places else "nl_namen" if token in names else pattern
        elif pattern == "regex" and match.get("regex_name") == "recent_year":
            key = "recent_year"
        else:
            key = pattern
        if key in _FEEDBACK and key != "bruteforce" and key not in keys:
            keys.append(key)
    return keys or ["bruteforce"]


def _dutch_lists() -> tuple[list[str], list[str], list[str]]:
    import wordfreq

    frequency = wordfreq.get_frequency_dict("nl")
    words = [w for w in wordfreq.top_n_list("nl", _DUTCH_WORDS) if w.isalpha()]

    def ranked(relative_paths: Sequence[str]) -> list[str]:
        entries = {entry for path in relative_paths for entry in _deduce_list(path)}
        return sorted(entries, key=lambda entry: (-frequency.get(entry, 0.0), entry))

    return words, ranked(_NAME_LISTS), ranked(_PLACE_LISTS)


def _deduce_list(relative: str) -> list[str]:
    """One of deduce's lookup lists, lower-cased, without importing deduce."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip().lower() for line in lines if line.strip()]

"""Building the anonymised learning summary from the vault.

What goes in is chosen with :class:`SummaryOptions`: all or some goals, per goal the linked
observations' text, theme counts per Kijkwijzer profile, the number of recordings and sessions
in the period, and the period as months (days only when chosen). What never goes in: video,
audio, pictures, recording titles or ids, participant names, klant items that may not be
shared, exact dates (unless chosen) and times of day. Every free text is de-identified:
``export.deidentify`` (deduce and our recognisers) runs with every name registered on the
recordings, then the user's extra terms and the recording titles are masked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol

from vknz_desktop.domain.goals import (
    GOAL_STATUS_ORDER,
    ClipInfo,
    EvidenceKind,
    GoalStore,
    LearningGoal,
    is_shareable,
)
from vknz_desktop.domain.models import Observation, Recording, Role
from vknz_desktop.domain.profiles import Profile
from vknz_desktop.domain.summary import (
    BatchDeidentify,
    Deidentify,
    LearningSummary,
    SummaryEvidence,
    SummaryGoal,
    SummaryPeriod,
    SummaryStore,
    SummaryTheme,
    TermMasker,
    ThemeCount,
    count_tags,
    month_code,
)

__all__ = [
    "FREE_THEME_TITLE",
    "BuiltSummary",
    "SummaryOptions",
    "SummaryService",
    "SummarySource",
    "evidence_key",
]

FREE_THEME_TITLE = "Vrij (zonder thema)"

ClipLookup = Callable[[str], ClipInfo | None]
SessionCounter = Callable[[dt.date, dt.date], int | None]


class SummarySource(Protocol):
    """What building a summary reads from the vault."""

    def recordings(self) -> list[Recording]: ...

    def observations(self, recording_id: str) -> list[Observation]: ...

    def observation(self, observation_id: str) -> Observation | None: ...


def evidence_key(goal_id: str, key: str) -> str:
    """Identifies one evidence item of one goal (for leaving it out of a summary)."""
    return f"{goal_id}/{key}"


@dataclass(frozen=True)
class SummaryOptions:
    """What the user chose to put in the summary."""

    goal_ids: tuple[str, ...] | None = None  # None: every goal
    include_evidence: bool = True
    excluded_evidence: frozenset[str] = frozenset()  # evidence_key(goal id, evidence key)
    include_theme_counts: bool = True
    include_counts: bool = True
    exact_dates: bool = False
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    extra_terms: tuple[str, ...] = ()
    extra_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuiltSummary:
    """A summary with what the builder knows about it (never written to the file)."""

    summary: LearningSummary
    replacements: int
    evidence_items: int
    left_out_items: int = 0
    goal_ids: tuple[str, ...] = field(default_factory=tuple)
    # Capitalised words left in the text that may be names and that the user has not decided
    # on yet (keep: an accepted word; remove: an extra term). Export waits for a decision.
    doubtful: tuple[str, ...] = ()

    def audit_details(self, file_format: str) -> dict[str, int | str]:
        """What the audit log records about an export: kind and amounts, never content."""
        return {
            "kind": "leersamenvatting",
            "format": file_format,
            "goals": len(self.summary.goals),
            "evidence": self.evidence_items,
            "replacements": self.replacements,
        }


class SummaryService:
    """Builds learning summaries and records their export."""

    def __init__(
        self,
        goals: GoalStore,
        source: SummarySource,
        profiles: Sequence[Profile],
        deidentify: Deidentify,
        *,
        method: str = "deduce + geregistreerde namen + eigen termen",
        clip_lookup: ClipLookup | None = None,
        session_counter: SessionCounter | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._goals = goals
        self._source = source
        self._profiles = {p.id: p for p in profiles}
        self._deidentify = deidentify
        self._method = method
        self._clip_lookup = clip_lookup
        self._session_counter = session_counter
        self._today = today
        self._store = goals if isinstance(goals, SummaryStore) else None
        self._vocabulary = kijkwijzer_vocabulary(profiles)

    # -- names and terms ----------------------------------------------------------------------
    def registered_names(self, recordings: Sequence[Recording] | None = None) -> list[str]:
        """Every name to remove: the vault's name register (names ever registered, also of
        deleted recordings) plus the participants and note authors of the recordings now."""
        recordings = self._source.recordings() if recordings is None else recordings
        return self._names(recordings, {r.id: self._source.observations(r.id) for r in recordings})

    def extra_terms(self) -> list[str]:
        """The user's list of extra terms kept in the vault."""
        return self._goals.extra_terms()

    def known_words(self) -> frozenset[str]:
        """Words never doubtful: the Kijkwijzer vocabulary and the words the user kept."""
        accepted = self._store.accepted_words() if self._store is not None else []
        return self._vocabulary | {w.casefold() for w in accepted}

    # -- building -----------------------------------------------------------------------------
    def build(self, options: SummaryOptions | None = None) -> BuiltSummary:
        """The summary for ``options`` (nothing is written, except that names given in
        ``options.extra_names`` join the name register). Reads every observation once and
        de-identifies every free text in one batch."""
        options = options or SummaryOptions()
        recordings = self._source.recordings()
        by_recording = {r.id: self._source.observations(r.id) for r in recordings}
        by_id = {o.id: o for observations in by_recording.values() for o in observations}
        if self._store is not None and options.extra_names:
            self._store.register_names([n for n in options.extra_names if n.strip()])
        names = [*self._names(recordings, by_recording), *options.extra_names]
        terms = [
            *options.extra_terms,
            *self._goals.extra_terms(),
            *(r.title for r in recordings if r.title.strip()),
        ]

        goals = [g for g in self._chosen_goals(options) if g.goal.strip()]
        start, end = self._period(options, recordings, goals)
        in_period = [r for r in recordings if start <= _recording_day(r) <= end]
        observations = [o for r in in_period for o in by_recording[r.id]]
        shareable = [o for o in observations if is_shareable(o)]

        texts: list[str] = []

        def slot(text: str) -> int:
            texts.append(text)
            return len(texts) - 1

        planned: list[tuple[LearningGoal, tuple[int, int, int], list[_PlannedEvidence]]] = []
        left_out = 0
        for goal in goals:
            evidence: list[_PlannedEvidence] = []
            if options.include_evidence:
                for item in goal.evidence:
                    if evidence_key(goal.id, item.key) in options.excluded_evidence:
                        left_out += 1
                        continue
                    found = self._evidence(item.kind, item.item_id, by_id)
                    if found is None:
                        left_out += 1
                        continue
                    evidence.append(found._replace(text_slot=slot(found.text)))
            fields = (slot(goal.goal), slot(goal.why), slot(goal.next_time))
            planned.append((goal, fields, evidence))

        cleaned, replacements, doubtful = self._clean(texts, names, terms)
        summary_goals = [
            SummaryGoal(
                goal=cleaned[fields[0]],
                why=cleaned[fields[1]],
                next_time=cleaned[fields[2]],
                status=goal.status,
                theme=self._theme(goal.profile_id, goal.theme_id),
                created=self._when(goal.created_at.date(), options.exact_dates),
                review=self._when(goal.review_on, options.exact_dates) if goal.review_on else None,
                evidence=[
                    SummaryEvidence(
                        kind=e.kind, theme=e.theme, question=e.question, text=cleaned[e.text_slot]
                    )
                    for e in evidence
                ],
            )
            for goal, fields, evidence in planned
        ]
        summary = LearningSummary(
            period=SummaryPeriod(
                start=self._when(start, options.exact_dates),
                end=self._when(end, options.exact_dates),
            ),
            vault_id=self._store.vault_id() if self._store is not None else None,
            recordings=self._conversations(in_period) if options.include_counts else None,
            sessions=self._sessions(start, end, observations) if options.include_counts else None,
            goals=summary_goals,
            theme_counts=self._theme_counts(shareable) if options.include_theme_counts else None,
            deidentified_with=self._method,
        )
        return BuiltSummary(
            summary=summary,
            replacements=replacements,
            evidence_items=sum(len(e) for _g, _f, e in planned),
            left_out_items=left_out,
            goal_ids=tuple(g.id for g in goals),
            doubtful=doubtful,
        )

    def decide_doubtful(self, word: str, *, keep: bool) -> None:
        """Remember the user's decision on a doubtful word: kept (an accepted word) or removed
        from every summary (an extra term, which also joins the name register)."""
        value = " ".join(word.split())
        if not value:
            return
        if keep:
            if self._store is None:
                raise TypeError("this goal store cannot remember accepted words")
            words = self._store.accepted_words()
            if value.casefold() not in {w.casefold() for w in words}:
                self._store.set_accepted_words([*words, value])
        else:
            terms = self._goals.extra_terms()
            if value.casefold() not in {t.casefold() for t in terms}:
                self._goals.set_extra_terms([*terms, value])

    def record_export(self, built: BuiltSummary, file_format: str, role: Role | None) -> None:
        """Note the export in the audit log (kind and amounts, never content)."""
        self._goals.record_export(role, built.audit_details(file_format))

    # -- helpers ------------------------------------------------------------------------------
    def _chosen_goals(self, options: SummaryOptions) -> list[LearningGoal]:
        goals = self._goals.goals()
        if options.goal_ids is not None:
            wanted = set(options.goal_ids)
            goals = [g for g in goals if g.id in wanted]
        order = {status: index for index, status in enumerate(GOAL_STATUS_ORDER)}
        return sorted(goals, key=lambda g: (order[g.status], g.created_at))

    def _period(
        self,
        options: SummaryOptions,
        recordings: Sequence[Recording],
        goals: Sequence[LearningGoal],
    ) -> tuple[dt.date, dt.date]:
        days = [_recording_day(r) for r in recordings] or [g.created_at.date() for g in goals]
        today = self._today()
        start = options.period_start or (min(days) if days else today)
        end = options.period_end or (max(days) if days else today)
        if not options.exact_dates:
            start = start.replace(day=1)
            end = _month_end(end)
        if start > end:
            start, end = end, start
        return start, end

    @staticmethod
    def _when(day: dt.date, exact: bool) -> str:
        return day.isoformat() if exact else month_code(day)

    def _theme(self, profile_id: str | None, theme_id: str | None) -> SummaryTheme | None:
        if not profile_id or not theme_id:
            return None
        profile = self._profiles.get(profile_id)
        theme = profile.theme(theme_id) if profile else None
        return SummaryTheme(
            profile_id=profile_id,
            profile=profile.name if profile else profile_id,
            theme_id=theme_id,
            title=theme.title if theme else theme_id,
        )

    def _question(self, profile_id: str | None, theme_id: str | None, qid: str | None) -> str:
        profile = self._profiles.get(profile_id or "")
        if profile is None or not theme_id or not qid:
            return ""
        question = profile.question(theme_id, qid)
        return question.text if question else ""

    def _evidence(
        self, kind: EvidenceKind, item_id: str, observations: Mapping[str, Observation]
    ) -> _PlannedEvidence | None:
        if kind is EvidenceKind.OBSERVATION:
            observation = observations.get(item_id) or self._source.observation(item_id)
            if observation is None or not is_shareable(observation):
                return None
            parts = [p.strip() for p in (observation.answer, observation.text) if p.strip()]
            if not parts:
                return None
            theme = self._theme(observation.profile_id, observation.theme_id)
            question = self._question(
                observation.profile_id, observation.theme_id, observation.question_id
            )
            return _PlannedEvidence(
                "waarneming", theme.title if theme else None, question or None, " — ".join(parts)
            )
        if self._clip_lookup is None:
            return None
        clip = self._clip_lookup(item_id)
        if clip is None or not is_shareable(clip) or not clip.text.strip():
            return None
        theme = self._theme(clip.profile_id, clip.theme_id)
        return _PlannedEvidence("fragment", theme.title if theme else None, None, clip.text)

    def _names(
        self, recordings: Sequence[Recording], observations: Mapping[str, Sequence[Observation]]
    ) -> list[str]:
        names: set[str] = set(self._store.registered_names()) if self._store is not None else set()
        for recording in recordings:
            names.update(p.display_name for p in recording.participants)
            names.update(o.author_name for o in observations.get(recording.id, ()) if o.author_name)
        return sorted(n for n in names if n.strip())

    def _clean(
        self, texts: Sequence[str], names: Sequence[str], terms: Sequence[str]
    ) -> tuple[list[str], int, tuple[str, ...]]:
        """De-identify every text in one batch: (texts, replacements, undecided doubtful)."""
        names = sorted({n for n in names if n.strip()})
        if isinstance(self._deidentify, BatchDeidentify):
            result = self._deidentify.batch(texts, names, terms, self.known_words())
            return list(result.texts), result.replacements, tuple(result.doubtful)
        masker = TermMasker(terms)  # a plain function: one text at a time, no doubtful words
        cleaned: list[str] = []
        replacements = 0
        for text in texts:
            stripped = text.strip()
            value = masker(self._deidentify(stripped, names)) if stripped else stripped
            replacements += max(0, count_tags(value) - count_tags(stripped))
            cleaned.append(value)
        return cleaned, replacements, ()

    def _conversations(self, recordings: Sequence[Recording]) -> int:
        """Conversations recorded: a recording replaced by its fragments counts once, whether
        its fragments or its text-only original are in the period."""
        sources = self._store.fragment_sources() if self._store is not None else {}

        def root(recording_id: str) -> str:
            seen: set[str] = set()
            while recording_id in sources and recording_id not in seen:
                seen.add(recording_id)
                recording_id = sources[recording_id]
            return recording_id

        return len({root(r.id) for r in recordings})

    def _theme_counts(self, observations: Iterable[Observation]) -> list[ThemeCount]:
        counts = Counter(
            (o.profile_id, o.theme_id) if o.theme_id else (None, None) for o in observations
        )
        result: list[ThemeCount] = []
        for (profile_id, theme_id), number in counts.items():
            theme = self._theme(profile_id, theme_id)
            result.append(
                ThemeCount(
                    profile_id=profile_id if theme else None,
                    profile=theme.profile if theme else None,
                    theme_id=theme_id if theme else None,
                    title=theme.title if theme else FREE_THEME_TITLE,
                    observations=number,
                )
            )
        profile_order = list(self._profiles)

        def order(count: ThemeCount) -> tuple[int, int, str]:
            if count.profile_id is None:
                return (len(profile_order) + 1, 0, "")
            profile = self._profiles.get(count.profile_id)
            p_index = profile_order.index(count.profile_id) if profile else len(profile_order)
            t_ids = [t.id for t in profile.themes] if profile else []
            t_index = t_ids.index(count.theme_id) if count.theme_id in t_ids else len(t_ids)
            return (p_index, t_index, count.title)

        return sorted(result, key=order)

    def _sessions(
        self, start: dt.date, end: dt.date, observations: Sequence[Observation]
    ) -> int | None:
        if self._session_counter is not None:
            return self._session_counter(start, end)
        if not observations or not any(hasattr(o, "session_id") for o in observations):
            return None
        return len({s for o in observations if (s := getattr(o, "session_id", None))})


class _PlannedEvidence(NamedTuple):
    kind: Literal["waarneming", "fragment"]
    theme: str | None
    question: str | None
    text: str
    text_slot: int = -1


def kijkwijzer_vocabulary(profiles: Iterable[Profile]) -> frozenset[str]:
    """Every word of the Kijkwijzer profiles (names, themes, questions, hints), lower case."""
    words: set[str] = set()
    for profile in profiles:
        parts = [profile.name]
        for theme in profile.themes:
            parts.extend((theme.title, theme.explanation))
            for question in theme.questions:
                parts.extend(t for t in (question.text, question.hint) if t)
        for part in parts:
            words.update(w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", part or ""))
    return frozenset(words)


def _recording_day(recording: Recording) -> dt.date:
    return recording.conversation_date or recording.imported_at.date()


def _month_end(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)

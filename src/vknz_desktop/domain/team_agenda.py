"""The team learning agenda: many anonymised learning summaries merged into one agenda.

Goals are grouped by Kijkwijzer theme; per theme the agenda tells how many people work on it,
how many of those goals are reached, and gives example goals and next steps (already
anonymised). It never tells which summary a goal came from (examples are de-duplicated and
sorted, no file names or periods per person), and a theme that fewer than
:data:`MIN_GROUP_SIZE` people work on is only named, without any count or example.
This module imports only the standard library and pydantic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from vknz_desktop.domain.goals import GoalStatus
from vknz_desktop.domain.summary import LearningSummary, SummaryPeriod

__all__ = ["MIN_GROUP_SIZE", "NO_THEME_TITLE", "AgendaGroup", "TeamAgenda", "merge_summaries"]

MIN_GROUP_SIZE = 3
MAX_EXAMPLES = 6
NO_THEME_TITLE = "Zonder Kijkwijzer-thema"


@dataclass(frozen=True)
class AgendaGroup:
    """One Kijkwijzer theme on the agenda, with counts only when enough people share it."""

    title: str
    profile: str | None
    people: int
    goals: int
    reached: int
    examples: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    unknown: int = 0  # summaries in this group from older versions, without a vault id


@dataclass(frozen=True)
class TeamAgenda:
    """The merged agenda: groups big enough to show, and the names of the smaller ones."""

    summaries: int
    period: SummaryPeriod | None
    groups: tuple[AgendaGroup, ...] = ()
    small_groups: tuple[str, ...] = ()
    total_goals: int | None = None
    total_reached: int | None = None
    min_group_size: int = MIN_GROUP_SIZE
    people: int = 0  # distinct vault ids (summaries without one are not counted)
    unknown: int = 0  # summaries without a vault id
    replacements: int = 0  # made when the incoming texts were de-identified again


def _unique_sorted(texts: list[str], limit: int) -> tuple[str, ...]:
    variants: dict[str, set[str]] = {}
    for text in texts:
        value = " ".join(text.split())
        if value:
            variants.setdefault(value.casefold(), set()).add(value)
    # One spelling per text, chosen independently of the order of the summaries.
    chosen = [min(spellings) for spellings in variants.values()]
    return tuple(sorted(chosen, key=lambda v: (v.casefold(), v))[:limit])


@dataclass
class _Bucket:
    title: str
    profile: str | None
    people: set[str] = field(default_factory=set)
    unknown: set[int] = field(default_factory=set)
    goals: int = 0
    reached: int = 0
    examples: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


def merge_summaries(
    summaries: Sequence[LearningSummary],
    *,
    min_group_size: int = MIN_GROUP_SIZE,
    max_examples: int = MAX_EXAMPLES,
) -> TeamAgenda:
    """Merge summaries into a team learning agenda.

    People are counted by the summaries' vault ids, so several summaries of one person (one a
    month, say) count once. Summaries without an id (older versions) are "unknown": they are
    listed, but never count towards the ``min_group_size`` people a group needs to show
    numbers and examples. The ids themselves are never part of the agenda.
    """
    buckets: dict[tuple[str | None, str | None], _Bucket] = {}
    for index, summary in enumerate(summaries):
        for goal in summary.goals:
            theme = goal.theme
            key = (theme.profile_id, theme.theme_id) if theme else (None, None)
            bucket = buckets.setdefault(
                key,
                _Bucket(
                    title=theme.title if theme else NO_THEME_TITLE,
                    profile=theme.profile if theme else None,
                ),
            )
            if summary.vault_id:
                bucket.people.add(summary.vault_id)
            else:
                bucket.unknown.add(index)
            bucket.goals += 1
            if goal.status is GoalStatus.BEREIKT:
                bucket.reached += 1
            if goal.status is not GoalStatus.LOSGELATEN and goal.goal.strip():
                bucket.examples.append(goal.goal)
            if goal.next_time.strip():
                bucket.next_steps.append(goal.next_time)

    groups: list[AgendaGroup] = []
    small: list[str] = []
    for bucket in buckets.values():
        if len(bucket.people) < min_group_size:
            small.append(bucket.title)
            continue
        groups.append(
            AgendaGroup(
                title=bucket.title,
                profile=bucket.profile,
                people=len(bucket.people),
                goals=bucket.goals,
                reached=bucket.reached,
                examples=_unique_sorted(bucket.examples, max_examples),
                next_steps=_unique_sorted(bucket.next_steps, max_examples),
                unknown=len(bucket.unknown),
            )
        )
    groups.sort(key=lambda g: (-g.people, g.title.casefold()))
    people = {s.vault_id for s in summaries if s.vault_id}
    enough = len(people) >= min_group_size
    all_goals = [g for s in summaries for g in s.goals]
    return TeamAgenda(
        summaries=len(summaries),
        period=_period(summaries),
        groups=tuple(groups),
        small_groups=tuple(sorted(set(small), key=str.casefold)),
        total_goals=len(all_goals) if enough else None,
        total_reached=sum(g.status is GoalStatus.BEREIKT for g in all_goals) if enough else None,
        min_group_size=min_group_size,
        people=len(people),
        unknown=sum(1 for s in summaries if not s.vault_id),
    )


def _period(summaries: Sequence[LearningSummary]) -> SummaryPeriod | None:
    if not summaries:
        return None
    start = min(s.period.start[:7] for s in summaries)
    end = max(s.period.end[:7] for s in summaries)
    return SummaryPeriod(start=start, end=end)

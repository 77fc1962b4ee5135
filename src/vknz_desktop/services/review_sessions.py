"""Use cases for reviewing together ("samen terugkijken"): prepare a session with a playlist of
fragments and prompts, run it with observations in two perspectives, pass on klant feedback
only with the klant's permission, and close it with a short overview.

Everything a session screen shows goes through the policy in ``domain.visibility`` for the
session's people (``Audience.of_session``):

- a playlist entry carries only what the screen may show: the clip without its private note,
  the recording under its neutral label ("Opname 3, 12 okt.") unless the klantmanager is
  alone, the prompt or a neutral default, and a heading without the fragment title where a
  klant takes part;
- observations are those of this session; earlier ones only on request and only where the
  policy allows it (``earlier_observations``); klant feedback only when everyone watching may
  see it; counts (the overview at the end) are of what is shown;
- who may join is asked per role before anything is stored (``role_choices``).

Klant feedback that is not shared is sealed for the onderzoeker (``domain.sealing``): the
service shows it only when it is given the onderzoeker's unlocked key (``onderzoeker``, an
``OnderzoekerSession``), and then still only where everyone watching may see it; sharing a
sealed item needs that key.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import (
    Clip,
    ConsentRefusedError,
    ReviewSession,
    SessionItem,
    SessionSummary,
)
from vknz_desktop.domain.models import Observation, Participant, Recording, Role, SharingState
from vknz_desktop.domain.ports import ObservationRepository
from vknz_desktop.domain.review_ports import (
    ClipRepository,
    ReviewSessionRepository,
    SharingRepository,
)
from vknz_desktop.domain.visibility import SHARING_ROLES as policy_sharing_roles
from vknz_desktop.domain.visibility import (
    Audience,
    Decision,
    ScreenPrompt,
    earlier_observations,
    fragment_heading,
    may_set_sharing,
    may_show,
    neutral_labels,
    screen_observations,
    screen_prompt,
    screen_title,
    visible_counts,
    visible_on_screen,
)
from vknz_desktop.services.onderzoeker import OnderzoekerSession, merge_unsealed

_NO_PROMPT = ScreenPrompt("", False)

#: Who may record the klant's answer to "may this be passed on?" (the policy's).
SHARING_ROLES = policy_sharing_roles


class RecordingLookup(Protocol):
    """Finding recordings (the vault)."""

    def recording(self, recording_id: str) -> Recording: ...

    def recordings(self) -> list[Recording]: ...


class SessionRepository(ClipRepository, ReviewSessionRepository, SharingRepository, Protocol):
    """What sessions need from the vault."""


@dataclass(frozen=True)
class PlaylistEntry:
    """One fragment of a session as its screen may show it, with the reason if it may not be
    played to the session's people.

    ``clip`` never carries its private note, and its title is ``heading``; unless the
    klantmanager is alone,
    ``recording.title`` is the neutral label and ``recording.participants`` is empty (``label``
    always is the neutral label); ``prompt`` is the preparer's prompt or a neutral default;
    ``heading`` is the fragment's title, or "Fragment 2 van 5" where a klant takes part.
    """

    item: SessionItem
    clip: Clip
    recording: Recording
    problem: str | None = None
    label: str = ""
    heading: str = ""
    prompt: ScreenPrompt = _NO_PROMPT

    @property
    def playable(self) -> bool:
        """Whether the fragment may be shown in this session."""
        return self.problem is None and self.recording.media_available


@dataclass(frozen=True)
class ClipChoice:
    """A clip that could be added to a session (or compared), or why not. ``label`` is the
    recording's neutral label."""

    clip: Clip
    recording: Recording
    problem: str | None
    label: str = ""


class ReviewSessionService:
    """Prepares and runs review sessions; every change is stored at once."""

    def __init__(
        self,
        repository: SessionRepository,
        recordings: RecordingLookup,
        observations: ObservationRepository,
        now: Callable[[], dt.datetime] = utc_now,
        onderzoeker: OnderzoekerSession | None = None,
    ) -> None:
        self._repository = repository
        self._recordings = recordings
        self._observations = observations
        self._now = now
        self._onderzoeker = onderzoeker

    # -- sessions -----------------------------------------------------------------------------
    def sessions(self) -> list[ReviewSession]:
        """All sessions, newest first."""
        return self._repository.sessions()

    @property
    def onderzoeker(self) -> OnderzoekerSession | None:
        """The onderzoeker's unlocked key this service uses, if any."""
        return self._onderzoeker

    def use_onderzoeker(self, onderzoeker: OnderzoekerSession | None) -> None:
        """Show and share the klant's sealed items with this unlocked key (None: no key)."""
        self._onderzoeker = onderzoeker

    def session(self, session_id: str) -> ReviewSession:
        """One session, or KnownError when it was removed."""
        found = self._repository.session(session_id)
        if found is None:
            raise KnownError("Deze sessie bestaat niet meer.")
        return found

    def create(
        self,
        title: str,
        *,
        session_date: dt.date | None = None,
        participants: Sequence[Participant] = (),
        perspectives: tuple[Role, Role] = (Role.ONDERZOEKER, Role.KLANTMANAGER),
    ) -> ReviewSession:
        """A new, empty session."""
        moment = self._now()
        session = ReviewSession(
            id=uuid.uuid4().hex,
            title=title,
            session_date=session_date,
            participants=tuple(participants),
            perspectives=perspectives,
            created_at=moment,
            edited_at=moment,
        )
        self._repository.save_session(session)
        return session

    def update(self, session: ReviewSession, **changes: object) -> ReviewSession:
        """Store a changed session. Changing who takes part is refused (ConsentRefusedError)
        when a fragment already in the playlist has no consent for the new people."""
        changed = ReviewSession.model_validate(
            {**session.model_dump(), **changes, "edited_at": self._now()}
        )
        if changed.roles() != session.roles():
            problems = [
                entry.problem
                for entry in self._entries(changed, self._repository.session_items(session.id))
                if entry.problem and entry.recording.media_available
            ]
            if problems:
                raise ConsentRefusedError(
                    "Zo kan de sessie niet worden samengesteld: "
                    + " ".join(dict.fromkeys(problems))
                    + " Haal dat fragment eerst uit de afspeellijst."
                )
        self._repository.save_session(changed)
        return changed

    def delete(self, session_id: str) -> None:
        """Remove a session and its playlist (its observations stay with the recordings)."""
        self._repository.delete_session(session_id)

    def audience(self, session_id: str) -> Audience:
        """Who watches a session's screen."""
        return Audience.of_session(self.session(session_id))

    def role_choices(self, session: ReviewSession) -> dict[Role, Decision]:
        """For every role: may a participant with that role join, given the fragments already
        in the playlist? Ask this before adding a row, so the role is chosen first."""
        items = self._repository.session_items(session.id)
        recordings = [
            self._recordings.recording(clip.recording_id)
            for clip in (self._repository.clip(i.clip_id) for i in items)
            if clip is not None
        ]
        choices: dict[Role, Decision] = {}
        for role in Role:
            # The session as it would be: a participant in a perspective's role is that
            # perspective's person, not one more (a second klantmanager is a colleague).
            joined = session.model_copy(
                update={
                    "participants": (
                        *session.participants,
                        Participant(display_name="?", role=role),
                    )
                }
            )
            audience = Audience.of_session(joined)
            refused = [may_show(r, audience) for r in recordings if r.media_available]
            reasons = [d.reason for d in refused if not d.allowed]
            if reasons:
                count = len(reasons)
                choices[role] = Decision.no(
                    f"Niet alle fragmenten in de afspeellijst mogen met deze persoon erbij "
                    f"worden bekeken ({count} niet). {reasons[0]} Haal die eerst uit de "
                    "afspeellijst."
                )
            else:
                choices[role] = Decision.yes()
        return choices

    def add_participant(self, session: ReviewSession, participant: Participant) -> ReviewSession:
        """Add someone whose role was chosen first; refused (ConsentRefusedError, nothing
        stored) when a fragment in the playlist may not be shown to them."""
        decision = self.role_choices(session)[participant.role]
        if not decision.allowed:
            raise ConsentRefusedError(decision.reason)
        return self.update(session, participants=(*session.participants, participant))

    # -- playlist -----------------------------------------------------------------------------
    def playlist(self, session_id: str) -> list[PlaylistEntry]:
        """The session's fragments in order, each with a consent problem if there is one."""
        session = self.session(session_id)
        return self._entries(session, self._repository.session_items(session_id))

    def start_state(self, session_id: str) -> Decision:
        """Whether a session can start, and if not, why (for the disabled Start button)."""
        entries = self.playlist(session_id)
        if not entries:
            return Decision.no("Zet eerst fragmenten in de afspeellijst.")
        if not any(entry.playable for entry in entries):
            return Decision.no(
                "Geen van de fragmenten mag in deze sessie worden bekeken: "
                + (entries[0].problem or "")
            )
        return Decision.yes()

    def clip_choices(self, session: ReviewSession) -> list[ClipChoice]:
        """Every clip that exists, with the reason it cannot be added to ``session``."""
        return self.compare_choices(Audience.of_session(session))

    def compare_choices(self, audience: Audience) -> list[ClipChoice]:
        """Every clip with the reason it may not be shown to ``audience`` (also for comparing
        fragments side by side with someone watching)."""
        choices: list[ClipChoice] = []
        recordings = {r.id: r for r in self._recordings.recordings()}
        labels = neutral_labels(recordings.values())
        for clip in self._repository.all_clips():
            recording = recordings.get(clip.recording_id)
            if recording is None:
                recording = self._recordings.recording(clip.recording_id)
            decision = may_show(recording, audience)
            choices.append(
                ClipChoice(
                    clip.model_copy(update={"note": ""}) if not audience.private else clip,
                    recording,
                    None if decision.allowed else decision.reason,
                    labels.get(recording.id, ""),
                )
            )
        return choices

    def add_clip(self, session_id: str, clip_id: str, prompt: str = "") -> SessionItem:
        """Append a clip to the playlist; refused when the recording's consent does not allow
        watching it with the session's people (ConsentRefusedError with the reason)."""
        session = self.session(session_id)
        clip = self._repository.clip(clip_id)
        if clip is None:
            raise KnownError("Dit fragment bestaat niet meer.")
        recording = self._recordings.recording(clip.recording_id)
        decision = may_show(recording, Audience.of_session(session))
        if not decision.allowed:
            raise ConsentRefusedError(decision.reason)
        items = self._repository.session_items(session_id)
        item = SessionItem(
            id=uuid.uuid4().hex,
            session_id=session_id,
            clip_id=clip_id,
            position=len(items),
            prompt=prompt,
        )
        self._repository.save_session_items(session_id, [*items, item])
        self._touch(session)
        return item

    def remove_item(self, session_id: str, item_id: str) -> None:
        """Take a fragment out of the playlist."""
        items = self._repository.session_items(session_id)
        self._repository.save_session_items(session_id, [i for i in items if i.id != item_id])

    def reorder(self, session_id: str, item_ids: Sequence[str]) -> list[SessionItem]:
        """Put the playlist in the order of ``item_ids`` (items not named keep their order,
        after the named ones)."""
        items = {i.id: i for i in self._repository.session_items(session_id)}
        ordered = [items[i] for i in item_ids if i in items]
        ordered += [i for i in items.values() if i.id not in set(item_ids)]
        result = [i.model_copy(update={"position": n}) for n, i in enumerate(ordered)]
        self._repository.save_session_items(session_id, result)
        return result

    def set_prompt(self, session_id: str, item_id: str, prompt: str) -> None:
        """Change the preparer's prompt of one fragment."""
        items = self._repository.session_items(session_id)
        self._repository.save_session_items(
            session_id,
            [i.model_copy(update={"prompt": prompt}) if i.id == item_id else i for i in items],
        )

    # -- running a session --------------------------------------------------------------------
    def add_observation(
        self,
        session: ReviewSession,
        entry: PlaylistEntry,
        perspective: Role,
        text: str,
        time_ms: int,
        author_name: str = "",
    ) -> Observation:
        """An observation typed in ``perspective``'s column at ``time_ms`` of the recording."""
        text = text.strip()
        if not text:
            raise KnownError("Typ eerst wat je ziet of hoort.")
        if perspective not in session.perspectives:
            raise KnownError("Deze sessie heeft geen kolom voor dit perspectief.")
        recording = self._recordings.recording(entry.recording.id)
        decision = may_show(recording, Audience.of_session(session))
        if not decision.allowed:  # e.g. the consent was changed since the session started
            raise ConsentRefusedError(decision.reason)
        if not author_name:
            author_name = next(
                (p.display_name for p in session.participants if p.role == perspective), ""
            )
        moment = self._now()
        observation = Observation(
            id=uuid.uuid4().hex,
            recording_id=entry.recording.id,
            time_ms=max(0, min(int(time_ms), recording.duration_ms)),
            text=text,
            author_role=perspective,
            author_name=author_name,
            created_at=moment,
            edited_at=moment,
            session_id=session.id,
            perspective=perspective,
        )
        self._observations.save_observation(observation)
        return observation

    def delete_observation(self, observation_id: str) -> Observation | None:
        """Remove an observation typed in a session; returns it for undo."""
        existing = self._observations.observation(observation_id)
        self._observations.delete_observation(observation_id)
        return existing

    def restore_observation(self, observation: Observation) -> None:
        """Put an observation back exactly as it was."""
        self._observations.save_observation(observation)

    def observations(self, session_id: str, viewer: Role) -> list[Observation]:
        """The session's observations its screen may show (``viewer`` is the person at the
        keyboard; everyone of the session watches too), oldest first."""
        audience = self._screen_audience(session_id, viewer)
        return [o for o in self._session_observations(session_id) if visible_on_screen(o, audience)]

    def earlier_observations(self, session_id: str, viewer: Role) -> Decision:
        """Whether this session's screen may show observations from earlier sessions (or made
        alone) on request, and if not, why (for the disabled toggle)."""
        return earlier_observations(self._screen_audience(session_id, viewer))

    def fragment_observations(
        self, entry: PlaylistEntry, viewer: Role, *, include_earlier: bool = False
    ) -> list[Observation]:
        """Observations within a fragment's range that its session's screen may show, in time
        order: those typed in this session; with ``include_earlier`` also those from earlier
        sessions or made alone, where the policy allows (never with a klant watching)."""
        clip = entry.clip
        session_id = entry.item.session_id
        audience = self._screen_audience(session_id, viewer)
        return screen_observations(
            (
                o
                for o in self._recording_observations(entry.recording.id)
                if clip.start_ms <= o.time_ms <= clip.end_ms
            ),
            audience,
            session_id,
            include_earlier=include_earlier,
        )

    def set_sharing(
        self, observation: Observation, state: SharingState, *, role: Role
    ) -> Observation:
        """Record the klant's answer to "may this be passed on to the klantmanager?".

        A sealed item needs the onderzoeker's unlocked key (``onderzoeker``)."""
        key = self._onderzoeker.key if self._onderzoeker and self._onderzoeker.open else None
        decision = may_set_sharing(observation, role, onderzoeker_key=key is not None)
        if not decision.allowed:
            raise KnownError(decision.reason)
        return self._repository.set_sharing_state(observation.id, state, role=role, key=key)

    def finish(
        self, session_id: str, seen_item_ids: Sequence[str], viewer: Role | None = None
    ) -> SessionSummary:
        """Close the session: the overview of fragments seen and observations per perspective,
        counting only what the session's screen (and ``viewer``, at the keyboard) may see."""
        session = self.session(session_id)
        items = self._repository.session_items(session_id)
        counts = {role: 0 for role in session.perspectives}
        audience = (
            Audience.of_session(session)
            if viewer is None
            else self._screen_audience(session_id, viewer)
        )
        # Counts of what the screen shows: hidden klant feedback is never counted.
        counts.update(visible_counts(self._session_observations(session_id), audience))
        self._repository.save_session(
            session.model_copy(update={"ended_at": self._now(), "edited_at": self._now()})
        )
        seen = {i.id for i in items} & set(seen_item_ids)
        return SessionSummary(
            fragments_total=len(items), fragments_seen=len(seen), observations=counts
        )

    # -- helpers ------------------------------------------------------------------------------
    def _entries(self, session: ReviewSession, items: Sequence[SessionItem]) -> list[PlaylistEntry]:
        entries: list[PlaylistEntry] = []
        audience = Audience.of_session(session)
        labels: dict[str, str] | None = None
        found: list[tuple[SessionItem, Clip]] = []
        for item in items:
            clip = self._repository.clip(item.clip_id)
            if clip is not None:
                found.append((item, clip))
        for position, (item, clip) in enumerate(found, start=1):
            recording = self._recordings.recording(clip.recording_id)
            decision = may_show(recording, audience)
            if labels is None:
                labels = neutral_labels(self._recordings.recordings())
            label = labels.get(recording.id, "Opname")
            shown = recording
            if not audience.private:  # others watch: no title, no names of the people in it
                shown = recording.model_copy(
                    update={"title": screen_title(recording, label, audience), "participants": ()}
                )
            heading = fragment_heading(clip.title, position, len(found), audience)
            entries.append(
                PlaylistEntry(
                    item=item,
                    # The note is private: never on a screen; the title only as the heading.
                    clip=clip.model_copy(update={"note": "", "title": heading}),
                    recording=shown,
                    problem=None if decision.allowed else decision.reason,
                    label=label,
                    heading=heading,
                    prompt=screen_prompt(item.prompt),
                )
            )
        return entries

    def _session_observations(self, session_id: str) -> list[Observation]:
        """A session's observations, with its sealed items when an onderzoeker's key is
        unlocked; oldest first."""
        plain = self._repository.session_observations(session_id)
        if self._onderzoeker is None or not self._onderzoeker.open:
            return plain
        merged = merge_unsealed(plain, self._onderzoeker.session_items(session_id))
        return sorted(merged, key=lambda o: o.created_at)

    def _recording_observations(self, recording_id: str) -> list[Observation]:
        """A recording's observations, with its sealed items when an onderzoeker's key is
        unlocked; in time order."""
        plain = self._observations.observations(recording_id)
        if self._onderzoeker is None or not self._onderzoeker.open:
            return plain
        return merge_unsealed(plain, self._onderzoeker.recording_items(recording_id))

    def _screen_audience(self, session_id: str, viewer: Role) -> Audience:
        audience = self.audience(session_id)
        return audience if viewer in audience.roles else audience.with_role(viewer)

    def _touch(self, session: ReviewSession) -> None:
        self._repository.save_session(session.model_copy(update={"edited_at": self._now()}))

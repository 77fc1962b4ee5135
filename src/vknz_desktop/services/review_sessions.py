"""Use cases for reviewing together ("samen terugkijken"): prepare a session with a playlist of
fragments and prompts, run it with observations in two perspectives, pass on klant feedback
only with the klant's permission, and close it with a short overview."""

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
    consent_problem,
    is_klant_feedback,
    visible_to,
)
from vknz_desktop.domain.models import Observation, Participant, Recording, Role, SharingState
from vknz_desktop.domain.ports import ObservationRepository
from vknz_desktop.domain.review_ports import (
    ClipRepository,
    ReviewSessionRepository,
    SharingRepository,
)

#: Who may record the klant's answer to "may this be passed on?".
SHARING_ROLES = frozenset({Role.ONDERZOEKER, Role.KLANT})


class RecordingLookup(Protocol):
    """Finding a recording by id (the vault)."""

    def recording(self, recording_id: str) -> Recording: ...


class SessionRepository(ClipRepository, ReviewSessionRepository, SharingRepository, Protocol):
    """What sessions need from the vault."""


@dataclass(frozen=True)
class PlaylistEntry:
    """One fragment of a session as it will be played, with the reason if it may not be."""

    item: SessionItem
    clip: Clip
    recording: Recording
    problem: str | None = None

    @property
    def playable(self) -> bool:
        """Whether the fragment may be shown in this session."""
        return self.problem is None and self.recording.media_available


@dataclass(frozen=True)
class ClipChoice:
    """A clip that could be added to a session, or why not."""

    clip: Clip
    recording: Recording
    problem: str | None


class ReviewSessionService:
    """Prepares and runs review sessions; every change is stored at once."""

    def __init__(
        self,
        repository: SessionRepository,
        recordings: RecordingLookup,
        observations: ObservationRepository,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._repository = repository
        self._recordings = recordings
        self._observations = observations
        self._now = now

    # -- sessions -----------------------------------------------------------------------------
    def sessions(self) -> list[ReviewSession]:
        """All sessions, newest first."""
        return self._repository.sessions()

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
                if entry.problem
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

    # -- playlist -----------------------------------------------------------------------------
    def playlist(self, session_id: str) -> list[PlaylistEntry]:
        """The session's fragments in order, each with a consent problem if there is one."""
        session = self.session(session_id)
        return self._entries(session, self._repository.session_items(session_id))

    def clip_choices(self, session: ReviewSession) -> list[ClipChoice]:
        """Every clip that exists, with the reason it cannot be added to ``session``."""
        choices: list[ClipChoice] = []
        cache: dict[str, Recording] = {}
        for clip in self._repository.all_clips():
            recording = cache.get(clip.recording_id)
            if recording is None:
                recording = cache[clip.recording_id] = self._recordings.recording(clip.recording_id)
            choices.append(ClipChoice(clip, recording, consent_problem(recording, session.roles())))
        return choices

    def add_clip(self, session_id: str, clip_id: str, prompt: str = "") -> SessionItem:
        """Append a clip to the playlist; refused when the recording's consent does not allow
        watching it with the session's people (ConsentRefusedError with the reason)."""
        session = self.session(session_id)
        clip = self._repository.clip(clip_id)
        if clip is None:
            raise KnownError("Dit fragment bestaat niet meer.")
        recording = self._recordings.recording(clip.recording_id)
        problem = consent_problem(recording, session.roles())
        if problem:
            raise ConsentRefusedError(problem)
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
        if not author_name:
            author_name = next(
                (p.display_name for p in session.participants if p.role == perspective), ""
            )
        moment = self._now()
        observation = Observation(
            id=uuid.uuid4().hex,
            recording_id=entry.recording.id,
            time_ms=max(0, min(int(time_ms), entry.recording.duration_ms)),
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
        """The session's observations that ``viewer`` may see, oldest first."""
        return [
            o for o in self._repository.session_observations(session_id) if visible_to(o, viewer)
        ]

    def fragment_observations(self, entry: PlaylistEntry, viewer: Role) -> list[Observation]:
        """Observations that ``viewer`` may see within a fragment's range (made in any session
        or alone), in time order."""
        clip = entry.clip
        return [
            o
            for o in self._observations.observations(entry.recording.id)
            if clip.start_ms <= o.time_ms <= clip.end_ms and visible_to(o, viewer)
        ]

    def set_sharing(
        self, observation: Observation, state: SharingState, *, role: Role
    ) -> Observation:
        """Record the klant's answer to "may this be passed on to the klantmanager?"."""
        if not is_klant_feedback(observation):
            raise KnownError("Alleen voor feedback van de klant wordt om toestemming gevraagd.")
        if role not in SHARING_ROLES:
            raise KnownError(
                "Alleen de onderzoeker (of de klant zelf) legt vast wat de klant wil delen."
            )
        return self._repository.set_sharing_state(observation.id, state, role=role)

    def finish(self, session_id: str, seen_item_ids: Sequence[str]) -> SessionSummary:
        """Close the session: the overview of fragments seen and observations per perspective."""
        session = self.session(session_id)
        items = self._repository.session_items(session_id)
        counts = {role: 0 for role in session.perspectives}
        for observation in self._repository.session_observations(session_id):
            role = observation.perspective or observation.author_role
            counts[role] = counts.get(role, 0) + 1
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
        roles = session.roles()
        for item in items:
            clip = self._repository.clip(item.clip_id)
            if clip is None:
                continue
            recording = self._recordings.recording(clip.recording_id)
            problem = consent_problem(recording, roles)
            if problem is None and not recording.media_available:
                problem = "Van deze opname is de video of het geluid verwijderd."
            entries.append(PlaylistEntry(item, clip, recording, problem))
        return entries

    def _touch(self, session: ReviewSession) -> None:
        self._repository.save_session(session.model_copy(update={"edited_at": self._now()}))

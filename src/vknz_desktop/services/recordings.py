"""Use cases around recordings: import with consent, list, change consent, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vknz_desktop.domain.errors import DuplicateRecordingError, KnownError
from vknz_desktop.domain.models import (
    DEFAULT_KEEP_MONTHS,
    Consent,
    ConsentScope,
    Observation,
    Participant,
    Recording,
    Role,
    add_months,
)
from vknz_desktop.domain.ports import (
    CancelToken,
    MediaProber,
    ProgressCallback,
    RecordingRepository,
)
from vknz_desktop.domain.recording_ports import SourceRemover
from vknz_desktop.domain.visibility import Audience, visible_on_screen


@dataclass(frozen=True)
class ImportRequest:
    """Everything the user tells us about a recording before it is imported."""

    source: Path
    consent: Consent
    title: str | None = None
    conversation_date: dt.date | None = None
    participants: Sequence[Participant] = field(default_factory=tuple)
    role: Role = Role.KLANTMANAGER


def make_consent(
    scopes: Sequence[ConsentScope],
    *,
    given_by: Role,
    given_on: dt.date,
    keep_until: dt.date | None = None,
) -> Consent:
    """A consent record; keep-until defaults to twelve months after consent was given.

    KnownError (a Dutch message, nothing changed) when keep-until lies before the consent
    date or no scope is given.
    """
    if keep_until is not None and keep_until < given_on:
        raise KnownError(
            f"Bewaren tot ({keep_until.isoformat()}) ligt vóór de datum van toestemming "
            f"({given_on.isoformat()}). Er is niets gewijzigd."
        )
    if not scopes:
        raise KnownError("Geef minstens één toestemming op. Er is niets gewijzigd.")
    return Consent(
        given_on=given_on,
        given_by=given_by,
        scopes=frozenset(scopes),
        keep_until=keep_until or add_months(given_on, DEFAULT_KEEP_MONTHS),
    )


#: Said after removing a source file, in the dialog and on the command line: deleting is not
#: destroying on flash storage, and a phone may have copied the recording to a cloud.
SOURCE_REMOVED_NOTICE = (
    "Het bronbestand is verwijderd. Let op: op een geheugenkaart, USB-stick, SSD of telefoon "
    "is een verwijderd bestand vaak nog terug te halen, en een telefoon kan de opname al naar "
    "een cloud (bijvoorbeeld een fotoback-up) hebben gekopieerd. Verwijder de opname daar ook."
)


@dataclass(frozen=True)
class RecordingCounts:
    """What the library counts per recording: fragments, and observations the viewer may see."""

    fragments: int = 0
    observations: int = 0


@dataclass(frozen=True)
class SourceRemoval:
    """What removing the source file did, for the message to the user."""

    removable_media: bool
    notice: str = SOURCE_REMOVED_NOTICE


def default_title(source: Path) -> str:
    """The title used when the user gives none: the file name without extension."""
    return source.stem or source.name


class RecordingService:
    """Imports recordings into the vault and manages their consent."""

    def __init__(
        self,
        repository: RecordingRepository,
        prober: MediaProber,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._repository = repository
        self._prober = prober
        self._today = today

    def import_recording(
        self,
        request: ImportRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Recording:
        """Probe the file (nothing is written if it is not media), then encrypt it into the vault.

        Raises UnsupportedMediaError, DuplicateRecordingError, ImportCancelledError,
        DiskFullError; in each case the vault is left exactly as it was.
        """
        media = self._prober.probe(request.source)
        # Refused before anything is written (only files of the same size are hashed).
        existing = self._repository.duplicate_of(request.source, cancel)
        if existing is not None:
            raise DuplicateRecordingError(
                f"Dit bestand staat al in de kluis als '{existing.title}' "
                f"(nummer {existing.id}); het is niet nog een keer toegevoegd."
            )
        title = (request.title or "").strip() or default_title(request.source)
        return self._repository.add_recording(
            request.source,
            title=title,
            conversation_date=request.conversation_date,
            media=media,
            participants=request.participants,
            consent=request.consent,
            role=request.role,
            progress=progress,
            cancel=cancel,
        )

    def import_and_remove_source(
        self,
        request: ImportRequest,
        remover: SourceRemover,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> tuple[Recording, SourceRemoval]:
        """Import, then remove the source file (audited). A source that cannot be removed
        (read-only medium or folder) is refused before anything is imported."""
        remover.check(request.source)
        recording = self.import_recording(request, progress=progress, cancel=cancel)
        removable = remover.remove(request.source, recording.id, request.role)
        return recording, SourceRemoval(removable)

    def recordings(self) -> list[Recording]:
        """All recordings, newest first."""
        return self._repository.recordings()

    def counts(self, viewer: Role) -> dict[str, RecordingCounts]:
        """Fragments and observations per recording, as ``viewer`` alone may count them: klant
        feedback that is hidden from them is never counted (``domain.visibility``)."""
        audience = Audience.alone(viewer)
        stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        observations: dict[str, int] = {}
        for tally in self._repository.observation_tallies():
            example = Observation(  # what the policy looks at; no text is read
                id="",
                recording_id=tally.recording_id,
                time_ms=0,
                author_role=tally.author_role,
                perspective=tally.perspective,
                sharing_state=tally.sharing_state,
                created_at=stamp,
                edited_at=stamp,
            )
            if visible_on_screen(example, audience):
                observations[tally.recording_id] = (
                    observations.get(tally.recording_id, 0) + tally.count
                )
        clips = self._repository.clip_counts()
        return {
            rid: RecordingCounts(clips.get(rid, 0), observations.get(rid, 0))
            for rid in set(clips) | set(observations)
        }

    def expired(self) -> list[Recording]:
        """Recordings whose keep-until date has passed."""
        today = self._today()
        return [r for r in self._repository.recordings() if r.consent.keep_until < today]

    def change_consent(self, recording_id: str, consent: Consent, *, role: Role) -> None:
        """Replace a recording's consent (audited)."""
        self._repository.set_consent(recording_id, consent, role=role)

    def delete(self, recording_id: str, *, role: Role) -> None:
        """Crypto-shred a recording (audited)."""
        self._repository.delete_recording(recording_id, role=role)

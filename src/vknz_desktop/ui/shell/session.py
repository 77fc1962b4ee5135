"""What one unlocked vault offers the GUI: its services, built once by the composition root.

After an unlock the shell asks the composition root (``app.py``) for a ``VaultSession``: the
vault, who is working, and every service on that vault, made once. The shell, the library,
the workspace and the features take what they need from it; nothing in ``ui`` builds a service
on its own. A lock forgets the session; the next unlock makes a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vknz_desktop.ui.common.identity import Identity

if TYPE_CHECKING:  # services load after the unlock dialog is shown
    from vknz_desktop.domain.gdpr import GdprRequests
    from vknz_desktop.domain.goals import GoalVault
    from vknz_desktop.domain.models import Recording
    from vknz_desktop.domain.ports import MediaStream, OpenVault
    from vknz_desktop.domain.recording_ports import SourceFiles
    from vknz_desktop.domain.review_ports import ReviewRepository
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.services.goals import GoalService
    from vknz_desktop.services.keep_fragments import KeepFragmentsService
    from vknz_desktop.services.live_recording import LiveRecordingService
    from vknz_desktop.services.observations import ObservationService
    from vknz_desktop.services.onderzoeker import OnderzoekerService
    from vknz_desktop.services.recordings import RecordingService
    from vknz_desktop.services.retention import RetentionService
    from vknz_desktop.services.review_sessions import ReviewSessionService
    from vknz_desktop.services.summary import SummaryService


@dataclass(frozen=True)
class ReviewServices:
    """Clips, review sessions and keeping fragments only, on one vault."""

    repository: ReviewRepository
    clips: ClipService
    sessions: ReviewSessionService
    keep_fragments: KeepFragmentsService


@dataclass(frozen=True)
class LearningServices:
    """Leerdoelen and the learning summary, on one vault."""

    repository: GoalVault
    goals: GoalService
    summary: SummaryService


@dataclass(frozen=True)
class VaultSession:
    """The open vault, who is working, and every service on it (see the module's description).

    A part the app was built without is None (e.g. review services in a build without them).
    """

    vault: OpenVault
    identity: Identity
    recordings: RecordingService
    observations: ObservationService
    retention: RetentionService | None = None
    review: ReviewServices | None = None
    learning: LearningServices | None = None
    privacy: GdprRequests | None = None
    #: Onderzoekers and the klant's sealed feedback (``domain.sealing``).
    onderzoeker: OnderzoekerService | None = None
    #: Removing a source after its import, and reminders to remove it on a phone or card.
    source_files: SourceFiles | None = None
    #: Recording straight into the vault (the Opnemen page).
    live_recording: LiveRecordingService | None = None

    def open_media(self, recording_id: str) -> MediaStream:
        """A new decrypting stream of the recording's media (the caller closes it)."""
        return self.vault.open_media(recording_id)

    def recording(self, recording_id: str) -> Recording:
        """One recording of the vault."""
        return self.vault.recording(recording_id)


#: Made by the composition root: the services of a vault just unlocked by ``identity``.
SessionFactory = Callable[["OpenVault", Identity], VaultSession]

__all__ = ["LearningServices", "ReviewServices", "SessionFactory", "VaultSession"]

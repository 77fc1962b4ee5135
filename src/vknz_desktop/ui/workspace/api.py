"""The narrow view of the workspace that features get (through the shell's Host).

Features read what is under review and ask for a few things; they never reach into the
workspace's widgets. ``Workspace`` implements this protocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from vknz_desktop.domain.fragments import Clip
    from vknz_desktop.domain.models import Observation, Recording


class ClipCommands(Protocol):
    """The clip commands of the workspace (I/O marks, playing, stepping, moving edges)."""

    def mark_in(self) -> None: ...

    def mark_out(self) -> None: ...

    def play_selected(self) -> None: ...

    def toggle_loop(self) -> None: ...

    def previous_clip(self) -> None: ...

    def next_clip(self) -> None: ...

    def set_selected_start(self) -> None: ...

    def set_selected_end(self) -> None: ...

    def edit_title(self) -> None: ...

    def flush_edits(self) -> None: ...


class WorkspaceApi(Protocol):
    """What a feature may know of and ask from the workspace."""

    @property
    def recording(self) -> Recording | None:
        """The recording under review (None when none is open)."""
        ...

    @property
    def observations(self) -> list[Observation]:
        """Its observations that the user may see, in time order."""
        ...

    @property
    def clip_commands(self) -> ClipCommands:
        """The clip commands (they do nothing while no recording is open)."""
        ...

    def selected_observation_ids(self) -> list[str]:
        """The observations chosen in the list."""
        ...

    def selected_clip(self) -> Clip | None:
        """The fragment chosen in the clips panel, if any."""
        ...

    def recording_clips(self) -> list[Clip]:
        """The fragments of the recording under review."""
        ...

    def reload_observations(self) -> None:
        """Read the observations again (after a feature changed or added one)."""
        ...

    def save_pending_observation(self) -> bool:
        """Store what is being typed; whether something was stored."""
        ...


__all__ = ["ClipCommands", "WorkspaceApi"]

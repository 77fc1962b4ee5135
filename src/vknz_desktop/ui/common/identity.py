"""Who is working and how typing meets playback: small values the unlock dialog, the settings
and the workspace share, in a module that loads none of the workspace's widgets."""

from __future__ import annotations

from dataclasses import dataclass

from vknz_desktop.domain.models import Role


@dataclass
class WorkspaceSettings:
    """How typing an observation interacts with playback."""

    pause_while_typing: bool = True
    resume_after_save: bool = True
    reaction_offset_ms: int = 0


@dataclass(frozen=True)
class Identity:
    """Who is working: their role and (optional) display name."""

    role: Role = Role.KLANTMANAGER
    name: str = ""

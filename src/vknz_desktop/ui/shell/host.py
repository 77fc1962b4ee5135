"""The seam between the shell and its features: ``Host``, ``Feature`` and ``ShellEvents``.

A feature (review, leerdoelen, samen kijken, privacy, and what comes later) is given a
``Host`` when it is made and installs itself through it: its pages (with their title, undo
stack and whether the menu bar shows), its actions (``host.registry``: menus, shortcuts,
enabled-state with a reason) and its reactions to ``host.events``. It never imports the main
window or another feature; the composition root (``app.py``) wires features to each other
with signals, as KeePassXC's main window connects its plugins' requests.

The services of the open vault come with ``events.vaultOpened`` (a ``VaultSession``) and stay
available as ``host.session`` until the vault closes (lock, quit). Before that the shell calls
every feature's ``shutdown()`` in the order they were installed (stop work, store what is
typed, close dialogs, forget what is shown) and then emits ``events.vaultClosing``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from vknz_desktop.domain.models import Recording
    from vknz_desktop.domain.profiles import Profile
    from vknz_desktop.ui.playback.player_controller import PlayerController
    from vknz_desktop.ui.shell.actions import ActionRegistry
    from vknz_desktop.ui.shell.session import VaultSession
    from vknz_desktop.ui.workspace.api import WorkspaceApi


class ShellEvents(QObject):
    """What happens in the shell, for features to follow."""

    #: After an unlock: the VaultSession of the vault just opened.
    vaultOpened = Signal(object)
    #: Before the vault closes (lock, quit), after every feature's ``shutdown()``.
    vaultClosing = Signal()
    #: After a lock closed the vault (not at quit): helpers that hold data of the vault
    #: outside this process stop (the de-identification worker, wired by app.py).
    vaultLocked = Signal()
    #: After the page shown changed: the page (a QWidget).
    pageChanged = Signal(object)


class Host(Protocol):
    """What the shell offers a feature (the main window implements it)."""

    @property
    def events(self) -> ShellEvents:
        """Vault opened/closing and page changes."""
        ...

    @property
    def registry(self) -> ActionRegistry:
        """The one action registry (menus, shortcuts, '?' overlay)."""
        ...

    @property
    def session(self) -> VaultSession | None:
        """The open vault's services (None while locked)."""
        ...

    @property
    def controller(self) -> PlayerController:
        """The main player."""
        ...

    @property
    def workspace(self) -> WorkspaceApi:
        """The recording under review, as far as features may know it."""
        ...

    @property
    def profiles(self) -> Sequence[Profile]:
        """The Kijkwijzer profiles."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget dialogs and message boxes belong to."""
        ...

    # -- pages --------------------------------------------------------------------------------
    def add_page(
        self,
        page: QWidget,
        *,
        title: Callable[[], str] | None = None,
        undo_stack: QUndoStack | None = None,
        menu_bar: bool = True,
    ) -> None:
        """A page of the window: the window title while it shows, the undo stack that Ctrl+Z
        works on there, and whether the menu bar shows with it."""
        ...

    def show_page(self, page: QWidget) -> None:
        """Show one of the pages (and its title)."""
        ...

    def current_page(self) -> QWidget | None:
        """The page shown now."""
        ...

    def workspace_shown(self) -> bool:
        """Whether the workspace (a recording under review) is the page shown."""
        ...

    # -- going places -------------------------------------------------------------------------
    def show_library(self) -> None:
        """Leave whatever shows (storing typed text) and show the library."""
        ...

    def show_workspace(self) -> None:
        """Back to the recording under review (when one is open), keyboard on the picture."""
        ...

    def open_recording(self, recording_id: str, position_ms: int = 0) -> None:
        """Open a recording in the workspace, paused at ``position_ms``."""
        ...

    def leave_workspace(self) -> None:
        """Store what is typed and close the recording under review (before another page)."""
        ...

    # -- the library --------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Read the recordings again (after a feature added or removed some)."""
        ...

    def recordings_added(self, recordings: Sequence[Recording]) -> None:
        """New recordings: refresh the library and make their pictures in the background."""
        ...

    def stop_analysis(self) -> None:
        """Stop background analysis of recordings (before they are erased)."""
        ...

    def hold_inactivity_lock(self, held: bool) -> None:
        """While held (a recording runs), the vault does not lock for want of input (Ctrl+L
        and the operating system's lock still lock it)."""
        ...

    # -- conditions for actions (None: available; else the reason why not) -------------------
    def needs_vault(self) -> str | None:
        """Available while the vault is unlocked."""
        ...

    def needs_recording(self) -> str | None:
        """Available while a recording is under review in the workspace."""
        ...


class Feature(Protocol):
    """A part of the app that installs itself through a Host (see the module's description).

    Made as ``Feature(host, …)`` by the composition root; the shell keeps the list and offers
    it to tests as ``MainWindow.feature(kind)``.
    """

    def shutdown(self) -> None:
        """Before the vault closes (lock, quit): stop work at once, store what is typed, close
        dialogs and forget everything shown of the vault."""
        ...


#: Made by the composition root once the window is built: installs every feature.
FeatureInstaller = Callable[[Host], Sequence[Feature]]

__all__ = ["Feature", "FeatureInstaller", "Host", "ShellEvents"]

"""Fakes to test a feature on its own: a Host without the main window, a player without
libVLC, a workspace without widgets, and services that record what they were asked."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from tests.ui import data
from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.models import (
    ConsentScope,
    Observation,
    Recording,
)
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.shell.actions import ActionRegistry
from vknz_desktop.ui.shell.host import ShellEvents

#: Consent that lets the klant and the onderzoeker watch (sessions, Samen kijken).
WATCH_TOGETHER = (ConsentScope.RESEARCHER, ConsentScope.CLIENT)


def recording(
    rid: str = "r1", *, video: bool = True, scopes: Iterable[ConsentScope] = WATCH_TOGETHER
) -> Recording:
    """A made-up recording (by default the klant and the onderzoeker may watch it)."""
    return data.recording(rid, "Oefengesprek", video=video, scopes=scopes)


class FakePlayer(QObject):
    """The PlayerController's signals and methods, without libVLC: it only counts."""

    frameReady = Signal(QImage)
    positionChanged = Signal(int)
    playingChanged = Signal(bool)
    durationChanged = Signal(int)
    rateChanged = Signal(float)
    errorOccurred = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.playing = False
        self.duration_ms = 60_000
        self.recording: Recording | None = None
        self.position = 0
        self.volume = 80
        self.muted = False
        self.rate = 1.0
        self.calls: list[str] = []

    def position_ms(self) -> int:
        return self.position

    def seek(self, position_ms: int) -> None:
        self.calls.append(f"seek {position_ms}")
        self.position = position_ms

    def skip(self, delta_ms: int) -> None:
        self.seek(max(0, self.position + delta_ms))

    def toggle(self) -> None:
        self.playing = not self.playing
        self.playingChanged.emit(self.playing)

    def play(self) -> None:
        self.calls.append("play")
        if not self.playing:
            self.playing = True
            self.playingChanged.emit(True)

    def pause(self) -> None:
        self.calls.append("pause")
        if self.playing:
            self.playing = False
            self.playingChanged.emit(False)

    def open(self, recording: Recording, _factory: Callable[[], object]) -> None:
        self.recording = recording

    def close_media(self) -> None:
        self.recording = None

    def shutdown(self) -> None:
        self.calls.append("shutdown")

    def set_volume(self, volume: int) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def set_rate(self, rate: float) -> None:
        self.rate = rate

    def media_time_ms(self) -> int:
        return self.position


class FakeClipCommands:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Callable[[], None]:
        return lambda: self.calls.append(name)


@dataclass
class FakeWorkspace:
    """A WorkspaceApi that hands out what the test put in and records what it was asked."""

    recording: Recording | None = None
    observations: list[Observation] = field(default_factory=list)
    selected_ids: list[str] = field(default_factory=list)
    clip: Clip | None = None
    clips: list[Clip] = field(default_factory=list)
    clip_commands: FakeClipCommands = field(default_factory=FakeClipCommands)
    calls: list[str] = field(default_factory=list)

    def selected_observation_ids(self) -> list[str]:
        return list(self.selected_ids)

    def selected_clip(self) -> Clip | None:
        return self.clip

    def recording_clips(self) -> list[Clip]:
        return list(self.clips)

    def reload_observations(self) -> None:
        self.calls.append("reload_observations")

    def save_pending_observation(self) -> bool:
        self.calls.append("save_pending_observation")
        return False


class FakeObservations:
    """The observation service: remembers what was created."""

    def __init__(self) -> None:
        self.created: list[dict[str, Any]] = []

    def create(self, recording_id: str, time_ms: int, **fields: Any) -> None:
        self.created.append({"recording_id": recording_id, "time_ms": time_ms, **fields})


@dataclass
class FakeSession:
    """A VaultSession with only what a test needs (None for the rest)."""

    identity: Identity = field(default_factory=Identity)
    vault: Any = None
    observations: FakeObservations = field(default_factory=FakeObservations)
    review: Any = None
    learning: Any = None
    privacy: Any = None
    retention: Any = None
    onderzoeker: Any = None

    def open_media(self, recording_id: str) -> Any:
        raise AssertionError(f"no media in this test ({recording_id})")


class FakeHost:
    """A Host without the main window: real events and action registry, pages in a stack,
    and a log of everything a feature asked of the shell."""

    def __init__(self, profiles: Sequence[Any] = ()) -> None:
        self.window = QMainWindow()
        self.pages = QStackedWidget(self.window)
        self.window.setCentralWidget(self.pages)
        self.pages.addWidget(QWidget(self.pages))  # the "locked page": shown first
        self.events = ShellEvents(self.window)
        self.registry = ActionRegistry(self.window)
        for menu_id, order in (("file", 10), ("edit", 20), ("play", 30)):
            self.registry.add_menu(menu_id, menu_id, order)
        for menu_id, order in (("observations", 40), ("help", 90)):
            self.registry.add_menu(menu_id, menu_id, order)
        self.registry.build_menu_bar(self.window.menuBar())
        self.undo_group = QUndoGroup(self.window)
        self.controller = FakePlayer()
        self.workspace = FakeWorkspace()
        self.profiles = list(profiles)
        self.session: FakeSession | None = None
        self.titles: dict[QWidget, Callable[[], str] | None] = {}
        self.menu_bar: dict[QWidget, bool] = {}
        self.calls: list[str] = []

    def dialog_parent(self) -> QWidget:
        return self.window

    def add_page(
        self,
        page: QWidget,
        *,
        title: Callable[[], str] | None = None,
        undo_stack: QUndoStack | None = None,
        menu_bar: bool = True,
    ) -> None:
        self.titles[page] = title
        self.menu_bar[page] = menu_bar
        if undo_stack is not None:
            self.undo_group.addStack(undo_stack)
        self.pages.addWidget(page)

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self.events.pageChanged.emit(page)

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def workspace_shown(self) -> bool:
        return self.session is not None and self.workspace.recording is not None

    def show_library(self) -> None:
        self.calls.append("show_library")

    def hold_inactivity_lock(self, held: bool) -> None:
        self.calls.append(f"hold_inactivity_lock {held}")

    def show_workspace(self) -> None:
        self.calls.append("show_workspace")
        self.pages.setCurrentIndex(0)
        self.events.pageChanged.emit(self.pages.currentWidget())

    def open_recording(self, recording_id: str, position_ms: int = 0) -> None:
        self.calls.append(f"open_recording {recording_id} {position_ms}")

    def leave_workspace(self) -> None:
        self.calls.append("leave_workspace")

    def refresh_library(self) -> None:
        self.calls.append("refresh_library")

    def recordings_added(self, recordings: Sequence[Recording]) -> None:
        self.calls.append(f"recordings_added {len(recordings)}")

    def stop_analysis(self) -> None:
        self.calls.append("stop_analysis")

    def needs_vault(self) -> str | None:
        return None if self.session is not None else "Ontgrendel eerst de kluis."

    def needs_recording(self) -> str | None:
        return None if self.workspace_shown() else "Open eerst een opname."

    def unlock(self, session: FakeSession) -> None:
        """As the shell does after an unlock."""
        self.session = session
        self.events.vaultOpened.emit(session)
        self.registry.update()


__all__ = [
    "FakeHost",
    "FakeObservations",
    "FakePlayer",
    "FakeSession",
    "FakeWorkspace",
    "recording",
]

"""The shell's own menus and actions, declared as data in the one registry.

Menus (by their order in the bar): Bestand (``file``), Bewerken (``edit``), Afspelen
(``play``), Waarnemingen (``observations``), Help (``help``); features add theirs between
Waarnemingen and Help (orders 41–89). Sections order the items of a menu, with a separator
between sections; features use the sections in between (e.g. ``FILE_PAGES``).

Ranks in the '?' overlay: playback 100, workspace keys 110–130, editing 200, pages 220–230,
the vault 300, help 310.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from vknz_desktop.ui.shell.actions import ActionRegistry, ActionSpec, KeyHint
from vknz_desktop.ui.shell.undo_actions import redo_action, undo_action

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup

    from vknz_desktop.domain.profiles import ProfileError
    from vknz_desktop.ui.library.controller import LibraryController
    from vknz_desktop.ui.playback.player_controller import PlayerController
    from vknz_desktop.ui.workspace.workspace import Workspace

# menus and their order in the menu bar
FILE, EDIT, PLAY, OBSERVATIONS, HELP = "file", "edit", "play", "observations", "help"
# sections of the file menu: the vault, then pages features add, then lock and quit
FILE_VAULT, FILE_PAGES, FILE_SESSION = 10, 50, 90
# overlay ranks
OVERLAY_PLAYBACK, OVERLAY_WORKSPACE, OVERLAY_EDITOR, OVERLAY_EDIT = 100, 110, 130, 200
OVERLAY_PAGES, OVERLAY_VAULT, OVERLAY_HELP = 220, 300, 310


class ShellWindow(Protocol):
    """What the shell's actions need of the main window (which implements it)."""

    @property
    def registry(self) -> ActionRegistry: ...

    @property
    def controller(self) -> PlayerController: ...

    @property
    def workspace(self) -> Workspace: ...

    undo_group: QUndoGroup
    library_controller: LibraryController
    profile_problems: Sequence[ProfileError]

    def needs_vault(self) -> str | None: ...

    def needs_recording(self) -> str | None: ...

    def needs_writable_vault(self) -> str | None: ...

    def show_library(self) -> None: ...

    def lock(self) -> None: ...

    def close(self) -> bool: ...

    def show_settings(self) -> None: ...

    def show_search(self) -> None: ...

    def show_shortcuts(self) -> None: ...

    def show_profile_problems(self) -> None: ...

    def show_manual(self) -> None: ...

    def change_passphrase(self) -> None: ...

    def show_about(self) -> None: ...


class ShellActions(QObject):
    """Registers the shell's menus and actions with ``window.registry`` (and translates them
    in its own context)."""

    def __init__(self, window: ShellWindow) -> None:
        super().__init__()
        self.window = window
        registry = window.registry
        for menu_id, title, order in (
            (FILE, self.tr("&Bestand"), 10),
            (EDIT, self.tr("Be&werken"), 20),
            (PLAY, self.tr("&Afspelen"), 30),
            (OBSERVATIONS, self.tr("&Waarnemingen"), 40),
            (HELP, self.tr("&Help"), 90),
        ):
            registry.add_menu(menu_id, title, order)
        self._file_actions()
        self._edit_actions()
        self._play_actions()
        self._help_actions()

    def _file_actions(self) -> None:
        window = self.window
        add = window.registry.add
        add(
            ActionSpec(
                "file.import",
                self.tr("Opname &importeren…"),
                window.library_controller.choose_files_to_import,
                ("Ctrl+I",),
                FILE,
                FILE_VAULT,
                available=window.needs_writable_vault,
                overlay=OVERLAY_VAULT,
            )
        )
        add(
            ActionSpec(
                "file.library",
                self.tr("Naar de &bibliotheek"),
                window.show_library,
                ("Ctrl+B",),
                FILE,
                FILE_VAULT,
                available=window.needs_vault,
                overlay=OVERLAY_VAULT,
            )
        )
        add(
            ActionSpec(
                "file.lock",
                self.tr("&Vergrendelen"),
                window.lock,
                ("Ctrl+L",),
                FILE,
                FILE_SESSION,
                available=window.needs_vault,
                overlay=OVERLAY_VAULT,
            )
        )
        add(
            ActionSpec(
                "file.quit", self.tr("&Afsluiten"), window.close, ("Ctrl+Q",), FILE, FILE_SESSION
            )
        )

    def _edit_actions(self) -> None:
        window = self.window
        registry = window.registry
        group = window.undo_group
        registry.adopt(
            ActionSpec("edit.undo", "", _nothing, ("Ctrl+Z",), EDIT, 10, overlay=OVERLAY_EDIT),
            undo_action(group, group),
        )
        registry.adopt(
            ActionSpec(
                "edit.redo",
                "",
                _nothing,
                ("Ctrl+Shift+Z", "Ctrl+Y"),
                EDIT,
                10,
                overlay=OVERLAY_EDIT,
            ),
            redo_action(group, group),
        )
        registry.add(
            ActionSpec(
                "edit.settings",
                self.tr("&Instellingen…"),
                window.show_settings,
                ("Ctrl+,",),
                EDIT,
                20,
                available=window.needs_vault,
            )
        )
        registry.add(
            ActionSpec(
                "edit.passphrase",
                self.tr("&Wachtwoord wijzigen…"),
                window.change_passphrase,
                menu=EDIT,
                section=20,
                available=window.needs_vault,
            )
        )
        registry.add(
            ActionSpec(
                "edit.search",
                self.tr("&Zoeken in alle waarnemingen…"),
                window.show_search,
                ("Ctrl+F",),
                EDIT,
                20,
                available=window.needs_vault,
                overlay=OVERLAY_EDIT,
            )
        )

    def _play_actions(self) -> None:
        window = self.window
        c = window.controller
        playback: list[tuple[str, str, str, Callable[[], object]]] = [
            ("play.toggle", self.tr("Afspelen / pauzeren"), "Space", c.toggle),
            ("play.back", self.tr("Terug / langzamer"), "J", c.shuttle_back),
            ("play.pause", self.tr("Pauze"), "K", c.pause),
            ("play.forward", self.tr("Afspelen / sneller"), "L", c.shuttle_forward),
            ("play.back5", self.tr("5 seconden terug"), "Left", lambda: c.skip(-5_000)),
            ("play.forward5", self.tr("5 seconden verder"), "Right", lambda: c.skip(5_000)),
            ("play.back30", self.tr("30 seconden terug"), "Shift+Left", lambda: c.skip(-30_000)),
            (
                "play.forward30",
                self.tr("30 seconden verder"),
                "Shift+Right",
                lambda: c.skip(30_000),
            ),
            ("play.frame_back", self.tr("Eén beeld terug"), ",", lambda: c.frame_step(-1)),
            ("play.frame_forward", self.tr("Eén beeld verder"), ".", lambda: c.frame_step(1)),
            ("play.start", self.tr("Naar het begin"), "Home", c.jump_to_start),
            ("play.end", self.tr("Naar het einde"), "End", c.jump_to_end),
        ]
        for action_id, text, key, callback in playback:
            window.registry.add(
                ActionSpec(
                    action_id,
                    text,
                    callback,
                    (key,),
                    PLAY,
                    10,
                    available=window.needs_recording,
                    overlay=OVERLAY_PLAYBACK,
                )
            )
        window.registry.add(
            ActionSpec(
                "observations.new",
                self.tr("&Nieuwe waarneming op dit moment"),
                lambda: window.workspace.new_observation(),
                ("M",),
                OBSERVATIONS,
                10,
                available=window.needs_recording,
                overlay=OVERLAY_PLAYBACK,
            )
        )
        window.registry.add_hint(
            KeyHint(
                self.tr("Ctrl+Enter"),
                self.tr("Waarneming vastleggen (en verder afspelen)"),
                OVERLAY_EDITOR,
            )
        )
        window.registry.add_hint(
            KeyHint(
                "Esc", self.tr("Uit een tekstveld; een waarneming blijft bewaard"), OVERLAY_EDITOR
            )
        )
        self._workspace_actions()

    def _workspace_actions(self) -> None:
        """Editing and deleting the chosen observation, and the timeline's zoom (the keys work
        on the list and the timeline too; here they are found in the menus and the overlay)."""
        window = self.window
        workspace = window.workspace
        for action_id, text, keys, callback, menu, section in (
            (
                "observations.edit",
                self.tr("Gekozen waarneming &bewerken of beantwoorden"),
                ("F2",),
                workspace.edit_selected_observation,
                OBSERVATIONS,
                20,
            ),
            (
                "observations.delete",
                self.tr("Gekozen waarneming &verwijderen"),
                ("Del",),
                workspace.delete_selected_observations,
                OBSERVATIONS,
                20,
            ),
            (
                "clips.title",
                self.tr("Titel van het fragment typen"),
                ("T",),
                workspace.clips.edit_title,
                None,
                0,
            ),
            (
                "timeline.zoom_in",
                self.tr("Tijdlijn inzoomen"),
                ("+", "="),
                workspace.zoom_in,
                PLAY,
                30,
            ),
            (
                "timeline.zoom_out",
                self.tr("Tijdlijn uitzoomen"),
                ("-",),
                workspace.zoom_out,
                PLAY,
                30,
            ),
            (
                "timeline.zoom_fit",
                self.tr("Hele opname op de tijdlijn"),
                ("0",),
                workspace.zoom_to_fit,
                PLAY,
                30,
            ),
        ):
            window.registry.add(
                ActionSpec(
                    action_id,
                    text,
                    callback,
                    keys,
                    menu,
                    section,
                    available=window.needs_recording,
                    overlay=OVERLAY_WORKSPACE,
                )
            )

    def _help_actions(self) -> None:
        window = self.window
        add = window.registry.add
        add(
            ActionSpec(
                "help.shortcuts",
                self.tr("&Sneltoetsen"),
                window.show_shortcuts,
                # '?' arrives as Shift+? on most keyboard layouts; accept both.
                ("?", "Shift+?"),
                HELP,
                order=0,
                overlay=OVERLAY_HELP,
            )
        )
        add(
            ActionSpec(
                "help.manual",
                self.tr("&Handleiding"),
                window.show_manual,
                ("F1",),
                HELP,
                order=1,
                overlay=OVERLAY_HELP,
            )
        )
        add(
            ActionSpec(
                "help.profile_problems",
                self.tr("&Problemen met Kijkwijzers…"),
                window.show_profile_problems,
                menu=HELP,
                order=20,
                visible=bool(window.profile_problems),
            )
        )
        add(ActionSpec("help.about", self.tr("&Over VKNZ"), window.show_about, menu=HELP, order=30))


def _nothing() -> None:
    """Adopted actions keep their own slots."""


__all__ = [
    "EDIT",
    "FILE",
    "FILE_PAGES",
    "FILE_SESSION",
    "FILE_VAULT",
    "HELP",
    "OBSERVATIONS",
    "OVERLAY_EDIT",
    "OVERLAY_EDITOR",
    "OVERLAY_HELP",
    "OVERLAY_PAGES",
    "OVERLAY_PLAYBACK",
    "OVERLAY_VAULT",
    "OVERLAY_WORKSPACE",
    "PLAY",
    "ShellActions",
]

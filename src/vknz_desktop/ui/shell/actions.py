"""The one action registry: menus, shortcuts, enabled-state with a reason, and the '?' overlay.

Actions are declared as data (``ActionSpec``, as napari does): text, callback, shortcuts, the
menu and section they belong in, when they are enabled and — when they are not — why. The
registry makes the ``QAction``s, puts them in the menu bar (a separator between sections),
adds them to the window so their shortcuts work even when the menu bar is hidden, and
generates the rows of the '?' overlay from the same data. Features register their actions
through the shell's Host; nothing else creates menu actions.

``update()`` re-evaluates every condition: a disabled action shows its reason as tooltip and
status tip (``Available`` is the condition's answer: None when available, else the reason).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

#: A condition: None when the action may be used now, else the reason why not (Dutch).
Available = Callable[[], str | None]
Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One user command, as data."""

    id: str
    text: str  # translated; '&' marks the menu accelerator
    callback: Callable[[], object]
    shortcuts: Sequence[Shortcut] = ()
    menu: str | None = None  # a menu id (see ActionRegistry.add_menu); None: shortcut only
    section: int = 0  # menus are sorted by section (a separator between sections) ...
    order: int = 0  # ... and by order within a section (then by registration)
    available: Available | None = None  # None: always available
    status_tip: str = ""
    overlay: int | None = None  # rank in the '?' overlay (None: not listed)
    visible: bool = True


@dataclass(frozen=True)
class KeyHint:
    """A key the overlay lists that is not an action (e.g. Ctrl+Enter in the editor)."""

    keys: str
    meaning: str
    overlay: int


@dataclass
class _Entry:
    spec: ActionSpec
    action: QAction
    index: int
    managed: bool = True  # False: Qt keeps the enabled state (e.g. QUndoGroup's actions)


@dataclass
class _Menu:
    title: str
    order: int
    menu: QMenu | None = None
    entries: list[_Entry] = field(default_factory=list)


class ActionRegistry(QObject):
    """Every menu and action of the main window; see the module's description."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._menus: dict[str, _Menu] = {}
        self._entries: dict[str, _Entry] = {}
        self._hints: list[KeyHint] = []
        self._bar: QMenuBar | None = None

    # -- declaring ----------------------------------------------------------------------------
    def add_menu(self, menu_id: str, title: str, order: int) -> None:
        """A menu of the menu bar; menus are sorted by ``order``."""
        if menu_id in self._menus:
            raise ValueError(f"menu {menu_id!r} exists")
        self._menus[menu_id] = _Menu(title, order)
        if self._bar is not None:
            self._place_menus()

    def add(self, spec: ActionSpec) -> QAction:
        """Make the QAction for ``spec``, put it in its menu and return it."""
        action = QAction(spec.text, self._owner)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        action.setStatusTip(spec.status_tip)
        action.setVisible(spec.visible)
        callback = spec.callback
        action.triggered.connect(lambda _checked=False: callback())
        return self._adopt(spec, action, managed=True)

    def adopt(self, spec: ActionSpec, action: QAction) -> QAction:
        """Put an action made elsewhere (e.g. by a QUndoGroup, which keeps its enabled state
        and text) in the menus and the overlay like the others."""
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        return self._adopt(spec, action, managed=False)

    def _adopt(self, spec: ActionSpec, action: QAction, *, managed: bool) -> QAction:
        if spec.id in self._entries:
            raise ValueError(f"action {spec.id!r} exists")
        if spec.menu is not None and spec.menu not in self._menus:
            raise ValueError(f"no menu {spec.menu!r} for action {spec.id!r}")
        entry = _Entry(spec, action, len(self._entries), managed)
        self._entries[spec.id] = entry
        self._owner.addAction(action)  # shortcuts work without (or with a hidden) menu bar
        if spec.menu is not None:
            self._menus[spec.menu].entries.append(entry)
            self._fill(spec.menu)
        if managed:
            self._update_entry(entry)
        return action

    def add_hint(self, hint: KeyHint) -> None:
        """A row for the overlay that is not an action."""
        self._hints.append(hint)

    # -- using --------------------------------------------------------------------------------
    def action(self, action_id: str) -> QAction:
        """The QAction of ``action_id``."""
        return self._entries[action_id].action

    def menu(self, menu_id: str) -> QMenu:
        """The QMenu of ``menu_id`` (once the menu bar is built)."""
        menu = self._menus[menu_id].menu
        if menu is None:
            raise LookupError(f"menu {menu_id!r} is not built yet")
        return menu

    def reason(self, action_id: str) -> str | None:
        """Why ``action_id`` is disabled now (None when it is enabled)."""
        entry = self._entries[action_id]
        available = entry.spec.available
        return available() if available is not None else None

    def build_menu_bar(self, bar: QMenuBar) -> None:
        """Show the menus in ``bar`` (once; later menus and actions join it)."""
        self._bar = bar
        self._place_menus()

    def update(self) -> None:
        """Re-evaluate every condition (after the page, the vault or a selection changed)."""
        for entry in self._entries.values():
            if entry.managed:
                self._update_entry(entry)

    def overlay_rows(self) -> list[tuple[str, str]]:
        """(keys, meaning) for the '?' overlay, from the actions with a shortcut."""
        ranked: list[tuple[int, int, str, str]] = []
        for entry in self._entries.values():
            rank = entry.spec.overlay
            shortcut = entry.action.shortcut()
            if rank is None or shortcut.isEmpty():
                continue
            keys = self.key_names(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
            meaning = entry.action.text().replace("&", "").rstrip("…")
            ranked.append((rank, entry.index, keys, meaning))
        for number, hint in enumerate(self._hints):
            ranked.append((hint.overlay, len(self._entries) + number, hint.keys, hint.meaning))
        return [(keys, meaning) for _rank, _index, keys, meaning in sorted(ranked)]

    def key_names(self, keys: str) -> str:
        """Key names in the user's language (Qt ships no Dutch key names)."""
        names = {
            "Space": self.tr("Spatiebalk"),
            "Left": self.tr("Pijl links"),
            "Right": self.tr("Pijl rechts"),
            "Up": self.tr("Pijl omhoog"),
            "Down": self.tr("Pijl omlaag"),
            "Home": self.tr("Home"),
            "End": self.tr("End"),
            "Esc": self.tr("Esc"),
            "Del": self.tr("Delete"),
        }
        if keys == "+":
            return keys
        return "+".join(names.get(part, part) for part in keys.split("+"))

    # -- internals ----------------------------------------------------------------------------
    def _update_entry(self, entry: _Entry) -> None:
        reason = entry.spec.available() if entry.spec.available is not None else None
        entry.action.setEnabled(reason is None)
        entry.action.setToolTip(reason or "")  # "" gives Qt's default: the text
        entry.action.setStatusTip(reason or entry.spec.status_tip)

    def _place_menus(self) -> None:
        bar = self._bar
        if bar is None:
            return
        for menu_id, menu in sorted(self._menus.items(), key=lambda item: item[1].order):
            if menu.menu is None:
                menu.menu = QMenu(menu.title, self._owner)
                self._fill(menu_id)
            bar.removeAction(menu.menu.menuAction())
            bar.addMenu(menu.menu)

    def _fill(self, menu_id: str) -> None:
        menu = self._menus[menu_id]
        if menu.menu is None:
            return
        menu.menu.clear()
        section: int | None = None
        for entry in sorted(menu.entries, key=lambda e: (e.spec.section, e.spec.order, e.index)):
            if section is not None and entry.spec.section != section:
                menu.menu.addSeparator()
            section = entry.spec.section
            menu.menu.addAction(entry.action)


__all__ = ["ActionRegistry", "ActionSpec", "Available", "KeyHint"]

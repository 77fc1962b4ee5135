"""Undoable clip changes (QUndoStack of the workspace). Every change is stored at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from vknz_desktop.domain.fragments import Clip
from vknz_desktop.services.clips import ClipService, DeletedClip

Refresh = Callable[[str | None], None]
"""Reload the clips, selecting the given one (or none)."""

_EDIT_ID = 0x0C11


class AddClip(QUndoCommand):
    """A clip that was just created (already stored)."""

    def __init__(self, service: ClipService, clip: Clip, refresh: Refresh, text: str) -> None:
        super().__init__(text)
        self._service, self._clip, self._refresh = service, clip, refresh
        self._deleted: DeletedClip | None = None
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        elif self._deleted is not None:
            self._service.undelete(self._deleted)
        else:
            self._service.restore(self._clip)
        self._refresh(self._clip.id)

    def undo(self) -> None:
        self._deleted = self._service.delete(self._clip.id)
        self._refresh(None)


class EditClip(QUndoCommand):
    """A clip changed from ``before`` to ``after`` (``after`` already stored).

    Successive edits of the same text field of the same clip merge into one undo step, so
    typing a title is undone at once rather than letter by letter.
    """

    def __init__(
        self,
        service: ClipService,
        before: Clip,
        after: Clip,
        refresh: Refresh,
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._service, self._before, self._after, self._refresh = service, before, after, refresh
        self._merge_key = merge_key
        self._first = True

    @property
    def after(self) -> Clip:
        """The clip as this command leaves it."""
        return self._after

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditClip)
            or self._merge_key is None
            or other._merge_key != self._merge_key
            or other._after.id != self._after.id
        ):
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._service.restore(self._after)
        self._refresh(self._after.id)

    def undo(self) -> None:
        self._service.restore(self._before)
        self._refresh(self._before.id)


class DeleteClip(QUndoCommand):
    """Remove a clip; undo puts it back with its places in session playlists."""

    def __init__(self, service: ClipService, clip: Clip, refresh: Refresh, text: str) -> None:
        super().__init__(text)
        self._service, self._clip, self._refresh = service, clip, refresh
        self._deleted: DeletedClip | None = None

    def redo(self) -> None:
        self._deleted = self._service.delete(self._clip.id)
        self._refresh(None)

    def undo(self) -> None:
        if self._deleted is not None:
            self._service.undelete(self._deleted)
        else:
            self._service.restore(self._clip)
        self._refresh(self._clip.id)

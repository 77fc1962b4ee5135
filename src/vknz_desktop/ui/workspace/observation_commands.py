"""Undoable observation changes (QUndoStack). Every change is stored in the vault at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from vknz_desktop.domain.models import Observation
from vknz_desktop.services.observations import ObservationService

Refresh = Callable[[], None]


class AddObservation(QUndoCommand):
    """An observation that was just created (already stored)."""

    def __init__(
        self, service: ObservationService, observation: Observation, refresh: Refresh, text: str
    ) -> None:
        super().__init__(text)
        self._service, self._observation, self._refresh = service, observation, refresh
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._service.restore(self._observation)
        self._refresh()

    def undo(self) -> None:
        self._service.delete(self._observation.id)
        self._refresh()


class EditObservation(QUndoCommand):
    """An observation changed from ``before`` to ``after`` (``after`` already stored)."""

    def __init__(
        self,
        service: ObservationService,
        before: Observation,
        after: Observation,
        refresh: Refresh,
        text: str,
    ) -> None:
        super().__init__(text)
        self._service, self._before, self._after, self._refresh = service, before, after, refresh
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._service.restore(self._after)
        self._refresh()

    def undo(self) -> None:
        self._service.restore(self._before)
        self._refresh()


class DeleteObservation(QUndoCommand):
    """Remove an observation; undo puts it back exactly as it was."""

    def __init__(
        self, service: ObservationService, observation: Observation, refresh: Refresh, text: str
    ) -> None:
        super().__init__(text)
        self._service, self._observation, self._refresh = service, observation, refresh

    def redo(self) -> None:
        self._service.delete(self._observation.id)
        self._refresh()

    def undo(self) -> None:
        self._service.restore(self._observation)
        self._refresh()

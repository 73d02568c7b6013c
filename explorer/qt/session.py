"""The in-app state: project, loaded layers, selection and analysis result.

A plain QObject with signals (napari's evented model, MNELAB's model): widgets read it and
call its methods; they never keep their own copy of the state.  The layer list is in panel
order: index 0 is the top-most layer, drawn last.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from layers.model import FieldMapping
from layers.roles import Role
from layers.styles import Style, default_style

__all__ = ["Session", "Selection"]


class Selection(tuple):
    """``(layer, row positions)``: the selected features of one layer (positional rows)."""

    def __new__(cls, layer: Any = None, rows: tuple[int, ...] = ()):
        return super().__new__(cls, (layer, tuple(sorted(set(int(r) for r in rows)))))

    @property
    def layer(self) -> Any:
        """The layer the rows belong to, or None when nothing is selected."""
        return self[0]

    @property
    def rows(self) -> tuple[int, ...]:
        """Positional row numbers in the layer's frame."""
        return self[1]


class Session(QObject):
    """State of one open window: the project, its layers, the selection and the last result."""

    layerAboutToBeInserted = Signal(int)  # index
    layerInserted = Signal(int)
    layerAboutToBeRemoved = Signal(int)
    layerRemoved = Signal(int)
    layerAboutToBeMoved = Signal(int, int)  # from, to
    layerMoved = Signal(int, int)
    layerChanged = Signal(int)  # style, role or mapping of the layer at index changed
    layersReset = Signal()
    selectionChanged = Signal(object)  # Selection
    resultChanged = Signal(object)  # AnalysisResult or None
    projectChanged = Signal()  # project object or path changed
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layers: list[Any] = []
        self._selection = Selection()
        self._result: Any = None
        self.project: Any = None
        self.project_path: str | None = None
        self.settings: Any = None  # AnalysisSettings of the project, if any
        self._modified = False

    # -- layers ---------------------------------------------------------------------------
    @property
    def layers(self) -> list[Any]:
        """A copy of the layer list, top-most first."""
        return list(self._layers)

    def draw_order(self) -> list[Any]:
        """Layers bottom-most first, the order a renderer draws them."""
        return list(reversed(self._layers))

    def index_of(self, layer: Any) -> int:
        """Position of ``layer`` (compared by identity); -1 if absent."""
        return next((i for i, item in enumerate(self._layers) if item is layer), -1)

    def layer_named(self, name: str) -> Any:
        """The first layer called ``name``, or None."""
        return next((layer for layer in self._layers if layer.name == name), None)

    def insert_layer(self, index: int, layer: Any) -> None:
        """Insert ``layer`` at ``index`` (clamped to the list)."""
        index = max(0, min(index, len(self._layers)))
        self.layerAboutToBeInserted.emit(index)
        self._layers.insert(index, layer)
        self.layerInserted.emit(index)
        self._touch()

    def remove_layer(self, index: int) -> Any:
        """Remove and return the layer at ``index``; clears its selection."""
        self.layerAboutToBeRemoved.emit(index)
        layer = self._layers.pop(index)
        if self._selection.layer is layer:
            self.set_selection(None, ())
        self.layerRemoved.emit(index)
        self._touch()
        return layer

    def move_layer(self, source: int, target: int) -> None:
        """Move the layer at ``source`` so that it ends up at ``target``."""
        if source == target:
            return
        self.layerAboutToBeMoved.emit(source, target)
        layer = self._layers.pop(source)
        self._layers.insert(target, layer)
        self.layerMoved.emit(source, target)
        self._touch()

    def set_layers(self, layers: list[Any]) -> None:
        """Replace every layer at once (opening a project)."""
        self._layers = list(layers)
        self._selection = Selection()
        self.layersReset.emit()
        self.selectionChanged.emit(self._selection)

    def set_style(self, index: int, style: Style) -> None:
        """Give the layer at ``index`` a new style."""
        self._layers[index].style = style
        self._changed(index)

    def set_role(self, index: int, role: Role, style: Style | None = None) -> None:
        """Give the layer at ``index`` a new role (and the role's default style unless given)."""
        layer = self._layers[index]
        layer.role = role
        layer.style = style or default_style(role).with_changes(visible=layer.style.visible)
        self._changed(index)

    def set_mapping(self, index: int, mapping: FieldMapping) -> None:
        """Give the vector layer at ``index`` a new field mapping."""
        self._layers[index].mapping = mapping
        self._changed(index)

    # -- selection and result -------------------------------------------------------------
    @property
    def selection(self) -> Selection:
        """The current selection."""
        return self._selection

    def set_selection(self, layer: Any, rows: tuple[int, ...] | list[int]) -> None:
        """Select ``rows`` of ``layer`` (None or no rows clears the selection)."""
        new = Selection(layer, tuple(rows)) if layer is not None and len(rows) else Selection()
        if new == self._selection and new.layer is self._selection.layer:
            return
        self._selection = new
        self.selectionChanged.emit(new)

    @property
    def result(self) -> Any:
        """The last analysis result, or None."""
        return self._result

    def set_result(self, result: Any) -> None:
        """Store a new analysis result (None clears it)."""
        self._result = result
        self.resultChanged.emit(result)

    # -- project --------------------------------------------------------------------------
    def set_project(self, project: Any, path: str | None) -> None:
        """Record which project is open and where it is saved."""
        self.project = project
        self.project_path = path
        self.projectChanged.emit()

    @property
    def modified(self) -> bool:
        """True when layers changed since the project was last saved or opened."""
        return self._modified

    def set_modified(self, value: bool) -> None:
        """Mark the session as modified or clean."""
        if value != self._modified:
            self._modified = value
            self.modifiedChanged.emit(value)

    def _changed(self, index: int) -> None:
        self.layerChanged.emit(index)
        self._touch()

    def _touch(self) -> None:
        self.set_modified(True)

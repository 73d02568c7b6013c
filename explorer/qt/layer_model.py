"""A Qt item model over the session's layer list, used by the layers panel.

The model never changes the session itself: a checkbox click or a drag emits a request
signal, which the panel turns into an undoable command (napari's item model over a
Python list, with the undo stack in between)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


from .retranslate import ui_number
from .session import Session
from .role_text import role_text

__all__ = ["LayerListModel", "LayerRole", "swatch_icon"]

_MIME = "application/x-mining-explorer-layer-row"


class LayerRole:
    """Custom item data roles."""

    LAYER = Qt.ItemDataRole.UserRole + 1


def swatch_icon(style: Any, kind: str = "vector", size: int = 16) -> QIcon:
    """A small square in the layer's fill and stroke colours."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    fill = QColor(style.fill)
    fill.setAlphaF(max(0.25, min(1.0, style.fill_opacity + 0.3)))
    painter.setBrush(fill if kind == "vector" else QColor("#7a9a5a"))
    painter.setPen(QColor(style.stroke))
    painter.drawRect(2, 2, size - 5, size - 5)
    painter.end()
    return QIcon(pix)


class LayerListModel(QAbstractListModel):
    """Rows are the session's layers, top-most first; checkable for visibility."""

    visibilityRequested = Signal(int, bool)  # row, visible
    moveRequested = Signal(int, int)  # from row, to row

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        session.layerAboutToBeInserted.connect(lambda i: self.beginInsertRows(QModelIndex(), i, i))
        session.layerInserted.connect(lambda _i: self.endInsertRows())
        session.layerAboutToBeRemoved.connect(lambda i: self.beginRemoveRows(QModelIndex(), i, i))
        session.layerRemoved.connect(lambda _i: self.endRemoveRows())
        session.layerAboutToBeMoved.connect(self._about_to_move)
        session.layerMoved.connect(lambda _s, _t: self.endMoveRows())
        session.layerChanged.connect(self._changed)
        session.layersReset.connect(self._reset)

    # -- read -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        """Number of layers."""
        return 0 if parent.isValid() else len(self.session.layers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, visibility check, swatch, tooltip and the layer object itself."""
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        layer = self.session.layers[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return layer.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if layer.style.visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_icon(layer.style, layer.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(layer)
        if role == LayerRole.LAYER:
            return layer
        return None

    def _tooltip(self, layer: Any) -> str:
        role = role_text(layer.role)
        count = getattr(layer.provenance, "feature_count", 0)
        path = getattr(layer.provenance, "path", "")
        return self.tr("%1 — %2 features\n%3").replace("%1", role).replace("%2", ui_number(count, 0)).replace("%3", path)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        """Selectable, checkable, draggable; the gaps between rows accept drops."""
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- requests -------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A checkbox click asks for a visibility change (applied through the undo stack)."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.visibilityRequested.emit(index.row(), bool(checked))
        return True

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        """Rows are reordered by moving."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        """The private row-number type."""
        return [_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        """The dragged row number."""
        mime = QMimeData()
        if indexes:
            mime.setData(_MIME, QByteArray(str(indexes[0].row()).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        """Turn a drop into a move request; the view must not remove rows itself."""
        if not data.hasFormat(_MIME):
            return False
        source = int(bytes(data.data(_MIME)).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        if target > source:
            target -= 1
        target = max(0, min(target, self.rowCount() - 1))
        if target != source:
            self.moveRequested.emit(source, target)
        return False  # the move happens through the session, not through removeRows

    # -- session events -------------------------------------------------------------------
    def _about_to_move(self, source: int, target: int) -> None:
        dest = target + 1 if target > source else target  # Qt counts the slot before the move
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest)

    def _changed(self, index: int) -> None:
        idx = self.index(index, 0)
        self.dataChanged.emit(idx, idx)

    def retranslate(self) -> None:
        """Tell the views that the tooltips (role names) are in another language now."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0),
                                  [Qt.ItemDataRole.ToolTipRole])

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

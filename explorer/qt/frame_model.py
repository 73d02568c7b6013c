"""A read-only Qt table model over a pandas DataFrame (attribute tables and result tables), and
a proxy that sorts by value and filters rows by a text found in any column."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from .retranslate import ui_number

if TYPE_CHECKING:  # pragma: no cover - pandas is imported only when a frame is shown
    import pandas as pd

__all__ = ["FrameTableModel", "FrameFilterProxy", "SORT_ROLE", "ROW_ROLE", "format_cell"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11  # positional row in the frame


def format_cell(value: Any) -> str:
    """Text for one cell: numbers with sensible digits, written for the interface language
    (``1.234,56`` in Portuguese), missing values blank.  Whole numbers (codes, years) are not grouped."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return ui_number(value, 2) if abs(value) < 1e15 else f"{value:.3g}"
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


class FrameTableModel(QAbstractTableModel):
    """Rows and columns of a DataFrame; geometry columns are left out.

    ``header_label(column)`` gives a column's heading (default: its name) and
    ``cell_label(column, value)`` a cell's text when not None (default: :func:`format_cell`);
    both are asked again after :meth:`retranslate`."""

    def __init__(self, frame: "pd.DataFrame | None" = None, parent=None,
                 header_label: Callable[[str], str] | None = None,
                 cell_label: Callable[[str, Any], str | None] | None = None) -> None:
        super().__init__(parent)
        self._header_label, self._cell_label = header_label, cell_label
        self._frame: Any = None
        self._columns: list[str] = []
        self._cache: dict[str, list[Any]] = {}
        if frame is not None:
            self.set_frame(frame)

    @property
    def frame(self) -> "pd.DataFrame | None":
        """The frame shown (None when empty)."""
        return self._frame

    def set_frame(self, frame: "pd.DataFrame | None") -> None:
        """Show another frame (None empties the table)."""
        self.beginResetModel()
        self._frame = frame
        geometry = getattr(frame, "_geometry_column_name", None)
        self._columns = [] if frame is None else [
            str(c) for c in frame.columns if c != geometry and str(frame[c].dtype) != "geometry"]
        self._cache = {}
        self.endResetModel()

    def _values(self, column: str) -> list[Any]:
        values = self._cache.get(column)
        if values is None:
            values = self._frame[column].tolist()
            self._cache[column] = values
        return values

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        """Number of rows."""
        return 0 if parent.isValid() or self._frame is None else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        """Number of non-geometry columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the raw value for sorting, or the positional row."""
        if not index.isValid():
            return None
        if role == ROW_ROLE:
            return index.row()
        column = self._columns[index.column()]
        value = self._values(column)[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            label = self._cell_label(column, value) if self._cell_label is not None else None
            return format_cell(value) if label is None else label
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column headings across (the column name as tooltip), row numbers down (from 1)."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and section >= len(self._columns):
            return None
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return self._columns[section]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            name = self._columns[section]
            return self._header_label(name) if self._header_label is not None else name
        return str(section + 1)

    def retranslate(self) -> None:
        """Ask the views to show every cell and header again (numbers follow the language)."""
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)

    def column_names(self) -> list[str]:
        """The columns shown, in order."""
        return list(self._columns)


def _sort_key(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return float("-inf")
    if isinstance(value, (int, float)):
        return float(value)
    return str(value).casefold()


class FrameFilterProxy(QSortFilterProxyModel):
    """Sorts by the raw values and keeps rows where any column contains the filter text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        """Compare numbers as numbers and text as text (numbers first)."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is type(b):
            return a < b
        return isinstance(a, float)

    def source_row(self, proxy_row: int) -> int:
        """Positional frame row of a row of this proxy."""
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def proxy_row(self, source_row: int) -> int:
        """Row in this proxy of a frame row (-1 if filtered out)."""
        return self.mapFromSource(self.sourceModel().index(source_row, 0)).row()

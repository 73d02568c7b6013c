"""Results view: one tab per table of the last analysis (overlaps, proximity, downstream,
rasters, partnerships, summary).  Selecting a row selects its concession on the map and asks
the window to zoom to it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QLineEdit, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from .engine_texts import engine_text
from .feature_lookup import locate_uid, rows_bounds
from .frame_model import FrameFilterProxy, FrameTableModel
from .result_columns import cell_label, column_label
from .retranslate import Retranslatable, ui_number
from .session import Session

__all__ = ["ResultsView", "TABS", "UID_COLUMNS"]

#: (table name, tab title) in display order.
TABS = (
    ("overlaps", QT_TRANSLATE_NOOP("ResultsView", "Overlaps")),
    ("proximity", QT_TRANSLATE_NOOP("ResultsView", "Proximity")),
    ("downstream", QT_TRANSLATE_NOOP("ResultsView", "Downstream")),
    ("raster_stats", QT_TRANSLATE_NOOP("ResultsView", "Rasters")),
    ("partnerships", QT_TRANSLATE_NOOP("ResultsView", "Partnerships")),
    ("summary", QT_TRANSLATE_NOOP("ResultsView", "Summary")),
)
#: Columns naming a feature, most useful first.
UID_COLUMNS = ("concession_uid", "subject_uid", "project_uid", "feature_uid", "uid")


class _TablePage(Retranslatable, QWidget):
    """Filter box over a sortable table."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = FrameTableModel(parent=self, header_label=column_label, cell_label=cell_label)
        self.proxy = FrameFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # engine order until a header is clicked
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setDefaultSectionSize(22)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def hide_keys(self) -> None:
        """Hide the internal key columns (``*_uid``: layer and row, kept for the map link and in
        the CSV) and size the rest to their contents."""
        for column, name in enumerate(self.model.column_names()):
            self.view.setColumnHidden(column, name.endswith("_uid"))
        self.view.resizeColumnsToContents()

    def retranslate(self) -> None:
        """Placeholder and numbers in the installed language."""
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.model.retranslate()


class ResultsView(Retranslatable, QWidget):
    """Tabs of result tables bound to the session's last result."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(800, 170)

    zoomRequested = Signal(object)  # lon/lat bounds

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, _TablePage] = {}
        self.counts: dict[str, int | None] = {}
        self.result: Any = None
        for name, title in TABS:
            page = _TablePage(self.tabs)
            page.view.selectionModel().currentRowChanged.connect(
                lambda current, _prev, n=name: self.row_chosen(n, current.row()))
            self.pages[name] = page
            self.tabs.addTab(page, "")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        session.resultChanged.connect(self.show_result)
        self.retranslate()

    def retranslate(self) -> None:
        """Tab titles (with their row counts) and the note in the installed language."""
        for index, (name, title) in enumerate(TABS):
            count = self.counts.get(name)
            text = self.tr(title) if count is None else f"{self.tr(title)} ({ui_number(count, 0)})"
            self.tabs.setTabText(index, text)
        if self.result is None:
            self.note.setText(self.tr("No analysis yet: press Run in the Analysis panel."))
        else:
            notes = " ".join(engine_text(note) for note in getattr(self.result, "notes", ()) or ())
            self.note.setText(notes or self.tr("Select a row to show its concession on the map."))

    def show_result(self, result: Any) -> None:
        """Fill the tabs from ``result`` (None empties them)."""
        self.result = result
        tables = result.tables() if result is not None else {}
        for name, _title in TABS:
            frame = tables.get(name)
            self.pages[name].model.set_frame(frame)
            self.pages[name].hide_keys()
            self.counts[name] = (0 if frame is None else len(frame)) if result is not None else 0
        self.retranslate()

    def select_row(self, name: str, row: int) -> None:
        """Select row ``row`` (in the sorted, filtered view) of table ``name``."""
        page = self.pages[name]
        self.tabs.setCurrentWidget(page)
        page.view.selectRow(row)

    def row_chosen(self, name: str, proxy_row: int) -> None:
        """Select the row's feature on the map and ask for a zoom to it."""
        if proxy_row < 0:
            return
        page = self.pages[name]
        frame = page.model.frame
        row = page.proxy.source_row(proxy_row)
        for column in UID_COLUMNS:
            if column in frame.columns:
                layer, rows = locate_uid(self.session.layers, frame.iloc[row][column])
                if layer is not None:
                    self.session.set_selection(layer, rows)
                    bounds = rows_bounds(layer, rows)
                    if bounds is not None:
                        self.zoomRequested.emit(bounds)
                    return

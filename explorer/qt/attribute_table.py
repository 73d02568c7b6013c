"""Attribute table panel: the current vector layer's attributes, sortable and filterable, with
the selection synchronised with the map (through the session) in both directions."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from .frame_model import FrameFilterProxy, FrameTableModel
from .retranslate import Retranslatable, ui_number
from .session import Selection, Session

__all__ = ["AttributeTable"]


class AttributeTable(Retranslatable, QWidget):
    """Table of one layer's features."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(800, 170)

    zoomToSelectionRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layer: Any = None
        self._syncing = False
        self.model = FrameTableModel(parent=self)
        self.proxy = FrameFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.layer_box = QComboBox(self)
        self.layer_box.setMinimumContentsLength(18)
        self.layer_box.activated.connect(lambda _i: self.show_layer(self.layer_box.currentData()))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.count_label = QLabel(self)
        self.zoom_button = QPushButton(self)
        self.zoom_button.clicked.connect(self.zoomToSelectionRequested.emit)
        self.layer_label = QLabel(self)
        self.view = self._make_view()
        top = QHBoxLayout()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_box)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.zoom_button)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        for signal in (session.layersReset, session.layerInserted, session.layerRemoved, session.layerChanged):
            signal.connect(self._refresh_layers)
        session.layerMoved.connect(lambda *_: self._refresh_layers())
        session.selectionChanged.connect(self._show_selection)
        self.retranslate()
        self._refresh_layers()

    def retranslate(self) -> None:
        """Labels, placeholder, row count and numbers in the installed language."""
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.zoom_button.setText(self.tr("Zoom to selection"))
        self.layer_label.setText(self.tr("Layer"))
        self.model.retranslate()
        self._update_count()

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("attributeTable")
        view.setModel(self.proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)  # file order until a header is clicked
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.verticalHeader().setDefaultSectionSize(22)
        view.horizontalHeader().setStretchLastSection(True)
        view.selectionModel().selectionChanged.connect(self._selection_made)
        return view

    # -- which layer ----------------------------------------------------------------------
    def _refresh_layers(self, *_args: Any) -> None:
        vectors = [layer for layer in self.session.layers if getattr(layer, "kind", "") == "vector"]
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for layer in vectors:
            self.layer_box.addItem(layer.name, layer)
        self.layer_box.blockSignals(False)
        if self.layer is None or all(layer is not self.layer for layer in vectors):
            self.show_layer(vectors[0] if vectors else None)
        else:
            self.layer_box.setCurrentIndex(self._box_index(self.layer))

    def _box_index(self, layer: Any) -> int:
        return next((i for i in range(self.layer_box.count()) if self.layer_box.itemData(i) is layer), -1)

    def show_layer(self, layer: Any) -> None:
        """Show ``layer``'s attributes (rasters and None show an empty table)."""
        if layer is not None and getattr(layer, "kind", "") != "vector":
            return
        if layer is self.layer and self.model.rowCount():
            return
        self.layer = layer
        self.model.set_frame(None if layer is None else layer.frame)
        self.view.resizeColumnsToContents()
        if layer is not None:
            self.layer_box.setCurrentIndex(self._box_index(layer))
        self._update_count()
        self._show_selection(self.session.selection)

    # -- filtering and selection ----------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        picked = len(self.session.selection.rows) if self.session.selection.layer is self.layer else 0
        self.count_label.setText(self.tr("%1 of %2 shown, %3 selected")
                                 .replace("%1", ui_number(shown, 0)).replace("%2", ui_number(total, 0))
                                 .replace("%3", ui_number(picked, 0)))

    def selected_rows(self) -> list[int]:
        """Frame rows selected in the table."""
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return sorted(self.proxy.source_row(row) for row in rows)

    def _selection_made(self, *_args: Any) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            self.session.set_selection(self.layer, self.selected_rows())
        finally:
            self._syncing = False
        self._update_count()

    def _show_selection(self, selection: Selection) -> None:
        if self._syncing:
            return
        if selection.layer is not None and selection.layer is not self.layer:
            self.show_layer(selection.layer)
        self._syncing = True
        try:
            self._select_rows(selection.rows if selection.layer is self.layer else ())
        finally:
            self._syncing = False
        self._update_count()

    def _select_rows(self, rows: tuple[int, ...]) -> None:
        chosen = QItemSelection()
        for row in rows:
            proxy_row = self.proxy.proxy_row(row)
            if proxy_row >= 0:
                left = self.proxy.index(proxy_row, 0)
                chosen.select(left, self.proxy.index(proxy_row, max(0, self.proxy.columnCount() - 1)))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(chosen, flags)
        if rows and self.proxy.proxy_row(rows[0]) >= 0:
            self.view.scrollTo(self.proxy.index(self.proxy.proxy_row(rows[0]), 0))

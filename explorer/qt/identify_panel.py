"""Identify results: the attributes of the features under a click, topmost layer first."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .frame_model import format_cell
from .retranslate import Retranslatable, ui_number
from .session import Session

__all__ = ["IdentifyPanel"]


class IdentifyPanel(Retranslatable, QWidget):
    """A tree: layer → feature → attribute = value.  Picking a feature selects it."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(320, 420)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hits: list[Any] = []
        self.identified = False
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setColumnWidth(0, 180)
        self.tree.itemClicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Headers, note and the tree of the last hits in the installed language."""
        self.tree.setHeaderLabels([self.tr("Feature / attribute"), self.tr("Value")])
        if not self.identified:
            self.note.setText(self.tr("Choose the Identify tool and click on the map."))
            return
        self.note.setText(self.tr("%1 feature(s) found.").replace("%1", ui_number(len(self.hits), 0)) if self.hits
                          else self.tr("No feature under the cursor."))
        self._fill_tree()

    def show_hits(self, hits: list[Any]) -> None:
        """Show the features found (objects with ``layer``, ``row`` and ``attributes``)."""
        self.hits, self.identified = list(hits), True
        self.retranslate()
        if self.hits:
            first = self.hits[0]
            self.session.set_selection(first.layer, (first.row,))

    def _fill_tree(self) -> None:
        self.tree.clear()
        by_layer: dict[int, QTreeWidgetItem] = {}
        for number, hit in enumerate(self.hits):
            parent = by_layer.get(id(hit.layer))
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [hit.layer.name, ""])
                parent.setExpanded(True)
                by_layer[id(hit.layer)] = parent
            feature = QTreeWidgetItem(parent, [self.tr("Feature %1").replace("%1", str(hit.row + 1)), ""])
            feature.setData(0, 256, number)
            for key, value in (hit.attributes or {}).items():
                QTreeWidgetItem(feature, [str(key), format_cell(value)])
            feature.setExpanded(number == 0)

    def _picked(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, 256)
        if isinstance(number, int) and 0 <= number < len(self.hits):
            hit = self.hits[number]
            self.session.set_selection(hit.layer, (hit.row,))

"""Partnerships panel: each partnership's parties, focus areas and disclosure, and its
projects; projects with no disclosed location are listed and flagged.  Clicking a located
project selects it on the map.  The registry is read by ``layers.partnerships``."""
from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from .feature_lookup import rows_bounds
from .retranslate import Retranslatable, ui_number, ui_pair
from .session import Session

__all__ = ["PartnershipsPanel"]

_KIND = Qt.ItemDataRole.UserRole
_UNDISCLOSED = QColor("#b03a2e")
#: The registry's ``text_public`` values as the panel shows them.
_TEXT_PUBLIC = {
    "yes": QT_TRANSLATE_NOOP("PartnershipsPanel", "yes"),
    "no": QT_TRANSLATE_NOOP("PartnershipsPanel", "no"),
    "unknown": QT_TRANSLATE_NOOP("PartnershipsPanel", "unknown"),
}
#: How precise a project's published location is.
_PRECISION = {
    "site": QT_TRANSLATE_NOOP("PartnershipsPanel", "site"),
    "town": QT_TRANSLATE_NOOP("PartnershipsPanel", "town"),
    "region": QT_TRANSLATE_NOOP("PartnershipsPanel", "region"),
}
#: The registry's focus areas (a controlled list) as the panel shows them.
_FOCUS = {
    "ESG/responsible sourcing": QT_TRANSLATE_NOOP("PartnershipsPanel", "ESG/responsible sourcing"),
    "R&D": QT_TRANSLATE_NOOP("PartnershipsPanel", "R&D"),
    "capacity building/technical assistance": QT_TRANSLATE_NOOP("PartnershipsPanel",
                                                                "capacity building/technical assistance"),
    "domestic processing/value addition": QT_TRANSLATE_NOOP("PartnershipsPanel", "domestic processing/value addition"),
    "open markets": QT_TRANSLATE_NOOP("PartnershipsPanel", "open markets"),
    "project financing": QT_TRANSLATE_NOOP("PartnershipsPanel", "project financing"),
    "stakeholder consultation": QT_TRANSLATE_NOOP("PartnershipsPanel", "stakeholder consultation"),
}


class PartnershipsPanel(Retranslatable, QWidget):
    """A tree (partnership → projects, plus "location not disclosed") and a details pane."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(320, 420)

    zoomRequested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.registry: Any = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("partnershipTree")
        self.tree.setColumnCount(2)
        self.tree.setColumnWidth(0, 260)
        self.tree.currentItemChanged.connect(lambda item, _prev: self._show(item))
        self.details = QTextBrowser(self)
        self.details.setOpenExternalLinks(False)
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Headers, summary, tree and details in the installed language."""
        self.tree.setHeaderLabels([self.tr("Partnership / project"), self.tr("Text public")])
        current = self.tree.currentItem()
        kind = current.data(0, _KIND) if current is not None else None
        self.set_registry(self.registry)
        if kind:
            self._reselect(tuple(kind))

    def _reselect(self, kind: tuple) -> None:
        for item in self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
            if tuple(item.data(0, _KIND) or ()) == kind:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                self._show(item, select=False)
                return

    def _public(self, value: str) -> str:
        return self.tr(_TEXT_PUBLIC[value]) if value in _TEXT_PUBLIC else value

    def _precision(self, value: str | None) -> str:
        return self.tr(_PRECISION[value]) if value in _PRECISION else (value or "")

    def set_registry(self, registry: Any) -> None:
        """Show ``registry`` (a ``layers.partnerships.Registry``; None clears the panel)."""
        self.registry = registry
        self.tree.clear()
        self.details.clear()
        if registry is None:
            self.summary.setText(self.tr("No partnership registry in this project."))
            return
        for partnership in registry.partnerships:
            item = QTreeWidgetItem(self.tree, [partnership.name, self._public(partnership.text_public)])
            item.setData(0, _KIND, ("partnership", partnership.id))
            for project in registry.projects_of(partnership.id):
                self._project_item(item, project)
        hidden = registry.undisclosed()
        group = QTreeWidgetItem(self.tree, [self.tr("Location not disclosed (%1)").replace("%1", ui_number(len(hidden), 0))])
        group.setData(0, _KIND, ("undisclosed", ""))
        group.setForeground(0, QBrush(_UNDISCLOSED))
        for project in hidden:
            self._project_item(group, project)
        group.setExpanded(True)
        self.summary.setText(self.tr("%1 partnerships, %2 projects, %3 without a disclosed location.")
                             .replace("%1", ui_number(len(registry.partnerships), 0))
                             .replace("%2", ui_number(len(registry.projects), 0))
                             .replace("%3", ui_number(len(hidden), 0)))

    def _project_item(self, parent: QTreeWidgetItem, project: Any) -> QTreeWidgetItem:
        hidden = self.tr("location not disclosed")
        label = project.name if project.disclosed else f"{project.name} — {hidden}"
        item = QTreeWidgetItem(parent, [label, ""])
        item.setData(0, _KIND, ("project", project.id))
        item.setToolTip(0, f"{project.operator} · {project.country} · {project.commodity}")
        if not project.disclosed:
            item.setForeground(0, QBrush(_UNDISCLOSED))
        return item

    def _show(self, item: QTreeWidgetItem | None, select: bool = True) -> None:
        if item is None or self.registry is None:
            return
        kind, ident = item.data(0, _KIND) or ("", "")
        if kind == "partnership":
            self.details.setHtml(self._partnership_html(self.registry.partnership(ident)))
        elif kind == "project":
            project = self.registry.project(ident)
            self.details.setHtml(self._project_html(project))
            if select:
                self._select_on_map(project)

    def _partnership_html(self, p: Any) -> str:
        rows = [(self.tr("Parties"), "; ".join(p.parties)), (self.tr("Signed"), p.date_signed),
                (self.tr("Instrument"), p.instrument), (self.tr("Focus areas"), "; ".join(self.tr(_FOCUS[f]) if f in _FOCUS else f for f in p.focus_areas)),
                (self.tr("Text public"), self._public(p.text_public)), (self.tr("Source"), p.source_url),
                (self.tr("Notes"), p.notes)]
        return _html(p.name, rows)

    def _project_html(self, p: Any) -> str:
        where = (f"{ui_pair(ui_number(p.latitude, 5), ui_number(p.longitude, 5))} ({self._precision(p.coordinate_precision)})"
                 if p.disclosed
                 else self.tr("Location not disclosed"))
        rows = [(self.tr("Operator"), p.operator), (self.tr("Country"), p.country),
                (self.tr("Commodity"), p.commodity), (self.tr("Partnerships"), p.links_text),
                (self.tr("Location"), where), (self.tr("Location as published"), p.location_text),
                (self.tr("Source"), p.source_url), (self.tr("Notes"), p.notes)]
        return _html(p.name, rows)

    def _select_on_map(self, project: Any) -> None:
        if not project.disclosed:
            return
        for layer in self.session.layers:
            column = layer.column("id") if getattr(layer, "kind", "") == "vector" else None
            if column is None or getattr(layer.mapping, "schema", None) != "partnership_registry":
                continue
            rows = tuple(i for i, v in enumerate(layer.frame[column].tolist()) if str(v) == project.id)
            if rows:
                self.session.set_selection(layer, rows)
                bounds = rows_bounds(layer, rows)
                if bounds is not None:
                    pad = 0.5  # degrees around a point, so the map shows its surroundings
                    self.zoomRequested.emit((bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad))
                return


def _html(title: str, rows: list[tuple[str, str]]) -> str:
    """A small escaped HTML table (attribute text is never trusted as markup)."""
    body = "".join(f"<tr><td valign='top'><b>{escape(k)}</b></td><td>{escape(str(v or ''))}</td></tr>"
                   for k, v in rows)
    return f"<h3>{escape(title)}</h3><table cellspacing='4'>{body}</table>"

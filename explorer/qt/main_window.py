"""The main window: a map canvas in the middle, panels docked around it, menus, a status bar.

It only composes: each panel is its own widget over the shared :class:`Session`, and each
group of actions (layers, project, analysis) lives in its own controller."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from .analysis_panel import AnalysisPanel
from .attribute_table import AttributeTable
from .canvas_host import CanvasBridge, make_canvas
from .feature_lookup import rows_bounds
from .layer_actions import LayerActions
from .layers_panel import LayersPanel
from .project_actions import ProjectActions
from .results_view import ResultsView
from .session import Session

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """One project per window."""

    shown = Signal()

    def __init__(self, session: Session | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, analysis=None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session or Session(self)
        self.settings = settings or QSettings()
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(lambda clean: self.session.set_modified(not clean))
        self.canvas = make_canvas(self)
        self.setCentralWidget(self.canvas)
        self.bridge = CanvasBridge(self.session, self.canvas, self)
        self.layer_actions = LayerActions(self, self.session, self.undo)
        self.project_actions = ProjectActions(self, self.session, self.undo, self.settings)
        self.close_guard = self.project_actions.confirm_discard
        self.layers_panel = LayersPanel(self.session, self.undo, self)
        self._connect_layers_panel()
        self.docks: dict[str, QDockWidget] = {}
        self._build_panels(analysis)
        self.menus: dict[str, Any] = {}
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.session.projectChanged.connect(self._update_title)
        self.session.modifiedChanged.connect(lambda _m: self._update_title())
        self._update_title()
        self.resize(1280, 800)

    # -- composition ----------------------------------------------------------------------
    def add_dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Dock ``widget`` under ``title``; its toggle goes in the View menu."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        if "panels" in getattr(self, "menus", {}):
            self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _build_panels(self, analysis) -> None:
        areas = Qt.DockWidgetArea
        self.attribute_table = AttributeTable(self.session, self)
        self.analysis_panel = AnalysisPanel(self.session, analysis, self)
        self.results_view = ResultsView(self.session, self)
        self.add_dock("layers", self.tr("Layers"), self.layers_panel, areas.LeftDockWidgetArea)
        self.add_dock("analysis", self.tr("Analysis"), self.analysis_panel, areas.RightDockWidgetArea)
        self.add_dock("attributes", self.tr("Attribute table"), self.attribute_table, areas.BottomDockWidgetArea)
        self.add_dock("results", self.tr("Results"), self.results_view, areas.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["attributes"], self.docks["results"])
        self.layers_panel.currentLayerChanged.connect(
            lambda layer: layer is not None and self.attribute_table.show_layer(layer))
        self.attribute_table.zoomToSelectionRequested.connect(self.zoom_to_selection)
        self.results_view.zoomRequested.connect(self.bridge.zoom_to)
        self.analysis_panel.finished.connect(lambda _r: self.docks["results"].raise_())
        self.project_actions.opened.connect(self._project_opened)

    def _project_opened(self, _path: str) -> None:
        project = self.session.project
        self.analysis_panel.show_settings(getattr(project, "settings", None))
        self.zoom_full()

    def _connect_layers_panel(self) -> None:
        panel = self.layers_panel
        panel.addFilesRequested.connect(self.layer_actions.ask_and_add)
        panel.editStyleRequested.connect(self.layer_actions.edit_style)
        panel.editMappingRequested.connect(self.layer_actions.edit_mapping)
        panel.zoomToLayerRequested.connect(self.zoom_to_layer)

    def action(self, text: str, slot, shortcut: Any = None, menu: str | None = None) -> QAction:
        """A window action with an optional shortcut, added to ``menu`` when given."""
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if menu:
            self.menus[menu].addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")), ("view", self.tr("&View")),
                           ("layer", self.tr("&Layer")), ("analysis", self.tr("&Analysis")),
                           ("help", self.tr("&Help"))):
            self.menus[key] = bar.addMenu(title)
        keys = QKeySequence.StandardKey
        self._build_file_menu(keys)
        self.action(self.tr("Add layer…"), self.layer_actions.ask_and_add, "Ctrl+Shift+A", "layer")
        self.action(self.tr("Remove layer"), self.layers_panel.remove_current, None, "layer")
        self.action(self.tr("Style…"), lambda: self.layer_actions.edit_style(self.layers_panel.current_layer()),
                    None, "layer")
        self.action(self.tr("Role and fields…"),
                    lambda: self.layer_actions.edit_mapping(self.layers_panel.current_layer()), None, "layer")
        undo = self.undo.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence(keys.Undo))
        redo = self.undo.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence(keys.Redo))
        self.menus["edit"].addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo
        self.action(self.tr("Zoom to full extent"), self.zoom_full, "Ctrl+Shift+F", "view")
        self.action(self.tr("Zoom to layer"), lambda: self.zoom_to_layer(self.layers_panel.current_layer()),
                    "Ctrl+Shift+L", "view")
        self.action(self.tr("Zoom to selection"), self.zoom_to_selection, "Ctrl+J", "view")
        self.menus["view"].addSeparator()
        self.menus["panels"] = self.menus["view"].addMenu(self.tr("Panels"))
        for dock in self.docks.values():
            self.menus["panels"].addAction(dock.toggleViewAction())
        self.run_action = self.action(self.tr("&Run analysis"), self.analysis_panel.run, "Ctrl+R", "analysis")
        self.action(self.tr("&Cancel analysis"), self.analysis_panel.cancel, "Esc", "analysis")
        self.action(self.tr("&About Mining Impact Explorer"), self.show_about, None, "help")

    def _build_file_menu(self, keys) -> None:
        projects = self.project_actions
        self.action(self.tr("&New project"), projects.new_project, keys.New, "file")
        self.action(self.tr("&Open project…"), projects.ask_open, keys.Open, "file")
        projects.recent_menu = self.menus["file"].addMenu(self.tr("Open &recent"))
        projects.fill_recent_menu()
        self.action(self.tr("Open the &sample project"),
                    lambda: projects.confirm_discard() and projects.open_sample(), None, "file")
        self.menus["file"].addSeparator()
        self.action(self.tr("&Save project"), projects.save, keys.Save, "file")
        self.action(self.tr("Save project &as…"), projects.save_as, keys.SaveAs, "file")
        self.menus["file"].addSeparator()
        self.action(self.tr("Add &layer…"), self.layer_actions.ask_and_add, None, "file")
        self.menus["file"].addSeparator()
        self.quit_action = self.action(self.tr("&Quit"), self.close, keys.Quit, "file")

    def _build_status_bar(self) -> None:
        self.coordinates = QLabel(self)
        self.coordinates.setObjectName("coordinates")
        self.coordinates.setMinimumWidth(330)
        self.statusBar().addPermanentWidget(self.coordinates)
        moved = getattr(self.canvas, "cursorMoved", None)
        if moved is not None:
            moved.connect(self.show_coordinates)
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    # -- behaviour ------------------------------------------------------------------------
    def show_coordinates(self, lon: float, lat: float) -> None:
        """Cursor position in decimal degrees and degrees-minutes-seconds."""
        from .geo_format import format_dms  # noqa: PLC0415

        self.coordinates.setText(f"{lat:.5f}°, {lon:.5f}°   {format_dms(lat, lon)}")

    def zoom_full(self) -> None:
        """Zoom to all layers."""
        self.bridge.zoom_full()

    def zoom_to_selection(self) -> None:
        """Zoom to the selected features."""
        selection = self.session.selection
        self.bridge.zoom_to(rows_bounds(selection.layer, selection.rows))

    def zoom_to_layer(self, layer: Any) -> None:
        """Zoom to one layer's extent."""
        if layer is not None:
            self.bridge.zoom_to(getattr(layer.provenance, "bounds", None))

    def show_about(self) -> None:
        """The About box."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        from explorer import __version__  # noqa: PLC0415

        QMessageBox.about(self, self.tr("About Mining Impact Explorer"),
                          self.tr("Mining Impact Explorer %1\nOffline desktop GIS for mining impact "
                                  "evidence.\nGPL-3.0-or-later.").replace("%1", __version__))

    def _update_title(self) -> None:
        path = self.session.project_path
        name = path.rsplit("/", 1)[-1] if path else self.tr("Untitled project")
        self.setWindowTitle(f"{name}[*] — Mining Impact Explorer")
        self.setWindowModified(self.session.modified)

    # -- events ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        """Accept files dragged from a file manager."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        """Add the dropped files as layers (project files are opened instead)."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.drop_paths(paths)

    def drop_paths(self, paths: list[str]) -> None:
        """What a drop of ``paths`` does: add them as layers."""
        self.layer_actions.add_files(paths)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Emit :attr:`shown` the first time the window appears."""
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Give controllers a chance to veto closing (unsaved changes)."""
        guard = getattr(self, "close_guard", None)
        if guard is not None and not guard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)

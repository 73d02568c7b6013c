"""The main window: a map canvas in the middle, panels docked around it, menus, a status bar.

It only composes: each panel is its own widget over the shared :class:`Session`, and each
group of actions (layers, project, analysis) lives in its own controller."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from layers.roles import Role

from .analysis_panel import AnalysisPanel
from .attribute_table import AttributeTable
from .autosave import Autosave
from .canvas_host import CanvasBridge, PlaceholderCanvas, layers_bounds, make_canvas
from .feature_lookup import rows_bounds
from .identify_panel import IdentifyPanel
from .layer_actions import LayerActions
from .layers_panel import LayersPanel
from .map_toolbar import MapToolBar
from .menus import build_menus, retranslate_menus
from .partnerships_panel import PartnershipsPanel
from .project_actions import ProjectActions
from .results_view import ResultsView
from .retranslate import Retranslatable
from .session import Session
from .status_texts import MapStatus

__all__ = ["MainWindow", "focus_bounds"]

_AREAS = Qt.DockWidgetArea


def focus_bounds(layers: list[Any]) -> tuple[float, float, float, float] | None:
    """Where to look first: the layers of the study area (not world-wide projects or borders)."""
    local = [layer for layer in layers if Role(layer.role) not in (Role.PROJECT, Role.CONTEXT)]
    return layers_bounds(local) or layers_bounds(layers)


class MainWindow(Retranslatable, QMainWindow):
    """One project per window.  ``deferred_canvas`` shows a light placeholder first and builds
    the real map canvas (heavy imports) on :meth:`attach_canvas`."""

    shown = Signal()

    def __init__(self, session: Session | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, analysis=None, deferred_canvas: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session or Session(self)
        self.settings = settings or QSettings()
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(lambda clean: self.session.set_modified(not clean))
        self.canvas: QWidget | None = None
        self.bridge: CanvasBridge | None = None
        self.map_toolbar: MapToolBar | None = None
        self.layer_actions = LayerActions(self, self.session, self.undo)
        self.project_actions = ProjectActions(self, self.session, self.undo, self.settings)
        self.close_guard = self.project_actions.confirm_discard
        self.autosave = Autosave(self, self.session, self.project_actions, self.settings)
        self.project_actions.saved.connect(lambda _p: self.autosave.discard())
        self.project_actions.opened.connect(self._project_opened)
        self.docks: dict[str, QDockWidget] = {}
        self.dock_titles: dict[str, str] = {}
        self.menus: dict[str, Any] = {}
        self._canvas_frame = QWidget(self)
        self._canvas_frame.setObjectName("canvasFrame")
        frame_layout = QVBoxLayout(self._canvas_frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        self.setCentralWidget(self._canvas_frame)
        self._build_panels(analysis)
        self._build_status_bar()
        self.attach_canvas(PlaceholderCanvas(self) if deferred_canvas else make_canvas(self))
        build_menus(self)
        self.setAcceptDrops(True)
        self.session.projectChanged.connect(self._update_title)
        self.session.modifiedChanged.connect(lambda _m: self._update_title())
        self._update_title()
        self.resize(1280, 800)
        self._docks_sized = False

    # -- composition ----------------------------------------------------------------------
    def add_dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Dock ``widget`` under ``title`` (an English source text of the "MainWindow" context,
        translated now and again on each language change); its toggle goes in View ▸ Panels."""
        dock = QDockWidget(QCoreApplication.translate("MainWindow", title), self)
        self.dock_titles[key] = title
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        if "panels" in self.menus:
            self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _build_panels(self, analysis) -> None:
        self.layers_panel = LayersPanel(self.session, self.undo, self)
        self.attribute_table = AttributeTable(self.session, self)
        self.analysis_panel = AnalysisPanel(self.session, analysis, self)
        self.results_view = ResultsView(self.session, self)
        self.partnerships_panel = PartnershipsPanel(self.session, self)
        self.identify_panel = IdentifyPanel(self.session, self)
        self.add_dock("layers", QT_TRANSLATE_NOOP("MainWindow", "Layers"), self.layers_panel,
                      _AREAS.LeftDockWidgetArea)
        for key, title, widget in (("analysis", QT_TRANSLATE_NOOP("MainWindow", "Analysis"), self.analysis_panel),
                                   ("partnerships", QT_TRANSLATE_NOOP("MainWindow", "Partnerships"),
                                    self.partnerships_panel),
                                   ("identify", QT_TRANSLATE_NOOP("MainWindow", "Identify"), self.identify_panel)):
            self.add_dock(key, title, widget, _AREAS.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["analysis"], self.docks["partnerships"])
        self.tabifyDockWidget(self.docks["partnerships"], self.docks["identify"])
        self.docks["analysis"].raise_()
        self.add_dock("attributes", QT_TRANSLATE_NOOP("MainWindow", "Attribute table"), self.attribute_table,
                      _AREAS.BottomDockWidgetArea)
        self.add_dock("results", QT_TRANSLATE_NOOP("MainWindow", "Results"), self.results_view,
                      _AREAS.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["attributes"], self.docks["results"])
        self._connect_panels()

    def _connect_panels(self) -> None:
        panel, actions = self.layers_panel, self.layer_actions
        panel.addFilesRequested.connect(actions.ask_and_add)
        panel.editStyleRequested.connect(actions.edit_style)
        panel.editMappingRequested.connect(actions.edit_mapping)
        panel.zoomToLayerRequested.connect(self.zoom_to_layer)
        panel.currentLayerChanged.connect(lambda layer: layer is not None and self.attribute_table.show_layer(layer))
        self.attribute_table.zoomToSelectionRequested.connect(self.zoom_to_selection)
        self.results_view.zoomRequested.connect(self.zoom_to_bounds)
        self.partnerships_panel.zoomRequested.connect(self.zoom_to_bounds)
        self.analysis_panel.finished.connect(lambda _r: self.docks["results"].raise_())

    def attach_canvas(self, canvas: QWidget) -> None:
        """Make ``canvas`` the central map (replacing a previous one) and wire it up."""
        old, old_bridge = self.canvas, self.bridge
        if old_bridge is not None:
            old_bridge.detach()
        self.canvas = canvas
        self._canvas_frame.layout().addWidget(canvas)  # a stable container keeps the docks' sizes
        if old is not None:
            old.setParent(None)
            old.deleteLater()
        self.bridge = CanvasBridge(self.session, canvas, self)
        if old is not None:
            self.bridge.reset_layers()
        if self.map_toolbar is not None:
            self.removeToolBar(self.map_toolbar)
            self.map_toolbar.deleteLater()
        self.map_toolbar = MapToolBar(canvas, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.map_toolbar)
        for name, slot in (("coordinatesChanged", self.show_coordinates), ("scaleChanged", self.show_scale),
                           ("featuresIdentified", self._identified)):
            signal = getattr(canvas, name, None)
            if signal is not None:
                signal.connect(slot)

    def attach_real_canvas(self) -> None:
        """Swap a placeholder for the real map canvas (imports the renderer now)."""
        if isinstance(self.canvas, PlaceholderCanvas):
            canvas = make_canvas(self)
            if not isinstance(canvas, PlaceholderCanvas):
                self.attach_canvas(canvas)

    def _build_status_bar(self) -> None:
        self.map_status = MapStatus(self.statusBar())
        self.coordinates, self.scale_label = self.map_status.coordinates, self.map_status.scale_label
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    def retranslate(self) -> None:
        """Every text of the window in the installed language (panels follow by themselves)."""
        if not hasattr(self, "map_status"):
            return  # a LanguageChange during construction
        retranslate_menus(self)
        for key, dock in self.docks.items():
            dock.setWindowTitle(QCoreApplication.translate("MainWindow", self.dock_titles[key]))
        self.map_status.retranslate()
        self._update_title()

    # -- behaviour ------------------------------------------------------------------------
    def _identified(self, hits: list) -> None:
        self.identify_panel.show_hits(hits)
        self.docks["identify"].show()
        self.docks["identify"].raise_()

    def _project_opened(self, _path: str) -> None:
        project = self.session.project
        self.analysis_panel.show_settings(getattr(project, "settings", None))
        self.partnerships_panel.set_registry(self.project_actions.registry(project))
        self.zoom_to_bounds(focus_bounds(self.session.layers))

    def show_coordinates(self, lon: float, lat: float) -> None:
        """Cursor position in decimal degrees and degrees-minutes-seconds."""
        self.map_status.show_coordinates(lon, lat)

    def show_scale(self, denominator: float) -> None:
        """The map scale in the status bar."""
        self.map_status.show_scale(denominator)

    def zoom_to_bounds(self, bounds: Any) -> None:
        """Zoom the map to lon/lat bounds."""
        self.bridge.zoom_to(bounds)

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

    def show_attribute_table(self) -> None:
        """Show the attribute table of the current layer."""
        self.attribute_table.show_layer(self.layers_panel.current_layer())
        self.docks["attributes"].show()
        self.docks["attributes"].raise_()

    def choose_basemap(self) -> None:
        """Choose an MBTiles or GeoTIFF basemap (added as a bottom context layer)."""
        from .basemap_actions import choose_basemap  # noqa: PLC0415

        choose_basemap(self)

    def export_report(self) -> None:
        """Export an evidence pack of the last analysis (when the report package is installed)."""
        from .report_actions import export_report  # noqa: PLC0415

        export_report(self)

    def show_about(self) -> None:
        """The About box."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        from explorer import __version__  # noqa: PLC0415

        QMessageBox.about(self, self.tr("About Mining Impact Explorer"),
                          self.tr("Mining Impact Explorer %1\nOffline desktop GIS for mining impact "
                                  "evidence.\nGPL-3.0-or-later.").replace("%1", __version__))

    def _update_title(self) -> None:
        path = self.session.project_path
        title = getattr(self.session.project, "title", None)
        name = path.replace("\\", "/").rsplit("/", 1)[-1] if path else (title or self.tr("Untitled project"))
        self.setWindowTitle(f"{name}[*] — Mining Impact Explorer")
        self.setWindowModified(self.session.modified)

    # -- events ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        """Accept files dragged from a file manager."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        """Add the dropped files as layers (a dropped project file is opened instead)."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.drop_paths(paths)

    def drop_paths(self, paths: list[str]) -> None:
        """What a drop of ``paths`` does: open a project file, or add the files as layers."""
        projects = [p for p in paths if p.lower().endswith(".mieproj")]
        if projects:
            if self.project_actions.confirm_discard():
                self.project_actions.open_project(projects[0])
            return
        self.layer_actions.add_files(paths)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Give the map most of the room the first time; emit :attr:`shown`."""
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self.resizeDocks([self.docks["layers"], self.docks["analysis"]], [300, 330], Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["attributes"]], [190], Qt.Orientation.Vertical)
        self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Ask about unsaved changes; remember the window layout; clean exit removes recovery."""
        guard = getattr(self, "close_guard", None)
        if guard is not None and not guard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.autosave.discard()
        super().closeEvent(event)

"""The layers panel: the layer list with visibility checkboxes, drag-to-reorder, up/down,
opacity, role, style and field-mapping editors, remove.  Every change goes through the undo
stack as a command; the panel holds no state of its own."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QLabel, QListView, QSlider, QStyle, QToolBar,
    QVBoxLayout, QWidget,
)

from layers.roles import Role

from .commands import MoveLayerCommand, RemoveLayerCommand, RoleCommand, StyleCommand
from .layer_model import LayerListModel, LayerRole
from .retranslate import Retranslatable
from .session import Session
from .role_text import role_text

__all__ = ["LayersPanel"]

_OPACITY_MERGE_ID = 4201


class LayersPanel(Retranslatable, QWidget):
    """List of layers, top-most first, with the controls of the current layer below."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(300, 420)

    addFilesRequested = Signal()
    zoomToLayerRequested = Signal(object)
    currentLayerChanged = Signal(object)
    editStyleRequested = Signal(object)
    editMappingRequested = Signal(object)

    def __init__(self, session: Session, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.undo = session, undo
        self.model = LayerListModel(session, self)
        self.model.visibilityRequested.connect(self.set_visible)
        self.model.moveRequested.connect(self.move_layer)
        self.view = self._make_view()
        self.toolbar = self._make_toolbar()
        self.role_box, self.opacity = self._make_role_box(), self._make_opacity()
        self.role_label, self.opacity_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.role_label, self.role_box)
        form.addRow(self.opacity_label, self.opacity)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        session.layerChanged.connect(lambda _i: self._show_current())
        self.retranslate()
        self._show_current()

    def retranslate(self) -> None:
        """Labels, tool texts and role names in the installed language."""
        self.role_label.setText(self.tr("Role"))
        self.opacity_label.setText(self.tr("Opacity"))
        for action, text in ((self.add_action, self.tr("Add layer…")), (self.remove_action, self.tr("Remove layer")),
                             (self.up_action, self.tr("Move up")), (self.down_action, self.tr("Move down")),
                             (self.zoom_action, self.tr("Zoom to layer")), (self.style_action, self.tr("Style…")),
                             (self.mapping_action, self.tr("Role and fields…"))):
            action.setText(text)
        for index in range(self.role_box.count()):
            self.role_box.setItemText(index, role_text(self.role_box.itemData(index)))
        self.model.retranslate()

    # -- construction ---------------------------------------------------------------------
    def _make_view(self) -> QListView:
        view = QListView(self)
        view.setObjectName("layerList")
        view.setModel(self.model)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        view.doubleClicked.connect(lambda idx: self.editStyleRequested.emit(self.current_layer()))
        return view

    def _action(self, icon: QStyle.StandardPixmap, slot, shortcut: str = "") -> QAction:
        action = QAction(self.style().standardIcon(icon), "", self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    def _make_toolbar(self) -> QToolBar:
        sp = QStyle.StandardPixmap
        bar = QToolBar(self)
        bar.setIconSize(bar.iconSize() * 0.8)
        self.add_action = self._action(sp.SP_FileDialogNewFolder, self.addFilesRequested.emit)
        self.remove_action = self._action(sp.SP_TrashIcon, self.remove_current, "Del")
        self.up_action = self._action(sp.SP_ArrowUp, lambda: self.step_current(-1))
        self.down_action = self._action(sp.SP_ArrowDown, lambda: self.step_current(1))
        self.zoom_action = self._action(sp.SP_FileDialogContentsView,
                                        lambda: self.zoomToLayerRequested.emit(self.current_layer()))
        self.style_action = self._action(sp.SP_FileDialogDetailedView,
                                         lambda: self.editStyleRequested.emit(self.current_layer()))
        self.mapping_action = self._action(sp.SP_FileDialogInfoView,
                                           lambda: self.editMappingRequested.emit(self.current_layer()))
        actions = (self.add_action, self.remove_action, self.up_action, self.down_action,
                   self.zoom_action, self.style_action, self.mapping_action)
        for action in actions:
            bar.addAction(action)
        self.view.addActions(list(actions[1:]))
        return bar

    def _make_role_box(self) -> QComboBox:
        box = QComboBox(self)
        for role in Role:
            box.addItem(role_text(role), role)
        box.activated.connect(self._role_chosen)
        return box

    def _make_opacity(self) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, 100)
        slider.valueChanged.connect(self._opacity_moved)
        return slider

    # -- current layer --------------------------------------------------------------------
    def current_layer(self) -> Any:
        """The layer highlighted in the list, or None."""
        index = self.view.currentIndex()
        return index.data(LayerRole.LAYER) if index.isValid() else None

    def select_layer(self, layer: Any) -> None:
        """Make ``layer`` the current row."""
        row = self.session.index_of(layer)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_current(self) -> None:
        layer = self.current_layer()
        for widget in (self.role_box, self.opacity):
            widget.setEnabled(layer is not None)
            widget.blockSignals(True)
        if layer is not None:
            self.role_box.setCurrentIndex(self.role_box.findData(layer.role))
            self.opacity.setValue(round(layer.style.opacity * 100))
        else:
            self.role_box.setCurrentIndex(-1)
            self.opacity.setValue(100)
        for widget in (self.role_box, self.opacity):
            widget.blockSignals(False)
        self.currentLayerChanged.emit(layer)

    # -- commands -------------------------------------------------------------------------
    def set_visible(self, row: int, visible: bool) -> None:
        """Show or hide the layer at ``row`` (undoable)."""
        layer = self.session.layers[row]
        text = self.tr("Show %1") if visible else self.tr("Hide %1")
        self.undo.push(StyleCommand(self.session, layer, layer.style.with_changes(visible=visible),
                                    text.replace("%1", layer.name)))

    def move_layer(self, source: int, target: int) -> None:
        """Move a layer in the drawing order (undoable)."""
        layer = self.session.layers[source]
        self.undo.push(MoveLayerCommand(self.session, layer, target))
        self.select_layer(layer)

    def step_current(self, step: int) -> None:
        """Move the current layer up (-1) or down (+1)."""
        layer = self.current_layer()
        if layer is None:
            return
        row = self.session.index_of(layer)
        target = row + step
        if 0 <= target < len(self.session.layers):
            self.move_layer(row, target)

    def remove_current(self) -> None:
        """Remove the current layer (undoable)."""
        layer = self.current_layer()
        if layer is not None:
            self.undo.push(RemoveLayerCommand(self.session, layer))

    def _role_chosen(self, _index: int) -> None:
        layer, role = self.current_layer(), self.role_box.currentData()
        if layer is not None and role is not None and role != layer.role:
            self.undo.push(RoleCommand(self.session, layer, Role(role)))

    def _opacity_moved(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None:
            style = layer.style.with_changes(opacity=value / 100.0)
            self.undo.push(StyleCommand(self.session, layer, style,
                                        self.tr("Opacity of %1").replace("%1", layer.name),
                                        merge_key=_OPACITY_MERGE_ID))


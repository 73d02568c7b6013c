"""Layer actions of the main window: add files (dialog or drop), edit style, edit role and
field mapping.  Each reads user input, calls one function and pushes undoable commands."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


from .commands import AddLayerCommand, MappingCommand, RoleCommand, StyleCommand
from .errors import show_error
from .layer_io import file_filter, load_paths
from .mapping_dialog import MappingDialog, suggested_choice
from .session import Session
from .style_dialog import StyleDialog
from .role_text import role_text

__all__ = ["LayerActions"]


class LayerActions(QObject):
    """Adds and edits layers on behalf of a window."""

    def __init__(self, window: QWidget, session: Session, undo: QUndoStack) -> None:
        super().__init__(window)
        self.window, self.session, self.undo = window, session, undo
        self.last_folder = str(Path.home())

    def ask_and_add(self) -> None:
        """Open a file dialog and add the chosen files."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add layers"), self.last_folder,
                                                file_filter())
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> list[Any]:
        """Read ``paths``, add what could be read on top (one undo step), report what failed."""
        if not paths:
            return []
        self.last_folder = str(Path(paths[0]).parent)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            layers, errors = load_paths(paths)
        finally:
            QGuiApplication.restoreOverrideCursor()
        for layer in layers:
            self._apply_suggestion(layer)
        self._push_added(layers)
        if errors:
            text = "\n\n".join(str(err) for err in errors)
            show_error(self.window, self.tr("Some files could not be added"), text)
        return layers

    @staticmethod
    def _apply_suggestion(layer: Any) -> None:
        if getattr(layer, "kind", "") != "vector":
            return
        role, mapping = suggested_choice(layer)
        layer.mapping = mapping
        if role != layer.role:
            from layers.styles import default_style  # noqa: PLC0415

            layer.role, layer.style = role, default_style(role)

    def _push_added(self, layers: list[Any]) -> None:
        if not layers:
            return
        self.undo.beginMacro(self.tr("Add %n layer(s)", "", len(layers)))
        for layer in reversed(layers):
            self.undo.push(AddLayerCommand(self.session, layer, 0))
        self.undo.endMacro()
        names = ", ".join(f"{layer.name} ({role_text(layer.role)})" for layer in layers)
        self._status(self.tr("Added %1").replace("%1", names))

    def edit_style(self, layer: Any) -> None:
        """Open the style editor for ``layer`` and apply the result (undoable)."""
        if layer is None:
            return
        dialog = StyleDialog(layer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.undo.push(StyleCommand(self.session, layer, dialog.style_value()))

    def edit_mapping(self, layer: Any) -> None:
        """Open the role and field-mapping editor for ``layer`` and apply the result."""
        if layer is None:
            return
        dialog = MappingDialog(layer, layer.role, getattr(layer, "mapping", None) or suggested_choice(layer)[1],
                               self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.undo.beginMacro(self.tr("Role and fields of %1").replace("%1", layer.name))
        if dialog.role() != layer.role:
            self.undo.push(RoleCommand(self.session, layer, dialog.role()))
        if dialog.boxes and dialog.mapping() != layer.mapping:
            self.undo.push(MappingCommand(self.session, layer, dialog.mapping()))
        self.undo.endMacro()

    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

"""Undoable layer-panel changes: add, remove, move, style (visibility, opacity, colours), role
and field mapping.  Each command finds its layer by identity at redo/undo time, so commands
stay valid while other commands reorder the list."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from layers.model import FieldMapping
from layers.roles import Role
from layers.styles import Style

from .session import Session

__all__ = [
    "AddLayerCommand",
    "RemoveLayerCommand",
    "MoveLayerCommand",
    "StyleCommand",
    "RoleCommand",
    "MappingCommand",
]


class AddLayerCommand(QUndoCommand):
    """Add a layer at a position (default: on top)."""

    def __init__(self, session: Session, layer: Any, index: int = 0) -> None:
        super().__init__(QCoreApplication.translate("LayerCommands", "Add layer %1").replace("%1", layer.name))
        self.session, self.layer, self.index = session, layer, index

    def redo(self) -> None:
        """Insert the layer."""
        self.session.insert_layer(self.index, self.layer)

    def undo(self) -> None:
        """Take the layer out again."""
        self.session.remove_layer(self.session.index_of(self.layer))


class RemoveLayerCommand(QUndoCommand):
    """Remove a layer, remembering where it was."""

    def __init__(self, session: Session, layer: Any) -> None:
        super().__init__(QCoreApplication.translate("LayerCommands", "Remove layer %1").replace("%1", layer.name))
        self.session, self.layer = session, layer
        self.index = session.index_of(layer)

    def redo(self) -> None:
        """Remove the layer."""
        self.index = self.session.index_of(self.layer)
        self.session.remove_layer(self.index)

    def undo(self) -> None:
        """Put the layer back where it was."""
        self.session.insert_layer(self.index, self.layer)


class MoveLayerCommand(QUndoCommand):
    """Move a layer up or down the drawing order."""

    def __init__(self, session: Session, layer: Any, target: int) -> None:
        super().__init__(QCoreApplication.translate("LayerCommands", "Move layer %1").replace("%1", layer.name))
        self.session, self.layer, self.target = session, layer, target
        self.source = session.index_of(layer)

    def redo(self) -> None:
        """Move to the target position."""
        self.session.move_layer(self.session.index_of(self.layer), self.target)

    def undo(self) -> None:
        """Move back to the original position."""
        self.session.move_layer(self.session.index_of(self.layer), self.source)


class StyleCommand(QUndoCommand):
    """Change a layer's style (visibility and opacity are part of the style).

    Consecutive changes of the same layer with the same ``merge_key`` (an opacity slider
    being dragged) merge into one undo step."""

    def __init__(self, session: Session, layer: Any, style: Style, text: str = "", merge_key: int = -1):
        super().__init__(text or QCoreApplication.translate("LayerCommands", "Change style of %1").replace("%1", layer.name))
        self.session, self.layer = session, layer
        self.old, self.new, self.merge_key = layer.style, style, merge_key

    def id(self) -> int:  # noqa: A003 - Qt API
        """Merge id (-1: never merge)."""
        return self.merge_key

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Merge a following change of the same layer."""
        if not isinstance(other, StyleCommand) or other.layer is not self.layer:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        """Apply the new style."""
        self.session.set_style(self.session.index_of(self.layer), self.new)

    def undo(self) -> None:
        """Restore the old style."""
        self.session.set_style(self.session.index_of(self.layer), self.old)


class RoleCommand(QUndoCommand):
    """Change a layer's role (its style follows the role's default)."""

    def __init__(self, session: Session, layer: Any, role: Role) -> None:
        super().__init__(QCoreApplication.translate("LayerCommands", "Change role of %1").replace("%1", layer.name))
        self.session, self.layer, self.role = session, layer, role
        self.old_role, self.old_style = layer.role, layer.style

    def redo(self) -> None:
        """Apply the new role."""
        self.session.set_role(self.session.index_of(self.layer), self.role)

    def undo(self) -> None:
        """Restore the old role and style."""
        self.session.set_role(self.session.index_of(self.layer), self.old_role, self.old_style)


class MappingCommand(QUndoCommand):
    """Change a vector layer's field mapping."""

    def __init__(self, session: Session, layer: Any, mapping: FieldMapping) -> None:
        super().__init__(QCoreApplication.translate("LayerCommands", "Change field mapping of %1").replace("%1", layer.name))
        self.session, self.layer = session, layer
        self.old, self.new = layer.mapping, mapping

    def redo(self) -> None:
        """Apply the new mapping."""
        self.session.set_mapping(self.session.index_of(self.layer), self.new)

    def undo(self) -> None:
        """Restore the old mapping."""
        self.session.set_mapping(self.session.index_of(self.layer), self.old)

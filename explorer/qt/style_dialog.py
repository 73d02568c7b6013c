"""Style editor: fill and stroke colour, fill opacity, stroke width, hatch, marker and size,
label field.  It returns a new :class:`layers.styles.Style`; the caller applies it."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QPushButton,
    QSlider, QVBoxLayout, QWidget,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from layers.styles import HATCHES, MARKERS, Style

__all__ = ["StyleDialog", "ColorButton"]


#: Hatching and point-symbol names as the dialog shows them.
_CHOICES = {
    "none": QT_TRANSLATE_NOOP("StyleDialog", "none"),
    "diagonal": QT_TRANSLATE_NOOP("StyleDialog", "diagonal"),
    "cross": QT_TRANSLATE_NOOP("StyleDialog", "cross"),
    "horizontal": QT_TRANSLATE_NOOP("StyleDialog", "horizontal"),
    "vertical": QT_TRANSLATE_NOOP("StyleDialog", "vertical"),
    "dots": QT_TRANSLATE_NOOP("StyleDialog", "dots"),
    "circle": QT_TRANSLATE_NOOP("StyleDialog", "circle"),
    "square": QT_TRANSLATE_NOOP("StyleDialog", "square"),
    "triangle": QT_TRANSLATE_NOOP("StyleDialog", "triangle"),
    "diamond": QT_TRANSLATE_NOOP("StyleDialog", "diamond"),
    "star": QT_TRANSLATE_NOOP("StyleDialog", "star"),
}

class ColorButton(QPushButton):
    """A button showing a colour; clicking opens a colour chooser."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_color(color)
        self.clicked.connect(self._choose)

    def color(self) -> str:
        """The colour as ``#rrggbb``."""
        return self._color

    def set_color(self, color: str) -> None:
        """Show ``color``."""
        self._color = QColor(color).name()
        self.setText(self._color)
        self.setStyleSheet(f"background-color: {self._color}; color: "
                           f"{'#000' if QColor(color).lightness() > 128 else '#fff'};")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Choose colour"))
        if chosen.isValid():
            self.set_color(chosen.name())


class StyleDialog(QDialog):
    """Edit a copy of a layer's style."""

    def __init__(self, layer: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Style of %1").replace("%1", layer.name))
        style: Style = layer.style
        self.base = style
        self.fill = ColorButton(style.fill, self)
        self.stroke = ColorButton(style.stroke, self)
        self.fill_opacity = self._slider(style.fill_opacity)
        self.stroke_width = self._spin(style.stroke_width, 0.0, 10.0)
        self.marker_size = self._spin(style.marker_size, 1.0, 40.0)
        self.hatch = self._combo(HATCHES, style.hatch)
        self.marker = self._combo(MARKERS, style.marker)
        self.label_field = QComboBox(self)
        self.label_field.addItem(self.tr("(no labels)"), None)
        for column in _columns(layer):
            self.label_field.addItem(column, column)
        self.label_field.setCurrentIndex(max(0, self.label_field.findData(style.label_field)))
        form = QFormLayout()
        for label, widget in ((self.tr("Fill colour"), self.fill), (self.tr("Fill opacity"), self.fill_opacity),
                              (self.tr("Outline colour"), self.stroke), (self.tr("Outline width (pt)"), self.stroke_width),
                              (self.tr("Hatching"), self.hatch), (self.tr("Point symbol"), self.marker),
                              (self.tr("Symbol size (pt)"), self.marker_size), (self.tr("Label field"), self.label_field)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _slider(self, value: float) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, 100)
        slider.setValue(round(value * 100))
        return slider

    def _spin(self, value: float, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setSingleStep(0.2)
        spin.setValue(value)
        return spin

    def _combo(self, names: tuple[str, ...], current: str) -> QComboBox:
        box = QComboBox(self)
        for name in names:
            box.addItem(self.tr(_CHOICES.get(name, name)), name)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def style_value(self) -> Style:
        """The edited style."""
        return self.base.with_changes(
            fill=self.fill.color(), stroke=self.stroke.color(),
            fill_opacity=self.fill_opacity.value() / 100.0, stroke_width=self.stroke_width.value(),
            hatch=self.hatch.currentData(), marker=self.marker.currentData(),
            marker_size=self.marker_size.value(), label_field=self.label_field.currentData(),
        )


def _columns(layer: Any) -> list[str]:
    frame = getattr(layer, "frame", None)
    if frame is None:
        return []
    return [str(c) for c in frame.columns if c != frame.geometry.name]

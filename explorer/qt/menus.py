"""The main window's menus and their keyboard shortcuts (standard keys where Qt has them).

Every menu title and action text is kept as its English source in ``window.menu_texts`` so
:func:`retranslate_menus` can set them again in another language without building anything
twice."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

__all__ = ["build_menus", "retranslate_menus", "MENU_TITLES"]

_CONTEXT = "MainWindow"
#: (key, English title) of the menu bar's menus, left to right.
MENU_TITLES = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("layer", QT_TRANSLATE_NOOP("MainWindow", "&Layer")),
    ("analysis", QT_TRANSLATE_NOOP("MainWindow", "&Analysis")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _remember(window: Any, action: QAction, source: str) -> QAction:
    action.setText(_tr(source))
    window.menu_texts.append((action, source))
    return action


def _add(window: Any, menu: str, source: str, slot, shortcut: Any = None) -> QAction:
    action = _remember(window, QAction(window), source)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.menus[menu].addAction(action)
    return action


def _submenu(window: Any, parent: str, key: str, source: str) -> Any:
    menu = window.menus[parent].addMenu(_tr(source))
    _remember(window, menu.menuAction(), source)
    window.menus[key] = menu
    return menu


def build_menus(window: Any) -> None:
    """Fill ``window.menus`` (file, edit, view, layer, analysis, help) with actions."""
    window.menu_texts = []
    bar = window.menuBar()
    for key, source in MENU_TITLES:
        window.menus[key] = bar.addMenu(_tr(source))
        _remember(window, window.menus[key].menuAction(), source)
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window)
    _layer_menu(window)
    keys = QKeySequence.StandardKey
    window.run_action = _add(window, "analysis", QT_TRANSLATE_NOOP("MainWindow", "&Run analysis"),
                             window.analysis_panel.run, "Ctrl+R")
    _add(window, "analysis", QT_TRANSLATE_NOOP("MainWindow", "&Cancel analysis"), window.analysis_panel.cancel,
         "Ctrl+.")
    window.report_action = _add(window, "analysis", QT_TRANSLATE_NOOP("MainWindow", "&Export report…"),
                                window.export_report, keys.Print)
    _add(window, "help", QT_TRANSLATE_NOOP("MainWindow", "&About Mining Impact Explorer"), window.show_about)


def retranslate_menus(window: Any) -> None:
    """Set every menu title and action text again in the installed language."""
    for action, source in getattr(window, "menu_texts", ()):
        action.setText(_tr(source))
    _set_undo_texts(window)


def _file_menu(window: Any) -> None:
    projects, keys = window.project_actions, QKeySequence.StandardKey
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "&New project"), projects.new_project, keys.New)
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "&Open project…"), projects.ask_open, keys.Open)
    projects.recent_menu = _submenu(window, "file", "recent", QT_TRANSLATE_NOOP("MainWindow", "Open &recent"))
    projects.fill_recent_menu()
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "Open the &sample project"),
         lambda: projects.confirm_discard() and projects.open_sample())
    window.menus["file"].addSeparator()
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "&Save project"), projects.save, keys.Save)
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "Save project &as…"), projects.save_as, keys.SaveAs)
    window.menus["file"].addSeparator()
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "Add &layer…"), window.layer_actions.ask_and_add,
         "Ctrl+Shift+A")
    _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "Set &basemap…"), window.choose_basemap)
    window.menus["file"].addSeparator()
    window.quit_action = _add(window, "file", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), window.close, keys.Quit)


def _edit_menu(window: Any) -> None:
    """Undo and Redo name the command they act on ("Undo Add 2 layers"), in any language."""
    keys, stack = QKeySequence.StandardKey, window.undo
    window.undo_action = _add(window, "edit", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), stack.undo, keys.Undo)
    window.redo_action = _add(window, "edit", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), stack.redo, keys.Redo)
    window.undo_action.setEnabled(stack.canUndo())
    window.redo_action.setEnabled(stack.canRedo())
    stack.canUndoChanged.connect(window.undo_action.setEnabled)
    stack.canRedoChanged.connect(window.redo_action.setEnabled)
    stack.undoTextChanged.connect(lambda _text: _set_undo_texts(window))
    stack.redoTextChanged.connect(lambda _text: _set_undo_texts(window))
    _set_undo_texts(window)
    window.menus["edit"].addSeparator()
    _add(window, "edit", QT_TRANSLATE_NOOP("MainWindow", "Clear selection"),
         lambda: window.session.set_selection(None, ()), "Ctrl+Shift+N")


def _set_undo_texts(window: Any) -> None:
    try:
        pairs = ((window.undo_action, QT_TRANSLATE_NOOP("MainWindow", "&Undo"), window.undo.undoText()),
                 (window.redo_action, QT_TRANSLATE_NOOP("MainWindow", "&Redo"), window.undo.redoText()))
        for action, verb, command in pairs:
            action.setText(f"{_tr(verb)} {command}" if command else _tr(verb))
    except RuntimeError:  # the window is being destroyed and its undo stack is already gone
        return


def _view_menu(window: Any) -> None:
    _add(window, "view", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &full extent"), window.zoom_full, "Ctrl+Shift+F")
    _add(window, "view", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &layer"),
         lambda: window.zoom_to_layer(window.layers_panel.current_layer()), "Ctrl+Shift+L")
    _add(window, "view", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &selection"), window.zoom_to_selection, "Ctrl+J")
    window.menus["view"].addSeparator()
    _submenu(window, "view", "panels", QT_TRANSLATE_NOOP("MainWindow", "&Panels"))
    for dock in window.docks.values():
        window.menus["panels"].addAction(dock.toggleViewAction())
    from .language_menu import build_language_menu  # noqa: PLC0415

    build_language_menu(window, _submenu(window, "view", "language", QT_TRANSLATE_NOOP("MainWindow", "&Language")))


def _layer_menu(window: Any) -> None:
    panel, actions = window.layers_panel, window.layer_actions
    _add(window, "layer", QT_TRANSLATE_NOOP("MainWindow", "&Add layer…"), actions.ask_and_add)
    _add(window, "layer", QT_TRANSLATE_NOOP("MainWindow", "&Remove layer"), panel.remove_current)
    _add(window, "layer", QT_TRANSLATE_NOOP("MainWindow", "&Style…"), lambda: actions.edit_style(panel.current_layer()))
    _add(window, "layer", QT_TRANSLATE_NOOP("MainWindow", "Role and &fields…"),
         lambda: actions.edit_mapping(panel.current_layer()))
    _add(window, "layer", QT_TRANSLATE_NOOP("MainWindow", "Open &attribute table"), window.show_attribute_table, "F6")

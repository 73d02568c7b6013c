"""The main window's menus and their keyboard shortcuts (standard keys where Qt has them)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

__all__ = ["build_menus"]


def _add(window: Any, menu: str, text: str, slot, shortcut: Any = None) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.menus[menu].addAction(action)
    return action


def build_menus(window: Any) -> None:
    """Fill ``window.menus`` (file, edit, view, layer, analysis, help) with actions."""
    bar = window.menuBar()
    for key, title in (("file", QCoreApplication.translate("MainWindow", "&File")), ("edit", QCoreApplication.translate("MainWindow", "&Edit")), ("view", QCoreApplication.translate("MainWindow", "&View")),
                       ("layer", QCoreApplication.translate("MainWindow", "&Layer")), ("analysis", QCoreApplication.translate("MainWindow", "&Analysis")), ("help", QCoreApplication.translate("MainWindow", "&Help"))):
        window.menus[key] = bar.addMenu(title)
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window)
    _layer_menu(window)
    keys = QKeySequence.StandardKey
    window.run_action = _add(window, "analysis", QCoreApplication.translate("MainWindow", "&Run analysis"), window.analysis_panel.run, "Ctrl+R")
    _add(window, "analysis", QCoreApplication.translate("MainWindow", "&Cancel analysis"), window.analysis_panel.cancel, "Ctrl+.")
    window.report_action = _add(window, "analysis", QCoreApplication.translate("MainWindow", "&Export report…"), window.export_report, keys.Print)
    _add(window, "help", QCoreApplication.translate("MainWindow", "&About Mining Impact Explorer"), window.show_about)


def _file_menu(window: Any) -> None:
    projects, keys = window.project_actions, QKeySequence.StandardKey
    _add(window, "file", QCoreApplication.translate("MainWindow", "&New project"), projects.new_project, keys.New)
    _add(window, "file", QCoreApplication.translate("MainWindow", "&Open project…"), projects.ask_open, keys.Open)
    projects.recent_menu = window.menus["file"].addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    projects.fill_recent_menu()
    _add(window, "file", QCoreApplication.translate("MainWindow", "Open the &sample project"),
         lambda: projects.confirm_discard() and projects.open_sample())
    window.menus["file"].addSeparator()
    _add(window, "file", QCoreApplication.translate("MainWindow", "&Save project"), projects.save, keys.Save)
    _add(window, "file", QCoreApplication.translate("MainWindow", "Save project &as…"), projects.save_as, keys.SaveAs)
    window.menus["file"].addSeparator()
    _add(window, "file", QCoreApplication.translate("MainWindow", "Add &layer…"), window.layer_actions.ask_and_add, "Ctrl+Shift+A")
    _add(window, "file", QCoreApplication.translate("MainWindow", "Set &basemap…"), window.choose_basemap)
    window.menus["file"].addSeparator()
    window.quit_action = _add(window, "file", QCoreApplication.translate("MainWindow", "&Quit"), window.close, keys.Quit)


def _edit_menu(window: Any) -> None:
    keys = QKeySequence.StandardKey
    undo = window.undo.createUndoAction(window, QCoreApplication.translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence(keys.Undo))
    redo = window.undo.createRedoAction(window, QCoreApplication.translate("MainWindow", "&Redo"))
    redo.setShortcut(QKeySequence(keys.Redo))
    window.menus["edit"].addActions([undo, redo])
    window.undo_action, window.redo_action = undo, redo
    window.menus["edit"].addSeparator()
    _add(window, "edit", QCoreApplication.translate("MainWindow", "Clear selection"),
         lambda: window.session.set_selection(None, ()), "Ctrl+Shift+N")


def _view_menu(window: Any) -> None:
    _add(window, "view", QCoreApplication.translate("MainWindow", "Zoom to &full extent"), window.zoom_full, "Ctrl+Shift+F")
    _add(window, "view", QCoreApplication.translate("MainWindow", "Zoom to &layer"), lambda: window.zoom_to_layer(window.layers_panel.current_layer()),
         "Ctrl+Shift+L")
    _add(window, "view", QCoreApplication.translate("MainWindow", "Zoom to &selection"), window.zoom_to_selection, "Ctrl+J")
    window.menus["view"].addSeparator()
    window.menus["panels"] = window.menus["view"].addMenu(QCoreApplication.translate("MainWindow", "&Panels"))
    for dock in window.docks.values():
        window.menus["panels"].addAction(dock.toggleViewAction())
    _language_menu(window)


def _language_menu(window: Any) -> None:
    """View ▸ Language: the choice is saved; menus and panels show it from the next start."""
    try:
        from explorer.i18n import LANGUAGE_NAMES  # noqa: PLC0415

        from .language import current_language, install_language  # noqa: PLC0415
    except ImportError:
        return
    menu = window.menus["view"].addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    for code, name in LANGUAGE_NAMES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current_language())
        group.addAction(action)

        def choose(_checked=False, code=code) -> None:
            window.settings.setValue("ui/language", code)
            install_language(code)
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Language saved; every window text follows after a restart."), 8000)

        action.triggered.connect(choose)


def _layer_menu(window: Any) -> None:
    panel, actions = window.layers_panel, window.layer_actions
    _add(window, "layer", QCoreApplication.translate("MainWindow", "&Add layer…"), actions.ask_and_add)
    _add(window, "layer", QCoreApplication.translate("MainWindow", "&Remove layer"), panel.remove_current)
    _add(window, "layer", QCoreApplication.translate("MainWindow", "&Style…"), lambda: actions.edit_style(panel.current_layer()))
    _add(window, "layer", QCoreApplication.translate("MainWindow", "Role and &fields…"), lambda: actions.edit_mapping(panel.current_layer()))
    _add(window, "layer", QCoreApplication.translate("MainWindow", "Open &attribute table"), window.show_attribute_table, "F6")

"""explorer.qt: the desktop app's widgets (main window, panels, dialogs, workers).

Nothing is imported here so that ``import explorer.qt.app`` stays fast; see
:func:`explorer.qt.app.run_gui`."""

__all__: list[str] = []

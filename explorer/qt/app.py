"""Starting the desktop app: ``mining-explorer`` / ``mining-explorer gui [PROJECT]``.

The window is shown first and the project is loaded right after, from the event loop, so the
window appears fast.  Environment variables for automation:

- ``MIE_SMOKE_EXIT_MS``: quit that many milliseconds after the project is loaded;
- ``MIE_SCREENSHOT``: save a picture of the window to this path just before quitting;
- ``MIE_SETTINGS_FILE``: keep settings (recent projects...) in this INI file;
- ``MIE_LANGUAGE``: start in this language (en, pt, es, fr); ``--lang`` on the command line wins.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

__all__ = ["run_gui", "create_window", "open_initial", "app_settings"]

log = logging.getLogger("explorer.qt")
_T0 = time.perf_counter()


def _setup_logging() -> Path | None:
    """Log to stderr and to a file in the user's data folder; returns the file path."""
    from PySide6.QtCore import QStandardPaths  # noqa: PLC0415

    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    log_path = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log_path = folder / "mining-explorer.log"
        handlers.append(logging.FileHandler(log_path, encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers)
    return log_path


def app_settings():
    """The QSettings the app uses (an INI file when ``MIE_SETTINGS_FILE`` is set)."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    path = os.environ.get("MIE_SETTINGS_FILE")
    return QSettings(path, QSettings.Format.IniFormat) if path else QSettings()


def create_window(settings=None, deferred_canvas: bool = False):
    """A new main window over a new session (not shown)."""
    from .main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(settings=settings, deferred_canvas=deferred_canvas)
    geometry = window.settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    return window


def open_initial(window, project_path: str | None) -> bool:
    """Open ``project_path``; without one, offer crash recovery, else the last project or the sample."""
    projects = window.project_actions
    if project_path:
        return projects.open_project(project_path)
    recovery = getattr(window, "autosave", None)
    if recovery is not None and recovery.offer_recovery():
        return True
    recent = projects.recent()
    if recent and projects.open_project(recent[0]):
        return True
    return projects.open_sample()


def run_gui(project_path: str | None = None, lang: str | None = None) -> int:
    """Run the desktop app until its window is closed; returns the exit code.  ``lang`` (from
    ``--lang``) overrides the saved language for this run."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Mining Impact Explorer")
    app.setOrganizationName("MiningImpactExplorer")
    app.setStyle("Fusion")
    log_path = _setup_logging()
    from .errors import install_excepthook  # noqa: PLC0415

    settings = app_settings()
    _install_language(settings, lang)
    window = create_window(settings, deferred_canvas=True)
    window.project_actions.background = True
    errors: list[BaseException] = []
    install_excepthook(lambda: window, errors.append)
    if os.environ.get("MIE_SMOKE_EXIT_MS"):
        _dismiss_dialogs_automatically(window)
    window.show()
    log.info("window shown in %.0f ms (log: %s)", (time.perf_counter() - _T0) * 1000, log_path)
    QTimer.singleShot(0, lambda: _load(window, project_path))
    code = app.exec()
    return 1 if errors and os.environ.get("MIE_SMOKE_EXIT_MS") else code


def _install_language(settings, lang: str | None = None) -> str:
    """``--lang``, else ``MIE_LANGUAGE``, else the saved language, else the system's (English
    when no catalogue matches); returns the code installed."""
    from .language import install_language, startup_language  # noqa: PLC0415

    return install_language(lang or os.environ.get("MIE_LANGUAGE") or startup_language(settings))


def _dismiss_dialogs_automatically(window) -> None:
    """Automation: close any modal dialog after logging its text, so nothing waits for a user."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    def sweep() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = getattr(dialog, "text", lambda: "")()
            log.warning("dialog dismissed: %s: %s", dialog.windowTitle(), text)
            dialog.reject()

    timer = QTimer(window)
    timer.timeout.connect(sweep)
    timer.start(100)


def _load(window, project_path: str | None) -> None:
    """After the window is up: build the real map canvas, then open the project (in a worker)."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    start = time.perf_counter()
    window.attach_real_canvas()
    log.info("map canvas ready in %.0f ms", (time.perf_counter() - start) * 1000)
    smoke_ms = os.environ.get("MIE_SMOKE_EXIT_MS")

    done: list[bool] = []

    def loaded(*_args) -> None:
        if done:
            return
        done.append(True)
        log.info("project loaded in %.0f ms (%d layers)", (time.perf_counter() - start) * 1000,
                 len(window.session.layers))
        if smoke_ms:
            QTimer.singleShot(int(smoke_ms), lambda: _smoke_exit(window))

    window.project_actions.opened.connect(loaded)
    window.project_actions.loadingChanged.connect(lambda busy: busy or loaded())
    if not open_initial(window, project_path):
        loaded()


def _smoke_exit(window) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    shot = os.environ.get("MIE_SCREENSHOT")
    if shot:
        window.grab().save(shot)
        log.info("screenshot saved to %s", shot)
    log.info("smoke exit: window visible=%s title=%r", window.isVisible(), window.windowTitle())
    window.session.set_modified(False)  # never block on "unsaved changes" in automation
    window.close()
    QApplication.instance().quit()

"""Project handling for a window: New, Open, Save, Save As, recent projects, the sample project,
and relinking data files that moved.  Reading and writing is ``layers.project``'s job."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from layers.errors import LayerError, MissingDataError

from .engine_texts import engine_text
from .errors import show_error
from .session import Session

__all__ = ["ProjectActions", "project_from_session", "MAX_RECENT"]

log = logging.getLogger(__name__)
MAX_RECENT = 8
_FILTER = QT_TRANSLATE_NOOP("ProjectActions", "Mining Impact Explorer project (*.mieproj *.json);;All files (*)")


def project_from_session(session: Session) -> Any:
    """A :class:`layers.project.Project` describing the session's layers as they are now."""
    from layers.project import Project, ref_for_layer  # noqa: PLC0415

    base = session.project
    refs = [ref_for_layer(layer, order=order) for order, layer in enumerate(session.draw_order())]
    if base is None:
        return Project(layers=refs)
    return Project(title=base.title, layers=refs, settings=dict(base.settings),
                   last_results=dict(base.last_results), path=base.path)


def _read_layers(project: Any, progress, errors: list[LayerError]) -> list[Any]:
    """Open every layer of ``project`` and reproject the vectors once (worker-safe, no Qt)."""
    from layers.project import open_project_layers  # noqa: PLC0415

    layers = open_project_layers(project, progress, errors=errors)
    for layer in layers:
        if getattr(layer, "kind", "") == "vector":
            layer.geographic()  # cached lon/lat copy, so the first drawing does not wait
    return layers


class ProjectActions(QObject):
    """Opens and saves projects on behalf of a window; keeps the recent-projects list."""

    opened = Signal(str)  # path ("" for the sample or a new project)
    saved = Signal(str)
    loadingChanged = Signal(bool)

    #: Read layers in a worker thread (the app sets this; tests open synchronously).
    background = False

    def __init__(self, window: QWidget, session: Session, undo, settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.session, self.undo, self.settings = window, session, undo, settings
        self.recent_menu: QMenu | None = None

    # -- opening --------------------------------------------------------------------------
    def new_project(self) -> bool:
        """Start an empty project (after asking about unsaved changes)."""
        if not self.confirm_discard():
            return False
        self._install(None, [], None)
        return True

    def ask_open(self) -> None:
        """Choose a project file and open it."""
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), self._folder(),
                                              self.tr(_FILTER))
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path) -> bool:
        """Open the project at ``path``; errors become a dialog naming the file."""
        from layers.project import load_project  # noqa: PLC0415

        relinked = False
        try:
            project = load_project(path)
        except MissingDataError as exc:
            project, relinked = self._relink(exc), True
            if project is None:
                return False
        except LayerError as exc:
            show_error(self.window, self.tr("Cannot open project"), exc)
            return False
        opened = self._open_loaded(project, str(Path(path).resolve()))
        if opened and relinked:
            self.session.set_modified(True)  # the new paths are saved with the next Save
        return opened

    def open_sample(self) -> bool:
        """Open the bundled sample project (Amapá)."""
        try:
            from layers.catalogue import load_sample_project  # noqa: PLC0415

            project = load_sample_project()
        except ImportError:
            self._status(self.tr("The sample project is not installed."))
            return False
        except LayerError as exc:
            show_error(self.window, self.tr("Cannot open the sample project"), exc)
            return False
        return self._open_loaded(project, None)

    def _open_loaded(self, project: Any, path: str | None) -> bool:
        """Read the project's layers (in a worker when :attr:`background`), then install them."""
        if self.background:
            self._load_in_background(project, path)
            return True
        errors: list[LayerError] = []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            layers = _read_layers(project, None, errors)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._finish_open(project, path, layers, errors)
        return True

    def _load_in_background(self, project: Any, path: str | None) -> None:
        from .worker import Job  # noqa: PLC0415

        errors: list[LayerError] = []
        job = Job(lambda progress, _cancelled: _read_layers(project, progress, errors))
        job.signals.progressed.connect(lambda _f, text: self._status(engine_text(text)))
        job.signals.succeeded.connect(lambda layers: self._finish_open(project, path, layers, errors))
        job.signals.failed.connect(lambda exc: show_error(self.window, self.tr("Cannot open project"), exc))
        job.signals.finished.connect(lambda: self.loadingChanged.emit(False))
        self._jobs = [j for j in getattr(self, "_jobs", []) if j is not None][-2:] + [job]
        self.loadingChanged.emit(True)
        job.start()

    def _finish_open(self, project: Any, path: str | None, layers: list[Any], errors: list[LayerError]) -> None:
        self._install(project, layers, path)
        if errors:
            show_error(self.window, self.tr("Some layers could not be opened"),
                       "\n\n".join(str(err) for err in errors))
        if path:
            self.add_recent(path)
        self._status(self.tr("Opened %1 (%2 layers)").replace("%1", project.title)
                     .replace("%2", str(len(layers))))
        self.opened.emit(path or "")

    def _install(self, project: Any, layers_bottom_first: list[Any], path: str | None) -> None:
        self.session.set_result(None)
        self.session.set_layers(list(reversed(layers_bottom_first)))
        self.session.set_project(project, path)
        self.undo.clear()
        self.undo.setClean()
        self.session.set_modified(False)

    def _relink(self, exc: MissingDataError) -> Any:
        """Offer to find moved data files in a folder; returns the relinked project or None."""
        project = getattr(exc, "project", None)
        missing = "\n".join(getattr(exc, "missing", []) or [])
        answer = QMessageBox.question(
            self.window, self.tr("Data files missing"),
            self.tr("%1\n\nMissing:\n%2\n\nLocate the folder that now holds them?")
            .replace("%1", str(exc)).replace("%2", missing))
        if answer != QMessageBox.StandardButton.Yes or project is None:
            return None
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder with the data files"))
        if not folder:
            return None
        try:
            from layers.project import find_moved, missing_data, relink  # noqa: PLC0415

            relink(project, find_moved(project, folder))  # in place
            still = missing_data(project)
        except LayerError as err:
            show_error(self.window, self.tr("Cannot relink the project"), err)
            return None
        if still:
            show_error(self.window, self.tr("Still missing"),
                       self.tr("These data files were not found in %1:\n%2")
                       .replace("%1", folder).replace("%2", "\n".join(still)))
            return None
        return project

    def registry(self, project: Any) -> Any:
        """The partnership registry a project refers to, or None (errors are shown)."""
        if project is None:
            return None
        from layers.project import open_project_registry  # noqa: PLC0415

        try:
            return open_project_registry(project)
        except LayerError as exc:
            show_error(self.window, self.tr("Cannot read the partnership registry"), exc)
            return None

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file, or ask where when there is none."""
        if not self.session.project_path:
            return self.save_as()
        return self.save_to(self.session.project_path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project as"),
                                              self._folder(), self.tr(_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".mieproj"
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the project to ``path``; on success the session is clean."""
        from layers.project import save_project  # noqa: PLC0415

        try:
            project = project_from_session(self.session)
            written = save_project(project, path)
        except LayerError as exc:
            show_error(self.window, self.tr("Cannot save project"), exc)
            return False
        self.session.set_project(project, str(written))
        self.undo.setClean()
        self.session.set_modified(False)
        self.add_recent(str(written))
        self._status(self.tr("Saved %1").replace("%1", str(written)))
        self.saved.emit(str(written))
        return True

    def confirm_discard(self) -> bool:
        """True when there are no unsaved changes or the user agrees to lose or save them."""
        if not self.session.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # -- recent projects ------------------------------------------------------------------
    def recent(self) -> list[str]:
        """Recent project paths, newest first, that still exist."""
        paths = self.settings.value("recent_projects", []) or []
        if isinstance(paths, str):
            paths = [paths]
        return [p for p in paths if Path(p).is_file()]

    def add_recent(self, path: str) -> None:
        """Put ``path`` at the top of the recent list."""
        paths = [p for p in self.recent() if p != path]
        self.settings.setValue("recent_projects", [path, *paths][:MAX_RECENT])
        self.settings.sync()
        self.fill_recent_menu()

    def forget_recent(self, path: str) -> None:
        """Drop ``path`` from the recent list (e.g. the recovery file)."""
        self.settings.setValue("recent_projects", [p for p in self.recent() if p != path])
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        """Rebuild the File ▸ Open recent menu."""
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.confirm_discard() and self.open_project(p))
        self.recent_menu.setEnabled(bool(self.recent()))

    def _folder(self) -> str:
        recent = self.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

"""Autosave and crash recovery: every few minutes unsaved work is written to a recovery
project file beside the settings; a clean exit removes it; the next start after a crash
offers to recover it."""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from layers.errors import LayerError

from .project_actions import ProjectActions, project_from_session
from .session import Session

__all__ = ["Autosave", "DEFAULT_MINUTES"]

log = logging.getLogger(__name__)
DEFAULT_MINUTES = 3


class Autosave(QObject):
    """Writes ``recovery.mieproj`` while there are unsaved changes."""

    def __init__(self, window: QWidget, session: Session, projects: ProjectActions,
                 settings: QSettings, folder: str | Path | None = None) -> None:
        super().__init__(window)
        self.window, self.session, self.projects, self.settings = window, session, projects, settings
        folder = Path(folder) if folder else Path(settings.fileName()).parent
        self.path = folder / "recovery.mieproj"
        minutes = float(settings.value("autosave/minutes", DEFAULT_MINUTES) or DEFAULT_MINUTES)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, round(minutes * 60_000)))
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> bool:
        """Write the recovery file if there are unsaved changes; True when written."""
        if not self.session.modified:
            return False
        from layers.project import save_project  # noqa: PLC0415

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            save_project(project_from_session(self.session), self.path)
        except (LayerError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            return False
        self.settings.setValue("autosave/original", self.session.project_path or "")
        self.settings.sync()
        log.info("autosaved to %s", self.path)
        return True

    def discard(self) -> None:
        """Remove the recovery file (after a save or a clean exit)."""
        for path in (self.path, self.path.with_name(self.path.name + ".bak")):
            path.unlink(missing_ok=True)
        self.settings.remove("autosave/original")

    def offer_recovery(self) -> bool:
        """If a recovery file was left by a crash, offer to open it; True when recovered."""
        if not self.path.is_file():
            return False
        stamp = datetime.fromtimestamp(self.path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self.window, self.tr("Recover unsaved work?"),
            self.tr("Mining Impact Explorer did not close normally. Unsaved work from %1 was "
                    "kept. Recover it?").replace("%1", stamp))
        if answer != QMessageBox.StandardButton.Yes:
            self.discard()
            return False
        original = self.settings.value("autosave/original", "") or None
        if not self.projects.open_project(self.path):
            return False
        self.projects.forget_recent(str(self.path.resolve()))
        self.session.set_project(self.session.project, original)
        self.session.set_modified(True)
        return True

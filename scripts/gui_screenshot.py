"""Save a picture of the main window on the sample project (for the README).

Run under a display, e.g.:
  xvfb-run -a -s '-screen 0 1280x800x24' env QT_QPA_PLATFORM=xcb python scripts/gui_screenshot.py docs/screenshot.png
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    """Open the sample, select some concessions, and save the window to ``argv[0]``."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from explorer.qt.main_window import MainWindow  # noqa: PLC0415
    from layers.roles import Role  # noqa: PLC0415

    out = Path(argv[0] if argv else ROOT / "docs" / "screenshot.png")
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.project_actions.open_sample()
    concessions = next(layer for layer in window.session.layers if layer.role == Role.CONCESSION)
    window.layers_panel.select_layer(concessions)
    window.show_attribute_table()
    window.session.set_selection(concessions, list(range(0, 40, 3)))
    from PySide6.QtTest import QTest  # noqa: PLC0415

    QTest.qWait(400)  # let the docks settle
    window.canvas.render_now()
    QTest.qWait(200)
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(out)
    window.session.set_modified(False)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

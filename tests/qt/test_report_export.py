"""Analysis ▸ Export report…: the pack is written with progress and reported in the status bar."""
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow

from explorer.qt import report_actions


class _Session:
    def __init__(self, layers):
        self.project = None
        self.settings = None
        self._layers = layers

    def draw_order(self):
        return self._layers


def test_export_report_writes_the_pack_and_says_where(qtbot, tmp_path, monkeypatch):
    from layers.readers import read_vector
    from layers.roles import Role
    from sample_data import SAMPLE_DIR

    titles = read_vector(SAMPLE_DIR / "concessions.gpkg", role=Role.CONCESSION)
    titles.frame = titles.frame.iloc[:40]
    territories = read_vector(SAMPLE_DIR / "indigenous_territories.gpkg", role=Role.INDIGENOUS_TERRITORY)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = _Session([titles, territories])
    folder = tmp_path / "pack"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    result = report_actions.export_report(window)
    assert result is not None and Path(result.zip_path).exists()
    assert (folder / "report.pdf").stat().st_size > 10_000
    assert str(result.zip_path) in window.statusBar().currentMessage()

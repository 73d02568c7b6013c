"""The analysis panel runs the engine in a worker; results reach the results view and select
features on the map; a long run can be cancelled."""
from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from explorer.analysis import AnalysisCancelled
from explorer.qt.analysis_panel import parse_rings

#: Upper bound for every wait on the worker: it returns as soon as the condition holds (about a
#: second here), so only a stuck run ever waits this long; a loaded CI machine never hits it.
WAIT_MS = 60_000


def test_parse_rings():
    assert parse_rings("10, 1 5") == (1.0, 5.0, 10.0)
    assert parse_rings("1; 2,5; 10") == (1.0, 2.5, 10.0)  # decimal comma with semicolons
    assert parse_rings("0.5;7") == (0.5, 7.0)
    with pytest.raises(ValueError):
        parse_rings("1, -5")


def test_run_through_the_panel_fills_the_results(loaded_window, qtbot):
    panel = loaded_window.analysis_panel
    panel.rings.setText("1, 10")
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS) as blocker:
        panel.run_button.click()
        assert panel.is_running() and not panel.run_button.isEnabled()
    result = blocker.args[0]
    assert loaded_window.session.result is result
    assert result.settings.rings_km == (1.0, 10.0)
    for name, page in loaded_window.results_view.pages.items():
        assert page.model.rowCount() == len(result.table(name))
    assert not panel.is_running() and panel.run_button.isEnabled()


class _StubResult:
    """Just the part of AnalysisResult the results view reads: tables() and notes."""

    notes = ()

    def __init__(self, tables):
        self._tables = tables

    def tables(self):
        return dict(self._tables)


def test_selecting_a_result_row_selects_the_concession_on_the_map(loaded_window, qtbot):
    import pandas as pd

    overlaps = pd.DataFrame({
        "concession_uid": ["concessions:1", "concessions:0"],
        "feature_uid": ["park:0", "park:0"],
        "overlap_ha": [10.0, 20.0],
    })
    loaded_window.session.set_result(_StubResult({"overlaps": overlaps}))
    view = loaded_window.results_view
    frame = view.pages["overlaps"].model.frame
    zooms = []
    view.zoomRequested.connect(zooms.append)
    view.select_row("overlaps", 0)
    shown_row = view.pages["overlaps"].proxy.source_row(0)
    uid = frame.iloc[shown_row]["concession_uid"]
    selection = loaded_window.session.selection
    concessions = loaded_window.session.layer_named("concessions")
    assert selection.layer is concessions
    assert len(selection.rows) == 1
    assert uid == f"concessions:{selection.rows[0]}"  # no id column: the id is the row number
    assert tuple(loaded_window.canvas.selected_rows(concessions)) == selection.rows
    minx, miny, maxx, maxy = zooms[-1]
    geom = concessions.frame.geometry.iloc[selection.rows[0]]
    assert (minx, miny, maxx, maxy) == pytest.approx(geom.bounds)


def _slow_analysis(layers, settings, *, progress=None, cancelled=None):
    """Works (reporting progress) until cancelled; gives up only after WAIT_MS, however loaded
    the machine is, so a slow CI cannot turn "cancelled" into "failed"."""
    deadline = time.monotonic() + 2 * WAIT_MS / 1000
    step = 0
    while time.monotonic() < deadline:
        if cancelled():
            raise AnalysisCancelled("stopped")
        step += 1
        progress(min(step / 600, 0.999), "Working")
        time.sleep(0.02)
    raise AssertionError("was not cancelled")


def test_cancel_a_long_run_and_the_gui_stays_responsive(qtbot, settings, messages, tiny_layers):
    from explorer.qt.main_window import MainWindow

    window = MainWindow(settings=settings, analysis=_slow_analysis)
    qtbot.addWidget(window)
    window.session.set_layers(tiny_layers)
    panel = window.analysis_panel
    with qtbot.waitSignal(panel.started, timeout=WAIT_MS):
        panel.run()
    qtbot.waitUntil(lambda: panel.progress.value() > 0, timeout=WAIT_MS)
    # The event loop runs while the analysis works: the layers panel still answers.
    window.layers_panel.select_layer(tiny_layers[2])
    QApplication.processEvents()
    assert window.layers_panel.current_layer() is tiny_layers[2]
    with qtbot.waitSignal(panel.cancelled, timeout=WAIT_MS):
        panel.cancel_button.click()
    assert not panel.is_running() and panel.run_button.isEnabled()  # free at once
    qtbot.waitUntil(lambda: not panel._abandoned, timeout=WAIT_MS)  # the worker stopped too
    assert window.session.result is None
    window.session.set_modified(False)

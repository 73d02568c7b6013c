"""Partnerships panel over the bundled sample registry."""
from __future__ import annotations

from pathlib import Path

import pytest

from layers.partnerships import read_registry

SAMPLE_REGISTRY = Path(__file__).resolve().parents[2] / "sample_data" / "partnerships"


@pytest.fixture
def registry():
    if not (SAMPLE_REGISTRY / "partnerships.csv").is_file():
        pytest.skip("sample registry not present")
    return read_registry(SAMPLE_REGISTRY)


def _texts(item):
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_every_partnership_and_the_undisclosed_projects_are_listed(window, registry):
    panel = window.partnerships_panel
    panel.set_registry(registry)
    tree = panel.tree
    assert tree.topLevelItemCount() == len(registry.partnerships) + 1
    undisclosed = tree.topLevelItem(tree.topLevelItemCount() - 1)
    hidden = [p for p in registry.projects if p.latitude is None]
    assert undisclosed.childCount() == len(hidden)
    assert all("location not disclosed" in text for text in _texts(undisclosed))
    assert str(len(hidden)) in panel.summary.text()


def test_details_show_parties_and_focus_areas_escaped(window, registry):
    panel = window.partnerships_panel
    panel.set_registry(registry)
    first = registry.partnerships[0]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    text = panel.details.toPlainText()
    assert first.parties[0] in text
    assert first.focus_areas[0] in text


def test_clicking_a_located_project_selects_it_on_the_map(window, registry):
    layer = registry.projects_layer()
    window.session.set_layers([layer])
    panel = window.partnerships_panel
    panel.set_registry(registry)
    located = registry.located()[0]
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, 256) == ("project", located.id):
                panel.tree.setCurrentItem(top.child(j))
                break
    selection = window.session.selection
    assert selection.layer is layer
    assert [str(layer.frame.iloc[r]["id"]) for r in selection.rows] == [located.id]

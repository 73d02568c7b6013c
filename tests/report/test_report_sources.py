"""The data-sources table names the publisher and licence of every sample input, including
the partnership registry, which is loaded from a folder the catalogue lists file by file."""
from __future__ import annotations

import json
from types import SimpleNamespace

from explorer.report.sections.sources import source_rows
from layers.catalogue import load_sample_project
from layers.project import open_project_layers
from sample_data import SAMPLE_DIR


def test_every_sample_layer_has_publisher_and_licence():
    catalogue = json.loads((SAMPLE_DIR / "catalogue.json").read_text(encoding="utf-8"))
    layers = [layer for layer in open_project_layers(load_sample_project())
              if hasattr(layer, "frame")]
    data = SimpleNamespace(_=lambda text: text, lang="en", layers=layers, sources=catalogue)
    rows = {row[0]: row for row in source_rows(data)}
    projects = [name for name in rows if "partnership" in name.lower()]
    assert projects, sorted(rows)
    for name, row in rows.items():
        assert row[1] != "not recorded" and row[2] != "not recorded", row
    publisher = {e["file"]: e["publisher"] for e in catalogue}["partnerships/project_locations.csv"]
    assert rows[projects[0]][1] == publisher

"""The bundled Amapá sample, loaded for render tests and benchmarks (drawing order)."""
from __future__ import annotations

import json
from pathlib import Path

from layers.model import FieldMapping

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"
#: Bottom first: borders, basins, protected areas, territories, land cover, rivers, titles, villages.
DRAW_ORDER = ("borders.gpkg", "basins.gpkg", "protected_areas.gpkg", "indigenous_territories.gpkg",
              "mapbiomas_2020.tif", "rivers.gpkg", "concessions.gpkg", "villages.gpkg")


def sample_available() -> bool:
    """True when sample_data/ holds the catalogue and its files."""
    return (SAMPLE / "catalogue.json").exists()


def load_sample_layers() -> list:
    """The sample layers in drawing order, with the catalogue's names and field mappings."""
    from layers.loader import load_layer
    from layers.roles import Role

    entries = {e["file"]: e for e in json.loads((SAMPLE / "catalogue.json").read_text(encoding="utf-8"))}
    layers = []
    for file in DRAW_ORDER:
        entry = entries.get(file)
        if entry is None:
            continue
        kwargs = {"name": entry.get("name")}
        if file.endswith(".tif"):
            kwargs["categorical"] = True
        else:
            kwargs["role"] = Role.parse(entry["role"])
        layer = load_layer(SAMPLE / file, entry.get("layer"), **kwargs)
        if entry.get("mapping") and hasattr(layer, "mapping"):
            layer.mapping = FieldMapping.from_dict(entry["mapping"])
        layers.append(layer)
    return layers

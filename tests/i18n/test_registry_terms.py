"""The partnership registry's controlled words and the partnership analysis table read in the
reader's language (the registry's free text stays as published)."""
import pandas as pd
import pytest

from explorer.i18n import translator
from explorer.i18n.terms import REGISTRY_TERMS, registry_term
from layers.partnerships import read_registry

SAMPLE = "sample_data/partnerships"


@pytest.mark.parametrize("lang", ["pt", "es", "fr"])
def test_every_controlled_word_of_the_sample_registry_is_translated(lang):
    from pathlib import Path

    registry = read_registry(Path(__file__).resolve().parents[2] / SAMPLE)
    words = {f for p in registry.partnerships for f in p.focus_areas}
    words |= {p.location_precision for p in registry.projects if p.location_precision}
    assert words <= REGISTRY_TERMS
    _ = translator(lang)
    assert [w for w in words if registry_term(w, _) == w] == []
    assert registry_term("Rio Tinto", _) == "Rio Tinto"  # free text is left alone


def test_partnership_analysis_table_has_headings_for_people():
    from explorer.report.table_specs import pdf_table

    frame = pd.DataFrame({"partnership": ["P01"], "partnership_name": ["EU-Canada"], "project_id": ["J04"],
                          "project_name": ["Dumont"], "location_precision": ["named mine/town"],
                          "n_overlaps": [0], "n_near": [2], "nearest_km": [5525.68]})
    table = pdf_table(frame, "partnerships", translator("pt"), "pt")
    assert not any("_" in heading for heading in table.header)
    assert table.rows[0] == ["P01", "J04", "Dumont", "mina ou município nomeado", "0", "2", "5.525,68"]

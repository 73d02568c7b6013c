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


def _repair_kinds() -> set[str]:
    import ast
    from pathlib import Path

    kinds = set()
    for path in (Path(__file__).resolve().parents[2] / "layers").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Repair" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                kinds.add(node.args[0].value)
    return kinds


@pytest.mark.parametrize("lang", ["pt", "es", "fr"])
def test_every_kind_of_repair_is_described_in_the_readers_language(lang):
    from explorer.i18n.terms import repair_label

    kinds = _repair_kinds()
    assert len(kinds) >= 10
    assert [k for k in kinds if repair_label(k) == k] == []  # a description for every kind
    _ = translator(lang)
    assert [k for k in kinds if _(repair_label(k)) == repair_label(k)] == []

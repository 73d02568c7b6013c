"""The PDF layout engine: tables keep every row across pages, text is searchable with accents."""
import re

from explorer.report.pdf import BarChart, Heading, PageSpec, Paragraph, Table, write_pdf


def _rows(count):
    return [[f"R{n:04d}", f"Terra Indígena Uaçá — São João {n}", f"{n * 1.5:.1f}"] for n in range(1, count + 1)]


def test_a_table_longer_than_a_page_keeps_every_row(tmp_path, qapp_gui, read_pdf_text):
    path = tmp_path / "long.pdf"
    pages = write_pdf(path, [Heading("Long table"), Table(["Code", "Name", "Area"], _rows(250),
                                                          align="llr", caption="Rows")], PageSpec())
    assert pages >= 4
    text = read_pdf_text(path)
    found = re.findall(r"R(\d{4})", text)
    assert sorted(set(int(n) for n in found)) == list(range(1, 251))
    per_page = text.split("\f")
    assert all("Code" in page for page in per_page[:pages])  # header row repeated on every page
    assert text.count("Rows (continued)") == pages - 1


def test_text_is_searchable_and_keeps_accents(tmp_path, qapp_gui, read_pdf_text):
    path = tmp_path / "accents.pdf"
    words = "Relatório de impacto: concessão minerária, área protegida, bassin versant, cuenca."
    write_pdf(path, [Paragraph(words), Paragraph("Ação ç ã õ é è ê ñ ü Œ " * 30)], PageSpec())
    text = " ".join(read_pdf_text(path).split())
    assert words in text
    assert "Ação ç ã õ é è ê ñ ü Œ" in text


def test_hostile_text_is_drawn_literally(tmp_path, qapp_gui, read_pdf_text):
    path = tmp_path / "hostile.pdf"
    hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']
    write_pdf(path, [Paragraph(hostile[0]), Table(["Name"], [[hostile[1]]])], PageSpec())
    text = read_pdf_text(path)
    assert hostile[0] in text and hostile[1] in text


def test_a_long_paragraph_flows_onto_the_next_page(tmp_path, qapp_gui, read_pdf_text):
    path = tmp_path / "flow.pdf"
    words = " ".join(f"w{n}" for n in range(3000))
    pages = write_pdf(path, [Paragraph(words)], PageSpec())
    assert pages >= 2
    found = re.findall(r"w(\d+)", read_pdf_text(path))
    assert sorted(int(n) for n in found if n) == list(range(3000))


def test_chart_labels_and_page_numbers(tmp_path, qapp_gui, read_pdf_text):
    path = tmp_path / "chart.pdf"
    chart = BarChart("By year", ["2021", "2022"], [[1, 2], [0, 3]], series=["public", "not public"])
    spec = PageSpec(page_label=lambda page, pages: f"Página {page} de {pages}")
    write_pdf(path, [chart, Paragraph("x")], spec)
    text = read_pdf_text(path)
    assert "By year" in text and "2021" in text and "not public" in text
    assert "Página 1 de 1" in text


def test_raster_statistics_are_summed_per_class_inside_titles_only():
    import pandas as pd

    from explorer.report.sections.analysis import raster_class_totals

    table = pd.DataFrame({
        "raster": ["r"] * 5, "zone_type": ["concession", "concession", "concession", "ring", "ring"],
        "subject_uid": ["a", "b", "a", "a", "b"], "class": [30, 30, 3, 30, 3],
        "area_ha": [1.5, 2.0, 4.0, 100.0, 50.0]})
    totals = raster_class_totals(table).set_index("class")
    assert totals.loc[30, "area_ha"] == 3.5 and totals.loc[30, "titles"] == 2
    assert totals.loc[3, "area_ha"] == 4.0 and totals.loc[3, "titles"] == 1

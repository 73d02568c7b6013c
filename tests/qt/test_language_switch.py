"""View ▸ Language switches every visible text of a real main window at once, without a restart.

The expected texts are read from the translators' .ts files (what a translator wrote), or are
known translations written here, never taken from the code under test."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction

from tests.qt.conftest import make_layer

TS_DIR = Path(__file__).resolve().parents[2] / "explorer" / "i18n" / "qt"
NNBSP = "\u202f"
MENUS = ["&File", "&Edit", "&View", "&Layer", "&Analysis", "&Help"]
FILE_ACTIONS = ["&New project", "&Open project…", "Open &recent", "Open the &sample project", "&Save project",
                "Save project &as…", "Add &layer…", "Set &basemap…", "&Quit"]
DOCKS = {"layers": "Layers", "analysis": "Analysis", "partnerships": "Partnerships", "identify": "Identify",
         "attributes": "Attribute table", "results": "Results"}


def _ts_table(lang: str) -> dict[tuple[str, str], str]:
    table = {}
    for context in ET.parse(TS_DIR / f"mie_{lang}.ts").iter("context"):
        for message in context.iter("message"):
            table[(context.findtext("name"), message.findtext("source"))] = message.find("translation").text
    return table


TS = {lang: _ts_table(lang) for lang in ("pt", "es", "fr")}


def expected(lang: str, context: str, source: str) -> str:
    """What a translator wrote for ``source`` in ``lang`` (English is the source itself)."""
    return source if lang == "en" else TS[lang][(context, source)]


@pytest.fixture
def switching(window, qtbot):
    """The window, and a function that picks a language in View ▸ Language and waits for the texts."""
    default_locale = QLocale()

    def switch(lang: str) -> None:
        window.language_actions[lang].trigger()
        first = expected(lang, "MainWindow", "&File")
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == first, timeout=5000)
        QCoreApplication.processEvents()

    yield switch
    from explorer.qt.language import install_language

    install_language("en")
    QLocale.setDefault(default_locale)
    QCoreApplication.processEvents()


def _texts(window) -> dict:
    file_menu = window.menus["file"]
    return {
        "menus": [a.text() for a in window.menuBar().actions()],
        "file": [a.text() for a in file_menu.actions() if not a.isSeparator()],
        "docks": {key: dock.windowTitle() for key, dock in window.docks.items()},
        "panel toggles": [a.text() for a in window.menus["panels"].actions()],
        "run button": window.analysis_panel.run_button.text(),
        "results tabs": [window.results_view.tabs.tabText(i) for i in range(window.results_view.tabs.count())],
        "identify header": window.identify_panel.tree.headerItem().text(0),
        "toolbar": window.map_toolbar.windowTitle(),
    }


def _expected_texts(lang: str) -> dict:
    docks = {key: expected(lang, "MainWindow", source) for key, source in DOCKS.items()}
    return {
        "menus": [expected(lang, "MainWindow", s) for s in MENUS],
        "file": [expected(lang, "MainWindow", s) for s in FILE_ACTIONS],
        "docks": docks,
        "panel toggles": list(docks.values()),
        "run button": expected(lang, "AnalysisPanel", "Run analysis"),
        "results tabs": [expected(lang, "ResultsView", s) for s in
                         ("Overlaps", "Proximity", "Downstream", "Rasters", "Partnerships", "Summary")],
        "identify header": expected(lang, "IdentifyPanel", "Feature / attribute"),
        "toolbar": expected(lang, "MapToolBar", "Map navigation"),
    }


def test_menu_panels_and_tabs_follow_each_language_and_english_comes_back(window, switching, settings):
    assert _texts(window) == _expected_texts("en")
    actions_before = len(window.findChildren(QAction))
    for lang in ("pt", "fr", "es", "en"):
        switching(lang)
        assert _texts(window) == _expected_texts(lang), lang
        assert settings.value("ui/language") == lang  # remembered for the next start
        assert [a.isChecked() for a in window.language_actions.values()] == [
            code == lang for code in window.language_actions]
        assert len(window.findChildren(QAction)) == actions_before  # nothing built twice
        assert len(window.menuBar().actions()) == len(MENUS)


def test_known_translations_of_the_menus(window, switching):
    """A reader's check, independent of the .ts files: the words a speaker expects."""
    for lang, file_menu, layers_dock in (("pt", "&Arquivo", "Camadas"), ("es", "&Archivo", "Capas"),
                                         ("fr", "&Fichier", "Couches")):
        switching(lang)
        assert window.menuBar().actions()[0].text() == file_menu
        assert window.docks["layers"].windowTitle() == layers_dock


def test_status_bar_scale_and_coordinates_are_written_for_the_language(window, switching):
    window.show_scale(6995415.4)
    window.show_coordinates(-51.5, -0.0025)
    assert window.scale_label.text() == "Scale 1:6,995,415"
    assert window.coordinates.text().startswith("-0.00250°, -51.50000°")
    switching("pt")  # the texts already shown follow, without a new scale or cursor move
    assert window.scale_label.text() == "Escala 1:6.995.415"
    assert window.coordinates.text().startswith("-0,00250°; -51,50000°")
    assert window.coordinates.text().endswith("S 51°30'00,0\"O")
    switching("fr")
    assert window.scale_label.text() == f"Échelle 1:6{NNBSP}995{NNBSP}415"
    switching("es")
    assert window.scale_label.text() == "Escala 1:6.995.415"
    switching("en")
    assert window.scale_label.text() == "Scale 1:6,995,415"
    assert window.coordinates.text().endswith("S 51°30'00.0\"W")


def test_attribute_numbers_and_undo_texts_follow_the_language(window, switching, qtbot):
    from shapely.geometry import box

    layer = make_layer("titles", "concession", [box(0, 0, 1, 1)], area_ha=[1234.5])
    window.layer_actions._push_added([layer])
    window.attribute_table.show_layer(layer)
    model = window.attribute_table.model
    column = model.column_names().index("area_ha")
    assert model.index(0, column).data() == "1,234.50"
    switching("pt")
    assert model.index(0, column).data() == "1.234,50"
    assert window.undo_action.text().startswith(expected("pt", "MainWindow", "&Undo") + " ")
    assert window.attribute_table.zoom_button.text() == expected("pt", "AttributeTable", "Zoom to selection")
    switching("fr")
    assert model.index(0, column).data() == f"1{NNBSP}234,50"
    switching("en")
    assert window.undo_action.text().startswith("&Undo ")


def test_cli_lang_starts_the_app_in_that_language_over_the_saved_one(monkeypatch, settings, qapp):
    import explorer.qt.app as app
    from explorer.cli import main
    from explorer.qt.language import current_language, install_language

    started = []
    monkeypatch.setattr(app, "run_gui", lambda project=None, lang=None: started.append((project, lang)) or 0)
    assert main(["gui", "--lang", "pt", "x.mieproj"]) == 0
    assert main(["--lang", "fr"]) == 0
    assert started == [("x.mieproj", "pt"), (None, "fr")]

    monkeypatch.delenv("MIE_LANGUAGE", raising=False)
    settings.setValue("ui/language", "fr")
    default_locale = QLocale()
    try:
        assert app._install_language(settings, "es") == "es" == current_language()
        assert app._install_language(settings) == "fr"  # without --lang: the saved choice
    finally:
        install_language("en")
        QLocale.setDefault(default_locale)


def test_result_headings_role_names_and_tab_counts_follow_the_language(window, switching):
    import types

    import pandas as pd
    from PySide6.QtCore import Qt

    overlaps = pd.DataFrame({"concession_id": ["850721/1988"] * 1200, "role": ["indigenous_territory"] * 1200,
                             "overlap_ha": [80.375] * 1200, "within_5km": [True] * 1200})
    result = types.SimpleNamespace(tables=lambda: {"overlaps": overlaps}, notes=())
    window.session.set_result(result)
    model = window.results_view.pages["overlaps"].model
    headings = lambda: [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]  # noqa: E731
    cells = lambda: [model.index(0, i).data() for i in range(model.columnCount())]  # noqa: E731
    tab = window.results_view.tabs.tabText
    assert headings() == ["Title", "Role", "Overlap (ha)", "Within 5 km"]
    assert cells() == ["850721/1988", "Indigenous territory", "80.38", "✓"]
    assert tab(0) == "Overlaps (1,200)"
    switching("pt")
    assert headings() == ["Título", "Categoria", "Sobreposição (ha)", "Até 5 km"]
    assert cells() == ["850721/1988", "Terra Indígena", "80,38", "✓"]
    assert tab(0) == "Sobreposições (1.200)"
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "overlap_ha"
    switching("es")
    assert cells()[1] == "Territorio indígena" and headings()[0] == "Concesión"
    switching("fr")
    assert cells()[1] == "Territoire autochtone" and headings()[3] == "À moins de 5 km"
    assert tab(0) == f"Chevauchements (1{NNBSP}200)"


def test_internal_key_columns_are_hidden_from_readers(window):
    import types

    import pandas as pd

    frame = pd.DataFrame({"concession_uid": ["titles:0"], "concession_id": ["850721/1988"], "feature_uid": ["ti:3"]})
    window.session.set_result(types.SimpleNamespace(tables=lambda: {"overlaps": frame}, notes=()))
    page = window.results_view.pages["overlaps"]
    assert [page.view.isColumnHidden(i) for i in range(3)] == [True, False, True]


def test_engine_notes_in_the_results_follow_the_language(window, switching):
    import types

    note = "No basin layer: downstream analysis skipped."
    window.session.set_result(types.SimpleNamespace(tables=lambda: {}, notes=(note,)))
    assert window.results_view.note.text() == note
    switching("pt")
    assert window.results_view.note.text() == expected("pt", "Engine", note)
    assert "bacias hidrográficas" in window.results_view.note.text()


def _visible_texts(window) -> list[str]:
    """Every text a user can read in the window: labels, buttons, group titles, tab titles,
    placeholders, actions, menus, tree and table headings, combo items, list items."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget,
                                   QTabBar, QTreeWidget)

    texts = [a.text() for a in window.findChildren(QAction)]
    texts += [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    texts += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    texts += [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
    texts += [box.itemText(i) for box in window.findChildren(QComboBox) for i in range(box.count())]
    texts += [w.item(i).text() for w in window.findChildren(QListWidget) for i in range(w.count())]
    texts += [t.headerItem().text(c) for t in window.findChildren(QTreeWidget) for c in range(t.columnCount())]
    texts += [d.windowTitle() for d in window.docks.values()] + [window.map_toolbar.windowTitle()]
    return [t for t in texts if t]


@pytest.mark.parametrize("lang", ["pt", "es", "fr"])
def test_no_english_text_is_left_after_a_switch(loaded_window, switching, lang):
    """After switching, no text on screen is still the English source of a message that has a
    different translation (a widget that forgot to retranslate)."""
    window = loaded_window
    window.show_scale(250000.0)
    english = {source for (_context, source), text in TS[lang].items() if text and text != source}
    english |= {s.split(" (")[0] for s in english}  # tab titles carry a count: "Overlaps (3)"
    english -= {text for text in TS[lang].values() if text}  # French "Identifier" is "Identify"
    switching(lang)
    left = sorted({t for t in _visible_texts(window) if t in english or t.split(" (")[0] in english})
    assert left == []

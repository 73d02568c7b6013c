"""Bad-input errors in the dialogs: the kind of error in the interface language, then the
file and the recorded detail."""
import pytest

from explorer.qt.errors import user_message
from explorer.qt.language import install_language
from layers.errors import MissingCRSError, UnsafeArchivePathError

EXPECTED = {  # the translators' sentences (explorer/i18n/qt/mie_*.ts)
    "pt": "O arquivo compactado contém um caminho que sairia da sua pasta; nada foi extraído.",
    "es": "El archivo comprimido contiene una ruta que saldría de su carpeta; no se extrajo nada.",
    "fr": "L’archive contient un chemin qui sortirait de son dossier ; rien n’a été extrait.",
}


@pytest.fixture
def language(qapp):
    yield lambda code: install_language(code, qapp)
    install_language("en", qapp)


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_archive_error_is_explained_in_the_interface_language(language, lang):
    language(lang)
    text = user_message(UnsafeArchivePathError("/data/titulos.zip", "entry '../../x' escapes"))
    first, detail = text.split("\n", 1)
    assert first == EXPECTED[lang]
    assert "/data/titulos.zip" in detail and "../../x" in detail


def test_english_names_the_kind_and_the_file(language):
    language("en")
    text = user_message(MissingCRSError("/data/parque.shp", "no .prj file"))
    assert text.startswith("The layer does not say which coordinate reference system it uses.")
    assert "/data/parque.shp: no .prj file" in text

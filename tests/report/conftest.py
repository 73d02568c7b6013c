"""Fixtures of the report tests: tiny in-code layers with a CRS (some with hostile attribute
text), the sample layers read from sample_data, and PDF text extraction."""
from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point, box

from layers.model import FieldMapping, Provenance, VectorLayer
from layers.roles import Role

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def make_layer(name, role, rows, geoms, crs="EPSG:4326"):
    """A VectorLayer with columns id/name from ``rows`` and the given geometries."""
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=crs)
    prov = Provenance(path=f"/tmp/{name}.gpkg", layer_name=name, driver="GPKG", sha256="0" * 64,
                      feature_count=len(frame))
    return VectorLayer(name=name, role=role, frame=frame, provenance=prov,
                       mapping=FieldMapping(id="id", name="name"))


def hostile_layers():
    """A territory, a protected area, two concessions and a village; names are hostile."""
    territory = make_layer("territories " + SCRIPT, Role.INDIGENOUS_TERRITORY,
                           {"id": ["T1"], "name": [SCRIPT]}, [box(-51.5, 2.0, -51.0, 2.5)])
    park = make_layer("parks", Role.PROTECTED_AREA, {"id": ["P1"], "name": [IMG]},
                      [box(-51.2, 2.3, -50.8, 2.8)])
    titles = make_layer("titles", Role.CONCESSION,
                        {"id": ["C1", "C2"], "name": [SCRIPT, "Mineração Açaí Ltda"]},
                        [box(-51.3, 2.2, -51.1, 2.4), box(-50.9, 2.6, -50.7, 2.7)])
    villages = make_layer("villages", Role.COMMUNITY, {"id": ["V1"], "name": [IMG]},
                          [Point(-51.25, 2.1)])
    return [territory, park, titles, villages]


# ---- fixtures ------------------------------------------------------------------------------
import hashlib  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from layers.model import FieldMapping as _FieldMapping  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"


def pdf_text(path) -> str:
    """The text of a PDF, page by page (pdftotext if installed, else Qt's PDF module)."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    return "\f".join(document.getAllText(i).text() for i in range(document.pageCount()))


#: Around TI Uaçá and the Lourenço garimpo: small enough for a quick end-to-end analysis.
SUBSET_BOX = (-51.75, 3.3, -51.35, 3.8)


def load_sample_layers(folder: Path = SAMPLE, box_lonlat=SUBSET_BOX, skip_roles=("river",)):
    """The sample's vector layers read straight from the catalogue, cut down to the features
    that meet ``box_lonlat`` (whole features are kept, so areas stay true)."""
    import geopandas as gpd

    layers = []
    for entry in json.loads((folder / "catalogue.json").read_text(encoding="utf-8")):
        path = folder / entry["file"]
        if path.suffix != ".gpkg":
            continue
        if entry["role"] in skip_roles:
            continue
        frame = gpd.read_file(path, layer=entry.get("layer"))
        if box_lonlat is not None:
            keep = frame.to_crs("EPSG:4326").intersects(box(*box_lonlat))
            frame = frame[keep.to_numpy()].reset_index(drop=True)
        prov = Provenance(path=str(path), layer_name=entry.get("layer"), driver="GPKG",
                          sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                          original_crs=str(frame.crs), feature_count=len(frame))
        layers.append(VectorLayer(name=entry["name"], role=Role(entry["role"]), frame=frame,
                                  provenance=prov, mapping=_FieldMapping.from_dict(entry.get("mapping"))))
    return layers


@pytest.fixture(scope="session")
def qapp_gui():
    """A QGuiApplication for fonts and QPdfWriter (offscreen)."""
    from explorer.report.qt_runtime import ensure_gui_application

    return ensure_gui_application()


@pytest.fixture
def hostile():
    """Layers whose names and attributes are hostile HTML."""
    return hostile_layers()


@pytest.fixture
def read_pdf_text():
    """A function: PDF path -> its text."""
    return pdf_text


@pytest.fixture(scope="session")
def sample_loader():
    """A function: sample folder -> the sample's vector layers (read from its catalogue)."""
    return load_sample_layers


@pytest.fixture(scope="session")
def hostile_factory():
    """A function returning fresh hostile layers (for module-scoped fixtures)."""
    return hostile_layers


@pytest.fixture(scope="session")
def sample_root():
    """The repository's sample_data folder."""
    return SAMPLE

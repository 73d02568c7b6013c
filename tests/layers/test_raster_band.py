"""A band other than the first: chosen on load, recorded as the raster's "layer" in its
provenance, kept by a saved project, refused when the file lacks it."""
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from layers.errors import UnsupportedFormatError
from layers.loader import load_layer
from layers.project import open_layer_ref, ref_for_layer
from layers.rasters import read_window


@pytest.fixture
def stack(tmp_path):
    path = tmp_path / "pilha.tif"
    data = np.stack([np.full((4, 4), v, "int16") for v in (1, 2, 3)])
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=3, dtype="int16",
                       crs="EPSG:4326", transform=from_origin(-51, 1.1, 0.01, 0.01)) as dst:
        dst.write(data)
    return path


def test_band_is_read_and_recorded(stack):
    raster = load_layer(stack, band=2)
    assert raster.band == 2 and raster.provenance.layer_name == "2"
    values, _ = read_window(raster, raster.bounds)
    assert set(np.unique(values)) == {2}


def test_project_ref_keeps_the_band(stack):
    ref = ref_for_layer(load_layer(stack, band=3))
    assert ref.layer == "3"
    again = open_layer_ref(ref)
    assert again.band == 3


def test_default_band_is_one_and_unrecorded(stack):
    raster = load_layer(stack)
    assert raster.band == 1 and raster.provenance.layer_name is None


@pytest.mark.parametrize("band", ["0", "4", "x", "1.5"])
def test_missing_band_names_the_file(stack, band):
    with pytest.raises(UnsupportedFormatError) as err:
        load_layer(stack, band=band)
    assert "pilha.tif" in str(err.value) and "band" in str(err.value)

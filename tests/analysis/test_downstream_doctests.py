"""The examples in the docstrings of the downstream and raster modules hold."""
import doctest
import importlib

import pytest

MODULES = ["pfafstetter", "gaps", "pixel_area", "zonal", "downstream"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"explorer.analysis.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0

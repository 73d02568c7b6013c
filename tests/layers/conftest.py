"""Fixtures for the reader tests (builders live in tests/layers/builders.py)."""
import pytest

from tests.layers.builders import amapa_frame, points_frame


@pytest.fixture
def amapa():
    """The three-feature polygon layer in SIRGAS 2000 (EPSG:4674)."""
    return amapa_frame()


@pytest.fixture
def villages():
    """The three-village point layer in EPSG:4326."""
    return points_frame()

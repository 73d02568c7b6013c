"""Render tests need a QGuiApplication (fonts); pytest-qt's qapp provides one."""
import pytest


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp

"""The bundled Amapá sample data set (see README.md in this folder)."""
from pathlib import Path

#: Folder holding the sample files and ``catalogue.json``.
SAMPLE_DIR = Path(__file__).resolve().parent

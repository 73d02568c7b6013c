"""Settings for the whole suite: Qt runs headless unless a display is asked for explicitly."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


# ---- one QApplication for the whole run, whatever the test order --------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _qapplication_first(qapp):
    """Create pytest-qt's QApplication before any test runs.

    Code under test (the report's PDF writer, the CLI) makes a bare QGuiApplication when none
    exists; if such a test ran first, every later widget test would abort the interpreter
    ("Cannot create a QWidget without QApplication"), so the suite's result would depend on
    test order (``pytest tests/report tests/qt``, -p randomly, a new test folder sorting first).
    """
    return qapp

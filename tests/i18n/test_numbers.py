"""Numbers and dates for readers; machine files never use these."""
import datetime

import pytest

from explorer.i18n.numbers import format_area_ha, format_date, format_number, format_percent

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("pt", "1.234,5"), ("es", "1.234,5"), ("fr", f"1{NNBSP}234,5"), ("en", "1,234.5")],
)
def test_thousands_and_decimals(lang, expected):
    assert format_number(1234.5, lang) == expected


def test_large_negative_and_rounding():
    assert format_number(-1234567.891, "pt", 2) == "-1.234.567,89"
    assert format_number(-0.01, "pt", 1) == "0,0"  # no "-0,0"
    assert format_number(999.96, "fr", 1) == f"1{NNBSP}000,0"
    assert format_number(float("nan"), "fr") == "–"


def test_units_and_percent():
    assert format_area_ha(1234.5, "pt") == "1.234,5\u00a0ha"
    assert format_percent(12.34, "fr") == f"12,3{NNBSP}%"
    assert format_percent(12.34, "es") == "12,3%"


def test_dates_in_words():
    day = datetime.date(2026, 3, 7)
    assert format_date(day, "pt") == "7 de março de 2026"
    assert format_date(day, "es") == "7 de marzo de 2026"
    assert format_date(day, "fr") == "7 mars 2026"
    assert format_date(day, "en") == "7 March 2026"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("pt", "1.234,5\u00a0ha"), ("es", "1.234,5\u00a0ha"), ("fr", f"1{NNBSP}234,5\u00a0ha"), ("en", "1,234.5\u00a0ha")],
)
def test_hectares_as_each_reader_writes_them(lang, expected):
    """1.234,5 ha in pt-BR and es; 1 234,5 ha in fr with a narrow no-break space (U+202F) between
    the thousands and a no-break space before the unit, so neither breaks across lines."""
    assert format_area_ha(1234.5, lang) == expected


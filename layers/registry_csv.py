"""Reading and checking the CSV files of the partnership registry, one value at a time.

Every problem raises :class:`~layers.errors.RegistryError` (or EncodingError /
UnreadableFileError) whose message names the file, the row and, where known, the id.
Rows are counted from 1 after the header; ``line`` is where the row starts in the file
(quoted notes may span several lines).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import EncodingError, RegistryError, UnreadableFileError

__all__ = [
    "CsvRow",
    "read_rows",
    "check_unique_ids",
    "parse_coordinate",
    "parse_date",
    "split_items",
    "partnership_ids_in",
    "list_names_in",
    "sha256_file",
]

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\b")
_PARTNERSHIP_ID = re.compile(r"\bP\d{2,}\b")
_CRMA_LISTS = (
    (re.compile(r"CRMA\b[^;]*\bexternal\b", re.I), "CRMA strategic projects, external list"),
    (re.compile(r"CRMA\b[^;]*\binternal\b", re.I), "CRMA strategic projects, internal EU list"),
)


@dataclass(frozen=True)
class CsvRow:
    """One data row: its number (1 = first after the header), starting line and values."""

    number: int
    line: int
    values: dict[str, str]

    def where(self, id_column: str = "id") -> str:
        """``row N (line L, id X)`` for error messages."""
        ident = self.values.get(id_column, "")
        return f"row {self.number} (line {self.line}{', id ' + ident if ident else ''})"


def read_rows(path: Path, required: tuple[str, ...]) -> list[CsvRow]:
    """The rows of the UTF-8 CSV at ``path``, values stripped; checks the required columns."""
    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        if not any(header):
            raise RegistryError(path, "is empty: no header row")
        absent = [name for name in required if name not in header]
        if absent:
            raise RegistryError(path, f"missing column(s) {', '.join(absent)} "
                                      f"(found: {', '.join(header)})")
        return _rows(path, reader, header)
    except csv.Error as exc:
        raise RegistryError(path, f"line {reader.line_num}: not valid CSV ({exc})") from exc


def _rows(path: Path, reader, header: list[str]) -> list[CsvRow]:
    rows, start = [], reader.line_num + 1
    for values in reader:
        if not any(value.strip() for value in values):
            start = reader.line_num + 1
            continue
        if len(values) != len(header):
            raise RegistryError(path, f"row {len(rows) + 1} (line {start}) has {len(values)} "
                                      f"values for {len(header)} columns")
        rows.append(CsvRow(len(rows) + 1, start, dict(zip(header, map(str.strip, values)))))
        start = reader.line_num + 1
    return rows


def _read_text(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(path, f"is not UTF-8 text (bad byte at offset {exc.start}); "
                                  "save it as UTF-8") from exc


def check_unique_ids(path: Path, rows: list[CsvRow], column: str = "id") -> dict[str, CsvRow]:
    """``{id: row}``; raises RegistryError for an empty or a repeated id."""
    seen: dict[str, CsvRow] = {}
    for row in rows:
        ident = row.values[column]
        if not ident:
            raise RegistryError(path, f"{row.where(column)}: the '{column}' is empty")
        if ident in seen:
            raise RegistryError(path, f"{row.where(column)}: duplicated {column} {ident!r} "
                                      f"(first at row {seen[ident].number})")
        seen[ident] = row
    return seen


def parse_coordinate(path: Path, row: CsvRow, column: str, limit: float,
                     id_column: str = "id") -> float:
    """The decimal degrees in ``row[column]``, checked to be within ±``limit``."""
    text = row.values[column]
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > limit:
        raise RegistryError(path, f"{row.where(id_column)}: {column} {text!r} is not a "
                                  f"decimal degree between -{limit:g} and {limit:g}")
    return value


def parse_date(raw: str) -> tuple[str | None, int | None]:
    """``(ISO date, year)`` of a ``date_signed`` text.

    The ISO date is given only when certain: the whole text is one valid ``YYYY-MM-DD``.
    Qualified or inferred dates (``"2024-03-21 (the Thursday before ...)"``), ranges and
    month-only dates give None, but still a year when the text starts with one.
    """
    text = raw.strip()
    match = _YEAR.match(text)
    year = int(match.group(1)) if match else None
    full = _ISO_DATE.fullmatch(text)
    if full is None:
        return None, year
    try:
        return dt.date(*map(int, full.groups())).isoformat(), year
    except ValueError:
        return None, None


def split_items(text: str, separator: str = ";") -> tuple[str, ...]:
    """Split on ``separator`` outside parentheses; items stripped, empty ones dropped."""
    items, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return tuple(item.strip() for item in items if item.strip())


def partnership_ids_in(text: str) -> tuple[str, ...]:
    """The partnership ids (``P01`` ...) named in a text, in order, without repeats."""
    return tuple(dict.fromkeys(_PARTNERSHIP_ID.findall(text)))


def list_names_in(text: str) -> tuple[str, ...]:
    """Names of the project lists (the two CRMA strategic-project lists) a text refers to."""
    return tuple(name for pattern, name in _CRMA_LISTS if pattern.search(text))


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

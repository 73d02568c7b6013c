"""Basin topology from Otto Pfafstetter codes (ANA *ottobacias*) and from HydroBASINS
``NEXT_DOWN`` links.

The Pfafstetter rule
--------------------
Pfafstetter numbers a river basin by splitting it, at every level, into the four largest
tributary basins (even digits 2, 4, 6, 8, numbered from the mouth upstream) and the five
*interbasins* of the main stem between them (odd digits 1, 3, 5, 7, 9; 1 holds the mouth,
9 the headwaters).  Each sub-basin is split again with one more digit.  The topology follows
from the digits alone:

    Let A and B be two codes and ``n`` the length of their common prefix (the first
    differing digit is at position ``n``, counting from 0).  B is **downstream** of A when

    1. neither code is a prefix of the other (otherwise one basin contains the other),
    2. B's digit at ``n`` is smaller than A's digit at ``n``, and
    3. every digit of B from position ``n`` to its end is odd (B lies on the main stem).

Codes of different lengths (levels) are compared the same way.  Trailing zeros are padding
for a unit that is not subdivided further (ANA writes the Amazon-delta interbasin ``411`` as
``4110``) and are removed before comparing, so ``4110`` is treated as the level-3 code ``411``.

The coding unit
---------------
The rule only holds inside one river.  Continental codes start on the coast: at level 1 an
odd digit is a *coastal* interbasin, a stretch of coast whose sub-units drain to the sea on
their own, so the rule must never be applied across them.  The **river unit** of a code is
therefore its prefix up to and including its first even digit (the first level at which the
code enters a river basin); only codes sharing that prefix can be downstream of each other.
A code with no even digit (e.g. ``3971``, the Cabo Orange coastal strip) drains straight to
the sea and has nothing downstream.  On the ANA sample this keeps the coastal level-3 units
396 (Oiapoque), 397 (Amapá coast) and 398 (Araguari) apart, while ``4182`` (Rio Iratapuru,
Jari) still drains through ``4181`` to the Amazon-delta interbasins ``417``, ``415``,
``413`` and ``411`` of unit ``4`` (the Amazon).  Codes that are local to one river (their first
digit already numbers that river's own sub-basins) are handled by passing
``unit_digits=0``: every code then belongs to one unit.

HydroBASINS
-----------
Each basin names the basin it drains into in ``NEXT_DOWN`` (0 at the sea or an inland sink);
the downstream chain follows those links until 0, an id missing from the layer, or a cycle.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = [
    "normalise_code",
    "river_unit",
    "is_downstream",
    "downstream_codes",
    "pfafstetter_chains",
    "next_down_chains",
]


def normalise_code(value: object) -> str | None:
    """A Pfafstetter code as a string of digits without trailing padding zeros, or None.

    Accepts ints, strings and floats read from files (``3982.0``).  Empty, non-numeric,
    negative and all-zero values give None.

    >>> normalise_code("4110"), normalise_code(3982.0), normalise_code(" 398 "), normalise_code("-")
    ('411', '3982', '398', None)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        return None
    text = text.rstrip("0")
    return text or None


def river_unit(code: str, unit_digits: int | None = None) -> str | None:
    """The prefix of ``code`` inside which the downstream rule applies (see the module notes).

    With ``unit_digits=None`` (continental codes) it is the prefix up to and including the
    first even digit, or None for a purely coastal code (all digits odd).  With an integer it
    is simply the first ``unit_digits`` digits (``0``: every code in one unit).

    >>> river_unit("3982"), river_unit("4182"), river_unit("3971"), river_unit("3972")
    ('398', '4', None, '3972')
    """
    if unit_digits is not None:
        return code[:unit_digits]
    for position, digit in enumerate(code):
        if int(digit) % 2 == 0:
            return code[: position + 1]
    return None


def _first_difference(a: str, b: str) -> int:
    for position, (da, db) in enumerate(zip(a, b)):
        if da != db:
            return position
    return min(len(a), len(b))


def is_downstream(a: str, b: str, unit_digits: int | None = None) -> bool:
    """True when basin ``b`` is downstream of basin ``a`` by the Pfafstetter rule.

    Both codes must be normalised (:func:`normalise_code`).

    >>> is_downstream("3984", "3983"), is_downstream("3984", "3981"), is_downstream("3984", "3982")
    (True, True, False)
    >>> is_downstream("3982", "3971"), is_downstream("4182", "411")
    (False, True)
    """
    unit = river_unit(a, unit_digits)
    if unit is None or not b.startswith(unit):
        return False
    n = _first_difference(a, b)
    if n >= len(a) or n >= len(b):
        return False  # one code contains the other
    if int(b[n]) >= int(a[n]):
        return False
    return all(int(digit) % 2 == 1 for digit in b[n:])


def downstream_codes(code: str, codes: Iterable[str], unit_digits: int | None = None) -> list[str]:
    """The codes among ``codes`` downstream of ``code``, ordered along the flow (nearest first).

    All downstream basins lie on one flow path, and along it the codes decrease, so the
    order is descending string order of the codes.

    >>> downstream_codes("3984", ["3981", "3982", "3983", "3985", "3971"])
    ['3983', '3981']
    """
    found = {other for other in codes if is_downstream(code, other, unit_digits)}
    return sorted(found, reverse=True)


def pfafstetter_chains(
    codes: Iterable[object], unit_digits: int | None = None
) -> dict[str, list[str]]:
    """For every valid code, the list of codes downstream of it (nearest first).

    ``codes`` may hold raw values (ints, floats, strings); invalid ones are skipped.
    The keys and values are normalised codes.
    """
    normal = sorted({c for c in map(normalise_code, codes) if c is not None})
    return {code: downstream_codes(code, normal, unit_digits) for code in normal}


def next_down_chains(next_down: Mapping[int, int]) -> dict[int, list[int]]:
    """For every basin id, the ids downstream of it by following ``NEXT_DOWN`` links.

    ``next_down`` maps HYBAS_ID to NEXT_DOWN.  A chain stops at 0 (sea or sink), at an id
    absent from the mapping (the layer was clipped), or before repeating an id (a cycle in
    corrupt data).

    >>> next_down_chains({11: 12, 12: 13, 13: 0, 20: 13})
    {11: [12, 13], 12: [13], 13: [], 20: [13]}
    """
    chains: dict[int, list[int]] = {}
    for start in next_down:
        chain: list[int] = []
        seen = {start}
        current = next_down[start]
        while current and current in next_down and current not in seen:
            chain.append(current)
            seen.add(current)
            current = next_down[current]
        chains[start] = chain
    return chains

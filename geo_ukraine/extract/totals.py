"""Totals an article restates: a region's or country's figures that its incidents add up to.

Reports often open with a total ("shelling in the Kherson region left two dead and
12 injured") and then give each incident ("a woman died in Kherson ...", "in Bilozerka a
man was killed and three were hurt"). The total is the same incidents again, not an
incident of its own: when the events at places inside the region (or country) account for
every figure it gives, it is left out.
"""

from __future__ import annotations

from typing import Any

__all__ = ["without_totals"]

# Figure columns of an event row.
_FIGURES = ("fatalities", "injured")


def without_totals(rows: list[dict[str, Any]], kinds: frozenset[str]) -> list[dict[str, Any]]:
    """The event rows without the region- or country-wide totals their incidents add up to.

    Parameters
    ----------
    rows : list of dict
        An article's event rows, with ``place_id`` (``a1:...`` for a region, ``c:...`` for a
        country), ``admin1``, ``country``, ``event_type`` and the figure columns.
    kinds : frozenset of str
        The event types whose figures count (strikes and casualties).

    Returns
    -------
    list of dict
        ``rows`` in order, less each total: a row of one of ``kinds`` at a region or country
        that gives a figure, when rows of ``kinds`` at places inside it give figures that
        reach each of its own.
    """
    struck = [r for r in rows if r["event_type"] in kinds]
    totals = {id(r) for r in struck if _is_total(r, struck)}
    return [r for r in rows if id(r) not in totals] if totals else rows


def _is_total(row: dict[str, Any], struck: list[dict[str, Any]]) -> bool:
    """Whether the row's figures are those of the incidents at places inside its area."""
    area = str(row["place_id"])
    if area.startswith("a1:"):
        key = "admin1"
    elif area.startswith("c:"):
        key = "country"
    else:
        return False
    given = {f: row[f] for f in _FIGURES if row[f] is not None and row[f] > 0}
    if not given:
        return False
    parts = [r for r in struck if r is not row and r[key] == row[key]
             and not str(r["place_id"]).startswith(("a1:", "c:"))]
    return all(sum(r[f] or 0 for r in parts) >= n for f, n in given.items())

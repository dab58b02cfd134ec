"""Event tables written as ACLED CSV: ACLED's 31 columns and names, our fields in its tags."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import check_output
from ...gazetteer import Gazetteer
from ..codes import GeoPrecision
from ..schema import acled_types, is_missing
from .acled import (
    ACLED_COLUMNS,
    DISORDER_TYPES,
    ISO_NUMERIC,
    TIME_PRECISIONS,
    acled_tags,
    with_tags,
)
from .base import WriteOptions
from .csvfile import write_csv_table
from .values import plain_value

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

__all__ = ["write_acled", "write_acled_file"]

_TIME_PRECISION_CODE = {precision.value: code for code, precision in TIME_PRECISIONS.items()}
# Our codes 1-3 are ACLED's; our 4 (a whole country) has no ACLED code and is written as 3.
_ACLED_MAX_PRECISION = int(GeoPrecision.REGION)
# Columns ACLED fills with numbers; the rest is text.
_KEPT_SKIP = ("event_type", "sub_event_type")


def write_acled(events: gpd.GeoDataFrame, path: str | Path, *,
                neutralise_formulas: bool = True) -> Path:
    """Write events as an ACLED-style CSV (the 31 standard columns, ACLED's names).

    Rows read with :func:`~geo_ukraine.events.io.events_from_acled` are written back as
    they came. Other rows get their ACLED types from the taxonomy; ``iso`` (ISO 3166-1
    numeric), ``country``, ``admin1`` and ``admin2`` as names, as ACLED writes them; a point
    (a polygon's representative point, altitude dropped: ACLED has latitude and longitude
    only) or empty coordinates for an event without a place; ``geo_precision`` 4 (country)
    written as ACLED's 3. Our ``event_type``, a ``status`` other than ``reported`` and
    ``claimed_by`` go into ``tags`` (see :mod:`~geo_ukraine.events.io.acled`), so that a
    round trip keeps them.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
    path : str or Path
    neutralise_formulas : bool
        Defuse text cells a spreadsheet would run as formulas (see
        :mod:`~geo_ukraine.events.io.formulas`); on by default.

    Returns
    -------
    pathlib.Path
    """
    path = check_output(path)
    write_acled_file(events, path, WriteOptions(precision=4,
                                                neutralise_formulas=neutralise_formulas))
    return path


def write_acled_file(events: gpd.GeoDataFrame, path: Path, options: WriteOptions) -> None:
    """Driver writer: :func:`write_acled` to a checked ``path``."""
    write_csv_table(path, ACLED_COLUMNS, _acled_rows(events),
                    neutralise_formulas=options.neutralise_formulas)


def _acled_rows(events: gpd.GeoDataFrame) -> Iterator[list[Any]]:
    names = _AcledNames(Gazetteer.default())
    records = events.drop(columns=events.geometry.name).to_dict("records")
    for record, geom in zip(records, events.geometry, strict=True):
        row = _kept_acled_row(record) or _acled_row(record, geom, names)
        yield ["" if is_missing(row.get(c)) else row.get(c) for c in ACLED_COLUMNS]


class _AcledNames:
    """Our country and admin codes -> the names ACLED writes ("" when not known)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def name(self, kind: str, code: Any) -> str:
        code = plain_value(code)
        if not code:
            return ""
        try:
            return self.gazetteer.get(f"{kind}:{str(code).split('|')[0]}").name
        except LookupError:
            return ""


def _kept_acled_row(ev: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ACLED row an event was read from, or None if it did not come from ACLED."""
    # acled_event_type / acled_sub_event_type are schema columns; the rest are kept only for
    # rows that came from an ACLED export.
    kept = {c: ev.get(f"acled_{c}") for c in ACLED_COLUMNS
            if c not in _KEPT_SKIP and not is_missing(ev.get(f"acled_{c}"))}
    if "event_date" not in kept:
        return None
    kept["event_type"] = ev["acled_event_type"]
    kept["sub_event_type"] = ev["acled_sub_event_type"]
    kept["tags"] = with_tags(str(kept.get("tags") or ""), plain_value(ev.get("status")),
                             plain_value(ev.get("claimed_by")))
    return kept


def _acled_row(ev: Mapping[str, Any], geom: BaseGeometry | None,
               names: _AcledNames) -> dict[str, Any]:
    acled_event, acled_sub = acled_types(ev["event_type"])
    point = None if geom is None or geom.is_empty else (
        geom if geom.geom_type == "Point" else geom.representative_point())
    precision = plain_value(ev["geo_precision"])
    country = plain_value(ev["country"])
    return {
        # An undated event keeps empty date cells (ACLED itself has none such).
        "event_id_cnty": ev["event_id"], "event_date": plain_value(ev["event_date"]) or "",
        "year": str(plain_value(ev["event_date"]) or "")[:4],
        "time_precision": "" if is_missing(ev["event_date"]) else
        _TIME_PRECISION_CODE.get(ev["date_precision"], "1"),
        "disorder_type": DISORDER_TYPES.get(acled_event, "Strategic developments"),
        "event_type": acled_event, "sub_event_type": acled_sub,
        "actor1": plain_value(ev["actor"]), "actor2": plain_value(ev["target"]),
        "iso": ISO_NUMERIC.get(str(country), ""), "country": names.name("c", country),
        "admin1": names.name("a1", ev["admin1"]), "admin2": names.name("a2", ev["admin2"]),
        "location": plain_value(ev["location"]),
        "latitude": "" if point is None else f"{point.y:.4f}",
        "longitude": "" if point is None else f"{point.x:.4f}",
        "geo_precision": "" if precision is None else min(int(precision), _ACLED_MAX_PRECISION),
        "source": plain_value(ev["source"]), "notes": plain_value(ev["notes"]),
        "fatalities": plain_value(ev["fatalities"]),
        "tags": acled_tags(ev["event_type"], plain_value(ev["status"]),
                           plain_value(ev["claimed_by"])),
    }

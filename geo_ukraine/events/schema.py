"""The event schema: its columns, the taxonomy, and the one validator."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ..errors import EventSchemaError
from .codes import (
    DATE_PRECISIONS,
    GEO_PRECISION,
    RESOLUTIONS,
    STATUSES,
    DatePrecision,
    GeoPrecision,
    Resolution,
    Status,
)

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "ACLED_TYPES",
    "DATE_PRECISIONS",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "INT_COLUMNS",
    "RESOLUTIONS",
    "STATUSES",
    "DatePrecision",
    "GeoPrecision",
    "Resolution",
    "Status",
    "acled_types",
    "event_type_from_acled",
    "is_missing",
    "validate_events",
]

#: Columns of the event schema, in order. Extra columns are kept after these.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "acled_event_type",
    "acled_sub_event_type", "actor", "target", "location", "place_id", "place_name", "admin1",
    "admin2", "country", "geo_precision", "resolution", "status", "claimed_by", "fatalities",
    "injured", "source", "source_url", "notes", "geometry",
)

#: Columns holding whole numbers >= 0 (or nothing), stored as pandas ``Int64``.
INT_COLUMNS: tuple[str, ...] = ("fatalities", "injured")


#: Our taxonomy, each with its ACLED ``(event_type, sub_event_type)``.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "glide_bomb": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "combined_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "infrastructure_damage": ("Explosions/Remote violence", "Air/drone strike"),
    "civilian_casualties": ("Violence against civilians", "Attack"),
    "territorial_claim": ("Battles", "Non-state actor overtakes territory"),
    "territorial_change": ("Battles", "Non-state actor overtakes territory"),
    "cross_border_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "incursion": ("Battles", "Armed clash"),
    "diplomacy": ("Strategic developments", "Agreement"),
    "aid": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}
EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TYPES)

# ACLED sub-event -> our type, when the export carries no geo_ukraine tag.
_FROM_ACLED_SUB = {
    "Air/drone strike": "drone_strike",
    "Shelling/artillery/missile attack": "shelling",
    "Non-state actor overtakes territory": "territorial_change",
    "Government regains territory": "territorial_change",
    "Non-violent transfer of territory": "territorial_change",
    "Armed clash": "incursion",
    "Agreement": "diplomacy",
}
_FROM_ACLED_EVENT = {"Violence against civilians": "civilian_casualties"}
_TAGGED_TYPE = re.compile(r"geo_ukraine:event_type=(\w+)")


def acled_types(event_type: str) -> tuple[str, str]:
    """ACLED ``(event_type, sub_event_type)`` of one of our event types.

    Parameters
    ----------
    event_type : str
        A name from :data:`EVENT_TYPES`.

    Returns
    -------
    tuple of str

    Raises
    ------
    EventSchemaError
        For a name outside the taxonomy.
    """
    try:
        return ACLED_TYPES[event_type]
    except (KeyError, TypeError):
        msg = f"event_type {event_type!r} is not in the taxonomy: {', '.join(EVENT_TYPES)}"
        raise EventSchemaError(msg) from None


def event_type_from_acled(event_type: str, sub_event_type: str, tags: str = "") -> str:
    """Our event type for an ACLED row: from its ``geo_ukraine:`` tag, else by sub-event type."""
    match = _TAGGED_TYPE.search(tags or "")
    if match and match.group(1) in ACLED_TYPES:
        return match.group(1)
    return _FROM_ACLED_SUB.get(sub_event_type) or _FROM_ACLED_EVENT.get(event_type, "other")


def is_missing(value: object) -> bool:
    """Whether a cell is empty: None, NaN, NaT or pandas NA."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def validate_events(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Check an event table against the schema; return it unchanged or raise.

    Parameters
    ----------
    events : geopandas.GeoDataFrame

    Returns
    -------
    geopandas.GeoDataFrame
        The same object.

    Raises
    ------
    EventSchemaError
        Listing every problem found: missing columns, unknown event types, statuses or date
        precisions, bad dates, negative figures, geo_precision outside 1-4, a CRS other than
        EPSG:4326, a resolved row without geometry, or a coordinate that is not finite or is
        outside longitude -180..180 / latitude -90..90.
    """
    import geopandas as gpd

    if not isinstance(events, gpd.GeoDataFrame):
        msg = f"events must be a GeoDataFrame, got {type(events).__name__}"
        raise EventSchemaError(msg)
    problems = []
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        problems.append(f"CRS must be EPSG:4326 (WGS84 lon/lat), got {events.crs.to_string()}")
    if not missing:
        problems += _value_problems(events)
    if problems:
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise EventSchemaError(f"event table does not fit the schema: {shown}{more}")
    return events


def _value_problems(events: gpd.GeoDataFrame) -> list[str]:
    problems = []
    checks = (("event_type", EVENT_TYPES), ("status", STATUSES),
              ("date_precision", DATE_PRECISIONS), ("geo_precision", tuple(GEO_PRECISION)))
    for column, allowed in checks:
        problems += [f"row {idx}: {column} {value!r} not in {allowed}"
                     for idx, value in _outside(events[column], allowed)]
    undated = (events["date_precision"] == DatePrecision.UNKNOWN).to_numpy()
    problems += [f"row {idx}: event_date {value!r} is not YYYY-MM-DD"
                 for idx, value in _bad_dates(events["event_date"][~undated])]
    problems += [f"row {idx}: event_date {value!r} is given but date_precision is unknown"
                 for idx, value in events["event_date"][undated].items()
                 if not is_missing(value)]
    for column in INT_COLUMNS:
        problems += [f"row {idx}: {column} {value!r} is negative"
                     for idx, value in _negative(events[column])]
    problems += [f"row {label}: resolved but has no geometry"
                 for label in _resolved_without_geometry(events)]
    return problems + _coordinate_problems(events)


# Each check below finds its suspects with pandas/numpy over the whole column, then applies the
# rule itself, cell by cell, to the suspects only: so a table is refused exactly as the rule
# says. A column whose cells are not plain scalars (lists, mixed objects) is checked cell by
# cell throughout.


def _scalar_kind(series: Any) -> str | None:
    """The kind pandas infers for a Series' cells (missing ones ignored); None if no Series."""
    import pandas as pd

    if not isinstance(series, pd.Series):
        return None
    return str(pd.api.types.infer_dtype(series, skipna=True))


def _outside(series: Any, allowed: tuple[Any, ...]) -> list[tuple[Any, Any]]:
    """``(label, value)`` of each cell that is neither missing nor in ``allowed``."""
    import numpy as np
    import pandas as pd

    suspects = series
    if _scalar_kind(series) not in (None, "mixed", "mixed-integer"):
        present = series[~series.isna().to_numpy()]
        codes, uniques = pd.factorize(present, use_na_sentinel=True)
        # Cells of one code are equal, so they are all in ``allowed`` or none is.
        refused = [code for code, value in enumerate(uniques) if value not in allowed]
        suspects = present[np.isin(codes, refused)]
    return [(idx, value) for idx, value in suspects.items()
            if not is_missing(value) and value not in allowed]


def _bad_dates(series: Any) -> list[tuple[Any, Any]]:
    """``(label, value)`` of each cell whose text is not a date ``YYYY-MM-DD``."""
    import numpy as np
    import pandas as pd

    def refused(value: object) -> bool:
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return True
        return False

    if _scalar_kind(series) not in ("string", "empty"):
        return [(idx, value) for idx, value in series.items() if refused(value)]
    # Text cells: equal cells have equal text. A missing cell's text (None, nan) is no date.
    missing = series.isna().to_numpy()
    codes, uniques = pd.factorize(series[~missing], use_na_sentinel=True)
    suspect = missing.copy()
    suspect[~missing] = np.isin(codes, [c for c, text in enumerate(uniques) if refused(text)])
    return [(idx, value) for idx, value in series[suspect].items() if refused(value)]


def _negative(series: Any) -> list[tuple[Any, Any]]:
    """``(label, value)`` of each cell that is not missing and whose ``int()`` is below 0."""
    import numpy as np
    import pandas as pd

    suspects = series
    kind = series.dtype.kind if isinstance(series, pd.Series) else "O"
    if kind in "iub":  # integers or booleans (numpy, masked or arrow)
        suspects = series[(series < 0).fillna(False).to_numpy(dtype=bool)]
    elif kind == "f":
        values = series.to_numpy(dtype=float, na_value=np.nan)
        if not np.isinf(values).any():  # int() of an infinity raises: leave it to the rule
            suspects = series[values <= -1]
    return [(idx, value) for idx, value in suspects.items()
            if not is_missing(value) and int(value) < 0]


def _resolved_without_geometry(events: gpd.GeoDataFrame) -> list[Any]:
    """Labels of the rows marked resolved that have no geometry or an empty one."""
    import numpy as np
    import shapely

    resolution, geoms = events["resolution"], events.geometry
    positions: Any = range(len(events))
    if _scalar_kind(resolution) in ("string", "empty"):
        array = np.asarray(geoms.values, dtype=object)
        suspect = shapely.is_missing(array) | shapely.is_empty(array)
        # A missing cell compares as the rule compares it (pandas' NA cannot be tested).
        positions = np.flatnonzero(suspect | resolution.isna().to_numpy()).tolist()
    values, shapes = list(resolution.iloc[positions]), list(geoms.iloc[positions])
    return [events.index[i] for i, value, geom in zip(positions, values, shapes, strict=True)
            if value == Resolution.RESOLVED and (geom is None or geom.is_empty)]


def _coordinate_problems(events: gpd.GeoDataFrame) -> list[str]:
    """Rows with a coordinate that is not finite or is outside lon/lat range."""
    if events.crs is not None and not events.crs.equals("EPSG:4326"):
        return []
    import numpy as np
    import shapely

    coords, owner = shapely.get_coordinates(np.asarray(events.geometry.values),
                                            return_index=True)
    bad = ~np.isfinite(coords).all(axis=1) | (np.abs(coords[:, 0]) > 180) \
        | (np.abs(coords[:, 1]) > 90)
    return [f"row {events.index[i]}: a coordinate is not finite or is outside "
            "longitude -180..180 / latitude -90..90" for i in np.unique(owner[bad])]


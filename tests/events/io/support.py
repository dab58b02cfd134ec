"""Event tables that exercise every column and geometry kind, and a lossless comparison."""

from __future__ import annotations

import math

import pandas as pd
import shapely
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)

from geo_ukraine import EVENT_COLUMNS
from geo_ukraine.events import event_frame

#: Every format that reads what it writes.
FORMATS = (".geojson", ".gpkg", ".csv", ".kml", ".kmz", ".parquet")

HOSTILE_TEXT = [
    "=HYPERLINK(\"http://x.test\",\"click\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\tstarts with a tab",
    "\rstarts with CR",
    "'=already quoted",
    "''double",
    "'Twas plain",
    "line one\r\nline two\rold mac\nunix",
    "control \x01\x02\x1b\x7f characters",
    "NUL \x00 inside",
    'json:"looks escaped"',
    "Київ, Харків — «лапки» & <tag> \"quote\"",
    "  leading and trailing spaces  ",
    "-37.5",
]


def full_row(n: int, geometry, **values) -> dict:
    """A row with every schema column filled (overridden by ``values``)."""
    row = {
        "event_id": f"gu-test{n:04d}", "event_date": "2026-02-04", "date_precision": "day",
        "event_type": "territorial_claim", "acled_event_type": "Battles",
        "acled_sub_event_type": "Non-state actor overtakes territory", "actor": "Russia",
        "target": "Ukraine", "location": "Druzhkivka", "place_id": "gn:616743",
        "place_name": "Druzhkivka", "admin1": "UA.05", "admin2": "UA.05.1416",
        "country": "UA", "geo_precision": 2, "resolution": "resolved", "status": "claimed",
        "claimed_by": "Russian MoD; TASS", "fatalities": 3, "injured": 0,
        "source": "Test wire", "source_url": "https://example.test/a?b=1&c=2",
        "notes": f"note {n}", "geometry": geometry,
    }
    row.update(values)
    return row


def geometry_zoo() -> list:
    """One geometry of each kind our events use, in lon/lat near Donetsk oblast."""
    square = Polygon([(37.0, 48.0), (37.2, 48.0), (37.2, 48.2), (37.0, 48.2)],
                     [[(37.05, 48.05), (37.1, 48.05), (37.1, 48.1), (37.05, 48.1)]])
    return [
        Point(37.5254, 48.62),
        Point(37.5254, 48.62, 212.5),
        LineString([(37.0, 48.0), (37.5, 48.3), (37.9, 48.1)]),
        MultiPoint([(37.1, 48.1), (37.3, 48.2)]),
        square,
        MultiPolygon([square, Polygon([(38.0, 47.0), (38.1, 47.0), (38.1, 47.1)])]),
        GeometryCollection([Point(37.4, 48.4), LineString([(37.0, 48.0), (37.1, 48.1)])]),
    ]


def zoo_events():
    """Every geometry kind, every column filled with awkward text, and an unplaced event."""
    rows = [full_row(n, geom, notes=HOSTILE_TEXT[n % len(HOSTILE_TEXT)],
                     actor=HOSTILE_TEXT[(n + 3) % len(HOSTILE_TEXT)])
            for n, geom in enumerate(geometry_zoo())]
    rows += [full_row(len(rows) + i, None, resolution="unresolved", place_id=None,
                      geo_precision=None, fatalities=None, notes=text, location=text,
                      claimed_by=None, status="reported")
             for i, text in enumerate(HOSTILE_TEXT)]
    rows.append(full_row(len(rows), Point(30.5, 50.45), notes="long " * 40_000,
                         admin1="UA.26|UA.05", country="UA", status="confirmed"))
    return event_frame(rows)


def assert_same(a, b, *, columns=EVENT_COLUMNS, tolerance=1e-5):
    """Every ``columns`` value equal (None for None), geometries equal within ``tolerance``."""
    assert len(a) == len(b)
    for column in columns:
        if column == "geometry":
            continue
        left = [None if _missing(v) else v for v in a[column]]
        right = [None if _missing(v) else v for v in b[column]]
        if column in ("fatalities", "injured", "geo_precision"):
            left = [None if v is None else int(v) for v in left]
            right = [None if v is None else int(v) for v in right]
        for i, (x, y) in enumerate(zip(left, right, strict=True)):
            assert x == y, f"{column} row {i}: {x!r} != {y!r}"
    for i, (ga, gb) in enumerate(zip(a.geometry, b.geometry, strict=True)):
        if ga is None or ga.is_empty:
            assert gb is None or gb.is_empty, i
            continue
        assert gb is not None, i
        assert ga.geom_type == gb.geom_type, (i, ga.geom_type, gb.geom_type)
        assert ga.has_z == gb.has_z, (i, "altitude")
        assert shapely.equals_exact(shapely.normalize(ga), shapely.normalize(gb), tolerance), i


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NA

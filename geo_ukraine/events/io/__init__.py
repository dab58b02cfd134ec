"""Event tables in and out of files: GeoJSON, GeoPackage, CSV, KML, YAML, ACLED CSV."""

from __future__ import annotations

from .acled import ACLED_COLUMNS, events_from_acled, write_acled
from .geojson import rfc7946_geometry, to_geojson
from .registry import DRIVERS, EXTENSIONS, detect_driver, read_events, write_events
from .values import plain_value

__all__ = [
    "ACLED_COLUMNS",
    "DRIVERS",
    "EXTENSIONS",
    "detect_driver",
    "events_from_acled",
    "plain_value",
    "read_events",
    "rfc7946_geometry",
    "to_geojson",
    "write_acled",
    "write_events",
]

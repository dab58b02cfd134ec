"""Event tables in and out of files: GeoJSON, GeoPackage, CSV, KML/KMZ, GeoParquet, YAML, ACLED."""

from __future__ import annotations

from .acled import ACLED_COLUMNS
from .acled_read import events_from_acled
from .acled_write import write_acled
from .geojson import rfc7946_geometry, to_geojson
from .registry import (
    DRIVERS,
    EXTENSIONS,
    check_event_output,
    detect_driver,
    read_events,
    write_events,
)
from .values import plain_value

__all__ = [
    "ACLED_COLUMNS",
    "DRIVERS",
    "EXTENSIONS",
    "check_event_output",
    "detect_driver",
    "events_from_acled",
    "plain_value",
    "read_events",
    "rfc7946_geometry",
    "to_geojson",
    "write_acled",
    "write_events",
]

"""Event tables in and out of files: GeoJSON, GeoPackage, CSV, KML, YAML, ACLED CSV."""

from __future__ import annotations

from .core import (
    ACLED_COLUMNS,
    events_from_acled,
    plain_value,
    read_events,
    rfc7946_geometry,
    to_geojson,
    write_acled,
    write_events,
)

__all__ = [
    "ACLED_COLUMNS",
    "events_from_acled",
    "plain_value",
    "read_events",
    "rfc7946_geometry",
    "to_geojson",
    "write_acled",
    "write_events",
]

"""The events stage: the schema, its validator and constructors, places, and file formats."""

from __future__ import annotations

from .frame import empty_events, event_frame
from .places import attach_place
from .records import events_from_records
from .schema import (
    ACLED_TYPES,
    EVENT_COLUMNS,
    EVENT_TYPES,
    GEO_PRECISION,
    STATUSES,
    DatePrecision,
    GeoPrecision,
    Resolution,
    Status,
    acled_types,
    event_type_from_acled,
    is_missing,
    validate_events,
)

__all__ = [
    "ACLED_TYPES",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "STATUSES",
    "DatePrecision",
    "GeoPrecision",
    "Resolution",
    "Status",
    "acled_types",
    "attach_place",
    "empty_events",
    "event_frame",
    "event_type_from_acled",
    "events_from_records",
    "is_missing",
    "validate_events",
]

"""The events stage: the schema, its validator and constructors, and file formats."""

from __future__ import annotations

from .schema import (
    ACLED_TYPES,
    EVENT_COLUMNS,
    EVENT_TYPES,
    GEO_PRECISION,
    STATUSES,
    acled_types,
    empty_events,
    event_frame,
    event_type_from_acled,
    events_from_records,
    is_missing,
    validate_events,
)

__all__ = [
    "ACLED_TYPES",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "STATUSES",
    "acled_types",
    "empty_events",
    "event_frame",
    "event_type_from_acled",
    "events_from_records",
    "is_missing",
    "validate_events",
]

"""The territory stage: control-area snapshots, their areas, per-oblast splits and changes."""

from __future__ import annotations

from .core import (
    KM2_PER_MI2,
    SEGMENT_DEGREES,
    TERRITORY_CRS,
    Change,
    Snapshot,
    area_km2,
    by_oblast,
    changes,
    read_snapshot,
    share_of_country,
    snapshot_from_geometry,
    time_series,
)

__all__ = [
    "KM2_PER_MI2",
    "SEGMENT_DEGREES",
    "TERRITORY_CRS",
    "Change",
    "Snapshot",
    "area_km2",
    "by_oblast",
    "changes",
    "read_snapshot",
    "share_of_country",
    "snapshot_from_geometry",
    "time_series",
]

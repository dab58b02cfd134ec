"""The territory stage: control-area snapshots, their areas, per-oblast splits and changes.

:mod:`.projection` holds the one equal-area projection every figure is computed in,
:mod:`.snapshots` the snapshot and its control statuses, :mod:`.reading` reads snapshot
files, :mod:`.coverage` splits areas by oblast and country, and :mod:`.timeline` computes
what changed hands between snapshots.
"""

from __future__ import annotations

from .coverage import by_oblast, share_of_country
from .projection import KM2_PER_MI2, SEGMENT_DEGREES, TERRITORY_CRS, area_km2
from .reading import read_snapshot
from .snapshots import CONTROL_STATUSES, ControlStatus, Snapshot, snapshot_from_geometry
from .timeline import Change, changes, time_series

__all__ = [
    "CONTROL_STATUSES",
    "KM2_PER_MI2",
    "SEGMENT_DEGREES",
    "TERRITORY_CRS",
    "Change",
    "ControlStatus",
    "Snapshot",
    "area_km2",
    "by_oblast",
    "changes",
    "read_snapshot",
    "share_of_country",
    "snapshot_from_geometry",
    "time_series",
]

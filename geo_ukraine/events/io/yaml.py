"""YAML: hand-authored event records that name their places (read only)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import EventSchemaError
from ..records import events_from_records

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["read_yaml"]


def read_yaml(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a YAML list of event records, or a mapping with ``events:`` and ``defaults:``.

    Values under ``defaults:`` fill every record that lacks them. Places are resolved
    through ``gazetteer`` as by :func:`~geo_ukraine.events.events_from_records`.
    """
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        msg = f"{path.name}: not valid YAML: {exc}"
        raise EventSchemaError(msg) from None
    records = data.get("events") if isinstance(data, Mapping) else data
    if not isinstance(records, list):
        msg = f"{path.name}: expected a list of event records (or a mapping with 'events:')"
        raise EventSchemaError(msg)
    defaults = data.get("defaults") if isinstance(data, Mapping) else None
    if not isinstance(defaults, Mapping):
        defaults = {}
    merged = [{**defaults, **r} if isinstance(r, Mapping) else r for r in records]
    return events_from_records(merged, gazetteer=gazetteer, source_name=path.name)

"""Control areas and their changes as switchable map layers with legend entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._html import script_json
from .styles import GAINED, LOST, SNAPSHOT_COLOURS

if TYPE_CHECKING:
    import folium

__all__ = ["territory_layers"]


def _areas(snapshots: Iterable[Any], change: Any) -> list[dict[str, Any]]:
    """Each area to draw: its name, tooltip label, colour, hatching and geometry."""
    areas = []
    for i, snap in enumerate(snapshots):
        name = f"{snap.status.capitalize()} {snap.date.isoformat()}"
        label = (f"{snap.status.capitalize()} area on {snap.date.isoformat()}: "
                 f"{snap.area_km2:,.0f} km² ({snap.area_mi2:,.0f} sq mi)")
        areas.append({"name": name, "label": label, "geometry": snap.geometry,
                      "colour": SNAPSHOT_COLOURS[i % len(SNAPSHOT_COLOURS)],
                      "hatched": snap.status == "claimed"})
    if change is not None:
        period = f"{change.before.date.isoformat()} to {change.after.date.isoformat()}"
        areas.append({"name": f"Gained {period}", "colour": GAINED, "hatched": False,
                      "geometry": change.gained,
                      "label": f"Gained {period}: {change.gained_km2:,.1f} km² "
                               f"({change.gained_mi2:,.1f} sq mi)"})
        areas.append({"name": f"Lost {period}", "colour": LOST, "hatched": False,
                      "geometry": change.lost,
                      "label": f"Lost {period}: {change.lost_km2:,.1f} km² "
                               f"({change.lost_mi2:,.1f} sq mi)"})
    return [a for a in areas if a["geometry"] is not None and not a["geometry"].is_empty]


def territory_layers(m: folium.Map, snapshots: Iterable[Any] = (), change: Any = None, *,
                     show: bool = True) -> folium.Map:
    """Add control areas and changes (gains, losses) to a map as switchable layers.

    Each snapshot gets its own colour (claimed areas hatched), gained areas are vermillion
    and lost areas blue; every layer has its km² figures as tooltip and an entry in the
    legend. The areas lie under the events and stay reachable where no event covers them.

    Parameters
    ----------
    m : folium.Map
        E.g. from :func:`event_map`.
    snapshots : iterable of geo_ukraine.territory.Snapshot
    change : geo_ukraine.territory.Change, optional
    show : bool
        Whether the layers start switched on.

    Returns
    -------
    folium.Map
        The same map.
    """
    import folium
    from shapely.geometry import mapping

    from .elements import TerritoryLayers

    config = []
    for area in _areas(snapshots, change):
        group = folium.FeatureGroup(name=area["name"], show=show).add_to(m)
        config.append({"group": group.get_name(), "name": area["name"], "label": area["label"],
                       "colour": area["colour"], "hatched": area["hatched"],
                       "data": {"type": "Feature", "properties": {},
                                "geometry": mapping(area["geometry"])}})
    m.add_child(TerritoryLayers(script_json({"areas": config})))
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    return m

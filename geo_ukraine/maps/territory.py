"""Control areas and their changes as switchable map layers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._html import escape
from .styles import BLUE, GREY, ORANGE, PURPLE, VERMILLION

if TYPE_CHECKING:
    import folium

__all__ = ["territory_layers"]

_STATUS_COLOURS = {"controlled": VERMILLION, "assessed": PURPLE, "claimed": ORANGE}


def _add_area(m: folium.Map, geometry: Any, name: str, colour: str, label: str, *,
              hatched: bool, show: bool) -> None:
    import folium
    from shapely.geometry import mapping

    from .elements import HatchLayer

    if geometry is None or geometry.is_empty:
        return
    style: dict[str, Any] = {"color": colour, "weight": 1.5, "fillColor": colour,
                             "fillOpacity": 0.8 if hatched else 0.3,
                             "dashArray": "6 4" if hatched else None}
    group = folium.FeatureGroup(name=name, show=show)
    layer = folium.GeoJson({"type": "Feature", "geometry": mapping(geometry),
                            "properties": {"label": escape(label)}},
                           style_function=lambda _f, s=style: s,
                           tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False))
    layer.add_to(group)
    group.add_to(m)
    if hatched:
        m.add_child(HatchLayer(layer, colour))


def territory_layers(m: folium.Map, snapshots: Iterable[Any] = (), change: Any = None, *,
                     show: bool = True) -> folium.Map:
    """Add control areas and changes (gains, losses) to a map as switchable layers.

    Controlled areas are drawn solid, assessed advances in purple, claimed areas hatched;
    a change adds its gained (vermillion) and lost (blue) parts with their km² figures.

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

    for snap in snapshots:
        label = (f"{snap.status.capitalize()} area on {snap.date.isoformat()}: "
                 f"{snap.area_km2:,.0f} km² ({snap.area_mi2:,.0f} sq mi)")
        _add_area(m, snap.geometry, f"{snap.status.capitalize()} {snap.date.isoformat()}",
                  _STATUS_COLOURS.get(snap.status, GREY), label,
                  hatched=snap.status == "claimed", show=show)
    if change is not None:
        period = f"{change.before.date.isoformat()} to {change.after.date.isoformat()}"
        _add_area(m, change.gained, f"Gained {period}", VERMILLION,
                  f"Gained {period}: {change.gained_km2:,.1f} km² "
                  f"({change.gained_mi2:,.1f} sq mi)", hatched=False, show=show)
        _add_area(m, change.lost, f"Lost {period}", BLUE,
                  f"Lost {period}: {change.lost_km2:,.1f} km² ({change.lost_mi2:,.1f} sq mi)",
                  hatched=False, show=show)
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    return m

"""Layered folium maps of events: symbols, legend, popups, time control, offline output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._files import atomic_open, check_output
from .._html import escape, script_json, svg_symbol
from ..events import GEO_PRECISION, validate_events

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

__all__ = ["LAYERS", "event_map", "offline_html", "save_map", "territory_layers"]

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
_ORANGE, _SKY, _GREEN, _YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
_BLUE, _VERMILLION, _PURPLE, _BLACK, _GREY = "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"


@dataclasses.dataclass(frozen=True)
class LayerStyle:
    """One switchable layer: which event types it shows and how they are drawn."""

    key: str
    group: str
    label: str
    event_types: tuple[str, ...]
    colour: str
    shape: str = "circle"
    area: str = "solid"  # how area geometries are drawn: solid or hatched
    radius: float = 7.0
    sized: bool = False  # symbol size by killed + injured


#: The map's layers, in legend order.
LAYERS: tuple[LayerStyle, ...] = (
    LayerStyle("missile", "Strikes", "Missile strikes", ("missile_strike",), _VERMILLION,
               "triangle"),
    LayerStyle("drone", "Strikes", "Drone strikes", ("drone_strike",), _ORANGE, "diamond"),
    LayerStyle("glide_bomb", "Strikes", "Glide / aerial bombs", ("glide_bomb",), _PURPLE,
               "square"),
    LayerStyle("shelling", "Strikes", "Shelling", ("shelling",), _YELLOW, "hexagon"),
    LayerStyle("combined", "Strikes", "Combined strikes", ("combined_strike",), _BLACK, "star"),
    LayerStyle("civilian", "Civilian harm", "Civilians killed or injured (size = people)",
               ("civilian_casualties",), "#B2182B", "circle", sized=True),
    LayerStyle("infrastructure", "Damage", "Infrastructure damage", ("infrastructure_damage",),
               _SKY, "square"),
    LayerStyle("claimed", "Territory", "Claimed advances (hatched)", ("territorial_claim",),
               _VERMILLION, "hexagon", area="hatched"),
    LayerStyle("assessed", "Territory", "Assessed territorial changes", ("territorial_change",),
               _PURPLE, "triangle"),
    LayerStyle("cross_border", "Strikes into Russia", "Cross-border strikes",
               ("cross_border_strike",), _BLUE, "diamond"),
    LayerStyle("incursion", "Strikes into Russia", "Incursions", ("incursion",), _GREEN,
               "cross"),
    LayerStyle("diplomacy", "Diplomacy and aid", "Diplomacy", ("diplomacy",), _GREEN, "circle"),
    LayerStyle("aid", "Diplomacy and aid", "Aid", ("aid",), _SKY, "cross"),
    LayerStyle("other", "Other", "Other events", ("other",), _GREY, "circle"),
)
_POPUP_FIELDS = ("event_id", "event_date", "date_precision", "event_type", "location",
                 "place_name", "geo_precision", "actor", "target", "status", "claimed_by",
                 "fatalities", "injured", "source", "source_url", "notes")
_LABELS = {
    "missile_strike": "Missile strike", "drone_strike": "Drone strike",
    "glide_bomb": "Glide / aerial bomb", "shelling": "Shelling",
    "combined_strike": "Combined strike", "infrastructure_damage": "Infrastructure damage",
    "civilian_casualties": "Civilian casualties", "territorial_claim": "Claimed advance",
    "territorial_change": "Assessed territorial change",
    "cross_border_strike": "Cross-border strike", "incursion": "Incursion",
    "diplomacy": "Diplomacy", "aid": "Aid", "other": "Other",
}
# A layer with more points than this is drawn as counts on a 48-pixel grid below this zoom.
CLUSTER_MIN_POINTS = 2000
CLUSTER_MAX_ZOOM = 10
# The vector base map covers the theatre and the diplomacy venues around it.
_BASE_BBOX = (-30.0, 5.0, 90.0, 75.0)
# Initial view when events lie in the theatre: fit to them; otherwise to Ukraine.
_THEATRE = ("UA", "RU", "BY", "MD")
_UKRAINE_BOUNDS = ((44.3, 22.1), (52.4, 40.2))
_CHOROPLETH = ("#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#31a354", "#006837")
_CSS = """
div.leaflet-container{background:#cfe3f0;
 font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif}
.gu-legend{background:#fff;padding:6px 10px;border-radius:6px;box-shadow:0 1px 5px rgba(0,0,0,.4);
 max-width:300px;max-height:70vh;overflow:auto}
.leaflet-control-layers-expanded{max-height:60vh;overflow:auto}
.gu-legend summary{font-weight:600;cursor:pointer}
.gu-legend ul{list-style:none;margin:4px 0 0;padding:0}
.gu-legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
.gu-legend .gu-note{color:#555;font-size:11px;margin-top:4px}
.gu-title{background:#fff;padding:4px 10px;border-radius:6px;font:600 15px system-ui,sans-serif;
 box-shadow:0 1px 5px rgba(0,0,0,.4)}
.gu-popup-title{font-weight:700;margin-bottom:4px}
.gu-popup table{border-collapse:collapse}
.gu-popup th{text-align:left;padding:1px 8px 1px 0;color:#555;font-weight:500;vertical-align:top}
.gu-popup .gu-notes{margin:6px 0 0;font-style:italic}
.gu-time{background:#fff;padding:6px 8px}
.gu-time input{width:220px;display:block}
.gu-oblast-label{color:#444;font-size:10px;white-space:nowrap;text-shadow:0 0 2px #fff;
 transform:translate(-50%,-50%)}
.gu-zoom-low .gu-oblast-label{display:none}
"""


@functools.cache
def _reference_layers() -> tuple[dict[str, Any], dict[str, Any], list[list[Any]]]:
    """Countries (clipped) and admin-1 units of the theatre, simplified for display."""
    import shapely
    from shapely.geometry import box, mapping

    from .. import _data
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    clip = box(*_BASE_BBOX)
    countries = []
    for feat in _data.read_geojson("countries.geojson.gz")["features"]:
        geom = shapely.geometry.shape(feat["geometry"])
        if geom.intersects(clip):
            part = shapely.set_precision(geom.intersection(clip).simplify(0.03), 0.001)
            if not part.is_empty:
                countries.append({"type": "Feature", "properties": {},
                                  "geometry": mapping(part)})
    admin1, labels = [], []
    for feat in _data.read_geojson("admin1.geojson.gz")["features"]:
        code = feat["properties"]["code"]
        geom = shapely.geometry.shape(feat["geometry"])
        if not code.startswith("UA") and not geom.intersects(box(22, 44, 42, 56)):
            continue
        simple = shapely.set_precision(geom.simplify(0.01), 0.0001)
        admin1.append({"type": "Feature", "properties": {"code": code},
                       "geometry": mapping(simple)})
        if code.startswith("UA") and code != "UA.12":
            place = gaz.get(f"a1:{code}")
            labels.append([round(place.lon, 3), round(place.lat, 3), place.name])
    return ({"type": "FeatureCollection", "features": countries},
            {"type": "FeatureCollection", "features": admin1}, labels)


def _layer_data(events: gpd.GeoDataFrame) -> dict[str, Any]:
    """A layer's features in a compact columnar form (expanded in the browser).

    Columns with few distinct values (type, date, status, source...) are dictionary-encoded;
    points are stored as bare coordinate pairs. About half the size of plain GeoJSON.
    """
    import shapely

    from ..events.io import plain_value, rfc7946_geometry

    fields = [c for c in _POPUP_FIELDS if c in events.columns]
    located = events[events.geometry.notna() & ~events.geometry.is_empty]
    columns: dict[str, Any] = {}
    for field in fields:
        raw = located[field].to_numpy(dtype=object, na_value=None).tolist()
        values = [v if v is None or isinstance(v, str | int) else plain_value(v) for v in raw]
        distinct = list(dict.fromkeys(values))
        if len(distinct) * 2 < len(values):
            lookup = {v: i for i, v in enumerate(distinct)}
            columns[field] = {"dict": distinct, "codes": [lookup[v] for v in values]}
        elif any(v is not None for v in values):
            columns[field] = {"values": values}
    geoms = located.geometry.to_numpy()
    points = shapely.get_type_id(geoms) == 0
    coords = iter(shapely.get_coordinates(geoms[points]).round(5).tolist())
    geometries = [next(coords) if is_point else rfc7946_geometry(g, 5)
                  for g, is_point in zip(geoms, points, strict=True)]
    return {"n": len(located), "columns": columns, "geometries": geometries}


def _legend_html(layers: list[LayerStyle], title: str | None, extras: list[str],
                 unmapped: int, outside: int) -> str:
    items = "".join(
        f"<li>{svg_symbol(s.shape, s.colour)}"
        + (svg_symbol(s.shape, s.colour, area=s.area) if s.area == "hatched" else "")
        + f"<span>{escape(s.label)}</span></li>" for s in layers)
    items += "".join(f"<li>{extra}</li>" for extra in extras)
    note = ("Areas: a region when only the region is named; hatched = claimed, "
            "not independently confirmed.")
    if unmapped:
        note += f" {unmapped} event(s) could not be placed and are not drawn."
    if outside:
        note += f" {outside} event(s) lie beyond Ukraine and Russia: zoom out to see them."
    heading = escape(title) if title else "Legend"
    return (f'<details open class="gu-legend"><summary>{heading}</summary><ul>{items}</ul>'
            f'<div class="gu-note">{escape(note)}</div></details>')


def event_map(events: gpd.GeoDataFrame, *, title: str | None = None, time: bool = True,
              as_of: str | dt.date | None = None, tiles: bool | None = None,
              heatmap: bool = False, choropleth: bool = False, reference: bool = True,
              location: tuple[float, float] | None = None,
              zoom_start: int | None = None) -> folium.Map:
    """A layered folium map of events.

    Every kind of event is its own switchable overlay in a grouped layer control (strikes by
    weapon, civilian harm sized by people killed and injured, infrastructure damage, claimed
    advances hatched, assessed changes solid, strikes into Russia, diplomacy and aid). Points
    are drawn on one canvas with a distinct shape and colourblind-safe colour per kind; area
    events as polygons. Popups and tooltips are built in the browser as text, so nothing in
    the data can inject markup. A legend lists exactly the symbols on the map.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        An event table (see :func:`geo_ukraine.validate_events`).
    title : str, optional
        Shown atop the legend.
    time : bool
        Add a slider that shows events up to a chosen date.
    as_of : str or date, optional
        Drop events after this date (``YYYY-MM-DD``).
    tiles : bool, optional
        Offer OpenStreetMap and OpenTopoMap tile basemaps (needs a network when viewed); default
        ``not settings.offline``. The embedded vector basemap is always there.
    heatmap : bool
        Add a heatmap overlay of event locations.
    choropleth : bool
        Add an overlay of event counts per admin-1 unit.
    reference : bool
        Add the oblast boundaries with names.
    location : (lat, lon), optional
        Initial centre (folium order); default fits the events.
    zoom_start : int, optional

    Returns
    -------
    folium.Map
        Add your own folium layers to it freely; save with :func:`save_map`.

    Examples
    --------
    >>> from geo_ukraine import event_map, read_events
    >>> m = event_map(read_events("examples/seed_events.yaml"))  # doctest: +SKIP
    """
    import folium
    from folium.plugins import GroupedLayerControl

    from .._settings import settings
    from .elements import EventLayers, HtmlElement

    validate_events(events)
    if as_of is not None:
        cut = as_of.isoformat() if isinstance(as_of, dt.date) else str(as_of)
        try:
            dt.date.fromisoformat(cut)
        except ValueError:
            msg = f"as_of must be a date YYYY-MM-DD, got {as_of!r}"
            raise ValueError(msg) from None
        events = events[events["event_date"].astype(str) <= cut]
    tiles = (not settings.offline) if tiles is None else tiles
    located = events[events.geometry.notna() & ~events.geometry.is_empty]
    m = _map_class()(location=location or (48.5, 33.0), zoom_start=zoom_start or 6,
                     tiles=None, control_scale=True)
    # Only Leaflet itself: no jQuery, Bootstrap or icon fonts (nothing here uses them).
    m.default_js = [pair for pair in m.default_js if pair[0] == "leaflet"]
    m.default_css = [pair for pair in m.default_css if pair[0] == "leaflet_css"]
    m.get_root().header.add_child(HtmlElement(f"<style>{_CSS}</style>"),
                                  name="geo_ukraine_css")

    base_countries, base_admin1, labels = _reference_layers()
    base = folium.FeatureGroup(name="Vector basemap (offline)", overlay=False, control=True)
    base.add_to(m)
    if tiles:
        # CartoDB's tiles now need an API key (folium warns), so the second is OpenTopoMap.
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)
        folium.TileLayer("OpenTopoMap", name="OpenTopoMap").add_to(m)

    groups: dict[str, list[Any]] = {}
    layer_cfg, used = [], []
    for style in LAYERS:
        subset = located[located["event_type"].isin(style.event_types)]
        if style.key == "civilian":
            harmed = (located["fatalities"].fillna(0) + located["injured"].fillna(0)) > 0
            subset = located[located["event_type"].isin(style.event_types) | harmed]
            subset = subset[subset.geometry.geom_type == "Point"]
        if subset.empty:
            continue
        group = folium.FeatureGroup(name=style.label, show=True)
        group.add_to(m)
        groups.setdefault(style.group, []).append(group)
        used.append(style)
        layer_cfg.append({"key": style.key, "label": style.label,
                          "group": group.get_name(), "sized": style.sized,
                          "style": {"colour": style.colour, "shape": style.shape,
                                    "area": style.area, "radius": style.radius},
                          "data": _layer_data(subset)})

    extras = []
    reference_cfg = choropleth_cfg = None
    reference_groups = []
    if reference:
        ref = folium.FeatureGroup(name="Oblast boundaries", show=True)
        ref.add_to(m)
        reference_groups.append(ref)
        reference_cfg = {"group": ref.get_name(), "data": base_admin1, "labels": labels}
        extras.append(f'{svg_symbol("circle", "#555", area="solid").replace("0.6", "0")}'
                      "<span>Oblast boundaries</span>")
    if choropleth:
        counts = _admin1_counts(located)
        chor = folium.FeatureGroup(name="Events per oblast", show=False)
        chor.add_to(m)
        reference_groups.append(chor)
        choropleth_cfg = {"group": chor.get_name(), "data": _choropleth(base_admin1, counts)}
        extras.append(f'{svg_symbol("circle", _CHOROPLETH[3], area="solid")}'
                      "<span>Events per oblast (darker = more)</span>")
    if heatmap and not located.empty:
        from folium.plugins import HeatMap

        points = located.geometry.representative_point()
        heat = folium.FeatureGroup(name="Heatmap", show=False)
        HeatMap([[p.y, p.x] for p in points], radius=18).add_to(heat)
        heat.add_to(m)
        reference_groups.append(heat)
    if reference_groups:
        groups["Reference"] = reference_groups

    dates = sorted({str(d) for d in located["event_date"]})
    config = {
        "layers": layer_cfg, "labels": _LABELS, "dates": dates, "time": time,
        "cluster": {"minPoints": CLUSTER_MIN_POINTS, "maxZoom": CLUSTER_MAX_ZOOM,
                    "cellPixels": 48},
        "precision": {str(k): v.split(" (")[0].split(":")[0] for k, v in GEO_PRECISION.items()},
        "reference": reference_cfg, "choropleth": choropleth_cfg,
        "base": {"group": base.get_name(), "data": base_countries},
    }
    unmapped = len(events) - len(located)
    outside = len(located) - int(located["country"].isin(_THEATRE).sum())
    legend = _legend_html(used, title, extras, unmapped, outside)
    script = _template("hatch.js") + _template("event_map.js")

    layers = EventLayers(script, script_json(config), script_json(legend))
    m.add_child(layers)
    if title:
        m.get_root().html.add_child(HtmlElement(
            '<div class="gu-title" style="position:absolute;top:10px;left:50%;'
            'transform:translateX(-50%);z-index:1000">'
            f"{escape(title)}</div>"))
    GroupedLayerControl(groups, exclusive_groups=False, collapsed=False,
                        position="topleft").add_to(m)
    if tiles:
        folium.LayerControl(position="topleft", collapsed=True).add_to(m)
    if location is None:
        theatre = located[located["country"].isin(_THEATRE)]
        if theatre.empty:
            m.fit_bounds(list(_UKRAINE_BOUNDS))
        else:
            minx, miny, maxx, maxy = theatre.total_bounds
            m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(30, 30), max_zoom=9)
    return m


def _template(name: str) -> str:
    return resources.files("geo_ukraine.maps").joinpath(f"templates/{name}").read_text()


def _admin1_counts(events: gpd.GeoDataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in events["admin1"]:
        if isinstance(value, str):
            for code in value.split("|"):
                counts[code] = counts.get(code, 0) + 1
    return counts


def _choropleth(admin1: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    top = max(counts.values(), default=0)
    features = []
    for feat in admin1["features"]:
        code = feat["properties"]["code"]
        count = counts.get(code, 0)
        if count == 0:
            continue
        level = min(len(_CHOROPLETH) - 1, int((len(_CHOROPLETH) - 1) * count / max(top, 1)))
        features.append({"type": "Feature", "geometry": feat["geometry"], "properties": {
            "code": code, "name": gaz.get(f"a1:{code}").name, "count": count,
            "colour": _CHOROPLETH[level]}})
    return {"type": "FeatureCollection", "features": features}


def save_map(m: folium.Map, path: str | Path, *, offline: bool = True) -> Path:
    """Save a map as one HTML file; with ``offline`` it makes no network request at all.

    Offline, every JS/CSS file the page links to is inlined from the installed
    ``folium-offline`` package and tile layers are dropped (the vector basemap stays).

    Parameters
    ----------
    m : folium.Map
    path : str or Path
    offline : bool

    Returns
    -------
    pathlib.Path

    Raises
    ------
    RuntimeError
        When ``offline`` and the map uses an asset no installed package provides.
    """
    path = check_output(path)
    html = offline_html(m) if offline else m.get_root().render()
    with atomic_open(path, encoding="utf-8") as handle:
        handle.write(html)
    return path


def offline_html(m: folium.Map) -> str:
    """The map as one self-contained HTML page: assets inlined, tile layers left out.

    The map itself is not changed (tile layers are left out of this rendering only).

    Raises
    ------
    RuntimeError
        When the map uses an asset no installed package provides.
    """
    import folium

    from .assets import find_remote_assets, inline_assets

    tiles = {k: c for k, c in m._children.items() if isinstance(c, folium.TileLayer)}
    for key in tiles:
        del m._children[key]
    try:
        html = inline_assets(m.get_root().render())
    finally:
        m._children.update(tiles)
    remote = find_remote_assets(html)
    if remote:
        msg = f"offline map would still load {remote[:3]}"
        raise RuntimeError(msg)
    return html


@functools.cache
def _map_class() -> type:
    import folium

    class EventMap(folium.Map):
        """A folium.Map that displays in notebooks with no network while offline."""

        def _repr_html_(self, **kwargs: Any) -> str:
            from .._settings import settings

            if not settings.offline:
                return super()._repr_html_(**kwargs)
            return ('<div style="width:100%;"><div style="position:relative;width:100%;'
                    'height:0;padding-bottom:60%;"><iframe srcdoc="'
                    + escape(offline_html(self))
                    + '" style="position:absolute;width:100%;height:100%;left:0;top:0;'
                    'border:none !important;" allowfullscreen></iframe></div></div>')

    return EventMap


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
    from shapely.geometry import mapping

    from .elements import ScriptElement

    colours = {"controlled": _VERMILLION, "assessed": _PURPLE, "claimed": _ORANGE}

    def add(geometry: Any, name: str, colour: str, label: str, hatched: bool = False) -> None:
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
            m.add_child(ScriptElement(
                _template("hatch.js") + f"geoUkraineHatchLayer({m.get_name()}, "
                f"{layer.get_name()}, {script_json(colour)});"))

    for snap in snapshots:
        label = (f"{snap.status.capitalize()} area on {snap.date.isoformat()}: "
                 f"{snap.area_km2:,.0f} km² ({snap.area_mi2:,.0f} sq mi)")
        add(snap.geometry, f"{snap.status.capitalize()} {snap.date.isoformat()}",
            colours.get(snap.status, _GREY), label, hatched=snap.status == "claimed")
    if change is not None:
        period = f"{change.before.date.isoformat()} to {change.after.date.isoformat()}"
        add(change.gained, f"Gained {period}", _VERMILLION,
            f"Gained {period}: {change.gained_km2:,.1f} km² ({change.gained_mi2:,.1f} sq mi)")
        add(change.lost, f"Lost {period}", _BLUE,
            f"Lost {period}: {change.lost_km2:,.1f} km² ({change.lost_mi2:,.1f} sq mi)")
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    return m

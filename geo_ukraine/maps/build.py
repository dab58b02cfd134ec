"""``event_map``: a layered folium map of events, built step by step."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from .._html import escape, script_json
from .._settings import settings
from ..events import GEO_PRECISION, validate_events
from ..vocab import THEATRE_WIDE
from .aggregate import AGGREGATE_ABOVE, DENSE_LAYER, grid_summary
from .basemap import VILLAGE_ZOOM, reference_layers, rivers, towns
from .layers import (
    COORDINATE_SCALE,
    EventColumns,
    admin1_counts,
    choropleth_data,
    layer_positions,
    located,
)
from .legend import CHOROPLETH_ITEM, REFERENCE_ITEM, legend_html
from .styles import (
    CLUSTER_CELL_PIXELS,
    CLUSTER_MAX_IN_VIEW,
    CLUSTER_MAX_ZOOM,
    CLUSTER_MIN_POINTS,
    COMPACT_WIDTH,
    CSS,
    EVENT_LABELS,
    LAYERS,
    UKRAINE_BOUNDS,
    LayerStyle,
)

if TYPE_CHECKING:
    import folium
    import geopandas as gpd
    from branca.element import Figure

__all__ = ["event_map"]


@dataclasses.dataclass
class _Page:
    """What the steps of :func:`event_map` collect for the page script and the controls."""

    groups: dict[str, list[Any]] = dataclasses.field(default_factory=dict)
    layers: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    used: list[LayerStyle] = dataclasses.field(default_factory=list)
    extras: list[str] = dataclasses.field(default_factory=list)
    config: dict[str, Any] = dataclasses.field(default_factory=dict)


def _page(m: folium.Map) -> Figure:
    """The HTML page the map belongs to (its header, body and script sections)."""
    return cast("Figure", m.get_root())


def _until(events: gpd.GeoDataFrame, as_of: str | dt.date | None) -> gpd.GeoDataFrame:
    if as_of is None:
        return events
    cut = as_of.isoformat() if isinstance(as_of, dt.date) else str(as_of)
    try:
        dt.date.fromisoformat(cut)
    except ValueError:
        msg = f"as_of must be a date YYYY-MM-DD, got {as_of!r}"
        raise ValueError(msg) from None
    # An undated event is not known to be after the cut: it stays.
    return events[events["event_date"].isna() | (events["event_date"].astype(str) <= cut)]


def _new_map(location: tuple[float, float] | None, zoom_start: int | None,
             tiles: bool) -> tuple[folium.Map, folium.FeatureGroup]:
    """The map with our stylesheet, the offline vector basemap and optional tile basemaps."""
    import folium

    from .elements import EventMap, HtmlElement

    m = EventMap(location=location or (48.5, 33.0), zoom_start=zoom_start or 6, tiles=None,
                 control_scale=True)
    _page(m).header.add_child(HtmlElement(f"<style>{CSS}</style>"), name="geo_ukraine_css")
    base = folium.FeatureGroup(name="Vector basemap (offline)", overlay=False, control=True)
    base.add_to(m)
    if tiles:
        # CartoDB's tiles now need an API key (folium warns), so the second is OpenTopoMap.
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)
        folium.TileLayer("OpenTopoMap", name="OpenTopoMap").add_to(m)
    return m, base


def _layer_spec(style: LayerStyle, positions: Any, table: _Table, aggregate: bool,
                group: folium.FeatureGroup) -> dict[str, Any]:
    """What the page gets for one layer: its style and its events, or grid counts of them."""
    spec: dict[str, Any] = {"key": style.key, "label": style.label, "group": group.get_name(),
                            "sized": style.sized,
                            "style": {"colour": style.colour, "shape": style.shape,
                                      "area": style.area, "radius": style.radius}}
    points = table.columns.points[positions]
    if aggregate and int(points.sum()) > DENSE_LAYER:
        spec["grid"] = grid_summary(table.events.iloc[positions[points]])
        positions = positions[~points]
    spec["data"] = table.columns.layer(positions, badges=style.area == "hatched")
    return spec


@dataclasses.dataclass
class _Table:
    """The located events of a map, and their popup columns encoded once for all layers."""

    events: gpd.GeoDataFrame
    columns: EventColumns


def _borrowed(style: LayerStyle, positions: Any, table: _Table,
              drawn: dict[int, Any]) -> tuple[Any, dict[str, list[Any]]]:
    """Rows a layer borrows from layers drawn already (the civilian harm of a strike).

    Returns the positions the layer draws itself, and ``refs``: the layers it borrows from
    and, for each, the rows it borrows as steps from the previous row (ascending, small).
    """
    import numpy as np

    owner = np.full(len(table.events), -1)
    row = np.zeros(len(table.events), dtype=np.int64)
    for layer, rows in drawn.items():  # an event belongs to the first layer that draws it
        free = owner[rows] < 0
        owner[rows[free]] = layer
        row[rows[free]] = np.flatnonzero(free)
    types = table.events["event_type"].to_numpy()[positions]
    own = np.isin(types, style.event_types) | (owner[positions] < 0)
    refs: dict[str, list[Any]] = {"layers": [], "rows": []}
    for layer in sorted(set(owner[positions[~own]].tolist())):
        taken = np.sort(row[positions[~own][owner[positions[~own]] == layer]])
        refs["layers"].append(layer)
        refs["rows"].append(np.diff(taken, prepend=0).tolist())
    return positions[own], refs


def _add_event_layers(m: folium.Map, events: gpd.GeoDataFrame, page: _Page) -> None:
    """One overlay per layer; a layer that only repeats other layers' events refers to them."""
    import folium

    aggregate = len(events) > AGGREGATE_ABOVE
    table = _Table(events, EventColumns(events))
    drawn: list[tuple[LayerStyle, Any, Any]] = []
    for style in LAYERS:
        positions = layer_positions(events, style)
        if not len(positions):
            continue
        group = folium.FeatureGroup(name=style.label, show=True).add_to(m)
        page.groups.setdefault(style.group, []).append(group)
        page.used.append(style)
        drawn.append((style, positions, group))
    specs: list[dict[str, Any]] = [{} for _ in drawn]
    rows: dict[int, Any] = {}
    for position, (style, positions, group) in enumerate(drawn):
        if not style.sized:
            specs[position] = _layer_spec(style, positions, table, aggregate, group)
            if "grid" not in specs[position]:
                rows[position] = positions
    for position, (style, positions, group) in enumerate(drawn):
        if style.sized:
            own, refs = _borrowed(style, positions, table, {} if aggregate else rows)
            specs[position] = _layer_spec(style, own, table, aggregate, group)
            specs[position]["refs"] = refs
    page.layers.extend(specs)


def _add_reference_layers(m: folium.Map, events: gpd.GeoDataFrame, page: _Page, *,
                          reference: bool, choropleth: bool, heatmap: bool) -> None:
    import folium

    admin1, labels = reference_layers()[1:]
    found: list[Any] = []
    page.config["reference"] = page.config["choropleth"] = None
    if reference:
        ref = folium.FeatureGroup(name="Oblast boundaries", show=True).add_to(m)
        found.append(ref)
        page.config["reference"] = {"group": ref.get_name(), "data": admin1, "labels": labels}
        page.extras.append(REFERENCE_ITEM)
    if choropleth:
        chor = folium.FeatureGroup(name="Events per oblast", show=True).add_to(m)
        found.append(chor)
        page.config["choropleth"] = {"group": chor.get_name(),
                                     "data": choropleth_data(admin1, admin1_counts(events))}
        page.extras.append(CHOROPLETH_ITEM)
    if heatmap and not events.empty:
        from folium.plugins import HeatMap

        points = events.geometry.representative_point()
        heat = folium.FeatureGroup(name="Heatmap", show=True)
        HeatMap([[p.y, p.x] for p in points], radius=18).add_to(heat)
        heat.add_to(m)
        found.append(heat)
    if found:
        page.groups["Reference"] = found


def _add_controls(m: folium.Map, page: _Page, title: str | None, tiles: bool) -> None:
    import folium
    from folium.plugins import GroupedLayerControl

    from .elements import HtmlElement

    if title:
        _page(m).html.add_child(HtmlElement(
            '<div class="gu-title" style="position:absolute;top:10px;left:50%;'
            'transform:translateX(-50%);z-index:1000">'
            f"{escape(title)}</div>"))
    GroupedLayerControl(page.groups, exclusive_groups=False, collapsed=False,
                        position="topleft").add_to(m)
    if tiles:
        folium.LayerControl(position="topleft", collapsed=True).add_to(m)


def _fit_view(events: gpd.GeoDataFrame) -> dict[str, Any]:
    """The initial view: the events in the theatre, else Ukraine (set at once, not animated).

    An animated fit would draw the layers twice, and ignore a zoom asked for before it ends.
    """
    theatre = events[events["country"].isin(THEATRE_WIDE)]
    if theatre.empty:
        return {"bounds": [list(corner) for corner in UKRAINE_BOUNDS]}
    minx, miny, maxx, maxy = (float(v) for v in theatre.total_bounds)
    return {"bounds": [[miny, minx], [maxy, maxx]], "padding": [30, 30], "maxZoom": 9}


def _page_script(m: folium.Map, page: _Page, base: folium.FeatureGroup,
                 events: gpd.GeoDataFrame, drawn: gpd.GeoDataFrame, time: bool,
                 title: str | None) -> None:
    from .elements import EventLayers

    countries = reference_layers()[0]
    lines, river_labels = rivers()
    places = towns()
    # Read by the page only when needed: popup text when a popup or tooltip first opens,
    # villages when their zoom is first reached.
    lazy = {"text": [spec["data"].pop("text") for spec in page.layers],
            "villages": [t for t in places if t[3] >= VILLAGE_ZOOM]}
    page.config.update({
        "layers": page.layers, "labels": EVENT_LABELS,
        "dates": sorted(drawn["event_date"].dropna().astype(str).unique().tolist()),
        "time": time,
        "cluster": {"minPoints": CLUSTER_MIN_POINTS, "maxZoom": CLUSTER_MAX_ZOOM,
                    "maxInView": CLUSTER_MAX_IN_VIEW, "cellPixels": CLUSTER_CELL_PIXELS},
        "precision": {str(k): v.split(" (")[0].split(":")[0] for k, v in GEO_PRECISION.items()},
        "base": {"group": base.get_name(), "land": countries,
                 "countryLabels": countries["labels"], "rivers": lines,
                 "towns": [t for t in places if t[3] < VILLAGE_ZOOM], "villageZoom": VILLAGE_ZOOM,
                 "riverLabels": river_labels},
        "compactWidth": COMPACT_WIDTH, "coordinateScale": COORDINATE_SCALE,
    })
    outside = len(drawn) - int(drawn["country"].isin(THEATRE_WIDE).sum())
    legend = legend_html(page.used, title, page.extras, len(events) - len(drawn), outside)
    m.add_child(EventLayers(script_json(page.config), script_json(legend),
                            {key: script_json(value) for key, value in lazy.items()}))


def event_map(events: gpd.GeoDataFrame, *, title: str | None = None, time: bool = True,
              as_of: str | dt.date | None = None, tiles: bool | None = None,
              heatmap: bool = False, choropleth: bool = False, reference: bool = True,
              location: tuple[float, float] | None = None,
              zoom_start: int | None = None) -> folium.Map:
    """A layered folium map of events.

    Every kind of event is its own switchable overlay (strikes by weapon, civilian harm sized
    by people harmed, damage, claims, assessed changes, strikes into Russia, diplomacy, aid),
    with a distinct shape and colourblind-safe colour; points and areas share one canvas, so
    each opens its popup (sentence, source, precision), built in the browser as text. Maps of
    more than 250,000 events count their dense point layers on a grid.

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
    heatmap, choropleth : bool
        Add a heatmap of event locations, or event counts per admin-1 unit (shown at once).
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
    validate_events(events)
    events = _until(events, as_of)
    tiles = (not settings.offline) if tiles is None else tiles
    drawn = located(events).reset_index(drop=True)
    m, base = _new_map(location, zoom_start, tiles)
    page = _Page()
    _add_event_layers(m, drawn, page)
    _add_reference_layers(m, drawn, page, reference=reference, choropleth=choropleth,
                          heatmap=heatmap)
    _add_controls(m, page, title, tiles)
    page.config["fit"] = _fit_view(drawn) if location is None else None
    _page_script(m, page, base, events, drawn, time, title)
    return m

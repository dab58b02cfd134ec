import json
import re

import pytest

import geo_ukraine
from geo_ukraine import LAYERS, event_map, events_from_records, save_map
from geo_ukraine._html import escape, script_json
from geo_ukraine.maps.assets import find_remote_assets, inline_assets
from tests.conftest import scattered_events

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def _legend(html: str) -> str:
    return json.loads(re.search(r"d\.innerHTML = (\".*?\");", html).group(1))


def _column(data: dict, name: str) -> list:
    col = {**data["columns"], **data.get("text", {})}[name]
    if "const" in col:
        return [col["const"]] * data["n"]
    return [col["dict"][c] for c in col["codes"]] if "dict" in col else col["values"]


def _lazy(html: str, key: str):
    match = re.search(rf'<script type="application/json" id="[^"]*_{key}">(.*?)</script>',
                      html, re.S)
    return json.loads(match.group(1))


def _config(html: str) -> dict:
    """The page's configuration, each layer's popup text put back in its data."""
    config = _lazy(html, "config")
    for spec, text in zip(config["layers"], _lazy(html, "text"), strict=True):
        spec["data"]["text"] = text
    return config


def test_layers_match_the_events(seed_events):
    html = event_map(seed_events).get_root().render()
    config = _config(html)
    legend = _legend(html)
    counts = {spec["key"]: spec["data"]["n"]
              + sum(len(rows) for rows in spec.get("refs", {}).get("rows", []))
              for spec in config["layers"]}
    for style in LAYERS:
        if style.key == "civilian":
            harmed = (seed_events.fatalities.fillna(0) + seed_events.injured.fillna(0)) > 0
            mask = seed_events.event_type.isin(style.event_types) | harmed
            n = int((mask & (seed_events.geometry.geom_type == "Point")).sum())
        else:
            n = int(seed_events.event_type.isin(style.event_types).sum())
        assert counts.get(style.key, 0) == n, style.key
        assert (style.label in legend) == (n > 0), style.label
    assert counts["civilian"] == 2, "Zaporizhzhia and Druzhkivka"


def test_legend_lists_exactly_the_symbols_on_the_map():
    events = events_from_records([
        {"event_date": "2026-02-04", "event_type": "shelling", "location": "Druzhkivka"},
        {"event_date": "2026-02-05", "event_type": "diplomacy", "location": "Geneva"}])
    legend = _legend(event_map(events, reference=False).get_root().render())
    assert "Shelling" in legend and "Diplomacy" in legend
    for style in LAYERS:
        if style.key not in ("shelling", "diplomacy"):
            assert style.label not in legend, style.label


def test_hostile_text_is_escaped_everywhere(tmp_path):
    events = events_from_records([{
        "event_date": "2026-02-04", "event_type": "shelling", "location": "Druzhkivka",
        "notes": HOSTILE, "source": "</script><script>alert(1)</script>",
        "source_url": "javascript:alert(1)"}])
    path = save_map(event_map(events, title=HOSTILE), tmp_path / "m.html")
    html = path.read_text()
    assert "<script>window.__pwned" not in html
    assert "</script><script>alert(1)" not in html
    assert "onerror=\"window" not in html
    assert escape(HOSTILE) in html, "the title is shown as text"
    assert "\\u003cscript\\u003e" in html, "data reaches the page as escaped JSON"


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><!-- \u2028"})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028"}


def test_offline_map_requests_nothing_remote(tmp_path, seed_events):
    m = event_map(seed_events, tiles=True, heatmap=True, choropleth=True)
    path = save_map(m, tmp_path / "m.html", offline=True)
    html = path.read_text()
    assert find_remote_assets(html) == []
    assert "leaflet.groupedlayercontrol" not in html or "<script src" not in html
    assert "tile.openstreetmap.org" not in html, "tile layers are dropped offline"
    assert path.stat().st_size < 3_000_000


def test_online_map_keeps_cdn_links_and_tiles(tmp_path, seed_events):
    path = save_map(event_map(seed_events, tiles=True), tmp_path / "m.html", offline=False)
    html = path.read_text()
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in html
    assert "openstreetmap" in html.lower()


def test_inline_refuses_unknown_remote_assets():
    with pytest.raises(RuntimeError, match="no packaged copy"):
        inline_assets('<script src="https://example.org/unknown.js"></script>')


def test_as_of_cuts_later_events(seed_events):
    config = _config(event_map(seed_events, as_of="2026-01-31").get_root().render())
    dates = [_column(spec["data"], "event_date") for spec in config["layers"]]
    dates = [d for column in dates for d in column]
    assert dates and max(dates) <= "2026-01-31"
    with pytest.raises(ValueError, match="as_of"):
        event_map(seed_events, as_of="last week")


def test_unplaced_events_are_counted_in_the_legend():
    with pytest.warns(geo_ukraine.UnresolvedPlaceWarning):
        events = events_from_records([
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Qwzxv"},
            {"event_date": "2026-02-04", "event_type": "shelling", "location": "Kyiv"}])
    html = event_map(events).get_root().render()
    assert "1 event(s) could not be placed" in html


def test_map_is_composable(seed_events):
    import folium

    m = event_map(seed_events)
    folium.Marker([50.45, 30.52], tooltip="mine").add_to(m)
    assert "mine" in m.get_root().render()


def test_many_events_are_one_layer_per_type_not_one_object_per_marker():
    n = 5000
    m = event_map(scattered_events(n, (30, 38), (46, 51)), reference=False)
    assert len(m._children) < 20
    config = _config(m.get_root().render())
    assert sum(s["data"]["n"] for s in config["layers"]) == n
    drone = next(s for s in config["layers"] if s["key"] == "drone")["data"]
    assert {"dict", "const"} & set(drone["text"]["event_type"]), "repeats are encoded once"
    assert len(drone["xy"]) == 2 * drone["n"] and "shapes" not in drone, \
        "points are bare whole-number coordinates"
    assert all(isinstance(v, int) for v in drone["xy"])


def test_dense_layers_cluster_until_zoomed_in(tmp_path):
    from geo_ukraine.maps.styles import (
        CLUSTER_CELL_PIXELS,
        CLUSTER_MAX_IN_VIEW,
        CLUSTER_MAX_ZOOM,
        CLUSTER_MIN_POINTS,
    )

    config = _config(event_map(events_from_records([
        {"event_date": "2026-01-01", "event_type": "shelling", "location": "Kharkiv"}]),
        reference=False).get_root().render())
    assert config["cluster"] == {"minPoints": CLUSTER_MIN_POINTS, "maxZoom": CLUSTER_MAX_ZOOM,
                                 "maxInView": CLUSTER_MAX_IN_VIEW,
                                 "cellPixels": CLUSTER_CELL_PIXELS}


def test_notebook_display_is_offline_while_offline(seed_events):
    m = event_map(seed_events, tiles=True)
    shown = m._repr_html_()
    assert shown.startswith("<div") and "srcdoc=" in shown
    import html as html_module

    page = html_module.unescape(shown.split('srcdoc="', 1)[1].split('" style=', 1)[0])
    assert "geoUkraineEventMap" in page and find_remote_assets(page) == []
    assert any("TileLayer" in type(c).__name__ for c in m._children.values()), "map unchanged"
    geo_ukraine.configure(offline=False)
    try:
        assert "cdn.jsdelivr.net" in m._repr_html_()
    finally:
        geo_ukraine.configure(offline=True)


def test_every_layer_has_its_own_symbol():
    pairs = [(style.shape, style.colour) for style in LAYERS]
    assert len(set(pairs)) == len(pairs)
    assert len({style.label for style in LAYERS}) == len(LAYERS)

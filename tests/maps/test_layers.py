import json

import pytest

from geo_ukraine import LAYERS, event_map, events_from_records
from geo_ukraine.maps.basemap import VILLAGE_ZOOM
from geo_ukraine.maps.layers import DRAW_FIELDS, REGION_LEVEL, layer_data
from geo_ukraine.maps.styles import POPUP_FIELDS
from tests.maps.test_build import _column, _config


@pytest.fixture(scope="module")
def claims():
    return events_from_records([
        {"event_date": "2026-02-01", "event_type": "territorial_claim", "location": "Sumy region",
         "status": "claimed", "claimed_by": "Russia"},
        {"event_date": "2026-02-02", "event_type": "territorial_claim", "location": "Druzhkivka",
         "status": "claimed", "claimed_by": "Russia"}])


def test_region_level_claim_gets_a_badge_not_a_hatched_oblast(claims):
    data = layer_data(claims, badges=True)
    precision = _column(data, "geo_precision")
    assert precision[0] >= REGION_LEVEL
    assert data["badgeAt"] == [0], "a claim near one town (a buffer around it) has no badge"
    [badge] = data["badges"]
    assert 32 < badge[0] < 36 and 50 < badge[1] < 52, "inside Sumy oblast"
    assert badge[2] == "Sumy region", "the badge is labelled with the place as written"


def test_popup_text_is_apart_from_what_the_page_draws_with():
    events = events_from_records([{
        "event_date": "2026-02-04", "event_type": "shelling", "location": "Nikopol",
        "fatalities": 2, "sentence": "Shelling hit Nikopol.", "notes": "n"}])
    data = layer_data(events)
    assert set(data["columns"]) <= set(DRAW_FIELDS)
    assert {"event_date", "fatalities"} <= set(data["columns"])
    assert {"sentence", "notes", "location", "event_type"} <= set(data["text"])
    assert not set(data["columns"]) & set(data["text"])


def test_villages_are_read_only_when_needed(seed_events):
    from tests.maps.test_build import _lazy

    html = event_map(seed_events).get_root().render()
    config = _lazy(html, "config")
    layers = json.dumps(config["layers"])
    assert '"notes"' not in layers and '"location"' not in layers, \
        "popup text is not parsed up front"
    assert any("notes" in text for text in _lazy(html, "text")), "it is there for popups"
    assert {t[3] for t in config["base"]["towns"]} == {6, 8}
    villages = _lazy(html, "villages")
    assert len(villages) > 10_000 and {t[3] for t in villages} == {VILLAGE_ZOOM}


def test_popups_carry_the_evidence(seed_events):
    assert {"sentence", "source_url", "geo_precision", "claimed_by"} <= set(POPUP_FIELDS)
    events = events_from_records([{
        "event_date": "2026-02-04", "event_type": "shelling", "location": "Nikopol",
        "sentence": "Shelling hit Nikopol overnight.", "source": "Example wire",
        "source_url": "https://example.org/a"}])
    config = _config(event_map(events).get_root().render())
    data = config["layers"][0]["data"]
    assert _column(data, "sentence") == ["Shelling hit Nikopol overnight."]
    assert _column(data, "source_url") == ["https://example.org/a"]
    assert set(config["precision"]) == {"1", "2", "3", "4"}


def test_strike_and_claim_hues_differ():
    claimed = next(s for s in LAYERS if s.key == "claimed")
    strikes = [s for s in LAYERS if s.group in ("Strikes", "Strikes into Russia")]
    assert all(s.colour != claimed.colour for s in strikes)


@pytest.mark.parametrize("option, layer", [("heatmap", "Heatmap"),
                                           ("choropleth", "Events per oblast")])
def test_layers_asked_for_start_visible(seed_events, option, layer):
    import folium

    m = event_map(seed_events, **{option: True})
    groups = [c for c in m._children.values()
              if isinstance(c, folium.FeatureGroup) and c.layer_name == layer]
    assert len(groups) == 1 and groups[0].show
    assert f"{groups[0].get_name()}.addTo(" in m.get_root().render()


def test_a_million_events_are_counted_on_a_grid(monkeypatch):
    from geo_ukraine.maps import build
    from tests.conftest import scattered_events

    monkeypatch.setattr(build, "AGGREGATE_ABOVE", 1000)
    monkeypatch.setattr(build, "DENSE_LAYER", 500)
    many = scattered_events(3000, (30, 38), (46, 51))
    config = _config(event_map(many, reference=False).get_root().render())
    [layer] = config["layers"]
    assert layer["data"]["n"] == 0 and layer["grid"]["n"] == 3000
    for level in layer["grid"]["levels"]:
        assert sum(level["n"]) == 3000
        assert len(level["ix"]) == len(level["iy"]) == len(level["n"])


def test_undated_events_are_counted_on_the_grid_without_moving_its_dates():
    from geo_ukraine.maps.aggregate import grid_summary
    from tests.conftest import scattered_events

    events = scattered_events(40, (30, 30.4), (48, 48.4))
    events["event_date"] = ["2026-01-02"] * 20 + [None] * 20
    coarse = grid_summary(events)["levels"][0]
    assert sum(coarse["n"]) == 40 and grid_summary(events)["dates"] == ["2026-01-02"]
    assert all(first <= last for first, last in zip(coarse["first"], coarse["last"], strict=True))
    alone = grid_summary(events.iloc[20:])["levels"][0]
    assert all(first > last for first, last in zip(alone["first"], alone["last"], strict=True)), \
        "a cell of undated events has no dates"


def test_grid_cells_stay_a_readable_size_from_zoom_6_to_10():
    from geo_ukraine.maps.aggregate import CELL_DEGREES, CELL_FROM_ZOOM, grid_summary
    from tests.conftest import scattered_events

    levels = grid_summary(scattered_events(50, (30, 31), (48, 49)))["levels"]
    assert [level["fromZoom"] for level in levels] == list(CELL_FROM_ZOOM)
    for zoom in range(6, 11):
        size = next(lv["size"] for lv in reversed(levels) if lv["fromZoom"] <= zoom)
        pixels = size / 360 * 256 * 2 ** zoom
        assert 20 <= pixels <= 50, (zoom, size, pixels)
    assert list(CELL_DEGREES) == sorted(CELL_DEGREES, reverse=True)

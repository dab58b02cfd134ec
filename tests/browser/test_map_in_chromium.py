"""The rendered maps in a real headless Chromium: offline, no console errors, safe popups."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from geo_ukraine import event_map, events_from_records, save_map
from tests.browser.conftest import click_map, container_point, hover_map
from tests.conftest import ARTIFACTS, scattered_events

pytestmark = pytest.mark.browser


def _lat_lon(point) -> tuple[float, float]:
    return point.y, point.x


def _open(driver, path: Path) -> tuple[list[dict], list[str]]:
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    # Until the page says its first view is on screen (not a fixed time: a loaded machine
    # takes longer), then a moment for anything it does when idle.
    deadline = time.time() + 60
    while not driver.execute_script(
            "return typeof geoUkraine !== 'undefined' && geoUkraine.drawn !== null"):
        assert time.time() < deadline, "the map was never drawn"
        time.sleep(0.05)
    time.sleep(0.3)
    console = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return console, urls


def test_example_map_opens_offline_with_its_layers(browser, seed_events, tmp_path):
    path = save_map(event_map(seed_events, title="Events in the seed reports"),
                    tmp_path / "seed_map.html", offline=True)
    console, urls = _open(browser, path)
    assert console == []
    # The log holds the browser's own pages too (chrome://... of a start page, loaded at some
    # moment of the first test): only a request that could go over a network counts.
    remote = [u for u in urls if u.split(":", 1)[0].lower() in ("http", "https", "ws", "wss",
                                                                "ftp")]
    assert remote == []
    drawn = browser.execute_script(
        "return geoUkraine.layers.map(function (r) { return r.counts[0]; })")
    located = int(seed_events.geometry.notna().sum())
    assert sum(drawn) >= located
    control = browser.execute_script(
        "return document.querySelector('.leaflet-control-layers').textContent")
    for label in ("Strikes", "Claimed advances", "Civilians killed", "Diplomacy",
                  "Cross-border strikes", "Oblast boundaries"):
        assert label in control
    legend = browser.execute_script("return document.querySelector('.gu-legend').textContent")
    assert "Claimed advances" in legend and "Shelling" in legend
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "seed_map.png"))
    assert (ARTIFACTS / "seed_map.png").stat().st_size > 20_000


def test_time_slider_hides_later_events(browser, seed_events, tmp_path):
    path = save_map(event_map(seed_events), tmp_path / "m.html")
    _open(browser, path)
    count = ("return geoUkraine.layers.reduce(function (n, r) "
             "{ return n + r.counts[0]; }, 0)")
    before = browser.execute_script(count)
    browser.execute_script(
        "var s = document.querySelector('.gu-time input'); s.value = 0;"
        "s.dispatchEvent(new Event('input'));")
    after = browser.execute_script(count)
    shown = browser.execute_script("return document.querySelector('.gu-time output').textContent")
    assert shown == min(seed_events.event_date)
    assert 0 < after < before


def test_script_in_notes_never_runs(browser, tmp_path):
    hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    events = events_from_records([{
        "event_date": "2026-02-04", "event_type": "shelling", "location": "Druzhkivka",
        "notes": hostile, "actor": "<b>bold?</b>", "source_url": "javascript:window.__pwned=3"}])
    path = save_map(event_map(events, title=hostile), tmp_path / "xss.html")
    console, _ = _open(browser, path)
    dx, dy = container_point(browser, *_lat_lon(events.geometry.iloc[0]))
    hover_map(browser, dx, dy)
    click_map(browser, dx, dy)
    popup = browser.execute_script(
        "var p = document.querySelector('.leaflet-popup-content'); return p && p.textContent;")
    assert popup, "a real click opened the popup"
    assert hostile in popup and "<b>bold?</b>" in popup
    assert browser.execute_script("return document.querySelector('.gu-popup a')") is None
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('.gu-popup img').length") == 0
    assert console == []




def test_dense_layer_is_clustered_then_expands(browser, tmp_path):
    n = 3000
    many = scattered_events(n, (35.9, 36.5), (49.8, 50.2), seed=3)
    path = save_map(event_map(many, reference=False), tmp_path / "dense.html")
    console, _ = _open(browser, path)
    assert console == []
    counts = ("return geoUkraine.layers.map(function (r) { return [r.counts[0], "
              "r.counts[1]]; })")
    [[single, clusters]] = browser.execute_script(counts)
    assert single == 0 and 0 < clusters < n
    browser.execute_script(
        "Object.values(window).filter(function (v) { return v instanceof L.Map; })[0]"
        ".setZoom(12, {animate: false});")
    time.sleep(0.3)
    [[single, clusters]] = browser.execute_script(counts)
    assert clusters == 0 and single > 0


_SHOWN = """
return Array.from(document.querySelectorAll(arguments[0])).filter(function (e) {
  return getComputedStyle(e).display !== 'none' &&
    geoUkraine.map.getBounds().contains(geoUkraine.map.layerPointToLatLng(
      L.DomUtil.getPosition(e)));
}).map(function (e) { return e.textContent; });
"""
_RIVER_PATHS = "return geoUkraine.map.guRivers.guDrawn"


def _view(driver, lat: float, lon: float, zoom: int) -> None:
    driver.execute_script("geoUkraine.map.setView([arguments[0], arguments[1]], arguments[2], "
                          "{animate: false});", lat, lon, zoom)
    time.sleep(0.6)


def test_rivers_and_towns_by_zoom(browser, seed_events, tmp_path):
    path = save_map(event_map(seed_events), tmp_path / "rivers.html")
    console, _ = _open(browser, path)
    assert console == []
    _view(browser, 49.0, 34.5, 5)
    paths_far = browser.execute_script(_RIVER_PATHS)
    rivers_far = browser.execute_script(_SHOWN, ".gu-river-label")
    assert rivers_far == [], "no river names at zoom 5"
    _view(browser, 49.0, 34.5, 6)
    assert "Dnipro" in browser.execute_script(_SHOWN, ".gu-river-label")
    towns = browser.execute_script("return geoUkraine.map.guTowns.guShown")
    assert {"Kyiv", "Donetsk", "Kharkiv", "Belgorod"} <= set(towns)
    assert "Bila Tserkva" not in towns and "Kryvyi Rih" not in towns
    _view(browser, 49.3, 37.0, 8)
    assert browser.execute_script(_RIVER_PATHS) > paths_far, "smaller rivers drawn zoomed in"
    names = set(browser.execute_script(_SHOWN, ".gu-river-label"))
    assert {"Siverskyi Donets", "Oskil"} <= names
    towns = browser.execute_script("return geoUkraine.map.guTowns.guShown")
    assert {"Izyum", "Kupyansk"} <= set(towns), "towns of 10,000+ from zoom 8"
    _view(browser, 48.55, 37.7, 10)
    villages = browser.execute_script("return geoUkraine.map.guTowns.guShown")
    assert len(villages) > len(towns) / 2, "villages from zoom 10, crowded names left out"
    browser.save_screenshot(str(ARTIFACTS / "towns_zoom10.png"))
    _view(browser, 49.3, 37.0, 8)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "rivers_zoom8.png"))
    _view(browser, 48.5, 33.0, 6)
    browser.save_screenshot(str(ARTIFACTS / "rivers_zoom6.png"))

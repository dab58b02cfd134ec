"""Maps in a real headless Chromium, used as a person would: controls on a notebook-sized
screen, and events without a date."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from geo_ukraine import event_map, events_from_records, save_map
from tests.browser.conftest import (
    click_map,
    container_point,
    hover_map,
    popup_text,
    start_chromium,
    tooltip_text,
)
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# Places the legend must leave visible on a small screen (lat, lon).
FRONT = {"Donetsk": (48.0, 37.8), "Zaporizhzhia": (47.84, 35.14), "Pokrovsk": (48.28, 37.18),
         "Tokmak": (47.25, 35.71), "Mariupol": (47.1, 37.55)}
UNDATED = {"event_date": None, "date_precision": "unknown"}
NOT_A_DATE = re.compile(r"\b(null|undefined|NaN)\b")


def _wait_drawn(driver, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while not driver.execute_script(
            "return typeof geoUkraine !== 'undefined' && geoUkraine.drawn !== null"):
        assert time.time() < deadline, "the map was never drawn"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def seed_page(seed_events, tmp_path_factory):
    return save_map(event_map(seed_events, title="Seed map"),
                    tmp_path_factory.mktemp("screens") / "seed.html")


def _open(width: int, height: int, path):
    driver, profile = start_chromium(width, height)
    driver.get(path.resolve().as_uri())
    _wait_drawn(driver)
    return driver, profile


def _close(driver, profile) -> None:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _shown(driver, selector: str) -> bool:
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]);"
        "if (!e) { return false; } var r = e.getBoundingClientRect();"
        "return e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})"
        " && r.width > 0 && r.height > 0;",
        selector)


def _click(driver, selector: str) -> None:
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, selector))\
        .click().perform()
    time.sleep(0.3)


def _legend_open(driver) -> bool:
    return driver.execute_script("return document.querySelector('.gu-legend').open")


def _covered_by_legend(driver) -> list[str]:
    """The front-line places on screen whose spot the legend covers."""
    covered = []
    for name, (lat, lon) in FRONT.items():
        dx, dy = container_point(driver, lat, lon)
        hit = driver.execute_script(
            "var c = geoUkraine.map.getContainer().getBoundingClientRect();"
            "var x = c.left + c.width / 2 + arguments[0], y = c.top + c.height / 2 + arguments[1];"
            "if (x < c.left || y < c.top || x > c.right || y > c.bottom) { return null; }"
            "var e = document.elementFromPoint(x, y); return !!(e && e.closest('.gu-legend'));",
            dx, dy)
        if hit:
            covered.append(name)
    return covered


def test_controls_are_buttons_on_a_notebook_screen(seed_page):
    driver, profile = _open(1100, 660, seed_page)
    try:
        assert driver.execute_script("return window.innerWidth") < 1200
        # The layer control is a button: its list opens and closes with it.
        assert _shown(driver, ".leaflet-control-layers .gu-fold")
        assert not _shown(driver, ".leaflet-control-layers-list")
        _click(driver, ".leaflet-control-layers .gu-fold")
        assert _shown(driver, ".leaflet-control-layers-list")
        assert driver.find_element(By.CSS_SELECTOR, ".gu-fold").get_attribute(
            "aria-expanded") == "true"
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "notebook_layers_open.png"))
        _click(driver, ".leaflet-control-layers .gu-fold")
        assert not _shown(driver, ".leaflet-control-layers-list")
        # The legend is a button too (its summary), closed, and then covers no front line.
        assert not _legend_open(driver)
        assert not _shown(driver, ".gu-legend ul")
        assert _covered_by_legend(driver) == []
        driver.save_screenshot(str(ARTIFACTS / "notebook_controls_folded.png"))
        _click(driver, ".gu-legend summary")
        assert _legend_open(driver) and _shown(driver, ".gu-legend ul")
        driver.save_screenshot(str(ARTIFACTS / "notebook_legend_open.png"))
        _click(driver, ".gu-legend summary")
        assert not _legend_open(driver)
    finally:
        _close(driver, profile)


def test_controls_are_open_on_a_wide_screen(seed_page):
    driver, profile = _open(1400, 900, seed_page)
    try:
        assert not _shown(driver, ".leaflet-control-layers .gu-fold")
        assert _shown(driver, ".leaflet-control-layers-list")
        assert _legend_open(driver) and _shown(driver, ".gu-legend ul")
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "wide_controls_open.png"))
    finally:
        _close(driver, profile)


@pytest.fixture(scope="module")
def undated_page(tmp_path_factory):
    events = events_from_records([
        {**UNDATED, "event_type": "shelling", "location": "Nikopol", "notes": "first"},
        {**UNDATED, "event_type": "drone_strike", "location": "Nikopol", "notes": "second"},
        {**UNDATED, "event_type": "missile_strike", "location": "Kharkiv region",
         "notes": "an undated strike somewhere in the region"},
        {"event_date": "2026-02-01", "event_type": "shelling", "location": "Kherson"},
        {"event_date": "2026-02-03", "event_type": "shelling", "location": "Sumy"}])
    path = save_map(event_map(events), tmp_path_factory.mktemp("undated") / "undated.html")
    driver, profile = _open(1400, 900, path)
    yield driver, events
    _close(driver, profile)


def _popup_at(driver, lat: float, lon: float) -> tuple[str, str]:
    dx, dy = container_point(driver, lat, lon)
    hover_map(driver, dx, dy)
    tip = tooltip_text(driver) or ""
    click_map(driver, dx, dy)
    return tip, popup_text(driver) or ""


def test_undated_point_events_say_their_date_is_unknown(undated_page):
    driver, events = undated_page
    point = events.geometry.iloc[0]
    tip, text = _popup_at(driver, point.y, point.x)
    assert text.startswith("2 events here"), text
    assert text.count("date unknown") == 2 and "first" in text and "second" in text
    assert "date unknown" in tip and "+1 more here" in tip
    assert not NOT_A_DATE.search(text + tip), text + tip
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "popup_undated_point.png"))


def test_undated_area_event_says_its_date_is_unknown(undated_page):
    driver, _ = undated_page
    driver.refresh()
    _wait_drawn(driver)
    # Inside Kharkiv oblast, away from the towns that carry other events.
    tip, text = _popup_at(driver, 49.6, 37.3)
    assert "Missile strike" in text and "undated strike" in text, text
    assert "date unknown" in text and "date unknown" in tip
    assert not NOT_A_DATE.search(text + tip), text + tip
    driver.save_screenshot(str(ARTIFACTS / "popup_undated_area.png"))


def test_time_slider_keeps_undated_events(undated_page):
    driver, _ = undated_page
    driver.refresh()
    _wait_drawn(driver)
    drawn = "return geoUkraine.layers.reduce(function (n, r) { return n + r.counts[0]; }, 0)"
    before = driver.execute_script(drawn)
    slider = driver.find_element(By.CSS_SELECTOR, ".gu-time input")
    # A person clicks the slider at its left end, the earliest date.
    ActionChains(driver).move_to_element_with_offset(slider, -slider.size["width"] // 2 + 1, 0)\
        .click().perform()
    time.sleep(0.3)
    shown = driver.find_element(By.CSS_SELECTOR, ".gu-time output").text
    assert shown == "2026-02-01"
    assert driver.execute_script(drawn) == before - 1, "only the later dated event goes"


def test_grid_cell_of_undated_events_says_dates_unknown(monkeypatch, tmp_path):
    from geo_ukraine.maps import build

    # Any map counts its point layers on a grid (as maps of a million events do).
    monkeypatch.setattr(build, "AGGREGATE_ABOVE", 0)
    monkeypatch.setattr(build, "DENSE_LAYER", 0)
    events = events_from_records([{**UNDATED, "event_type": "shelling", "location": "Nikopol"}
                                  for _ in range(3)])
    path = save_map(event_map(events), tmp_path / "grid.html")
    driver, profile = _open(1400, 900, path)
    try:
        point = events.geometry.iloc[0]
        tip, text = _popup_at(driver, point.y, point.x)
        assert text.startswith("3 events: Shelling"), text
        assert "Datesunknown" in text and "3 events" in tip
        assert not NOT_A_DATE.search(text + tip), text + tip
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "popup_undated_grid.png"))
    finally:
        _close(driver, profile)


def test_popup_opens_at_the_point_clicked(undated_page):
    driver, events = undated_page
    driver.refresh()
    _wait_drawn(driver)
    sumy = events.geometry.iloc[4]  # the last point of its layer, not the first
    _, text = _popup_at(driver, sumy.y, sumy.x)
    assert "Sumy" in text, text
    lat, lon = driver.execute_script(
        "var p = geoUkraine.map._popup.getLatLng(); return [p.lat, p.lng];")
    assert abs(lat - sumy.y) < 0.05 and abs(lon - sumy.x) < 0.05, "anchored at Sumy"

"""A person's clicks and hovers on the seed map: every event type reachable, stacked ones too."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from geo_ukraine import event_map, save_map
from geo_ukraine.maps.styles import EVENT_LABELS
from tests.browser.conftest import (
    click_map,
    close_popup,
    container_point,
    hover_map,
    popup_text,
    tooltip_text,
    wait_ready,
)
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_page(browser, seed_events, tmp_path_factory):
    path = save_map(event_map(seed_events, title="Seed map"),
                    tmp_path_factory.mktemp("clicks") / "seed.html")
    browser.get(path.resolve().as_uri())
    wait_ready(browser)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.seed_url = path.resolve().as_uri()
    return browser


def _kinds(events, geom_types):
    rows = events[events.geometry.geom_type.isin(geom_types)]
    return sorted({(r.event_type, r.Index) for r in rows.itertuples()},
                  key=lambda pair: pair[0])


def _first_per_type(pairs):
    seen = {}
    for event_type, index in pairs:
        seen.setdefault(event_type, index)
    return sorted(seen.items())


def _zoom_out_until_visible(driver, lat, lon):
    from selenium.webdriver.common.by import By

    for _ in range(4):
        dx, dy = container_point(driver, lat, lon)
        w, h = driver.execute_script("var s = geoUkraine.map.getSize(); return [s.x, s.y];")
        if abs(dx) < w / 2 - 260 and abs(dy) < h / 2 - 60:
            return
        from selenium.webdriver.common.action_chains import ActionChains

        button = driver.find_element(By.CSS_SELECTOR, ".leaflet-control-zoom-out")
        ActionChains(driver).move_to_element(button).click().perform()
        import time

        time.sleep(0.6)


def _candidates(geometry, n=40):
    """Points inside an area, its representative point first, then a grid."""
    yield geometry.representative_point()
    minx, miny, maxx, maxy = geometry.bounds
    steps = 7
    for i in range(steps):
        for j in range(steps):
            p = Point(minx + (i + 0.5) * (maxx - minx) / steps,
                      miny + (j + 0.5) * (maxy - miny) / steps)
            if geometry.contains(p):
                yield p


def _reset(driver):
    from selenium.webdriver.common.keys import Keys

    close_popup(driver)
    driver.find_element("css selector", ".leaflet-container").send_keys(Keys.ESCAPE)


@pytest.mark.parametrize("geom_types, kind", [(("Point",), "point"),
                                              (("Polygon", "MultiPolygon"), "area")])
def test_every_event_type_opens_its_popup_and_tooltip(seed_page, seed_events, geom_types, kind):
    driver = seed_page
    missing = []
    for event_type, index in _first_per_type(_kinds(seed_events, geom_types)):
        event = seed_events.loc[index]
        label = EVENT_LABELS[event_type]
        driver.get(driver.seed_url)  # each event sought from the map as it opens
        wait_ready(driver)
        found = False
        for point in _candidates(event.geometry):
            _zoom_out_until_visible(driver, point.y, point.x)
            dx, dy = container_point(driver, point.y, point.x)
            w, h = driver.execute_script("var s = geoUkraine.map.getSize(); return [s.x, s.y];")
            if not box(-w / 2 + 300, -h / 2 + 40, w / 2 - 330, h / 2 - 40).contains(
                    Point(dx, dy)):
                continue  # under the controls: a person would pan; try another spot
            hover_map(driver, dx, dy)
            tip = tooltip_text(driver) or ""
            click_map(driver, dx, dy)
            text = popup_text(driver) or ""
            if label in text and event["location"] in text:
                assert label in tip or "more here" in tip or tip, (event_type, tip)
                driver.save_screenshot(str(ARTIFACTS / f"popup_{kind}_{event_type}.png"))
                found = True
                _reset(driver)
                break
            _reset(driver)
        if not found:
            missing.append(event_type)
    assert missing == []


def test_three_events_at_one_point_are_all_reachable(seed_page, seed_events):
    driver = seed_page
    kyiv = seed_events[(seed_events.location == "Kyiv")
                       & (seed_events.geometry.geom_type == "Point")]
    assert len(kyiv) == 3
    point = kyiv.geometry.iloc[0]
    dx, dy = container_point(driver, point.y, point.x)
    hover_map(driver, dx, dy)
    assert "+2 more here" in (tooltip_text(driver) or "")
    click_map(driver, dx, dy)
    text = popup_text(driver) or ""
    assert text.startswith("3 events here")
    for event in kyiv.itertuples():
        assert EVENT_LABELS[event.event_type] in text and event.notes in text
    driver.save_screenshot(str(ARTIFACTS / "popup_stacked_kyiv.png"))
    _reset(driver)

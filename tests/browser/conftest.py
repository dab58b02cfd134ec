"""A headless Chromium for the browser tests, and helpers that act as a person would."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def start_chromium(width: int = 1400, height: int = 900):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("Debian chromium and chromium-driver are needed: apt-get install chromium "
                    "chromium-driver (.ci/run does this)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="gu-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    return driver, profile


@pytest.fixture(scope="module")
def browser():
    driver, profile = start_chromium()
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_ready(driver, timeout: float = 60) -> None:
    """Wait until the page says its first view is on screen (``geoUkraine.drawn``).

    Not a fixed time: a loaded machine takes longer. A page without the event script's
    ``drawn`` mark counts as drawn once ``geoUkraine`` exists. Then a moment for idle work.
    """
    deadline = time.time() + timeout
    while not (driver.execute_script("return document.readyState") == "complete"
               and driver.execute_script("return typeof geoUkraine !== 'undefined' && "
                                         "geoUkraine.drawn !== null")):
        assert time.time() < deadline, "the map was never drawn"
        time.sleep(0.05)
    time.sleep(0.2)


def container_point(driver, lat: float, lon: float) -> tuple[float, float]:
    """Where a place is on screen, relative to the map's centre (reading, not acting)."""
    x, y, w, h = driver.execute_script(
        "var p = geoUkraine.map.latLngToContainerPoint([arguments[0], arguments[1]]);"
        "var s = geoUkraine.map.getSize(); return [p.x, p.y, s.x, s.y];", lat, lon)
    return x - w / 2, y - h / 2


def click_map(driver, dx: float, dy: float) -> None:
    """A real mouse click at an offset from the map's centre."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    area = driver.find_element(By.CSS_SELECTOR, ".leaflet-container")
    ActionChains(driver).move_to_element_with_offset(area, int(dx), int(dy)).click().perform()
    time.sleep(0.35)


def hover_map(driver, dx: float, dy: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    area = driver.find_element(By.CSS_SELECTOR, ".leaflet-container")
    ActionChains(driver).move_to_element_with_offset(area, int(dx), int(dy) + 3)\
        .move_by_offset(0, -3).perform()
    time.sleep(0.35)


def popup_text(driver) -> str | None:
    return driver.execute_script(
        "var p = document.querySelector('.leaflet-popup-content'); return p && p.textContent;")


def tooltip_text(driver) -> str | None:
    return driver.execute_script(
        "var t = document.querySelectorAll('.leaflet-tooltip'); "
        "return t.length ? t[t.length - 1].textContent : null;")


def close_popup(driver) -> None:
    from selenium.webdriver.common.by import By

    buttons = driver.find_elements(By.CSS_SELECTOR, ".leaflet-popup-close-button")
    if buttons:
        buttons[0].click()
        time.sleep(0.2)

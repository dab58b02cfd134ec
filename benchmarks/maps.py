"""Maps of 100,000 and 1,000,000 events: build time, size, browser load, zoom, heap; with peers.

Run: ``python3 benchmarks/maps.py [N]`` (default 100,000 events; the aggregated run uses 10 N).
Peers measured in the same run: folium's ``FastMarkerCluster`` on the same N points (no
per-event popups or styling), and the plain folium way, one ``folium.CircleMarker`` with a popup
per event, on a tenth of the events (it scales linearly and takes minutes at full size).
Browser figures come from headless Chromium when ``chromium`` and ``chromedriver`` are there:
the time until the first view is drawn, on the page's clock (from the start of navigation to
the frame after the one whose canvases drew the layers: ``geoUkraine.drawn``, set by the page)
and on the wall clock (``driver.get`` and the wait, so with chromedriver's own overhead); the
slowest of a zoom to levels 8, 10 and 12 and a pan at 12 (until the next frame is painted);
the JS heap after them. The renderer's main-thread CPU time (DevTools ``ThreadTime``) is
printed beside the first view and each step: it changes least when others load the machine.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
from shapely.geometry import Point

import geo_ukraine as gu
from geo_ukraine.events import EVENT_TYPES

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-precise-memory-info")
# Zoom or pan, then wait for the frame that shows it; the zoom reached is returned too (Leaflet
# ignores a setView while a zoom animation runs: a step that did not happen must not count).
_STEP = """
var done = arguments[arguments.length - 1], map = geoUkraine.map, t = performance.now();
if (arguments[0] === "pan") { map.panBy([300, 200], {animate: false}); }
else { map.setView([48.5, 34.5], arguments[0], {animate: false}); }
requestAnimationFrame(function () { requestAnimationFrame(function () {
  done([performance.now() - t, map.getZoom()]); }); });
"""
# The page has settled: no zoom animation (an animated initial fit) still running.
_SETTLED = "return !geoUkraine.map._animatingZoom"
# The first view is drawn (the page's own mark, in ms from the start of navigation).
_DRAWN = """
var done = arguments[arguments.length - 1];
(function wait() {
  if (typeof geoUkraine !== "undefined" && geoUkraine.drawn) { done(geoUkraine.drawn); }
  else { setTimeout(wait, 5); }
})();
"""


def synthetic_events(n: int, rng: np.random.Generator) -> gpd.GeoDataFrame:
    template = gu.events_from_records([{"event_date": "2026-01-01", "event_type": "shelling",
                                        "location": "Kharkiv"}])
    frame = template.loc[template.index.repeat(n)].reset_index(drop=True)
    frame["event_type"] = rng.choice([t for t in EVENT_TYPES if t != "other"], n)
    frame["event_date"] = [f"2026-01-{d:02d}" for d in rng.integers(1, 29, n)]
    frame["fatalities"] = rng.integers(0, 5, n)
    frame["notes"] = [f"Synthetic event {i} for the benchmark" for i in range(n)]
    frame["event_id"] = [f"bench-{i}" for i in range(n)]
    frame["geometry"] = [Point(x, y) for x, y in zip(rng.uniform(30, 39, n),
                                                      rng.uniform(46, 51, n), strict=True)]
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


def _driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp()}")
    options.add_argument("--window-size=1400,900")
    options.binary_location = shutil.which("chromium")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def _metric(driver: Any, name: str) -> float:
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return float(next(m["value"] for m in metrics if m["name"] == name))


def _steps(driver: Any) -> tuple[list[float], list[float]]:
    """Each zoom/pan step's time to its painted frame (ms), and the page's main-thread CPU
    time in it (ms: what a loaded machine changes least)."""
    steps, cpu = [], []
    for step in (8, 10, 12, "pan"):
        before = _metric(driver, "ThreadTime")
        ms, zoom = driver.execute_async_script(_STEP, step)
        cpu.append(1000 * (_metric(driver, "ThreadTime") - before))
        if step != "pan" and zoom != step:
            msg = f"the map stayed at zoom {zoom} when asked for {step}"
            raise RuntimeError(msg)
        steps.append(ms)
    return steps, cpu


def browser_figures(path: Path, interact: bool = True,
                    timeout: float = 300.0) -> dict[str, Any] | None:
    """Seconds to the first view drawn (page and wall clock); with ``interact`` the slowest
    zoom/pan (ms), each step's time and main-thread CPU time, and the JS heap (MB)."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return None
    driver = _driver()
    try:
        driver.set_page_load_timeout(timeout)
        driver.set_script_timeout(timeout)
        # On the tab chromedriver opened (no navigation of ours before the page's).
        driver.execute_cdp_cmd("Performance.enable", {"timeDomain": "threadTicks"})
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())
        drawn_ms = driver.execute_async_script(_DRAWN)
        out = {"ready_s": drawn_ms / 1000, "wall_s": time.perf_counter() - start,
               "ready_cpu_s": _metric(driver, "ThreadTime")}
        if interact:
            while not driver.execute_script(_SETTLED):
                time.sleep(0.05)
            out["steps_ms"], out["steps_cpu_ms"] = _steps(driver)
            out["slowest_ms"] = max(out["steps_ms"])
            out["zoom10_ms"] = out["steps_ms"][1]
            out["heap_mb"] = _metric(driver, "JSHeapUsedSize") / 1e6
        return out
    finally:
        driver.quit()


def _ours(events: gpd.GeoDataFrame, out: Path, name: str) -> None:
    n = len(events)
    t = time.perf_counter()
    m = gu.event_map(events, reference=False)
    path = gu.save_map(m, out / f"{name}.html", offline=True)
    elapsed = time.perf_counter() - t
    size = path.stat().st_size / 1e6
    print(f"geo_ukraine event_map + save_map, {n:,} events: {elapsed:6.2f} s, {size:6.1f} MB "
          f"({size * 1e6 / n:,.0f} bytes/event)")
    figures = browser_figures(path)
    if figures:
        print(f"  headless Chromium: drawn {figures['ready_s']:.2f} s (wall clock "
              f"{figures['wall_s']:.2f} s; main-thread CPU {figures['ready_cpu_s']:.2f} s); "
              f"zoom to 10 {figures['zoom10_ms']:.0f} ms; slowest zoom/pan "
              f"{figures['slowest_ms']:.0f} ms (8, 10, 12, pan: "
              f"{', '.join(f'{ms:.0f}' for ms in figures['steps_ms'])}; main-thread CPU "
              f"{', '.join(f'{ms:.0f}' for ms in figures['steps_cpu_ms'])}); "
              f"JS heap {figures['heap_mb']:.0f} MB")


def _empty_page(out: Path) -> None:
    """The floor under the browser figures: a page that only marks its first frame drawn."""
    path = out / "empty.html"
    path.write_text("<html><body><script>var geoUkraine = {drawn: null};"
                    "requestAnimationFrame(function () { requestAnimationFrame(function () {"
                    "geoUkraine.drawn = performance.now(); }); });</script></body></html>")
    figures = browser_figures(path, interact=False)
    if figures:
        print(f"  the floor, an empty page: drawn {figures['ready_s']:.2f} s (wall clock "
              f"{figures['wall_s']:.2f} s, chromedriver's own overhead in it; main-thread CPU "
              f"{figures['ready_cpu_s']:.2f} s)")


def _fast_marker_cluster(events: gpd.GeoDataFrame, out: Path) -> None:
    import folium
    from folium.plugins import FastMarkerCluster

    t = time.perf_counter()
    peer = folium.Map(location=(48.5, 34), zoom_start=6)
    FastMarkerCluster([[p.y, p.x] for p in events.geometry]).add_to(peer)
    peer.save(str(out / "fast.html"))
    elapsed = time.perf_counter() - t
    size = (out / "fast.html").stat().st_size / 1e6
    print(f"folium FastMarkerCluster, {len(events):,} events: {elapsed:6.2f} s, {size:6.1f} MB "
          "(no per-event popup or styling)")


def _circle_markers(events: gpd.GeoDataFrame, out: Path, n: int) -> None:
    import folium

    k = max(len(events) // 10, 1)
    sample = events.iloc[:k]
    t = time.perf_counter()
    peer = folium.Map(location=(48.5, 34), zoom_start=6)
    for row in sample.itertuples():
        folium.CircleMarker([row.geometry.y, row.geometry.x], radius=5,
                            popup=folium.Popup(f"{row.event_type} {row.event_date} {row.notes}"),
                            ).add_to(peer)
    peer.save(str(out / "peer.html"))
    elapsed = time.perf_counter() - t
    size = (out / "peer.html").stat().st_size / 1e6
    print(f"folium one CircleMarker per event, {k:,} events: {elapsed:6.1f} s, {size:6.1f} MB "
          f"({size * 1e6 / k:,.0f} bytes/event); x{n // k} for {n:,}: ~{elapsed * n / k:,.0f} s")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = np.random.default_rng(6)
    events = synthetic_events(n, rng)
    gu.event_map(gu.empty_events())  # the basemap and gazetteer load once per process
    out = Path(tempfile.mkdtemp())
    _ours(events, out, "many")
    _empty_page(out)
    _fast_marker_cluster(events, out)
    _circle_markers(events, out, n)
    many = synthetic_events(10 * n, np.random.default_rng(7))
    _ours(many, out, "aggregated")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

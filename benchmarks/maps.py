"""Map building at 100,000 events: time, HTML size and browser load, beside plain folium markers.

Run: ``python3 benchmarks/maps.py [N]`` (default 100,000 events). The peer is the plain folium
way (one ``folium.CircleMarker`` with a popup per event), measured in the same run on a
tenth of the events because it scales linearly and takes minutes at full size. Browser load
is measured in headless Chromium when ``/usr/bin/chromium`` and ``chromedriver`` are there.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
from shapely.geometry import Point

import geo_ukraine as gu
from geo_ukraine.events import EVENT_TYPES


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


def browser_load_seconds(path: Path, ready: str = "typeof geoUkraine !== 'undefined'",
                         timeout: float = 300.0) -> float | None:
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp()}")
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.set_page_load_timeout(timeout)
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())
        while not driver.execute_script(f"return {ready}"):
            if time.perf_counter() - start > timeout:
                return None
            time.sleep(0.05)
        return time.perf_counter() - start
    finally:
        driver.quit()


def main() -> int:
    import folium

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = np.random.default_rng(6)
    events = synthetic_events(n, rng)
    out = Path(tempfile.mkdtemp())
    t = time.perf_counter()
    m = gu.event_map(events, reference=False)
    path = gu.save_map(m, out / "many.html", offline=True)
    ours = time.perf_counter() - t
    size = path.stat().st_size / 1e6
    print(f"geo_ukraine event_map + save_map, {n:,} events: {ours:6.1f} s, "
          f"{size:6.1f} MB ({size * 1e6 / n:,.0f} bytes/event)")
    load = browser_load_seconds(path)
    if load is not None:
        print(f"  headless Chromium load to ready:            {load:6.1f} s")

    k = max(n // 10, 1)
    sample = events.iloc[:k]
    t = time.perf_counter()
    peer = folium.Map(location=(48.5, 34), zoom_start=6)
    for row in sample.itertuples():
        folium.CircleMarker([row.geometry.y, row.geometry.x], radius=5,
                            popup=folium.Popup(f"{row.event_type} {row.event_date} {row.notes}"),
                            ).add_to(peer)
    peer.save(str(out / "peer.html"))
    elapsed = time.perf_counter() - t
    psize = (out / "peer.html").stat().st_size / 1e6
    print(f"folium one CircleMarker per event, {k:,} events: {elapsed:6.1f} s, {psize:6.1f} MB "
          f"({psize * 1e6 / k:,.0f} bytes/event); x{n // k} for {n:,}: ~{elapsed * n / k:,.0f} s")
    load = browser_load_seconds(out / "peer.html", ready="document.readyState === 'complete'")
    if load is not None:
        print(f"  headless Chromium load to readyState complete (its CDN assets cannot load "
              f"here, so this is a lower bound): {load:6.1f} s")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Diff two whole-front control snapshots (100,000+ vertices each) and split it by oblast.

Run: ``python3 benchmarks/territory.py``. The snapshots are synthetic but front-shaped: the
area east of a 100,000-vertex random-walk front line from 52.5°N to 45.5°N, and the same with
the line moved west in a few sectors. Measured beside it: the naive approach,
``geopandas.overlay`` for the gained/lost parts and again against the oblasts, areas after
``to_crs``.
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import shapely
from shapely.geometry import Polygon

import geo_ukraine as gu
from geo_ukraine.territory import TERRITORY_CRS, changes, snapshot_from_geometry

N = 100_000


def front_line(rng: np.random.Generator, shift: np.ndarray | None = None) -> np.ndarray:
    lat = np.linspace(52.5, 45.5, N)
    lon = 37.0 + 1.2 * np.sin((lat - 45.5) * 1.3) + np.cumsum(rng.normal(0, 0.004, N))
    if shift is not None:
        lon = lon + shift
    return np.column_stack([lon, lat])


def snapshot(line: np.ndarray, date: str):
    return snapshot_from_geometry(Polygon([*line.tolist(), (41.0, 45.5), (41.0, 52.5)]), date)


def naive(before, after) -> tuple[float, float, int]:
    import geopandas as gpd

    b = gpd.GeoDataFrame({"side": ["before"]}, geometry=[before.geometry], crs="EPSG:4326")
    a = gpd.GeoDataFrame({"side": ["after"]}, geometry=[after.geometry], crs="EPSG:4326")
    gained = gpd.overlay(a, b, how="difference")
    lost = gpd.overlay(b, a, how="difference")
    units = [p for p in gu.Gazetteer.default().places("admin1")
             if p.country in ("UA", "RU", "BY")]
    oblasts = gpd.GeoDataFrame({"admin1": [p.admin1 for p in units]},
                               geometry=[p.geometry for p in units], crs="EPSG:4326")
    g = gpd.overlay(gained, oblasts, how="intersection").to_crs(TERRITORY_CRS)
    lo = gpd.overlay(lost, oblasts, how="intersection").to_crs(TERRITORY_CRS)
    return g.area.sum() / 1e6, lo.area.sum() / 1e6, len(set(g.admin1) | set(lo.admin1))


def main() -> int:
    rng = np.random.default_rng(2026)
    base = front_line(rng)
    shift = np.zeros(N)
    for start in rng.integers(0, N - 4000, 6):
        shift[start:start + 4000] -= np.hanning(4000) * rng.uniform(0.02, 0.08)
    before = snapshot(base, "2026-01-27")
    after = snapshot(base + np.column_stack([shift, np.zeros(N)]), "2026-02-03")
    vertices = [shapely.get_num_coordinates(s.geometry) for s in (before, after)]
    print(f"snapshots: {vertices[0]:,} and {vertices[1]:,} vertices; "
          f"before {before.area_km2:,.0f} km2")
    changes(before, after)  # warm the oblast index and the projection
    ours = []
    for _ in range(3):
        t = time.perf_counter()
        change = changes(before, after)
        ours.append(time.perf_counter() - t)
    print(f"geo_ukraine.changes + by-oblast  median {statistics.median(ours):6.2f} s "
          f"(target <= 2 s): gained {change.gained_km2:,.1f} km2, lost {change.lost_km2:,.1f} "
          f"km2 ({change.by_oblast.gained_km2.sum():,.1f} km2 of it on land in "
          f"{len(change.by_oblast)} oblasts)")
    t = time.perf_counter()
    g, lo, n = naive(before, after)
    elapsed = time.perf_counter() - t
    print(f"naive geopandas.overlay          {elapsed:6.2f} s: gained {g:,.1f} km2 on land, "
          f"lost {lo:,.1f} km2, {n} oblasts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

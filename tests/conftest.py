"""Shared fixtures: an isolated cache directory, the default gazetteer, the seed articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import geo_ukraine

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GEONAMES_DUMP = SHARED / "geonames" / "UA.zip"
DATA = Path(__file__).resolve().parent / "data"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never read or write the user's real cache (overlay, online-geocoder answers)."""
    before = geo_ukraine.settings.cache_dir
    geo_ukraine.configure(cache_dir=tmp_path_factory.mktemp("cache"))
    yield
    geo_ukraine.configure(cache_dir=before, offline=True)


@pytest.fixture(scope="session")
def gaz() -> geo_ukraine.Gazetteer:
    return geo_ukraine.Gazetteer.from_embedded(overlay=False)


@pytest.fixture(scope="session")
def seed_events():
    return geo_ukraine.read_events(ROOT / "examples" / "seed_events.yaml")


def need_shared(path: Path) -> Path:
    """``path`` under ../shared, or skip with the reason (fail under CI, which has ../shared)."""
    if not path.exists():
        msg = f"{path} is missing: it lives in ../shared beside the checkout (CI has it)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    need_shared(SEEDS)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def scattered_events(n: int, lon: tuple[float, float], lat: tuple[float, float], *,
                     event_type: str = "drone_strike", seed: int = 1):
    """``n`` events of one type at random points in a lon/lat box (for scale tests)."""
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import Point

    rng = np.random.default_rng(seed)
    one = geo_ukraine.events_from_records([{"event_date": "2026-01-01",
                                            "event_type": event_type, "location": "Kharkiv"}])
    many = gpd.GeoDataFrame(one.loc[one.index.repeat(n)].reset_index(drop=True),
                            crs="EPSG:4326")
    many["geometry"] = [Point(x, y) for x, y in zip(rng.uniform(*lon, n), rng.uniform(*lat, n),
                                                     strict=True)]
    return many

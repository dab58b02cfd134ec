"""Per-oblast splits and shares of a country."""

import pytest
from shapely.geometry import box

import geo_ukraine as gu
from geo_ukraine import snapshot_from_geometry
from geo_ukraine.territory import by_oblast


def test_by_oblast_splits_a_sector_that_crosses_a_border():
    sector = box(36.0, 47.3, 37.6, 47.9)  # straddles Zaporizhzhia and Donetsk oblasts
    table = by_oblast(snapshot_from_geometry(sector, "2026-02-03"))
    assert set(table.admin1) >= {"UA.05", "UA.26"}
    assert table.km2.sum() == pytest.approx(gu.area_km2(sector), rel=1e-3)
    assert list(table.columns) == ["admin1", "name", "km2", "mi2"]


def test_share_of_ukraine():
    crimea = snapshot_from_geometry(gu.region("Crimea"), "2026-02-03")
    share = gu.share_of_country(crimea)
    assert 0.04 < share < 0.05  # 27,000 of 603,500 km²
    assert gu.share_of_country(gu.region("Ukraine")) == pytest.approx(1.0, abs=1e-6)

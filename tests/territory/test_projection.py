"""Areas in the equal-area projection against geodesic areas; units and holes."""

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Polygon, box

import geo_ukraine as gu
from geo_ukraine import snapshot_from_geometry
from geo_ukraine.territory import KM2_PER_MI2, SEGMENT_DEGREES

GEOD = Geod(ellps="WGS84")


def geod_km2(geom):
    dense = shapely.orient_polygons(shapely.segmentize(geom, SEGMENT_DEGREES))
    return abs(GEOD.geometry_area_perimeter(dense)[0]) / 1e6


@pytest.mark.parametrize(
    "geom",
    [box(37.50, 48.60, 37.55, 48.63),                      # a village's fields
     box(37.0, 47.5, 38.5, 48.5),                          # a front sector
     gu.region("Zaporizhzhia region"),                     # an oblast
     Polygon([(35, 47), (39, 47.2), (38, 49.5), (36, 49)], [[(36.5, 48), (37, 48),
                                                              (37, 48.5), (36.5, 48)]])],
)
def test_areas_agree_with_geodesic_within_0_1_percent(geom):
    assert gu.area_km2(geom) == pytest.approx(geod_km2(geom), rel=1e-3)


def test_units_and_holes():
    outer = box(37, 48, 38, 49)
    hole = box(37.4, 48.4, 37.6, 48.6)
    snap = snapshot_from_geometry(Polygon(outer.exterior.coords, [hole.exterior.coords]),
                                  "2026-02-03")
    assert snap.area_km2 == pytest.approx(gu.area_km2(outer) - gu.area_km2(hole), rel=1e-6)
    assert snap.area_mi2 == pytest.approx(snap.area_km2 / 2.589988, rel=1e-6)
    assert pytest.approx(1.609344**2) == KM2_PER_MI2

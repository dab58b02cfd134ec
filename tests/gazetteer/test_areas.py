"""Buffers on the ground: a point's circle and a line's band, in kilometres."""

from __future__ import annotations

import math

import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point

from geo_ukraine.gazetteer import buffer_km, geodesic_circle, reproject

WGS84 = Geod(ellps="WGS84")


@pytest.mark.parametrize(("lon", "lat", "radius_km"),
                         [(35.83, 47.44, 3.0), (30.52, 50.45, 0.5), (37.62, 55.75, 50.0),
                          (33.5, 69.0, 10.0)])
def test_every_vertex_of_a_point_buffer_is_the_radius_away(lon, lat, radius_km):
    ring = buffer_km(Point(lon, lat), radius_km).exterior.coords
    assert len(ring) == 129
    for x, y in ring:
        _, _, metres = WGS84.inv(lon, lat, x, y)
        assert metres == pytest.approx(radius_km * 1000.0, rel=1e-9)


def test_a_point_buffer_is_the_ring_of_the_projected_buffer():
    """The geodesic circle and the buffer drawn in a centred aeqd projection coincide."""
    lon, lat = 36.2, 50.0
    local = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    projected = reproject(Point(lon, lat), "EPSG:4326", local).buffer(10_000.0, quad_segs=32)
    expected = reproject(projected, local, "EPSG:4326")
    got = buffer_km(Point(lon, lat), 10.0)
    for (x, y), (ex, ey) in zip(got.exterior.coords, expected.exterior.coords, strict=True):
        assert math.isclose(x, ex, abs_tol=1e-9) and math.isclose(y, ey, abs_tol=1e-9)


def test_a_line_buffer_reaches_the_radius_on_both_sides():
    band = buffer_km(LineString([(30.0, 50.0), (31.0, 50.0)]), 20.0)
    assert band.contains(Point(30.5, 50.17))      # about 19 km north of the line
    assert not band.contains(Point(30.5, 50.2))   # about 22 km north


def test_a_circle_of_no_radius_is_refused():
    with pytest.raises(ValueError, match="above 0 km"):
        geodesic_circle(30.0, 50.0, 0.0)

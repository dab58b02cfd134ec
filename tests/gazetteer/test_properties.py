"""Property-based checks (hypothesis) on the pieces that see arbitrary input."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

import geo_ukraine as gu
from geo_ukraine.errors import InvalidNameError
from geo_ukraine.gazetteer.names import normalize, skeleton

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(TEXT)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(TEXT)
def test_skeleton_is_ascii_letters(text):
    key = skeleton(text)
    assert key == "" or (key.isascii() and key.isalpha() and key.islower())


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(TEXT, st.none(), st.integers(), st.floats()))
def test_resolve_answers_or_refuses_clearly(gaz, value):
    try:
        match = gaz.resolve(value)
    except InvalidNameError as exc:
        assert "place name" in str(exc)
        return
    assert match.status in ("resolved", "ambiguous", "unresolved", "group")
    assert (match.place is not None) == (match.status == "resolved")
    assert 0.0 <= match.score <= 1.0


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.floats(22.2, 40.1), st.floats(44.4, 52.3))
def test_reverse_inside_ukraine_names_a_place(gaz, lon, lat):
    result = gaz.reverse(lon, lat)
    assert result.nearest is not None and result.distance_km is not None
    if result.admin1 is not None:
        assert result.admin1.geometry.buffer(0.01).contains(Point(lon, lat))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.floats(-179.9, 179.9), st.floats(-89.9, 89.9),
                          st.text(max_size=30)), min_size=1, max_size=5))
def test_geojson_round_trip_of_any_points_and_notes(points):
    records = [{"event_date": "2026-02-04", "event_type": "other", "location": "somewhere",
                "lon": lon, "lat": lat, "notes": note} for lon, lat, note in points]
    events = gu.events_from_records(records)
    data = json.loads(json.dumps(gu.to_geojson(events), allow_nan=False))
    for feature, (lon, lat, note) in zip(data["features"], points, strict=True):
        x, y = feature["geometry"]["coordinates"]
        assert abs(x - lon) <= 5e-7 and abs(y - lat) <= 5e-7
        assert feature["properties"]["notes"] == note

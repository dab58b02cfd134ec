"""Single-field checks: counts, text, radii, admin-1 codes and coordinates (findings 9, 10)."""

import re

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from geo_ukraine import EventSchemaError, attach_place
from geo_ukraine.events import event_frame
from geo_ukraine.events.fields import (
    Admin1Codes,
    check_buffer_km,
    check_geometry,
    text_value,
    whole_number,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(7, 7), (7.0, 7), ("7", 7), (" 7 ", 7), ("7.0", 7), (np.int64(3), 3), (0, 0),
     (None, None), ("", None), (float("nan"), None), (pd.NA, None)],
)
def test_whole_numbers(value, expected):
    assert whole_number(value, "fatalities", "here") == expected


@pytest.mark.parametrize(
    "value", [-5, "-5", "abc", 2.7, "2.7", True, "true", float("inf"), "1e400", "nan",
              10**30, [1], np.bool_(True)])
def test_not_whole_numbers_are_refused_never_nulled_or_truncated(value):
    with pytest.raises(EventSchemaError, match="here: fatalities must be"):
        whole_number(value, "fatalities", "here")


def test_event_frame_refuses_rather_than_truncates():
    with pytest.raises(EventSchemaError, match="row 0: fatalities must be a whole number"):
        event_frame([{"event_date": "2026-02-04", "event_type": "shelling", "fatalities": 2.7}])


@pytest.mark.parametrize("value", [-5, 0, 1000.5, 100000, "abc", True, float("nan"), [5]])
def test_absurd_buffers_are_refused(value):
    with pytest.raises(EventSchemaError, match="buffer_km must be a radius in km above 0"):
        check_buffer_km(value)


def test_attach_place_refuses_a_negative_buffer():
    with pytest.raises(EventSchemaError, match="buffer_km"):
        attach_place("Kurakhove", event_type="territorial_claim", buffer_km=-5)
    assert check_buffer_km("2.5") == 2.5 and check_buffer_km(None) is None


@pytest.mark.parametrize(("value", "expected"), [("text", "text"), (42, "42"), (None, None),
                                                 (float("nan"), None)])
def test_text_values(value, expected):
    assert text_value(value, "notes", "here") == expected


@pytest.mark.parametrize("value", [True, ["a"], {"a": 1}, float("inf")])
def test_not_text_is_refused(value):
    with pytest.raises(EventSchemaError, match="here: notes must be"):
        text_value(value, "notes", "here")


@pytest.mark.parametrize("code", ["UA.05", "UA.26|UA.05", "RU.09", "CH.GE", "AE.01", None, ""])
def test_admin1_codes_accepted(code):
    Admin1Codes().check(code, "here")


@pytest.mark.parametrize(("code", "message"),
                         [("UA.99", "admin1 'UA.99' is not an admin-1 unit of UA"),
                          ("UA.05|RU.99", "'RU.99' is not an admin-1 unit of RU"),
                          ("Donetsk", "is not a GeoNames admin-1 code"),
                          ("UA-14", "is not a GeoNames admin-1 code")])
def test_admin1_codes_refused(code, message):
    with pytest.raises(EventSchemaError, match=message):
        Admin1Codes().check(code, "here")


@pytest.mark.parametrize(
    ("geom", "message"),
    [(Point(float("nan"), 1), "longitude must be finite"),
     (Point(1, float("inf")), "latitude must be finite"),
     (Point(200, 10), "longitude 200.0 is outside"),
     (Point(10, -95), "latitude -95.0 is outside -90..90 (were longitude and latitude swapped?)"),
     (LineString([(0, 0), (181, 0)]), "longitude 181.0 is outside"),
     (Point(10, 10, float("nan")), "altitude nan is not a finite number")],
)
def test_bad_coordinates_are_refused(geom, message):
    with pytest.raises(EventSchemaError, match=re.escape(message)):
        check_geometry(geom, "here")


def test_good_coordinates_pass():
    check_geometry(Point(-180, 90, 1000.0), "here")
    check_geometry(None, "here")
    check_geometry(LineString(), "here")

"""The event schema: columns, taxonomy, coded values and the one validator."""

import pytest

from geo_ukraine import (
    ACLED_TYPES,
    EVENT_TYPES,
    GEO_PRECISION,
    STATUSES,
    EventSchemaError,
    acled_types,
    validate_events,
)
from geo_ukraine.events import (
    DatePrecision,
    GeoPrecision,
    Resolution,
    Status,
    event_type_from_acled,
)
from geo_ukraine.events.schema import DATE_PRECISIONS, RESOLUTIONS


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_type_maps_to_acled_and_back(event_type):
    acled_event, acled_sub = ACLED_TYPES[event_type]
    tag = f"geo_ukraine:event_type={event_type}"
    assert event_type_from_acled(acled_event, acled_sub, tag) == event_type
    assert event_type_from_acled(acled_event, acled_sub) in EVENT_TYPES


def test_validate_events_lists_problems(seed_events):
    broken = seed_events.copy()
    broken.loc[0, "event_type"] = "nonsense"
    broken = broken.drop(columns=["notes"])
    with pytest.raises(EventSchemaError) as info:
        validate_events(broken)
    assert "missing columns: notes" in str(info.value)
    with pytest.raises(EventSchemaError, match="CRS must be EPSG:4326"):
        validate_events(seed_events.to_crs(3857))
    with pytest.raises(EventSchemaError, match="GeoDataFrame"):
        validate_events(seed_events.drop(columns="geometry"))


def test_coded_values_keep_their_public_tuples():
    assert STATUSES == ("claimed", "reported", "confirmed")
    assert tuple(Status) == STATUSES and Status.CLAIMED == "claimed"
    assert DATE_PRECISIONS == ("day", "week", "month", "unknown") == tuple(DatePrecision)
    assert RESOLUTIONS == ("resolved", "ambiguous", "unresolved") == tuple(Resolution)
    assert list(GEO_PRECISION) == [1, 2, 3, 4] == [int(p) for p in GeoPrecision]
    assert all(type(code) is int for code in GEO_PRECISION)


def test_unknown_event_type_is_a_schema_error():
    with pytest.raises(EventSchemaError, match="not in the taxonomy"):
        acled_types(["shelling"])

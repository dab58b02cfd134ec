"""What the fast paths rely on: extractor rows are valid by construction, and the event
table built column by column is the one pandas' own inference builds."""

import math

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from geo_ukraine import EventSchemaError, extract_events, validate_events
from geo_ukraine.events import event_frame
from geo_ukraine.extract import event_records

# Texts of our own covering what the extractor builds: figures, claims, lists of oblasts,
# cross-border strikes, undated and impossible dates, Windows line ends, furniture, nothing.
TEXTS = [
    "March 4, 2025\n\nA missile killed three people in Dnipro, the governor said. A dozen "
    "more residents were injured.\n",
    "Russia's defence ministry said its forces had captured the village of Bilozerka in "
    "Kherson region on February 2.\n",
    "Drones struck Sumy and Chernihiv oblasts overnight, damaging power lines.\r\n\r\nNobody "
    "was hurt, officials said on Tuesday.\r\n",
    "Ukrainian drones hit an oil depot in Russia's Belgorod region on May 30, 2024.\n",
    "Shelling of Nikopol on February 30 wounded two women, aged 61 and 73.\n",
    "Home | News | Sport\n\nKharkiv\n\nGermany pledged air defence for Ukraine on Friday.\n",
    "Talks in Istanbul resumed on 3 June 2024; no casualties were reported in Odesa.\n",
    "",
]


@pytest.mark.filterwarnings("ignore::geo_ukraine.extract.UndatedArticleWarning")
@pytest.mark.parametrize("text", TEXTS)
def test_the_validator_accepts_what_the_extractor_builds(text):
    events = extract_events(text, published="2025-06-10", source="ours.txt")
    assert validate_events(events) is events
    assert event_frame(event_records(text, published="2025-06-10", source="ours.txt")).equals(
        events)


@pytest.mark.filterwarnings("ignore::geo_ukraine.extract.UndatedArticleWarning")
def test_the_texts_above_give_events_of_several_kinds():
    kinds = {t for text in TEXTS for t in extract_events(text, published="2025-06-10").event_type}
    assert len(kinds) >= 4


ROW = {"event_id": "e1", "event_date": "2025-03-04", "date_precision": "day",
       "event_type": "shelling", "location": "Nikopol", "place_name": "Nikopol",
       "resolution": "resolved", "status": "reported", "fatalities": 2, "injured": None,
       "geo_precision": 1, "geometry": Point(34.37, 47.57)}


def _types(frame):
    return {c: [type(v) for v in frame[c]] for c in frame.columns if frame[c].dtype == object}


@pytest.mark.parametrize("odd", [
    {"notes": math.nan}, {"notes": pd.NA}, {"admin2": np.str_("UA.12.01")},
    {"fatalities": np.int64(4)}, {"fatalities": 7.0}, {"injured": "5"}, {"source": 12},
])
def test_cells_of_any_kind_give_the_table_pandas_inference_gives(odd):
    plain = event_frame([ROW, {**ROW, "event_id": "e2"}])
    mixed = event_frame([ROW, {**ROW, "event_id": "e2", **odd}])
    assert list(mixed.columns) == list(plain.columns)
    assert list(mixed.dtypes) == list(plain.dtypes)
    [(column, value)] = odd.items()
    cell = mixed.loc[1, column]
    if column in ("fatalities", "injured"):
        assert cell == int(value)
    elif isinstance(value, str):
        assert cell == value
    elif column == "source":
        assert cell == 12
    else:
        assert cell is None


def test_extra_columns_keep_their_first_seen_order_and_inferred_types():
    rows = [{**ROW, "sentence": "a", "quantity": None},
            {**ROW, "event_id": "e2", "score": 0.5, "sentence": "b"}]
    frame = event_frame(rows)
    assert list(frame.columns)[-3:] == ["sentence", "quantity", "score"]
    assert frame["score"].dtype == float and math.isnan(frame.loc[0, "score"])
    assert frame.loc[1, "sentence"] == "b"
    assert _types(frame)["event_id"] == [str, str]


@pytest.mark.parametrize("bad", [{"fatalities": -1}, {"injured": True}, {"geo_precision": 2.5}])
def test_bad_counts_are_refused_on_the_fast_path_too(bad):
    with pytest.raises(EventSchemaError, match="row 1"):
        event_frame([ROW, {**ROW, **bad}], validate=False)


def test_validation_is_skipped_only_when_asked():
    row = {**ROW, "event_type": "not_a_type"}
    with pytest.raises(EventSchemaError, match="not_a_type"):
        event_frame([row])
    assert event_frame([row], validate=False).loc[0, "event_type"] == "not_a_type"


def test_no_rows_give_the_empty_schema_table():
    empty = event_frame([])
    assert len(empty) == 0 and empty.crs == "EPSG:4326"
    assert list(empty.columns)[-1] == "geometry"
    assert str(empty["fatalities"].dtype) == "Int64"

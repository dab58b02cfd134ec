"""Dates resolved against the publication date."""

import datetime as dt

import pytest

from geo_ukraine import EventSchemaError, extract_events, publication_date
from geo_ukraine.extract.dates import event_date


def test_dates_relative_to_publication():
    text = ("At the end of January, drones hit Sumy and officials said two people were "
            "wounded.\n"
            "On February 4, shelling hit Nikopol, killing one resident.\n")
    events = extract_events(text, published="2026-02-10")
    assert list(events.event_date) == ["2026-01-26", "2026-02-04"]
    assert list(events.date_precision) == ["week", "day"]


def test_header_date_and_missing_date():
    text = "March 3, 2026\n\nOvernight, missiles struck Dnipro and killed four people.\n"
    assert str(publication_date(text)) == "2026-03-03"
    assert extract_events(text).iloc[0].event_date == "2026-03-02"
    with pytest.raises(EventSchemaError, match="published"):
        extract_events("Overnight, missiles struck Dnipro and killed four people in a block.")


FEB_10 = dt.date(2026, 2, 10)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "expected"),
    [
        ("Talks ran between March 1 and March 5.", dt.date(2026, 3, 10), None,
         ("2026-03-01", "week")),
        ("Strikes went on between January 2 and February 20.", dt.date(2026, 3, 10), None,
         ("2026-01-02", "month")),
        ("On December 30, drones hit Kyiv.", FEB_10, None, ("2025-12-30", "day")),
        ("On May 3, 2025, drones hit Kyiv.", None, None, ("2025-05-03", "day")),
        ("In mid-June drones hit Kyiv.", dt.date(2026, 7, 1), None, ("2026-06-01", "month")),
        ("At the end of January drones hit Sumy.", FEB_10, None, ("2026-01-26", "week")),
        ("In early February drones hit Sumy.", FEB_10, None, ("2026-02-01", "week")),
        ("Overnight drones hit Sumy.", FEB_10, None, ("2026-02-09", "day")),
        ("This morning drones hit Sumy.", FEB_10, None, ("2026-02-10", "day")),
        ("Days later drones hit Sumy.", FEB_10, ("2026-02-04", "day"), ("2026-02-04", "week")),
        ("Drones hit Sumy.", FEB_10, ("2026-02-04", "day"), ("2026-02-04", "day")),
        ("Drones hit Sumy.", FEB_10, None, ("2026-02-02", "week")),
        ("Drones hit Sumy.", None, ("2026-02-04", "day"), ("2026-02-04", "day")),
        ("Drones hit Sumy.", None, None, None),
    ],
)
def test_event_date(sentence, published, previous, expected):
    assert event_date(sentence, published, previous) == expected

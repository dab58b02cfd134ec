"""Dates resolved against the publication date."""

import datetime as dt

import pytest

from geo_ukraine import extract_events, publication_date
from geo_ukraine.events.schema import DATE_PRECISIONS
from geo_ukraine.extract import UndatedArticleWarning
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


def test_the_articles_own_date_wins_over_published():
    text = "Monday, 2 March 2026, 10:45\n\nOvernight, missiles struck Dnipro, killing four.\n"
    events = extract_events(text, published="2026-05-20")
    assert list(events.event_date) == ["2026-03-01"]


@pytest.mark.parametrize("header", ["Posted: Feb 3/2026 10:50PM", "2026-02-03",
                                    "03.02.2026", "February 3rd, 2026", "3 Feb. 2026"])
def test_header_dates_as_outlets_write_them(header):
    assert str(publication_date(f"Some outlet\n{header}\n\nBody text here.")) == "2026-02-03"


def test_an_undated_article_keeps_going_with_a_warning_naming_it():
    text = "Overnight, missiles struck Dnipro and killed four people in a block."
    with pytest.warns(UndatedArticleWarning, match="dnipro.txt: .*no date"):
        events = extract_events(text, source="dnipro.txt")
    if "unknown" in DATE_PRECISIONS:
        assert events.event_date.isna().all() and set(events.date_precision) == {"unknown"}
    else:  # until the event schema takes unknown dates, the undated events are left out
        assert len(events) == 0


def test_an_impossible_date_is_left_unknown_and_named():
    text = ("On February 30, shelling hit Nikopol, killing two people.\n"
            "On March 2, a missile hit Dnipro, killing one person.\n")
    with pytest.warns(UndatedArticleWarning, match="a.txt: .*February 30"):
        events = extract_events(text, published="2026-03-05", source="a.txt")
    assert "2026-03-02" in set(events.event_date)


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
        # Wire copy's abbreviated months.
        ("The Jan. 14 attack on Kharkiv killed five.", FEB_10, None, ("2026-01-14", "day")),
        ("On Sept. 5, 2025, drones hit Kyiv.", FEB_10, None, ("2025-09-05", "day")),
        ("Drones hit Sumy on Dec 30.", FEB_10, None, ("2025-12-30", "day")),
        ("Shelling went on between Feb. 1 and Feb. 4.", FEB_10, None, ("2026-02-01", "week")),
        ("Marinka 3 was hit again.", FEB_10, None, ("2026-02-02", "week")),
        # Days of the week: the latest such day up to the publication (a Tuesday here).
        ("A drone killed a driver near Beryslav on Monday.", FEB_10, None,
         ("2026-02-09", "day")),
        ("Late Friday a missile hit Odesa.", FEB_10, None, ("2026-02-06", "day")),
        ("Strikes on Tuesday hit Sumy.", FEB_10, None, ("2026-02-10", "day")),
        ("Overnight into Sunday drones hit Kyiv.", FEB_10, None, ("2026-02-08", "day")),
        ("Drones hit Sumy on Monday.", None, ("2026-02-04", "day"), ("2026-02-04", "day")),
        ("Sundays are quiet in Sumy.", FEB_10, None, ("2026-02-02", "week")),
    ],
)
def test_event_date(sentence, published, previous, expected):
    assert event_date(sentence, published, previous) == expected

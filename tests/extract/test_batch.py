"""Batches of article files: one bad file never stops the rest; any number of jobs agrees."""

import json

import pytest

from geo_ukraine.cli.main import main
from geo_ukraine.events import event_frame
from geo_ukraine.events.schema import DATE_PRECISIONS
from geo_ukraine.extract import batch, event_records, events_from_files, read_article

GOOD = ("Kramatorsk, March 3, 2026\n\nOvernight, a missile struck a market in Kramatorsk, "
        "killing three people, the mayor said.\n")
OTHER = ("Artillery shelled the village of Bilozerka on March 1, wounding a 40-year-old man, "
         "officials said.\n")
UNDATED = "Drones attacked Chernihiv overnight, wounding two residents, officials said.\n"


@pytest.fixture
def articles(tmp_path):
    files = {"good.txt": GOOD, "other.txt": OTHER, "undated.txt": UNDATED}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes("Обстріл Харкова вночі".encode("cp1251"))
    return tmp_path


def test_a_bad_file_is_named_and_the_batch_goes_on(articles, tmp_path, capsys):
    out = tmp_path / "out.geojson"
    files = [articles / n for n in ("good.txt", "cp1251.txt", "missing.txt", "undated.txt")]
    status = main(["extract", *map(str, files), str(articles), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "cp1251.txt" in err and "not UTF-8" in err
    assert "missing.txt" in err and "is a directory" in err
    assert "undated.txt" in err and "no date" in err
    features = json.loads(out.read_text())["features"]
    assert next(f["properties"]["event_date"] for f in features) == "2026-03-02"
    assert {f["properties"]["source"] for f in features} >= {"good.txt"}
    if "unknown" in DATE_PRECISIONS:
        assert {f["properties"]["source"] for f in features} == {"good.txt", "undated.txt"}


def test_exit_status_is_zero_when_every_file_gave_output(articles, tmp_path):
    out = tmp_path / "out.geojson"
    assert main(["extract", str(articles / "good.txt"), str(articles / "other.txt"),
                 "--published", "2026-03-05", "-o", str(out)]) == 0


def test_each_file_is_dated_by_its_own_date_first(articles):
    result = events_from_files([articles / "good.txt", articles / "other.txt"],
                               published="2026-04-20")
    dates = dict(zip(result.events.source, result.events.event_date, strict=True))
    assert dates == {"good.txt": "2026-03-02", "other.txt": "2026-03-01"}


def test_results_are_the_same_for_any_number_of_jobs(articles):
    paths = [articles / n for n in ("good.txt", "other.txt", "cp1251.txt")] * 7
    one = events_from_files(paths, published="2026-03-05", jobs=1)
    two = events_from_files(paths, published="2026-03-05", jobs=2)
    three = events_from_files(paths, published="2026-03-05", jobs=3)
    assert len(one.events) == 21 and len(one.failed) == 7  # strike + market damage, shelling
    for other in (two, three):
        assert other.events.drop(columns="geometry").equals(one.events.drop(columns="geometry"))
        assert other.events.geometry.equals(one.events.geometry)
        assert other.failed == one.failed


@pytest.mark.parametrize("jobs", [1, 2])
def test_tables_made_as_files_arrive_join_into_the_table_of_every_row(articles, monkeypatch,
                                                                     jobs):
    # Two files per table: tables of two, of one and of none (both files failed) are joined.
    monkeypatch.setattr(batch, "_TABLE_FILES", 2)
    names = ("good.txt", "other.txt", "cp1251.txt", "missing.txt", "undated.txt", "good.txt",
             "other.txt")
    paths = [articles / n for n in names]
    result = events_from_files(paths, published="2026-03-05", jobs=jobs)
    rows = [row for path in paths if path.suffix and path.name not in ("cp1251.txt",
                                                                        "missing.txt")
            for row in event_records(read_article(path), published="2026-03-05",
                                     source=path.name)]
    expected = event_frame(rows, validate=False)
    assert len(result.events) == len(expected) == 7
    assert list(result.events.index) == list(range(7))
    assert result.events.dtypes.to_dict() == expected.dtypes.to_dict()
    assert result.events.drop(columns="geometry").equals(expected.drop(columns="geometry"))
    assert result.events.geometry.equals(expected.geometry)
    assert result.events.crs == expected.crs
    assert [path for path, _ in result.failed] == [str(articles / "cp1251.txt"),
                                                   str(articles / "missing.txt")]


def test_a_batch_whose_files_all_fail_is_an_empty_event_table(articles):
    result = events_from_files([articles / "cp1251.txt", articles / "missing.txt"])
    assert len(result.events) == 0 and len(result.failed) == 2
    assert list(result.events.columns) == list(event_frame([]).columns)


def test_an_impossible_date_never_aborts_the_batch(tmp_path, capsys):
    article = tmp_path / "feb30.txt"
    article.write_text("On February 30, shelling hit Nikopol, killing two people.\n"
                       "On March 2, a missile hit Dnipro, killing one person.\n")
    out = tmp_path / "out.geojson"
    assert main(["extract", str(article), "--published", "2026-03-05", "-o", str(out)]) == 0
    assert "feb30.txt" in capsys.readouterr().err
    dates = [f["properties"]["event_date"] for f in json.loads(out.read_text())["features"]]
    assert "2026-03-02" in dates


def test_the_help_documents_the_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "1 when any file failed" in capsys.readouterr().out


def test_articles_are_read_as_their_bytes_decode(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one.\r\nDrones hit Sumy.\r\n")
    assert read_article(path) == "Line one.\r\nDrones hit Sumy.\r\n"

import warnings

import geopandas as gpd
import pandas as pd
import pytest

import geo_ukraine
from geo_ukraine.corpus import (
    ARTICLE_COLUMN,
    CorpusError,
    SkippedArticleWarning,
    extract_corpus,
    extract_corpus_to,
    synthetic_articles,
    write_synthetic_corpus,
)
from geo_ukraine.corpus.local import MAX_WARNINGS, report
from geo_ukraine.errors import GeoUkraineWarning
from geo_ukraine.extract import UndatedArticleWarning
from tests.corpus.helpers import BULLETINS, assert_same_events, run_kept


def _one_by_one(paths):
    """What extract_events gives article by article, and its warnings, named by file name."""
    frames = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeoUkraineWarning)
        for path in paths:
            events = geo_ukraine.extract_events(geo_ukraine.extract.read_article(path),
                                                source=path.name)
            events[ARTICLE_COLUMN] = str(path)
            frames.append(events)
    notes = [(w.category, str(w.message)) for w in caught]
    return pd.concat([f for f in frames if len(f)], ignore_index=True), notes


def test_the_corpus_gives_what_extract_events_gives_article_by_article():
    events, caught = run_kept(extract_corpus, BULLETINS, partition_size=2)
    paths = [BULLETINS / "kharkiv.txt", BULLETINS / "south" / "nikopol.txt",
             BULLETINS / "undated.txt"]
    reference, notes = _one_by_one(paths)
    assert isinstance(events, gpd.GeoDataFrame) and events.crs == "EPSG:4326"
    assert list(events.columns) == [*reference.columns]
    assert_same_events(events, reference.astype(events.dtypes.to_dict()))
    assert set(events["source"]) >= {"kharkiv.txt", "nikopol.txt"}
    # The same warnings, each naming the article by its path rather than its file name.
    assert [c for c, _ in caught] == [c for c, _ in notes]
    for (_, ours), (_, theirs) in zip(caught, notes, strict=True):
        name = theirs.split(":")[0]
        path = next(p for p in paths if p.name == name)
        assert ours == theirs.replace(f"{name}:", f"{path}:", 1)


def test_a_publication_date_dates_articles_without_their_own():
    events, caught = run_kept(extract_corpus, BULLETINS, published="2024-04-10")
    assert caught == []
    undated = events[events["source"] == "undated.txt"]
    assert len(undated) and undated["event_date"].str.startswith("2024-04").all()
    assert not events.loc[events["source"] == "kharkiv.txt", "event_date"].str.startswith(
        "2024-04").any(), "an article's own date wins"


def test_rows_that_fail_are_skipped_and_named_the_rest_goes_on():
    frame = pd.DataFrame({
        "text": ["Shelling killed two people in Nikopol on March 1.", None,
                 "A drone hit a bus in Kherson on March 3, injuring five passengers.", 42],
        "published": ["2024-03-02", "2024-03-02", "not a date", "2024-03-02"],
        "source": ["Wire A", "Wire B", "Wire C", "Wire D"],
        "url": ["https://example.test/a", None, None, None],
    }, index=["a", "b", "c", "d"])
    events, caught = run_kept(extract_corpus, frame)
    assert events[ARTICLE_COLUMN].tolist() == ["a"]
    assert events.loc[0, "source_url"] == "https://example.test/a"
    assert events.loc[0, "source"] == "Wire A"
    assert [c for c, _ in caught] == [SkippedArticleWarning] * 3
    assert [m.split(":")[0] for _, m in caught] == ["article 'b' skipped", "article 'c' skipped",
                                                  "article 'd' skipped"]
    assert "it has no text" in caught[0][1] and "published must be a date" in caught[1][1]


def test_a_file_that_is_not_utf8_is_skipped_by_name(tmp_path):
    (tmp_path / "good.txt").write_text("March 2, 2024\n\nShelling killed two people in "
                                       "Nikopol.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Obstrіл Нікополя".encode("cp1251"))
    events, caught = run_kept(extract_corpus, tmp_path)
    assert events["source"].tolist() == ["good.txt"]
    (category, message), = caught
    assert category is SkippedArticleWarning and "latin1.txt" in message
    assert "not UTF-8" in message


def test_an_empty_corpus_gives_the_empty_table_with_every_column(tmp_path):
    (tmp_path / "menu.txt").write_text("Home | World | Sport\n")
    events, _ = run_kept(extract_corpus, tmp_path)
    assert len(events) == 0 and ARTICLE_COLUMN in events.columns
    assert list(events.columns[:len(geo_ukraine.EVENT_COLUMNS)]) == list(
        geo_ukraine.EVENT_COLUMNS)


@pytest.mark.parametrize("name", ["events.csv", "events.geojson", "events.parquet"])
def test_the_output_file_holds_the_events(tmp_path, name):
    target = tmp_path / "out" / name
    events, _ = run_kept(extract_corpus, BULLETINS, output=target)
    assert target.is_file()
    back = gpd.read_parquet(target) if name.endswith(".parquet") else gpd.read_file(target)
    assert len(back) == len(events) and "event_type" in back.columns


def test_extract_corpus_to_checks_the_output_before_any_work(tmp_path, monkeypatch):
    def no_work(*args, **kwargs):
        raise AssertionError("extraction started before the output was checked")

    monkeypatch.setattr("geo_ukraine.corpus.extract.extract_local", no_work)
    with pytest.raises(ValueError, match="cannot tell the format"):
        extract_corpus_to(BULLETINS, tmp_path / "events.txt")
    (tmp_path / "events.csv").mkdir()
    with pytest.raises(OSError, match="is a directory"):
        extract_corpus_to(BULLETINS, tmp_path / "events.csv")
    article = tmp_path / "articles" / "report.csv"  # an article whose name says CSV
    article.parent.mkdir()
    article.write_text("March 2, 2024\n\nShelling killed two people in Nikopol.\n")
    with pytest.raises(OSError, match="is also an input"):
        extract_corpus_to(article.parent, article, pattern="*.csv")


def test_extract_corpus_to_writes_and_returns_the_output(tmp_path, caplog):
    caplog.set_level("INFO", logger="geo_ukraine")
    with pytest.warns(UndatedArticleWarning):
        done = extract_corpus_to(str(BULLETINS), tmp_path / "events.geojson", progress=False)
    assert done.output == tmp_path / "events.geojson" and done.output.is_file()
    assert (done.articles, done.skipped) == (3, 0)
    assert done.events == len(gpd.read_file(done.output)) > 0
    assert f"{done.events} events from 3 articles (0 skipped) written to" in caplog.text


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"engine": "spark"}, ValueError, "engine must be one of 'local', 'dask'"),
    ({"published": "last week"}, CorpusError, "published must be a date"),
    ({"n_workers": 2}, ValueError, "apply to engine='dask' only"),
    ({"partition_size": 0}, CorpusError, "partition_size"),
])
def test_bad_options_are_refused(kwargs, error, match):
    with pytest.raises(error, match=match):
        extract_corpus(BULLETINS, **kwargs)


def test_many_warnings_are_counted_after_the_first_hundred():
    skipped = [(f"a{i}", "ValueError: bad") for i in range(MAX_WARNINGS + 5)]
    notes = [(UndatedArticleWarning, f"a{i}: undated") for i in range(3)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert report(skipped, notes) == MAX_WARNINGS + 5
    messages = [str(w.message) for w in caught]
    assert len(messages) == MAX_WARNINGS + 1 + 3
    assert messages[MAX_WARNINGS] == f"5 more warnings like these ({MAX_WARNINGS + 5} in all)"
    assert all(issubclass(w.category, GeoUkraineWarning) for w in caught)


def test_synthetic_articles_are_dated_long_enough_and_stable():
    first = list(synthetic_articles(3, chars=1500))
    assert list(synthetic_articles(2, chars=1500)) == first[:2], "article i never changes"
    assert all(len(text) >= 1500 for text in first)
    assert all(geo_ukraine.publication_date(text) is not None for text in first)
    assert list(synthetic_articles(1, seed=1, chars=1500)) != first[:1]


def test_synthetic_corpus_files(tmp_path):
    paths = write_synthetic_corpus(tmp_path, 3, chars=400)
    assert [p.name for p in paths] == ["article-000000.txt", "article-000001.txt",
                                       "article-000002.txt"]
    events, _ = run_kept(extract_corpus, tmp_path)
    assert len(events) > 0 and set(events["source"]) <= {p.name for p in paths}

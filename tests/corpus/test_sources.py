import datetime as dt

import pandas as pd
import pytest

from geo_ukraine.corpus import CorpusError, corpus_paths
from geo_ukraine.corpus.sources import articles, as_date, corpus_from
from tests.corpus.helpers import BULLETINS


def _names(paths):
    return [p.replace(str(BULLETINS) + "/", "") for p in paths]


def test_a_directory_gives_its_txt_files_at_any_depth_sorted():
    assert _names(corpus_paths(BULLETINS)) == ["kharkiv.txt", "south/nikopol.txt",
                                               "undated.txt"]


def test_pattern_chooses_the_files_of_a_directory():
    assert _names(corpus_paths(BULLETINS, pattern="*.md")) == ["notes.md"]


def test_globs_files_and_directories_mix_each_file_once_in_order_given():
    paths = corpus_paths([BULLETINS / "undated.txt", str(BULLETINS / "**" / "*.txt"),
                          BULLETINS / "south"])
    assert _names(paths) == ["undated.txt", "kharkiv.txt", "south/nikopol.txt"]


@pytest.mark.parametrize(("spec", "expected"), [
    ("no/such/file.txt", "no such file or directory"),
    ("no/such/*.txt", "glob pattern matches no file"),
    ("Shelling hit Nikopol overnight.", "pass them as a pandas Series"),
    ([], "names no file"),
])
def test_names_what_is_missing(spec, expected):
    with pytest.raises(FileNotFoundError, match=expected):
        corpus_paths(spec)


def test_a_directory_without_matching_files_is_refused(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    with pytest.raises(FileNotFoundError, match=r"no file matching '\*\.txt'"):
        corpus_paths(tmp_path)


def test_an_entry_that_is_not_a_path_is_refused():
    with pytest.raises(CorpusError, match="got 3 of type int"):
        corpus_paths([BULLETINS, 3])


def test_paths_are_cut_into_batches_of_partition_size():
    corpus = corpus_from(BULLETINS, partition_size=2)
    assert [len(b) for b in corpus.batches] == [2, 1]
    assert corpus.n_articles == 3 and corpus.paths == corpus_paths(BULLETINS)


@pytest.mark.parametrize("size", [0, -1, 1.5, True, "10"])
def test_partition_size_must_be_a_whole_number(size):
    with pytest.raises(CorpusError, match="partition_size"):
        corpus_from(BULLETINS, partition_size=size)


def test_a_series_is_a_corpus_of_texts_named_by_index():
    corpus = corpus_from(pd.Series(["one", "two", "three"], index=["a", "b", "c"]),
                         partition_size=2)
    assert corpus.n_articles == 3 and corpus.paths == []
    keys = [a.key for batch in corpus.batches for a in articles(batch)]
    assert keys == ["a", "b", "c"]


def test_a_dataframe_needs_its_text_column():
    with pytest.raises(CorpusError, match=r"no text column 'text' \(columns: body, url\)"):
        corpus_from(pd.DataFrame({"body": ["x"], "url": ["u"]}), partition_size=10)
    corpus = corpus_from(pd.DataFrame({"body": ["x"]}), partition_size=10, text_column="body")
    assert [a.text for a in articles(corpus.batches[0], text_column="body")] == ["x"]


def test_metadata_columns_travel_with_each_article():
    frame = pd.DataFrame({"text": ["t1", None], "published": ["2024-03-01", pd.NaT],
                          "source": ["Wire", float("nan")], "url": [None, "https://x.test/2"]},
                         index=[10, 11])
    got = list(articles(frame))
    assert [(a.key, a.source, a.url) for a in got] == [("10", "Wire", None),
                                                      ("11", None, "https://x.test/2")]
    assert [as_date(a.published) for a in got] == [dt.date(2024, 3, 1), None]


def test_file_articles_are_read_lazily_and_named_by_path():
    path = str(BULLETINS / "kharkiv.txt")
    (article,) = articles([path])
    assert (article.key, article.text, article.source) == (path, None, "kharkiv.txt")
    assert article.read().startswith("Morning Bulletin\nMarch 2, 2024")


def test_a_row_without_text_cannot_be_read():
    (article,) = articles(pd.DataFrame({"text": [None]}))
    with pytest.raises(CorpusError, match="it has no text"):
        article.read()


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-03-01", dt.date(2024, 3, 1)),
    ("2024-03-01T10:00:00Z", dt.date(2024, 3, 1)),
    (dt.date(2024, 3, 1), dt.date(2024, 3, 1)),
    (dt.datetime(2024, 3, 1, 23, 59), dt.date(2024, 3, 1)),
    (pd.Timestamp("2024-03-01 12:00"), dt.date(2024, 3, 1)),
    (None, None), (pd.NA, None), (float("nan"), None),
])
def test_publication_dates_from_cells(value, expected):
    assert as_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "01/03/2024", 20240301])
def test_a_publication_date_that_is_not_a_date_is_refused(value):
    with pytest.raises(CorpusError, match="published must be a date"):
        as_date(value)

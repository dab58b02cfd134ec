"""Helpers of the corpus tests: the fixture corpus, running with warnings kept, comparing."""

from __future__ import annotations

import warnings

import geopandas.testing

from geo_ukraine import EVENT_COLUMNS, GeoUkraineWarning
from tests.conftest import DATA

BULLETINS = DATA / "corpus" / "bulletins"


def run_kept(function, *args, **kwargs):
    """Call ``function``; its result and our warnings (category, message), in order.

    Other libraries' deprecation warnings are let through silently (dask's Parquet reader
    uses an ``inplace=`` that pandas 3.1 deprecates); any other warning fails the test.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(*args, **kwargs)
        if hasattr(result, "compute"):
            result = result.compute()
    ours = [(w.category, str(w.message)) for w in caught
            if issubclass(w.category, GeoUkraineWarning)]
    other = [w for w in caught
             if not issubclass(w.category, GeoUkraineWarning | DeprecationWarning)]
    assert other == [], [str(w.message) for w in other]
    return result, ours


def assert_same_events(left, right):
    """Same rows in the same order once sorted by article then sentence offset; every column."""
    assert set(EVENT_COLUMNS) <= set(left.columns)
    assert list(left.columns) == list(right.columns)
    key = ["article", "sentence_start"]
    left = left.sort_values(key, kind="stable").reset_index(drop=True)
    right = right.sort_values(key, kind="stable").reset_index(drop=True)
    geopandas.testing.assert_geodataframe_equal(left, right, check_less_precise=False)

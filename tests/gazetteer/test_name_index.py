"""The exact-name index: the prebuilt sorted lines joined with rows added at run time."""

from __future__ import annotations

import random

from geo_ukraine import _data
from geo_ukraine.gazetteer.store import NameIndex


def _lines(entries: dict[str, str]) -> bytes:
    return "".join(f"{k}\t{v}\n" for k, v in sorted(entries.items())).encode()


def test_lookups_agree_with_the_whole_index():
    whole = _data.read_index("names.tsv.gz")
    index = NameIndex(*_data.read_sorted_index("names.tsv.gz"))
    assert index.rows == int(whole["\0rows"])
    keys = random.Random(7).sample(sorted(k for k in whole if k != "\0rows"), 3000)
    for key in [*keys, "kyiv", "київ", "запоріжжя", "pokrovsk"]:
        assert index.get(key) == whole.get(key), key
    assert index.get("no such place at all") is None


def test_edges_of_the_sorted_runs():
    entries = {"a": "1", "ab": "2", "b": "3", "bz": "4", "c d": "5", "я": "6", "ї": "7"}
    index = NameIndex(_lines(entries), rows=8)
    assert {k: index.get(k) for k in entries} == entries
    assert index.get("aa") is None and index.get("d") is None and index.get("") is None
    assert NameIndex().get("a") is None


def test_rows_added_at_run_time_join_the_prebuilt_ones():
    index = NameIndex(_lines({"kyiv": "3", "lviv": "9"}), rows=10)
    index.add("kyiv", "12a")
    index.add("new place", "13")
    index.add("new place", "14a")
    assert index.get("kyiv") == "3,12a"
    assert index.get("new place") == "13,14a"
    assert "lviv" in index and "nowhere" not in index
    assert NameIndex.from_dict({"x": "1", "\0rows": "2"}).rows == 2


def test_a_name_begun_by_a_word_is_known_from_the_prebuilt_lines_and_the_added_rows():
    index = NameIndex(_lines({"nova kakhovka": "3", "novi": "4"}), rows=10)
    index.add("velyka novosilka raion", "12a")
    assert index.begins("nova") and index.begins("velyka") and index.begins("velyka novosilka")
    assert not index.begins("novi") and not index.begins("nova kakhovka")
    assert not index.begins("velyka novosilka raion") and not index.begins("")


def test_the_gazetteer_says_which_words_begin_a_longer_name():
    from geo_ukraine import Gazetteer

    gaz = Gazetteer.default()
    assert gaz.begins_name("Nova") and gaz.begins_name("Velyka") and gaz.begins_name("Kryvyi")
    assert gaz.begins_name("Russian")  # the Russian Federation
    assert not gaz.begins_name("Reported") and not gaz.begins_name("Overnight")

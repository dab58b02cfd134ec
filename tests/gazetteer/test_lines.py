"""Sorted lines looked up in place: every key found, every absent key not, at any sampling step."""

from __future__ import annotations

import random

import pytest

from geo_ukraine import _data
from geo_ukraine.gazetteer.lines import SortedLines


def _body(entries: dict[str, str]) -> bytes:
    lines = sorted(f"{k}\t{v}\n".encode() for k, v in entries.items())
    return b"".join(lines)


@pytest.mark.parametrize("step", [1, 7, 64, 1024])
def test_each_key_is_found_and_no_other(step):
    rng = random.Random(step)
    words = {"".join(rng.choice("abcdеїя ") for _ in range(rng.randint(1, 9))).strip()
             for _ in range(500)} - {""}
    entries = {w: str(n) for n, w in enumerate(sorted(words))}
    lines = SortedLines(_body(entries), step=step)
    assert len(lines) == len(entries)
    assert {k: lines.get(k) for k in entries} == entries
    for probe in ("", "zzz", "a a a a a a a a a", "ab\tc", "a\nb", "\0"):
        if probe not in entries:
            assert lines.get(probe) is None, repr(probe)
    # A key that is a prefix of another, or extends one, is not confused with it.
    for key in list(entries)[:100]:
        for near in (key[:-1], key + "a", key + " "):
            assert lines.get(near) == entries.get(near)


def test_items_are_every_line_in_order_and_a_missing_last_newline_is_tolerated():
    lines = SortedLines(b"a\t1\nb c\t2\n\xd1\x8f\t3", step=1)
    assert list(lines.items()) == [("a", "1"), ("b c", "2"), ("я", "3")]
    assert list(lines) == ["a", "b c", "я"] and "я" in lines and "b" not in lines
    assert len(SortedLines()) == 0 and SortedLines().get("a") is None


def test_the_embedded_spelling_index_reads_as_its_dictionary():
    whole = _data.read_index("skeletons.tsv.gz")
    del whole["\0rows"]
    lines = SortedLines(_data.read_sorted_index("skeletons.tsv.gz")[0])
    assert dict(lines.items()) == whole
    for key in random.Random(3).sample(sorted(whole), 2000):
        assert lines.get(key) == whole[key]


@pytest.mark.parametrize("step", [1, 5, 64, 1024])
def test_a_prefix_is_found_exactly_when_some_key_starts_with_it(step):
    rng = random.Random(step)
    words = sorted({"".join(rng.choice("abc ") for _ in range(rng.randint(1, 6))).strip()
                    for _ in range(300)} - {""})
    lines = SortedLines(b"".join(sorted(f"{w}\t1\n".encode() for w in words)), step=step)
    for prefix in {"".join(rng.choice("abc ") for _ in range(rng.randint(0, 5)))
                   for _ in range(2000)}:
        assert lines.has_prefix(prefix) == any(w.startswith(prefix) for w in words), prefix

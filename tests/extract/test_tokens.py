"""Words and their offsets: names inside hyphenated words are words of their own."""

from __future__ import annotations

import geo_ukraine as gu
from geo_ukraine.extract.tokens import tokens


def _words(text):
    return [(t.text, text[t.start:t.end], t.capital) for t in tokens(text)]


def test_a_name_after_a_prefix_of_time_is_its_own_word():
    assert _words("the then-U.S. envoy") == [
        ("the", "the", False), ("then", "then", False), ("U.S.", "U.S.", True),
        ("envoy", "envoy", False)]
    assert [t.text for t in tokens("an ex-Soviet base, then-Ukraine-held")] == [
        "an", "ex", "Soviet", "base", "then", "Ukraine"]


def test_ordinary_hyphenated_words_stay_whole():
    assert [t.text for t in tokens("an ex-wife, a then-unknown pro-Russian blogger")] == [
        "an", "ex-wife", "a", "then-unknown", "pro-Russian", "blogger"]


def test_a_country_after_then_is_found_where_it_is_written():
    text = "Aid promised by the then-U.S. administration reached Lviv."
    found = [(m.surface, m.kind, text[m.start:m.end]) for m in gu.find_places(text)]
    assert ("U.S.", "country", "U.S.") in found
    assert ("Lviv", "settlement", "Lviv") in found

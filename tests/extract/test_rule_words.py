"""The words a rule pattern needs: a text without one of them is never matched by it.

The extractor looks for these words (with ``in`` on a folded text) before it runs a pattern,
so a word list that missed a way a pattern can match would lose figures. Each pattern here
is shown matching sentences of our own, and every match holds one of its words.
"""

import re
import sys

import pytest

from geo_ukraine.extract import rules
from geo_ukraine.extract.sentences import folded, has_any

# Sentences of our own, each matched by at least one of the patterns below.
SAMPLES = [
    "The strike killed four people and claimed the lives of two more.",
    "Three people were killed and two others, including a child, were wounded.",
    "There were 5 deaths and 4 injuries, and 3 bodies were found; 6 wounded were treated.",
    "The death toll rose to 7, and the number of injured climbed to 19.",
    "A man and his wife were killed, and an elderly woman died in hospital.",
    "A 57-year-old woman with heart disease had died, officials said.",
    "Drones hit the village, killing a 57-year-old man and injuring his two sons.",
    "Rescuers found the body of a man and the remains of a woman in the rubble.",
    "The attack killed another and wounded another, and the bodies of 3 people were found.",
    "One man was injured, and another was killed; two people were taken to hospital.",
    "Five civilians were hurt, and another person was wounded in the shelling.",
    "Four residents sustained shrapnel wounds and one other was hospitalised.",
    "Since the start of the war, and so far this year, 40 people were killed and wounded.",
    "There were no casualties; nobody was hurt, and no one was injured or killed.",
    "Shelling killed and wounded 15 people; 12 people dead or wounded were counted.",
    "Russia launched more than 90 drones, 12 ballistic missiles and 1,100 guided bombs.",
    "KILLING FIVE AND WOUNDING SIX, THE STRIKE DAMAGED 40 APARTMENT BUILDINGS.",
]

# Each pattern (or list of patterns) with the words it needs.
PATTERN_WORDS = [
    *zip(rules.KILLED, rules.KILLED_WORDS, strict=True),
    *zip(rules.INJURED, rules.INJURED_WORDS, strict=True),
    (rules.KILLED_HINT, rules.KILLED_HINT_WORDS),
    (rules.INJURED_HINT, rules.INJURED_HINT_WORDS),
    (rules.CUMULATIVE, rules.CUMULATIVE_WORDS),
    (rules.NO_CASUALTIES, rules.NO_CASUALTIES_WORDS),
    (rules.COMBINED_FIGURE, rules.COMBINED_WORDS),
    (rules.COMBINED_CORE, rules.COMBINED_WORDS),
    (rules.QUANTITY, rules.QUANTITY_WORDS),
]


def test_there_are_as_many_word_lists_as_patterns():
    assert len(rules.KILLED_WORDS) == len(rules.KILLED)
    assert len(rules.INJURED_WORDS) == len(rules.INJURED)


@pytest.mark.parametrize(("pattern", "words"), PATTERN_WORDS)
def test_every_match_holds_one_of_the_words(pattern, words):
    matches = [m.group(0) for text in SAMPLES for m in pattern.finditer(text)]
    assert matches, f"no sample sentence is matched by {pattern.pattern[:60]!r}"
    for match in matches:
        assert has_any(folded(match), words), (match, words)


@pytest.mark.parametrize(("pattern", "words"), PATTERN_WORDS)
def test_without_the_words_nothing_matches(pattern, words):
    # Every way of writing each word (any case) blanked out: the pattern finds nothing.
    blank = re.compile("|".join(map(re.escape, words)), re.I)
    for text in SAMPLES:
        assert pattern.search(blank.sub(lambda m: "#" * len(m.group(0)), text)) is None


def test_the_combined_core_is_in_every_combined_figure():
    for text in SAMPLES:
        for match in rules.COMBINED_FIGURE.finditer(text):
            assert rules.COMBINED_CORE.search(text, match.start(), match.end())


def test_folding_keeps_every_letter_a_case_blind_pattern_takes_for_ascii():
    letter = re.compile("[a-z]", re.I)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            assert re.fullmatch(folded(char), char, re.I), hex(code)
            assert folded(char).isascii() and folded(char).islower(), hex(code)

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
    # event types, means and claims
    "Russian forces said their troops pushed into the hamlet and seized it.",
    "The army gained 40 square kilometres, took a town and moved in on a settlement.",
    "Ukrainian troops withdrew and retreated as the city fell to an assault and was encircled.",
    "Explosions were heard in Belgorod, and a blast rocked a depot hit by Shahed drones.",
    "A ballistic missile, Kh-101 rockets, Iskanders and a Kalibr struck, and UAVs were downed.",
    "Glide bombs, a KAB and FAB-500 hit the town; artillery shelled it and mortars fired on it.",
    "Grad rockets and howitzers opened fire; the bombardment damaged homes without power.",
    "Power outages and blackouts hit energy facilities, and a blaze spread through debris.",
    "The foothold in the incursion held; an attack on the town and strikes in the city.",
    "Another attack wounded soldiers and servicemen; a building collapsed and was in flames.",
    "Talks and a summit on a peace plan and a ceasefire; leaders met to meet at a meeting.",
    "Germany announced a military aid package and the delivery of generators to Kyiv.",
    "Russian defence ministry said it; Moscow claimed it; Ukraine said it, according to ISW.",
    "Officials said, the Ukrainian air force reported, and Reuters reported it was confirmed.",
    "The claim could not be independently verified and remained unverified.",
    "Ukraine's military said the strike was confirmed.",
    # victims named, and counts next to words that hold a number word ("drones", "often")
    "Two rescuers and a nurse were injured; a volunteer and his grandson were killed.",
    "The shelling killed a couple and injured their neighbour, often hitting drones.",
    "Someone said a teacher had died; the body of a passer-by was found; one more was hurt.",
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
    *((rules.MEANS[name], rules.MEANS_WORDS[name]) for name in rules.MEANS),
    (rules.STRIKE_VERB, rules.STRIKE_VERB_WORDS),
    (rules.DAMAGE, rules.DAMAGE_WORDS),
    (rules.MILITARY_VICTIMS, rules.MILITARY_VICTIMS_WORDS),
    (rules.STRIKE_NOUN, rules.STRIKE_NOUN_WORDS),
    (rules.STRIKE_AT, rules.STRIKE_NOUN_WORDS),
    (rules.SAME_AGAIN, rules.STRIKE_NOUN_WORDS),
    (rules.CAPTURE, rules.CAPTURE_WORDS),
    (rules.SETTLEMENT_NOUN, rules.SETTLEMENT_NOUN_WORDS),
    (rules.ADVANCE, rules.ADVANCE_WORDS),
    (rules.MOVEMENT, rules.MOVEMENT_WORDS),
    (rules.EXPLOSIONS, rules.EXPLOSIONS_WORDS),
    (rules.FOOTHOLD, rules.FOOTHOLD_WORDS),
    (rules.INFRASTRUCTURE, rules.INFRASTRUCTURE_WORDS),
    (rules.DIPLOMACY, rules.DIPLOMACY_WORDS),
    (rules.AID, rules.AID_WORDS),
    (rules.CIVILIAN_HARM, rules.CIVILIAN_HARM_WORDS),
    *zip(rules.CLAIMANTS, rules.CLAIMANT_WORDS, strict=True),
    (rules.UNCONFIRMED, rules.UNCONFIRMED_WORDS),
    (rules.CONFIRMED, rules.CONFIRMED_WORDS),
]


def test_there_are_as_many_word_lists_as_patterns():
    assert len(rules.KILLED_WORDS) == len(rules.KILLED)
    assert len(rules.INJURED_WORDS) == len(rules.INJURED)
    assert len(rules.CLAIMANT_WORDS) == len(rules.CLAIMANTS)
    assert set(rules.MEANS_WORDS) == set(rules.MEANS)


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


def _flagged(killed_flags, injured_flags):
    """The killed and injured patterns whose flag is set."""
    return [p for patterns, flags in ((rules.KILLED, killed_flags), (rules.INJURED, injured_flags))
            for p, flag in zip(patterns, flags, strict=True) if flag]


COUNTED = _flagged(rules.KILLED_COUNTED, rules.INJURED_COUNTED)
VICTIMS = _flagged(rules.KILLED_VICTIMS, rules.INJURED_VICTIMS)
# Blanking what a flagged pattern needs: the counts (digits and number words, longest
# first), or the victim words.
_NO_COUNT = re.compile(r"\d|" + "|".join(
    map(re.escape, sorted(rules.COUNT_WORDS, key=len, reverse=True))), re.I)
_NO_VICTIMS = re.compile("|".join(map(re.escape, rules.VICTIM_WORDS)), re.I)


@pytest.mark.parametrize(("killed", "injured", "group"), [
    (rules.KILLED_COUNTED, rules.INJURED_COUNTED, "num"),
    (rules.KILLED_VICTIMS, rules.INJURED_VICTIMS, "victims"),
], ids=["count", "victims"])
def test_the_flags_match_the_patterns(killed, injured, group):
    assert len(killed) == len(rules.KILLED)
    assert len(injured) == len(rules.INJURED)
    # the patterns said to need a count (victims) are those that read one (name them)
    for patterns, flags in ((rules.KILLED, killed), (rules.INJURED, injured)):
        for pattern, flag in zip(patterns, flags, strict=True):
            assert flag == (group in pattern.groupindex), pattern.pattern[:60]


@pytest.mark.parametrize(("pattern", "blank"), [
    *((p, _NO_COUNT) for p in COUNTED),
    *((p, _NO_VICTIMS) for p in VICTIMS),
])
def test_without_what_a_flag_needs_nothing_matches(pattern, blank):
    matched = [text for text in SAMPLES if pattern.search(text)]
    assert matched
    for text in matched:
        assert pattern.search(blank.sub(lambda m: "#" * len(m.group(0)), text)) is None


@pytest.mark.parametrize("pattern", COUNTED)
def test_every_count_starts_where_count_start_finds_one(pattern):
    for text in SAMPLES:
        for match in pattern.finditer(text):
            start = match.start("num")
            assert rules.COUNT_START.match(text, start), (text, match.group(0))

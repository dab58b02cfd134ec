"""Every text scanner runs in linear time: 1 MB takes about ten times as long as 100 KB."""

import time
import warnings

import pytest

from geo_ukraine import extract_events, find_places
from geo_ukraine.extract import sentences

# Our own sentence, repeated; the same text on one line and with a paragraph per sentence.
SENTENCE = ("Overnight, Russian drones struck Kharkiv and the Sumy region, killing two people "
            "and wounding a 45-year-old man, the governor said on March 3. ")
# 10x the text may take at most this many times as long (linear is ~10; quadratic ~100).
# The margin is for a loaded machine: on CI's shared cores a linear scanner measured 17.
MAX_RATIO = 30


def _seconds(function, text, runs):
    """CPU seconds of this process (other processes on the machine do not count), best of runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


def _events(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_events(text, published="2026-03-05")


@pytest.mark.parametrize("separator", ["", "\n"])
@pytest.mark.parametrize("function", [sentences, find_places, _events],
                         ids=["sentences", "find_places", "extract_events"])
def test_one_megabyte_takes_at_most_thirty_times_100_kb(function, separator):
    unit = SENTENCE + separator
    small = unit * (100_000 // len(unit))
    large = unit * (1_000_000 // len(unit))
    function(small)  # load the gazetteer, import what the first call imports
    ratio = _seconds(function, large, 3) / _seconds(function, small, 3)
    assert ratio < MAX_RATIO, f"1 MB took {ratio:.1f} times as long as 100 KB"


@pytest.mark.parametrize("unit", ["Sumy and ", "Kharkiv, ", "Izium district ", "a man and ",
                                  "Andriivka near ", "Dnipropetrovsk and ", "killed "])
def test_long_lists_and_repeats_stay_linear(unit):
    def text(size):
        return "Drones hit Sumy. " + unit * (size // len(unit)) + " killed 2."

    _events(text(2000))
    ratio = _seconds(_events, text(80_000), 2) / _seconds(_events, text(20_000), 3)
    # linear is ~4, quadratic ~16
    assert ratio < 10, f"4 times the text took {ratio:.1f} times as long"

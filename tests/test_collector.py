"""The collector pause around reading: off inside, restored after, never turned on by us."""

import gc

import pytest

from geo_ukraine import extract_events, find_places
from geo_ukraine._collector import collector_paused, without_collector_pauses


@pytest.fixture(autouse=True)
def _collector_back_on():
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_it_back_on():
    with pytest.raises(ValueError, match="inside"), collector_paused():
        raise ValueError("inside")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_nested_pauses_turn_it_on_once_at_the_outer_end():
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_reader_runs_without_pauses_and_leaves_the_collector_as_it_found_it():
    seen = []

    @without_collector_pauses
    def look(text):
        """Docstring kept."""
        seen.append(gc.isenabled())
        return find_places(text)

    assert [m.surface for m in look("Drones hit Sumy.")] == ["Sumy"]
    assert seen == [False] and gc.isenabled() and look.__doc__ == "Docstring kept."
    extract_events("A missile hit Dnipro on March 2.", published="2026-03-04")
    assert gc.isenabled()
    gc.disable()
    find_places("Drones hit Sumy.")
    assert not gc.isenabled()


def test_a_bad_text_raises_and_the_collector_is_on_again():
    with pytest.raises(TypeError, match="text must be a string"):
        find_places(b"Sumy")  # type: ignore[arg-type]
    assert gc.isenabled()

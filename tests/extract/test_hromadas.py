"""Communities named by their adjective are found at their centres."""

import pytest

from geo_ukraine import find_places
from geo_ukraine.extract.hromadas import centre_names


@pytest.mark.parametrize(
    ("adjective", "first"),
    [("Chervonohryhorivska", "Chervonohryhorivka"), ("Bilopilska", "Bilopillia"),
     ("Marhanetska", "Marhanets"), ("Kupianska", "Kupiansk"), ("Nikopolska", "Nikopol")],
)
def test_an_adjective_gives_its_centres_name_first(adjective, first):
    assert centre_names(adjective)[0] == first


def test_a_word_not_ending_in_ska_is_no_community():
    assert centre_names("Kharkiv") == [] and centre_names("Sumska") == []


def test_communities_named_by_adjective_are_their_centres():
    text = ("Shelling hit the Bilopilska and Yunakivska communities, and the "
            "Chervonohryhorivska community lost power.")
    found = [(m.surface, m.place.name) for m in find_places(text)]
    assert found == [("Bilopilska", "Bilopillia"), ("Yunakivska", "Yunakivka"),
                     ("Chervonohryhorivska", "Chervonohryhorivka")]


def test_an_adjective_without_a_community_noun_is_not_a_place():
    assert find_places("The Bilopilska delegation arrived on Monday.") == []

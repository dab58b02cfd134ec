"""Killed, injured and quantities."""

import pandas as pd
import pytest

from geo_ukraine import extract_events
from geo_ukraine.extract.figures import casualties_at, injured, killed, quantities

FIGURES = [
    ("Artillery shells hit a bus stop in Kherson, killing at least five people and injuring "
     "eleven more, regional officials said on March 3.", 5, 11),
    ("A missile strike on Odesa killed two teenagers and wounded six others overnight, "
     "the governor said.", 2, 6),
    ("No fewer than a dozen people were hurt when drones struck Sumy on Monday, officials "
     "reported.", None, 12),
    ("Three civilians were killed and 14 wounded as glide bombs hit Kostiantynivka, the "
     "regional governor said.", 3, 14),
]


@pytest.mark.parametrize(("sentence", "killed", "injured"), FIGURES)
def test_figures(sentence, killed, injured):
    events = extract_events(sentence, published="2026-03-05")
    assert len(events) == 1
    row = events.iloc[0]
    assert (None if pd.isna(row.fatalities) else int(row.fatalities)) == killed
    assert (None if pd.isna(row.injured) else int(row.injured)) == injured


@pytest.mark.parametrize(
    ("sentence", "killed_", "injured_", "quantity"),
    [
        ("Shelling killed two 17-year-olds and wounded six others.", 2, 6, None),
        ("At least a dozen residents were injured.", None, 12, None),
        # victims counted by what they were doing or are
        ("Five students were injured and two journalists killed.", 2, 5, None),
        ("Three firefighters were wounded by a second strike.", None, 3, None),
        ("Seven drones were destroyed over the city.", None, None, None),
        ("A strike killed 1,200.", 1200, None, None),
        ("Russia launched more than 90 drones and 12 missiles.", None, None,
         "more than 90 drones; 12 missiles"),
        # ages are not counts; a singular victim is one; "no casualties" is nought
        ("Two women, aged 61 and 73, died when the shell hit their house.", 2, None, None),
        ("A drone killed a driver on the road out of town.", 1, None, None),
        ("A man was killed and his neighbour was wounded.", 1, 1, None),
        ("A 70-year-old woman and her 72-year-old husband were injured.", None, 2, None),
        ("Officials said there were no casualties.", 0, 0, None),
        ("By the evening the death toll had risen to 14.", 14, None, None),
        ("The strike claimed the lives of at least 9 people and caused 30 injuries.", 9, 30,
         None),
        # a singular victim with a describing word is still one person
        ("Shelling of the town on Monday wounded a civilian man aged 40.",
         None, 1, None),
        # singular victims and counted groups joined by "and" add up
        ("A woman and two children were injured when debris fell on the yard.", None, 3,
         None),
        ("The strike killed two people and a child and wounded a man and his wife.", 3, 2,
         None),
        # in hospital is hurt; a body or remains found is one dead
        ("Firefighters found one dead in the burnt-out shop; a man and three women were "
         "later taken to hospital.", 1, 4, None),
        ("The remains of a woman were recovered and two men and a girl were taken to "
         "hospital.", 1, 3, None),
        ("Rescuers pulled the bodies of 4 people from the rubble.", 4, None, None),
        # who is among them, or an apposition, does not change the count
        ("Three civilians, including a child, were wounded.", None, 3, None),
        ("Two people, a man and a woman, were killed in the strike.", 2, None, None),
        ("Five people, among them two children, were taken to hospital.", None, 5, None),
        # "more" after a count is still the count
        ("Drones hit the airfield, killing two pilots and wounding four more.", 2, 4, None),
        ("The remains of a missile were found in a field.", None, None, None),
        # one more victim as a pronoun; injuries sustained; "N of them" between count and verb
        ("A drone hit a car, killing one person and injuring another.", 1, 1, None),
        ("One person was killed and another injured in the strike.", 1, 1, None),
        ("Two people were killed and one more was injured.", 2, 1, None),
        ("A 34-year-old man sustained shrapnel wounds.", None, 1, None),
        ("Three people sustained injuries.", None, 3, None),
        ("Eight people, four of them children, were killed.", 8, None, None),
        ("The strike killed another 5 people.", 5, None, None),
        # a couple is two; a possessive before a counted group; bodies counted
        ("The drone strike killed a couple and their two children.", 4, None, None),
        ("Rescuers pulled 14 bodies from the rubble.", 14, None, None),
        ("A manager was injured.", None, None, None),
        # dead and hurt as one figure give neither
        ("The strike killed and wounded 15 people.", None, None, None),
        ("The attack left 12 people dead or wounded.", None, None, None),
        ("A drone attack wounded 3 and killed 1.", 1, 3, None),
        # nobody is not one; a toll may be named after its incident
        ("Shells hit the market on Sunday, the governor said. No one was hurt.", 0, 0, None),
        ("The death toll from the missile strike on the city centre rose to 32, with 94 "
         "injured.", 32, 94, None),
        # a running total is not the incident's figure
        ("A drone killed 3 people in the town on Monday, bringing the number killed since "
         "the start of the war to 150.", 3, None, None),
    ],
)
def test_figure_parsers(sentence, killed_, injured_, quantity):
    assert (killed(sentence), injured(sentence), quantities(sentence)) == (
        killed_, injured_, quantity)


def test_a_running_total_is_no_event():
    text = ("Since the start of the full-scale invasion, Russian strikes on Kharkiv have "
            "killed more than 1,000 civilians.")
    assert extract_events(text, published="2026-03-05").empty


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # a share of a total named for one place is that place's figure
        ("Russian strikes killed at least 11 people in Ukraine on Friday, including eight "
         "in the city of Kryvyi Rih.", "Kryvyi Rih", (8, None)),
        ("Russian strikes killed at least 11 people in Ukraine on Friday, including eight "
         "in the city of Kryvyi Rih.", "Ukraine", (11, None)),
        ("Drones wounded 20 people, among them 12 in Kharkiv and five in Chuhuiv.",
         "Chuhuiv", (None, 5)),
        ("Shelling killed 3 people in Kherson and 2 in Nikopol.", "Nikopol", (2, None)),
        # both figures given: a share cannot say which it is, the sentence's stand
        ("A missile killed 4 and wounded 20 in Dnipro, 3 in Pavlohrad.", "Pavlohrad",
         (4, 20)),
    ],
)
def test_a_share_of_a_total_goes_to_its_place(sentence, place, expected):
    assert casualties_at(sentence, sentence.index(place)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each place takes the figures of its own clause
        ("Russian drones killed two people in Kharkiv and injured three in Sumy overnight.",
         {"Kharkiv": (2, None), "Sumy": (None, 3)}),
        ("Two people were killed in Kharkiv and three were injured in Sumy after drone "
         "strikes.", {"Kharkiv": (2, None), "Sumy": (None, 3)}),
        # a clause naming no place completes the place's figures
        ("A missile hit Chernihiv, killing 17 people, including two children, and injuring "
         "60.", {"Chernihiv": (17, 60)}),
        ("Shelling killed 2 people and injured 5 in Kherson on Sunday.", {"Kherson": (2, 5)}),
    ],
)
def test_figures_by_clause(text, expected):
    ev = extract_events(text, published="2026-03-05")
    got = [tuple(None if pd.isna(v) else int(v) for v in (k, i))
           for k, i in zip(ev.fatalities, ev.injured, strict=True)]
    assert got == list(expected.values())  # events in text order, one per place


def test_number_words_in_letters_that_fold_to_ascii_are_read_not_a_crash():
    # A case-blind pattern takes ı, ſ and the Kelvin sign for i, s and k; so must the count.
    text = "Drones kılled fıve people and wounded ſeven in Kharkiv on March 3, 2026."
    assert (killed(text), injured(text)) == (5, 7)
    events = extract_events("Drones kılled fıve people in Kharkiv on March 3, 2026.")
    assert events["fatalities"].tolist() == [5]


def test_a_figure_shared_by_several_places_is_given_once():
    # "killed four" across two towns: a sum over the events must not count eight.
    events = extract_events("Russian attacks on Sumy and Kharkiv killed four people on "
                            "March 3, 2026.")
    assert events["place_name"].tolist() == ["Sumy", "Kharkiv"]
    assert [None if pd.isna(v) else v for v in events["fatalities"]] == [4, None]
    # Figures of their own stay with each place.
    events = extract_events("Drones killed two in Kharkiv and injured three in Sumy on "
                            "March 3, 2026.")
    assert [None if pd.isna(v) else v for v in events["fatalities"]] == [2, None]
    assert [None if pd.isna(v) else v for v in events["injured"]] == [None, 3]

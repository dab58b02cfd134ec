"""The role of a place name in its sentence: a location, an actor, part of a name, or a person.

``location``: a place as a place, including a topic or an office's jurisdiction ("Kharkiv
Mayor Ihor Terekhov", "Kyiv's mayor", "Ukraine's Zaporizhzhia region"). ``actor``: the name
stands for a state, its government, army or officials ("Moscow said", "Russia's defence
ministry", "Moscow blamed Kyiv"). ``name_part``: inside a fixed proper name ("Kyiv
Independent", "Armed Forces of Ukraine", "Black Sea Fleet", "Kyiv time"). ``person``: the
word is a person's name that is also a town somewhere ("Volodymyr Zelensky", "Senator Lindsey
Graham", "Vitalii Kim" and every later bare "Kim"): such a word is not a place mention.
"""

from __future__ import annotations

import dataclasses
import re

from ..gazetteer import Place
from ..vocab import REGION_WORD_PATTERN
from .rules import (
    ACTOR_BEFORE,
    ACTOR_INSTITUTIONS,
    ACTOR_VERBS,
    JURISDICTION_TITLES,
    LOCATIVE_WORDS,
    NAME_FOLLOWERS,
    NAME_FOLLOWERS_LOWER,
    NOT_PERSON_BEFORE,
    ORGANISATION_OF,
    PERSON_BEFORE,
    SENTENCE_OPENERS,
    SKIP_SINGLE,
    SPEECH_VERBS,
    UNIT_NAME_AFTER,
)
from .sentences import starts_sentence
from .tokens import WORD, Token, between

__all__ = ["NameContext", "role", "seat_role"]

# A city this large stands for its government when it acts ("Moscow said").
_CAPITAL_POPULATION = 1_000_000
_POSSESSIVE = re.compile(r"[’'ʼ]s$")
# A town this large is never taken for a person's name ("On Saturday Kyiv denied").
_PERSON_MAX_POPULATION = 200_000
# How far around a word its line is read to tell a headline.
_HEADLINE_REACH = 60
# "according to" just before a name: its speaker.
_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.I)
# Kinds of place whose name is also a person's name often enough to check.
_PERSONAL_KINDS = ("settlement", "other")


@dataclasses.dataclass
class NameContext:
    """What the reading of one text has learnt so far about its names.

    Attributes
    ----------
    lowercase : set of str
        Words the text also writes in lower case (so a capitalised one may be ordinary).
    persons : set of str
        Words found to be people's names; later bare uses are people too.
    """

    lowercase: set[str] = dataclasses.field(default_factory=set)
    persons: set[str] = dataclasses.field(default_factory=set)


def role(text: str, tokens: list[Token], first: int, end: int, place: Place | None,
         names: NameContext | None = None) -> str:
    """``location``, ``actor``, ``name_part`` or ``person`` for ``tokens[first:end]``.

    Parameters
    ----------
    text : str
    tokens : list of Token
        The text's words.
    first, end : int
        The name's first token and the token after its last.
    place : Place or None
        What the name resolved to.
    names : NameContext, optional
        What the text has shown so far; a name found to be a person's is remembered in it.

    Returns
    -------
    str
    """
    names = names if names is not None else NameContext()
    if _is_name_part(text, tokens, first, end):
        return "name_part"
    if place is not None and place.kind in _PERSONAL_KINDS and end - first == 1 and \
            _is_person(text, tokens, first, names,
                       weak=place.population < _PERSON_MAX_POPULATION):
        names.persons.add(tokens[first].lower)
        return "person"
    if place is None or place.kind not in ("country", "settlement"):
        return "location"
    if place.kind != "country" and place.population < _CAPITAL_POPULATION:
        return "location"
    return _location_or_actor(text, tokens, first, end)


def seat_role(text: str, tokens: list[Token], first: int, end: int) -> str:
    """``actor`` or ``location`` for a seat of government ("the Kremlin said": actor).

    Parameters
    ----------
    text : str
    tokens : list of Token
    first, end : int
        The name's first token and the token after its last.

    Returns
    -------
    str
    """
    return _location_or_actor(text, tokens, first, end)


def _neighbours(text: str, tokens: list[Token], first: int, end: int
                ) -> tuple[Token | None, Token | None]:
    """The words right before and after the name, when only a space parts them from it."""
    before = tokens[first - 1] if first > 0 else None
    after = tokens[end] if end < len(tokens) else None
    if before is not None and between(text, before, tokens[first]) != " ":
        before = None
    if after is not None and between(text, tokens[end - 1], after) != " ":
        after = None
    return before, after


# "Security Service of (the) X": the word before "of" names an organisation.
_BEFORE_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def _is_name_part(text: str, tokens: list[Token], first: int, end: int) -> bool:
    """Whether the name is a word of an organisation's, unit's or outlet's name."""
    if UNIT_NAME_AFTER.match(text, tokens[end - 1].end):
        return True  # "the “Kharkiv” group of forces"
    after = _neighbours(text, tokens, first, end)[1]
    possessive = _POSSESSIVE.search(tokens[end - 1].text) is not None
    if after is not None and not possessive and (
            (after.capital and after.lower in NAME_FOLLOWERS)
            or after.text in NAME_FOLLOWERS_LOWER):
        return True
    if possessive:
        return False  # "the General Staff of Ukraine's army": Ukraine acts
    # "Security Service of Ukraine", "Investigative Committee of the Russian Federation"
    window = text[max(0, tokens[first].start - 40):tokens[first].start]
    if not window.rstrip().endswith(("of", "the")):  # the pattern below needs one of them
        return False
    organisation = _BEFORE_OF.search(window)
    return organisation is not None and organisation.group(1).lower() in ORGANISATION_OF


def _is_person(text: str, tokens: list[Token], first: int, names: NameContext, *,
               weak: bool) -> bool:
    """Whether a one-word settlement name is a person's name here.

    A title or name particle before it, or a surname after it, always tells; a remembered
    surname, a verb of speaking after it ("Budanov said"), "according to" before it or a
    capitalised word before it (``weak`` evidence) only for towns small enough to be
    someone's name ("Kim", "Graham"), never for a city ("On Saturday Kyiv denied").
    """
    word = tokens[first]
    before, after = _neighbours(text, tokens, first, first + 1)
    if weak and word.lower in names.persons and not (
            after is not None and REGION_WORD_PATTERN.match(after.text)):
        return True  # "Quote from Kim": a name the text already gave a person
    if weak and _ACCORDING_TO.search(text, max(0, word.start - 16), word.start) and \
            _POSSESSIVE.search(word.text) is None and not (
                after is not None and REGION_WORD_PATTERN.match(after.text)):
        return True  # "according to Gladkov" (not "according to Kherson's governor")
    if before is not None and before.lower in LOCATIVE_WORDS:
        return False
    if after is not None and (REGION_WORD_PATTERN.match(after.text)
                              or after.lower in JURISDICTION_TITLES):
        return False  # "Kupiansk district", "Kharkiv Mayor"
    if weak and word.lower in names.persons:
        return True
    if weak and after is not None and after.lower in SPEECH_VERBS:
        return True  # "Budanov said"
    if weak and after is None and before is not None and before.lower in SPEECH_VERBS:
        return True  # "..., said Graham."
    if before is not None and (before.lower in PERSON_BEFORE or before.lower.rstrip(".")
                               in PERSON_BEFORE):
        return True
    if after is not None and after.capital and not after.text.isupper() and \
            _POSSESSIVE.search(word.text) is None and after.lower not in names.lowercase \
            and after.lower not in SKIP_SINGLE and not _in_headline(text, word.start):
        return True  # "Volodymyr Zelensky": a given name before a surname
    return weak and before is not None and before.capital and not before.text.isupper() \
        and NOT_PERSON_BEFORE.search(before.text) is None \
        and _POSSESSIVE.search(before.text) is None \
        and before.lower not in names.lowercase \
        and not (starts_sentence(text, before.start) and before.lower in SENTENCE_OPENERS)


def _in_headline(text: str, offset: int) -> bool:
    """Whether the words around ``offset`` are a title-case headline ("Sumy Burns Again")."""
    before = text.rfind("\n", max(0, offset - _HEADLINE_REACH), offset)
    stop = text.find("\n", offset, offset + _HEADLINE_REACH)
    if (before < 0 and offset > _HEADLINE_REACH) or (stop < 0 and
                                                     len(text) > offset + _HEADLINE_REACH):
        return False  # a long line is body text, not a headline
    words = WORD.findall(text[before + 1:stop if stop >= 0 else len(text)])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _location_or_actor(text: str, tokens: list[Token], first: int, end: int) -> str:
    """Whether a country or capital is where something happens or who does it."""
    after = tokens[end] if end < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    possessive = _POSSESSIVE.search(tokens[end - 1].text) is not None
    if possessive:
        # "Russia's defence ministry" acts; "Ukraine's Sumy region", "Kyiv's mayor" are places
        return "actor" if after is not None and after.lower in ACTOR_INSTITUTIONS else \
            "location"
    if before is not None and before.lower in LOCATIVE_WORDS:
        return "location"
    if after is not None and after.lower in ACTOR_VERBS:
        return "actor"
    if before is not None and before.lower in SPEECH_VERBS and (
            after is None or not after.text[:1].isalpha()
            or between(text, tokens[end - 1], after).strip()):
        return "actor"  # "..., said Moscow."
    if before is not None and before.lower in ACTOR_BEFORE and (
            after is None or after.lower in ("to", "and", "have", "has", "for", "of", "in")
            or not after.text[:1].isalpha()):
        return "actor"
    return "location"

"""The role of a place name in its sentence: a location, an actor, or part of another name."""

from __future__ import annotations

import re

from ..gazetteer import Place
from ..vocab import REGION_WORD_PATTERN
from .rules import ACTOR_BEFORE, ACTOR_VERBS, LOCATIVE_WORDS, NAME_FOLLOWERS
from .sentences import starts_sentence
from .tokens import Token, between

__all__ = ["role"]

# A city this large stands for its government when it acts ("Moscow said").
_CAPITAL_POPULATION = 1_000_000


def role(text: str, tokens: list[Token], first: int, end: int, place: Place | None) -> str:
    """``location``, ``actor`` or ``name_part`` for the name in ``tokens[first:end]``.

    A name followed by an outlet's word ("Kyiv Independent") or a surname ("Volodymyr
    Zelensky"), or preceded by a title ("Senator Lindsey Graham"), is a ``name_part``. A
    country or capital that says, uses or claims ("Moscow said") is an ``actor``. The rest
    are ``location``.

    Parameters
    ----------
    text : str
    tokens : list of Token
        The text's words.
    first, end : int
        The name's first token and the token after its last.
    place : Place or None
        What the name resolved to.

    Returns
    -------
    str
    """
    if _is_name_part(text, tokens, first, end, place):
        return "name_part"
    if place is None or place.kind not in ("country", "settlement"):
        return "location"
    if place.kind != "country" and place.population < _CAPITAL_POPULATION:
        return "location"
    return _location_or_actor(text, tokens, first, end)


def _is_name_part(text: str, tokens: list[Token], first: int, end: int,
                  place: Place | None) -> bool:
    """Whether the name is a word of a person's, outlet's or organisation's name."""
    after = tokens[end] if end < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    tight_after = after is not None and between(text, tokens[end - 1], after) == " "
    if after is not None and tight_after and after.capital and after.lower in NAME_FOLLOWERS:
        return True
    if before is not None and between(text, before, tokens[first]) == " " and before.capital \
            and before.lower in ("the",) and after is not None and after.capital:
        return True
    if place is not None and place.kind in ("country", "settlement") and after is not None \
            and tight_after and after.capital and not REGION_WORD_PATTERN.match(after.text):
        return True  # "Volodymyr Zelensky", "Russia Matters", "Ana Dumbadze"
    # "Senator Lindsey Graham", "President Volodymyr ...": a capitalised word before a town
    # that is not a locative and does not open the sentence.
    return before is not None and before.capital and before.lower not in LOCATIVE_WORDS and \
        between(text, before, tokens[first]) == " " and place is not None and \
        place.kind == "settlement" and not starts_sentence(text, before.start)


def _location_or_actor(text: str, tokens: list[Token], first: int, end: int) -> str:
    """Whether a country or capital is where something happens or who does it."""
    after = tokens[end] if end < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    possessive = re.match(r"[’'ʼ]s\b", text[tokens[end - 1].end - 2:tokens[end - 1].end]) is \
        not None
    if before is not None and before.lower in LOCATIVE_WORDS:
        return "location"
    if after is not None and after.lower in ACTOR_VERBS and not possessive:
        return "actor"
    if before is not None and before.lower in ACTOR_BEFORE and after is not None and \
            after.lower in ("to", "and", "have", "has"):
        return "actor"
    return "location"

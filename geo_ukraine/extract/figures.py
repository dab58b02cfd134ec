"""Figures a sentence reports: people killed and injured, quantities of means and damage."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .rules import (
    CLAUSE_BREAK,
    COMBINED_CORE,
    COMBINED_FIGURE,
    COMBINED_WORDS,
    COUNT_START,
    COUNT_WORDS,
    CUMULATIVE,
    CUMULATIVE_WORDS,
    INJURED,
    INJURED_COUNTED,
    INJURED_HINT_WORDS,
    INJURED_VICTIMS,
    INJURED_WORDS,
    KILLED,
    KILLED_COUNTED,
    KILLED_HINT_WORDS,
    KILLED_VICTIMS,
    KILLED_WORDS,
    NO_CASUALTIES,
    NO_CASUALTIES_WORDS,
    NUMBER_WORDS,
    QUANTITY,
    QUANTITY_WORDS,
    SHARE_BEFORE,
    VICTIM_ITEM,
    VICTIM_WORDS,
)
from .sentences import folded, has_any, search

__all__ = ["Casualties", "casualties_at", "injured", "killed", "no_casualties", "quantities"]

# How far before a place's name a share of a total ("including eight in the city of") is read.
_SHARE_REACH = 80
# A digit: with the count words, what a pattern that reads a count needs.
_DIGIT = re.compile(r"\d")


def _number(value: str) -> int:
    """A count as written: digits ("1,200") or a number word in any case ("Fıve", "TWELVE").

    A case-blind pattern also takes the letters that fold to ASCII ones (ı, ſ, the Kelvin
    sign): they are folded the same way before the word is looked up.
    """
    value = value.replace(",", "")
    return int(value) if value.isdigit() else NUMBER_WORDS[" ".join(folded(value).split())]


def _count(match: re.Match[str]) -> int:
    """The figure a match gives: its number, or how many victims it lists one by one."""
    groups = match.groupdict()
    if groups.get("single"):
        return 1  # "and injuring another"
    victims = groups.get("victims")
    if victims:
        return sum(2 if item.group("couple") else 1 if item.group("one")
                   else _number(item.group("many")) for item in VICTIM_ITEM.finditer(victims))
    return _number(match.group("num"))


class _Reading:
    """One sentence's figures, read once: the sentence folded, and the part figures are in.

    Figures after a running total's start ("since the start of the war") are that total's,
    not an incident's, and dead and hurt given as one figure ("killed and wounded 15") are
    neither; both are left out. Each pattern is only run on a text holding one of the words
    it needs (:mod:`~geo_ukraine.extract.rules`).
    """

    __slots__ = ("_counted", "_cut", "lowered", "sentence")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.lowered = folded(sentence)
        self._cut: tuple[str, str] | None = None
        self._counted: bool | None = None

    def killed(self) -> int | None:
        """See :func:`killed`."""
        found = self._figure(KILLED, KILLED_WORDS, KILLED_COUNTED, KILLED_VICTIMS) \
            if has_any(self.lowered, KILLED_HINT_WORDS) else None
        return 0 if found is None and self.no_casualties() else found

    def injured(self) -> int | None:
        """See :func:`injured`."""
        found = self._figure(INJURED, INJURED_WORDS, INJURED_COUNTED, INJURED_VICTIMS) \
            if has_any(self.lowered, INJURED_HINT_WORDS) else None
        return 0 if found is None and self.no_casualties() else found

    def no_casualties(self) -> bool:
        """See :func:`no_casualties`."""
        return search(NO_CASUALTIES, self.sentence, NO_CASUALTIES_WORDS,
                      self.lowered) is not None

    def _figure(self, patterns: Sequence[re.Pattern[str]], words: Sequence[tuple[str, ...]],
                counted: Sequence[bool], victims: Sequence[bool]) -> int | None:
        """The largest figure any pattern finds (a toll is restated as it rises).

        ``words``, ``counted`` and ``victims`` say, for each pattern, the words one of which
        it needs, whether it needs a count and whether it needs victims named.
        """
        text, lowered = self._figure_text()
        found = [_count(m)
                 for pattern, needs, count, named in zip(patterns, words, counted, victims,
                                                         strict=True)
                 if has_any(lowered, needs) and (not count or self._has_count())
                 and (not named or has_any(lowered, VICTIM_WORDS))
                 for m in pattern.finditer(text)]
        return max(found) if found else None

    def _has_count(self) -> bool:
        """Whether the part figures are read in holds a count: a digit or a number word."""
        if self._counted is None:
            text, lowered = self._figure_text()
            self._counted = _DIGIT.search(text) is not None or \
                search(COUNT_START, text, COUNT_WORDS, lowered) is not None
        return self._counted

    def _figure_text(self) -> tuple[str, str]:
        """The part of the sentence its figures are read in, and that part folded.

        Before a running total's start, with dead and hurt given as one figure ("killed
        and wounded 15") blanked out.
        """
        if self._cut is None:
            text = self.sentence
            total = search(CUMULATIVE, text, CUMULATIVE_WORDS, self.lowered)
            if total:
                text = text[:total.start()]
            if search(COMBINED_CORE, text, COMBINED_WORDS, self.lowered):
                text = COMBINED_FIGURE.sub(" ", text)  # "killed and wounded 15": neither
            self._cut = (text, self.lowered if text is self.sentence else folded(text))
        return self._cut


def killed(sentence: str) -> int | None:
    """The number of people a sentence reports killed ("killing at least five"), if any.

    Ages are not counts ("two women, aged 61 and 73, died" is 2), a singular victim is one
    ("a man was killed"), and "no casualties" is 0.
    """
    return _Reading(sentence).killed()


def injured(sentence: str) -> int | None:
    """The number of people a sentence reports injured ("a dozen were injured"), if any."""
    return _Reading(sentence).injured()


class Casualties:
    """The killed and injured a sentence gives each place it names, clause by clause.

    When the clause that names a place gives figures, they are the place's ("At least a
    dozen were injured, and a strike in Sumy killed two and wounded nine" gives Sumy 2 and
    9; "drones killed two in Kharkiv and injured three in Sumy" gives Kharkiv 2 and Sumy 3);
    a figure the clause lacks comes from the clauses around it that name no place ("killed
    17, including two children, and injured 60 in Chernihiv"); a place whose clause gives
    none takes the sentence's. A figure is given once: when several places share it
    ("attacks on Sumy and Kharkiv killed four"), the first place asking has it and the
    others none, so that a sum over events does not count the same dead twice. Clauses are
    found once per sentence and each clause's figures read once, so a sentence naming many
    places costs no more per place.

    Parameters
    ----------
    sentence : str
    places : sequence of int, optional
        Where the sentence's places start; without them, only the place asked about counts.
    """

    def __init__(self, sentence: str, places: Sequence[int] = ()) -> None:
        self.sentence = sentence
        breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(sentence)]
        starts = [0] + [stop for _, stop in breaks]
        ends = [begin for begin, _ in breaks] + [len(sentence)]
        self._clauses = list(zip(starts, ends, strict=True))
        self._stops = [stop for _, stop in breaks]
        # the clauses that name a place (each clause's index), found once
        self._named = {bisect.bisect_right(self._stops, p) for p in places}
        self._memo: dict[int, tuple[int | None, int | None]] = {}
        self._filled: dict[int, tuple[int | None, int | None]] = {}
        self._given: set[int] = set()  # the figures handed out, by clause (-1: the sentence)

    def _read(self, start: int, end: int) -> tuple[int | None, int | None]:
        key = start * (len(self.sentence) + 1) + end
        if key not in self._memo:
            reading = _Reading(self.sentence[start:end])
            self._memo[key] = (reading.killed(), reading.injured())
        return self._memo[key]

    def at(self, offset: int) -> tuple[int | None, int | None]:
        """``(killed, injured)`` for the place named at ``offset``, each None if not stated.

        Asked for the places in text order: a figure already given to a place named before
        is not given again.
        """
        share = _share_before(self.sentence, max(0, offset - _SHARE_REACH), offset)
        if share is not None:
            dead, hurt = self._read(0, share.start())
            count = _number(share.group("num"))
            if (dead is None) != (hurt is None):  # "killed 11, including eight in X"
                return (count, None) if dead is not None else (None, count)
        source, figures = self._figures_at(offset)
        if figures != (None, None):
            if source in self._given:
                return None, None
            self._given.add(source)
        return figures

    def _figures_at(self, offset: int) -> tuple[int, tuple[int | None, int | None]]:
        """The figures of the place at ``offset`` and where they come from (-1: the sentence)."""
        whole = self._read(0, len(self.sentence))
        if len(self._clauses) == 1:
            return -1, whole
        n = bisect.bisect_right(self._stops, offset)
        figures = self._read(*self._clauses[n])
        if figures == (None, None):
            return -1, whole
        if n not in self._filled:  # places in one clause share its fill
            for other in self._placeless_around(n):
                more = self._read(*self._clauses[other])
                figures = (figures[0] if figures[0] is not None else more[0],
                           figures[1] if figures[1] is not None else more[1])
            self._filled[n] = figures
        return n, self._filled[n]

    def _placeless_around(self, n: int) -> list[int]:
        """The clauses naming no place that go with clause ``n``.

        Those after it up to the next place, and, when it names the first place, those
        before it.
        """
        named = self._named or {n}
        after = []
        for other in range(n + 1, len(self._clauses)):
            if other in named:
                break
            after.append(other)
        before = list(range(n)) if n <= min(named) else []
        return after + before


def _share_before(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """``SHARE_BEFORE.search(sentence, start, end)``, not run where it cannot match."""
    window = sentence[start:end]
    if not window[-1:].isspace() or (_DIGIT.search(window) is None
                                     and not has_any(folded(window), COUNT_WORDS)):
        return None
    return SHARE_BEFORE.search(sentence, start, end)


def casualties_at(sentence: str, offset: int) -> tuple[int | None, int | None]:
    """Killed and injured for the place named at ``offset`` in ``sentence``.

    See :class:`Casualties`.

    Parameters
    ----------
    sentence : str
    offset : int
        Where the place's name starts in ``sentence``.

    Returns
    -------
    tuple
        ``(killed, injured)``, each None when not stated.
    """
    return Casualties(sentence).at(offset)


def no_casualties(sentence: str) -> bool:
    """Whether a sentence says nobody was hurt ("There were no casualties")."""
    return _Reading(sentence).no_casualties()


def quantities(sentence: str) -> str | None:
    """The quantities a sentence names ("more than 90 drones; 12 missiles"), joined by "; "."""
    if not has_any(folded(sentence), QUANTITY_WORDS):
        return None
    return "; ".join(m.group(0) for m in QUANTITY.finditer(sentence)) or None

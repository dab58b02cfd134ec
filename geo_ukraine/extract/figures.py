"""Figures a sentence reports: people killed and injured, quantities of means and damage."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .rules import (
    CLAUSE_BREAK,
    COMBINED_FIGURE,
    CUMULATIVE,
    INJURED,
    INJURED_HINT,
    KILLED,
    KILLED_HINT,
    NO_CASUALTIES,
    NUMBER_WORDS,
    QUANTITY,
    SHARE_BEFORE,
    VICTIM_ITEM,
)

__all__ = ["Casualties", "casualties_at", "injured", "killed", "no_casualties", "quantities"]

# How far before a place's name a share of a total ("including eight in the city of") is read.
_SHARE_REACH = 80


def _number(value: str) -> int:
    value = value.lower().replace(",", "")
    return int(value) if value.isdigit() else NUMBER_WORDS[value]


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


def _figure(patterns: Sequence[re.Pattern[str]], sentence: str) -> int | None:
    """The largest figure any pattern finds (a toll is restated as it rises).

    Figures after a running total's start ("since the start of the war") are that total's,
    not an incident's, and dead and hurt given as one figure ("killed and wounded 15") are
    neither; both are left out.
    """
    total = CUMULATIVE.search(sentence)
    text = sentence[:total.start()] if total else sentence
    text = COMBINED_FIGURE.sub(" ", text)  # "killed and wounded 15": neither figure
    found = [_count(m) for pattern in patterns for m in pattern.finditer(text)]
    return max(found) if found else None


def killed(sentence: str) -> int | None:
    """The number of people a sentence reports killed ("killing at least five"), if any.

    Ages are not counts ("two women, aged 61 and 73, died" is 2), a singular victim is one
    ("a man was killed"), and "no casualties" is 0.
    """
    found = _figure(KILLED, sentence) if KILLED_HINT.search(sentence) else None
    if found is None and no_casualties(sentence):
        return 0
    return found


def injured(sentence: str) -> int | None:
    """The number of people a sentence reports injured ("a dozen were injured"), if any."""
    found = _figure(INJURED, sentence) if INJURED_HINT.search(sentence) else None
    if found is None and no_casualties(sentence):
        return 0
    return found


class Casualties:
    """The killed and injured a sentence gives each place it names, clause by clause.

    When the clause that names a place gives figures, they are the place's ("At least a
    dozen were injured, and a strike in Sumy killed two and wounded nine" gives Sumy 2 and
    9); otherwise the sentence's figures are. Clauses are found once per sentence and each
    clause's figures read once, so a sentence naming many places costs no more per place.

    Parameters
    ----------
    sentence : str
    """

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(sentence)]
        self._memo: dict[int, tuple[int | None, int | None]] = {}

    def _read(self, start: int, end: int) -> tuple[int | None, int | None]:
        key = start * (len(self.sentence) + 1) + end
        if key not in self._memo:
            part = self.sentence[start:end]
            self._memo[key] = (killed(part), injured(part))
        return self._memo[key]

    def at(self, offset: int) -> tuple[int | None, int | None]:
        """``(killed, injured)`` for the place named at ``offset``, each None if not stated."""
        share = SHARE_BEFORE.search(self.sentence, max(0, offset - _SHARE_REACH), offset)
        if share is not None:
            dead, hurt = self._read(0, share.start())
            count = _number(share.group("num"))
            if (dead is None) != (hurt is None):  # "killed 11, including eight in X"
                return (count, None) if dead is not None else (None, count)
        n = bisect.bisect_right([stop for _, stop in self._breaks], offset)
        start = self._breaks[n - 1][1] if n else 0
        end = self._breaks[n][0] if n < len(self._breaks) else len(self.sentence)
        if self._breaks:
            figures = self._read(start, end)
            if figures != (None, None):
                return figures
        return self._read(0, len(self.sentence))


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
    return NO_CASUALTIES.search(sentence) is not None


def quantities(sentence: str) -> str | None:
    """The quantities a sentence names ("more than 90 drones; 12 missiles"), joined by "; "."""
    return "; ".join(m.group(0) for m in QUANTITY.finditer(sentence)) or None

"""Figures a sentence reports: people killed and injured, quantities of means and damage."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .rules import INJURED, KILLED, NUMBER_WORDS, QUANTITY

__all__ = ["injured", "killed", "quantities"]


def _number(value: str) -> int:
    value = value.lower().replace(",", "")
    return int(value) if value.isdigit() else NUMBER_WORDS[value]


def _figure(patterns: Sequence[re.Pattern[str]], sentence: str) -> int | None:
    for pattern in patterns:
        match = pattern.search(sentence)
        if match:
            return _number(match.group("num"))
    return None


def killed(sentence: str) -> int | None:
    """The number of people a sentence reports killed ("killing at least five"), if any."""
    return _figure(KILLED, sentence)


def injured(sentence: str) -> int | None:
    """The number of people a sentence reports injured ("a dozen were injured"), if any."""
    return _figure(INJURED, sentence)


def quantities(sentence: str) -> str | None:
    """The quantities a sentence names ("more than 90 drones; 12 missiles"), joined by "; "."""
    return "; ".join(m.group(0) for m in QUANTITY.finditer(sentence)) or None

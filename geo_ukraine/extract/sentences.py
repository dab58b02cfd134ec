"""Sentences of an article with their offsets, page furniture marked as noise."""

from __future__ import annotations

import dataclasses
import operator
import re

from .tokens import WORD

__all__ = ["Sentence", "folded", "has_any", "search", "sentences", "starts_sentence"]

# A sentence ends at . ! or ? (perhaps closing a quote or bracket) before a capital or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z\u0400-\u042f0-9])")
_ABBREV = re.compile(r"\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|approx|e\.g|i\.e|Jan|Feb|"
                     r"Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gov|Rep|Sen|Sgt|Maj|Capt|"
                     r"[A-Z])\.$")
# How far back an abbreviation is looked for before a sentence end: a constant window keeps
# splitting linear in the length of a line, however many sentences it holds.
_ABBREV_WINDOW = 8
# How far back starts_sentence looks: a constant window keeps the check constant-time.
_START_WINDOW = 12


# The characters other than ASCII letters that a case-blind pattern matches with one (in
# Python's ``re``), each to the letter it matches: lowering alone keeps them apart.
_ASCII_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` in lower case, for a cheap test of the words a case-blind pattern needs.

    Wherever a pattern compiled with ``re.IGNORECASE`` matches a lower-case ASCII word,
    the word is in ``folded(text)``: "KILLED" and "Kıll" both hold "kill" once folded.
    So a pattern that needs one of a few words is only run on a text that has one.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Not always as long as ``text``: its offsets are not the text's.

    Examples
    --------
    >>> "killed" in folded("Two were KILLED")
    True
    """
    return text.lower() if text.isascii() else text.translate(_ASCII_TWINS).lower()


def has_any(folded_text: str, words: tuple[str, ...]) -> bool:
    """Whether a :func:`folded` text holds any of ``words`` (lower-case ASCII)."""
    for word in words:  # noqa: SIM110  (a plain loop: any() over a generator takes twice as long)
        if word in folded_text:
            return True
    return False


def search(pattern: re.Pattern[str], text: str, words: tuple[str, ...],
           lowered: str | None = None) -> re.Match[str] | None:
    """``pattern.search(text)``, not run when the text has none of the words it needs.

    Parameters
    ----------
    pattern : re.Pattern
        A rule pattern.
    text : str
    words : tuple of str
        The words one of which the pattern needs (its ``*_WORDS`` in
        :mod:`~geo_ukraine.extract.rules`).
    lowered : str, optional
        ``folded(text)``, when the caller has it.

    Returns
    -------
    re.Match or None
    """
    if not has_any(folded(text) if lowered is None else lowered, words):
        return None
    return pattern.search(text)


@dataclasses.dataclass(frozen=True)
class Sentence:
    """A sentence (or line) of the text with its offsets and whether it is page noise."""

    start: int
    end: int
    text: str
    noise: bool
    paragraph: int = 0


def _is_noise(line: str) -> bool:
    words = WORD.findall(line)
    if len(words) < 6:
        return True
    if not re.search(r"[.!?:;”\"]\s*$", line.strip()) and len(words) < 16:
        return True  # headlines, menus, teasers
    if not line.isascii() and sum(1 for c in line if not c.isascii()
                                  and not ("\u0400" <= c <= "\u04ff")
                                  and c not in "’‘“”—–…€£°") > 2:
        return True  # mojibake or another script's menu
    capitalised = sum(map(str.isupper, map(operator.itemgetter(0), words)))
    return capitalised / len(words) > 0.6  # title-case headline


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets, marking page furniture as noise.

    Lines that look like menus, language pickers, headlines or mojibake are ``noise``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Sentence
    """
    out = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", text)):
        body = line.group(0)
        if not body.strip():
            continue
        noise = _is_noise(body)
        start = 0
        for match in _SENTENCE_END.finditer(body):
            if _ABBREV.search(body, max(0, match.start() - _ABBREV_WINDOW), match.start()):
                continue
            piece = body[start:match.start()]
            if piece.strip():
                out.append(Sentence(line.start() + start, line.start() + match.start(),
                                    piece, noise, paragraph))
            start = match.end()
        piece = body[start:].rstrip()
        if piece.strip():
            out.append(Sentence(line.start() + start, line.start() + start + len(piece),
                                piece, noise, paragraph))
    return out


def starts_sentence(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` opens a sentence, line or the text.

    Only the few characters before ``offset`` are read, so the check takes constant time
    however long the text.

    Parameters
    ----------
    text : str
    offset : int
        Where the word starts.

    Returns
    -------
    bool
    """
    window = text[max(0, offset - _START_WINDOW):offset]
    return not window.strip() or re.search(r"[.!?\n]\s*$", window) is not None

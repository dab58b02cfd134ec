"""Words of a text with their offsets, and the small text helpers that matching shares."""

from __future__ import annotations

import re

__all__ = ["WORD", "Token", "between", "clean", "tokens"]

#: A word: a dotted abbreviation ("U.S."), or letters, then word characters, apostrophes or
#: hyphens, ending in a word character.
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w’'ʼ\-]*\w)?", re.UNICODE)


class Token:
    """A word of the text and its character offsets.

    Attributes
    ----------
    text : str
    start, end : int
    lower : str
        The word in lower case without a trailing apostrophe.
    capital : bool
        Whether the word starts with a capital letter.
    """

    __slots__ = ("capital", "end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower().rstrip("’'ʼ")
        self.capital = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (
            other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


# A hyphenated word whose first part is a name: "Ukraine-held", "Russia-installed".
_NAME_HYPHEN = re.compile(r"^([A-Z][\w.’'ʼ]*?)-(?:held|controlled|occupied|backed|installed|"
                          r"led|annexed|run|based|allied|aligned|friendly)$")


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order; "Ukraine-held" gives the word "Ukraine".

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Token
    """
    out: list[Token] = []
    append = out.append
    for m in WORD.finditer(text):
        word = m.group()
        if "-" in word:
            named = _NAME_HYPHEN.match(word)
            if named is not None:
                word = named.group(1)
        start = m.start()
        append(Token(word, start, start + len(word)))
    return out


def between(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens (" " when they are adjacent words)."""
    return text[a.end:b.start]


# The endings of a possessive ("Russia's", "Russia’s").
_POSSESSIVE_ENDS = frozenset(["’s", "'s", "ʼs"])


def clean(surface: str) -> str:
    """A surface without surrounding punctuation or a trailing possessive ("Russia's")."""
    # String operations rather than a regular expression: this runs for every n-gram looked
    # up. As ``[’'ʼ]s$`` does, a possessive is also found before one final newline.
    text = surface.strip(" ,.;:")
    body, tail = (text[:-1], text[-1:]) if text.endswith("\n") else (text, "")
    if body[-2:] in _POSSESSIVE_ENDS:
        text = body[:-2] + tail
    return text.strip()

"""Words of a text with their offsets, and the small text helpers that matching shares."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["WORD", "Token", "between", "clean", "tokens"]

#: A word: a dotted abbreviation ("U.S."), or letters, then word characters, apostrophes or
#: hyphens, ending in a word character.
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w’'ʼ\-]*\w)?", re.UNICODE)


class Token(NamedTuple):
    """A word of the text and its character offsets.

    A tuple, so that the thousand words of an article are built at C speed.

    Attributes
    ----------
    text : str
    start, end : int
    lower : str
        The word in lower case without a trailing apostrophe.
    capital : bool
        Whether the word starts with a capital letter.
    """

    text: str
    start: int
    end: int
    lower: str
    capital: bool


# A hyphenated word whose first part is a name: "Ukraine-held", "Russia-installed".
_NAME_HYPHEN = re.compile(r"^([A-Z][\w.’'ʼ]*?)-(?:held|controlled|occupied|backed|installed|"
                          r"led|annexed|run|based|allied|aligned|friendly)$")


# A name after a lower-case prefix of time: "then-U.S. President", "ex-Soviet", "former-GDR".
_PREFIX_HYPHEN = re.compile(r"^(then|ex|former)-(?=[A-Z])")


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order; "Ukraine-held" gives the word "Ukraine".

    A name after a prefix of time is a word of its own: "then-U.S." gives "then" and "U.S.".

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Token
    """
    out: list[Token] = []
    append, new = out.append, tuple.__new__
    after = 0  # a name split off a prefix ("then-U.S.") ends here: words before are in it
    for m in WORD.finditer(text):
        start = m.start()
        if start < after:
            continue
        word = m.group()
        if "-" in word and (prefixed := _PREFIX_HYPHEN.match(word)) is not None:
            prefix = prefixed.group(1)
            append(new(Token, (prefix, start, start + len(prefix), prefix.lower(), False)))
            rest = WORD.match(text, start + prefixed.end())
            if rest is None:  # the pattern guarantees a capital letter: never so
                continue
            start, word, after = rest.start(), rest.group(), rest.end()
        if "-" in word:
            named = _NAME_HYPHEN.match(word)
            if named is not None:
                word = named.group(1)
        append(new(Token, (word, start, start + len(word), word.lower().rstrip("’'ʼ"),
                           word[:1].isupper())))
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

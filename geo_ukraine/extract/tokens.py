"""Words of a text with their offsets, and the small text helpers that matching shares."""

from __future__ import annotations

import dataclasses
import re

__all__ = ["WORD", "Token", "between", "clean", "tokens"]

#: A word: a dotted abbreviation ("U.S."), or letters, then word characters, apostrophes or
#: hyphens, ending in a word character.
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w’'ʼ\-]*\w)?", re.UNICODE)


@dataclasses.dataclass
class Token:
    """A word of the text and its character offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The word in lower case without a trailing apostrophe."""
        return self.text.lower().rstrip("’'ʼ")

    @property
    def capital(self) -> bool:
        """Whether the word starts with a capital letter."""
        return self.text[:1].isupper()


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
    out = []
    for m in WORD.finditer(text):
        word = m.group(0)
        named = _NAME_HYPHEN.match(word) if "-" in word else None
        if named is not None:
            word = named.group(1)
        out.append(Token(word, m.start(), m.start() + len(word)))
    return out


def between(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens (" " when they are adjacent words)."""
    return text[a.end:b.start]


def clean(surface: str) -> str:
    """A surface without surrounding punctuation or a trailing possessive ("Russia's")."""
    return re.sub(r"[’'ʼ]s$", "", surface.strip(" ,.;:")).strip()

"""Name normalisation: case, apostrophes, Cyrillic to Latin, region phrases, spelling skeletons."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "LATIN_OR_CYRILLIC",
    "has_cyrillic",
    "index_keys",
    "normalize",
    "russian_spelling_skeletons",
    "skeleton",
    "split_region_phrase",
    "transliterate",
]

# Every apostrophe-like character seen in GeoNames' Ukrainian names and in wire copy.
_APOSTROPHES = "'\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u201d\u201c\""
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
_APOSTROPHE_TABLE = str.maketrans({c: None for c in _APOSTROPHES} | {c: " " for c in _DASHES})
_SPACES = re.compile(r"\s+")
# The combining marks below U+0500 (the diacritics of Latin, Greek and Cyrillic letters).
_COMBINING = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x500)
                                      if unicodedata.combining(chr(c))) + "]")
# Names written in Latin or Cyrillic letters (with the punctuation place names use): the
# scripts the gazetteer keeps from GeoNames' multilingual alternate names.
LATIN_OR_CYRILLIC = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u0400-\u04ff'’ʼ`\-.,()]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# KMU-2010 (the official Ukrainian romanisation, Cabinet resolution No. 55 of 27 January 2010),
# extended with the Russian-only letters so that Russian spellings fold to the same key.
_KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
# At the start of a word these letters take their y- forms.
_KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_ADMIN1_WORDS = (
    "oblast", "oblasts", "region", "regions", "province", "provinces", "krai", "kray",
    "област", "область", "обл", "регион", "регіон", "край", "oblys",
)
_ADMIN2_WORDS = ("raion", "rayon", "raion council", "district", "район")
_REGION_SUFFIX = re.compile(
    r"^(?P<base>.+?)\s+(?:(?P<a1>" + "|".join(_ADMIN1_WORDS) + r")|(?P<a2>"
    + "|".join(_ADMIN2_WORDS) + r"))$"
)
_REGION_PREFIX = re.compile(r"^(?:region|oblast|province)\s+of\s+(?P<base>.+)$")


def has_cyrillic(text: str) -> bool:
    """Return True when ``text`` contains at least one Cyrillic letter.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    bool
    """
    return bool(_CYRILLIC.search(text))


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Fold a place name to the key used for exact lookups.

    Unicode NFKC, case-folded, apostrophes of every kind removed, dashes turned into spaces,
    diacritics removed, runs of whitespace collapsed, and a leading "the" dropped.

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    str
        The folded key (may be empty).

    Examples
    --------
    >>> normalize("Kam’yans’ke")
    'kamyanske'
    >>> normalize("  Zaporizhzhia-Oblast ")
    'zaporizhzhia oblast'
    """
    text = unicodedata.normalize("NFKC", name).casefold().translate(_APOSTROPHE_TABLE)
    if not text.isascii():  # ASCII has no diacritics to remove
        decomposed = unicodedata.normalize("NFD", text.replace("й", "\0"))
        if max(decomposed) < "\u0500":  # Latin, Greek, Cyrillic: one regex pass
            decomposed = _COMBINING.sub("", decomposed)
        else:
            decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = unicodedata.normalize("NFC", decomposed.replace("\0", "й"))
    text = text.replace(".", " ").replace(",", " ")
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def transliterate(text: str) -> str:
    """Romanise Cyrillic with the KMU-2010 table (Russian letters folded alongside).

    Parameters
    ----------
    text : str
        Text that may contain Cyrillic letters; other characters pass through.

    Returns
    -------
    str
        The romanised text, in the case of the input's first letter per word.

    Examples
    --------
    >>> transliterate("Запоріжжя")
    'Zaporizhzhia'
    >>> transliterate("Згурівка")
    'Zghurivka'
    """
    out: list[str] = []
    prev_letter = False
    lowered = text.lower()
    for i, (orig, ch) in enumerate(zip(text, lowered, strict=True)):
        if ch == "г" and i > 0 and lowered[i - 1] == "з":
            latin = "gh"
        elif not prev_letter and ch in _KMU_INITIAL:
            latin = _KMU_INITIAL[ch]
        else:
            latin = _KMU.get(ch, orig if ch not in _APOSTROPHES else "")
        if orig != ch and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev_letter = ch.isalpha() or (ch in _APOSTROPHES and prev_letter)
    return "".join(out)


_SKELETON_RULES = (
    ("kh", "h"), ("y", "i"), ("j", "i"), ("w", "v"), ("ia", "a"), ("iu", "u"),
    ("ie", "e"), ("io", "o"), ("ii", "i"), ("ei", "e"), ("ai", "a"), ("oi", "o"),
)
_DOUBLE = re.compile(r"(.)\1+")
_NON_LETTER = re.compile(r"[^a-z]")


@functools.lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """Reduce a name to a spelling-tolerant key shared by its transliterations.

    Cyrillic is romanised first, then vowels and glides that transliteration systems render
    differently are merged (y/i/j, ia/ya/a, kh/h) and doubled letters collapsed, so that
    Zaporizhzhia, Zaporizhzhya, Zaporozhye and Запоріжжя land on nearby keys.

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    str
        Lower-case ASCII letters only.

    Examples
    --------
    >>> skeleton("Zaporizhzhya") == skeleton("Zaporizhzhia")
    True
    >>> skeleton("Kostyantynivka") == skeleton("Kostiantynivka")
    True
    """
    text = normalize(name)
    if has_cyrillic(text):
        text = transliterate(text)
    text = unicodedata.normalize("NFKD", text)
    text = _NON_LETTER.sub("", text.encode("ascii", "ignore").decode().lower())
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


# Russian renderings of Ukrainian village names, as Russian official claims write them
# ("Novomikhaylovka", "Kurakhovo", "Nevelskoye"), and the Ukrainian endings they stand for.
# Word-final, longest first; applied to a romanised, lower-cased word.
_RUSSIAN_ENDINGS = (
    ("icheskoye", "ichne"), ("icheskoe", "ichne"),
    ("skoye", "ske"), ("skoje", "ske"), ("skoe", "ske"),
    ("oye", "e"), ("oje", "e"), ("oe", "e"),
    ("yovka", "ivka"), ("yevka", "ivka"), ("ievka", "ivka"), ("evka", "ivka"),
    ("ovka", "ivka"),
    ("ino", "yne"), ("ovo", "ove"), ("evo", "eve"), ("aya", "a"), ("aja", "a"),
)
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1 << 12)
def russian_spelling_skeletons(name: str) -> tuple[str, ...]:
    """Skeletons of the Ukrainian names a Russian spelling of a Ukrainian place may stand for.

    Russian renders the Ukrainian endings -ske, -e, -ivka, -yne and -ove as -skoye, -oye,
    -ovka/-evka, -ino and -ovo, and the Ukrainian h as g ("Georgiyevka" is Heorhiivka). The
    endings of each word are folded (with and without g -> h) and the spelling skeletons of the
    results returned, for a lookup made only when the name as written matches nothing: an
    exact name never becomes ambiguous through them.

    Parameters
    ----------
    name : str
        A place name as written, Latin or Cyrillic.

    Returns
    -------
    tuple of str
        Skeletons different from the name's own, possibly empty.

    Examples
    --------
    >>> skeleton("Nevelske") in russian_spelling_skeletons("Nevelskoye")
    True
    >>> skeleton("Heorhiivka") in russian_spelling_skeletons("Georgiyevka")
    True
    """
    text = normalize(name)
    if has_cyrillic(text):
        text = transliterate(text).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        for old, new in _RUSSIAN_ENDINGS:
            if word.endswith(old) and len(word) > len(old) + 2:
                return word[: -len(old)] + new
        return word

    folded = _WORD.sub(fold, text)
    own = skeleton(name)
    found = dict.fromkeys(skeleton(v) for v in (folded, folded.replace("g", "h")))
    return tuple(k for k in found if k and k != own)


@functools.lru_cache(maxsize=1 << 14)
def split_region_phrase(name: str) -> tuple[str, str] | None:
    """Split a region phrase such as "Sumy region", "Pokrovsk Raion" or "Курская область".

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    tuple of (str, str) or None
        The normalised base name and the admin level the phrase names (``"admin1"`` for
        oblast/region/province, ``"admin2"`` for raion/district), or None when ``name`` is
        not a region phrase.

    Examples
    --------
    >>> split_region_phrase("Zaporizhzhia Oblast")
    ('zaporizhzhia', 'admin1')
    >>> split_region_phrase("the region of Kursk")
    ('kursk', 'admin1')
    >>> split_region_phrase("Pokrovskyi raion")
    ('pokrovskyi', 'admin2')
    >>> split_region_phrase("Sumy") is None
    True
    """
    key = normalize(name)
    match = _REGION_SUFFIX.match(key)
    if match:
        return match.group("base"), "admin2" if match.group("a2") else "admin1"
    match = _REGION_PREFIX.match(key)
    return (match.group("base"), "admin1") if match else None


def index_keys(names: list[str]) -> tuple[str, str]:
    """Pipe-joined normalised keys and skeletons of ``names``, aligned with them.

    The build stores these beside the names so that loading the gazetteer folds nothing.
    """
    return "|".join(normalize(n) for n in names), "|".join(skeleton(n) for n in names)

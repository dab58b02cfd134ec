r"""Text a format cannot carry as it is, escaped reversibly: control characters, CR, NUL.

XML 1.0 cannot hold most control characters at all (not even as character references) and
its parsers turn every CR or CRLF into LF; SQLite text, as GDAL writes it to a GeoPackage,
ends at a NUL. A value holding such a character is written as ``json:`` followed by its JSON
string literal (``json:"line one\r\nline two"``), which every such format carries; a value
that itself starts with ``json:"`` is escaped the same way, so reading back is lossless. The
readers decode a value of that form and leave any other as it is.
"""

from __future__ import annotations

import json
import re

__all__ = ["GPKG_UNSAFE", "MARKER", "XML_UNSAFE", "decode_text", "encode_text", "xml_display"]

#: The prefix of an escaped value.
MARKER = 'json:"'
#: Characters XML 1.0 text cannot carry or does not keep (CR becomes LF).
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
#: Characters a GeoPackage text value (SQLite via GDAL) cannot carry.
GPKG_UNSAFE = re.compile("\x00")

_NON_CHARACTERS = {"\ufffe": "\\ufffe", "\uffff": "\\uffff"}


def encode_text(value: str, unsafe: re.Pattern[str]) -> str:
    r"""``value``, or its escaped form when it holds an ``unsafe`` character.

    Examples
    --------
    >>> encode_text("a\r\nb", XML_UNSAFE)
    'json:"a\\r\\nb"'
    >>> encode_text("plain", XML_UNSAFE)
    'plain'
    """
    value.encode("utf-8")  # a lone surrogate is not text: UnicodeEncodeError, as elsewhere
    if not (unsafe.search(value) or value.startswith(MARKER)):
        return value
    literal = json.dumps(value, ensure_ascii=False)
    for char, escape in _NON_CHARACTERS.items():
        literal = literal.replace(char, escape)
    return "json:" + literal


def decode_text(value: str) -> str:
    """Undo :func:`encode_text`; any other text is returned unchanged."""
    if not value.startswith(MARKER):
        return value
    try:
        decoded = json.loads(value[len("json:"):])
    except ValueError:
        return value
    return decoded if isinstance(decoded, str) else value


def xml_display(value: str) -> str:
    """A display-only text for XML (a KML ``<name>``): unsafe characters become U+FFFD."""
    value.encode("utf-8")  # a lone surrogate is not text: UnicodeEncodeError, as elsewhere
    return XML_UNSAFE.sub("\N{REPLACEMENT CHARACTER}", value.replace("\r\n", "\n"))

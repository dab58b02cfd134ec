"""The only module that knows where the embedded gazetteer tables live."""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

_PACKAGE = "geo_ukraine.data"


def _path(name: str) -> Any:
    return resources.files(_PACKAGE).joinpath(name)


def read_bytes(name: str) -> bytes:
    """Raw bytes of an embedded file."""
    return _path(name).read_bytes()


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows (header included) of an embedded TSV, gzip'd or not.

    The gzip'd tables are written without quoting and never contain tabs or newlines in a
    field, so they are split directly (much faster than the csv module); the hand-edited
    ``.tsv`` files go through the csv module.
    """
    data = read_bytes(name)
    if name.endswith(".gz"):
        text = gzip.decompress(data).decode("utf-8")
        return iter([line.split("\t") for line in text.split("\n") if line])
    return csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t")


def read_table(name: str) -> tuple[str, bytes]:
    """The header and the data lines (UTF-8, each ending in a newline) of a gzip'd TSV.

    For the large tables that callers keep as bytes and parse one line at a time.
    """
    data = gzip.decompress(read_bytes(name))
    cut = data.index(b"\n") + 1
    if not data.endswith(b"\n"):
        data += b"\n"
    return data[:cut - 1].decode("utf-8"), data[cut:]


def read_geojson(name: str) -> dict[str, Any]:
    """Parsed embedded GeoJSON (gzip'd), parsed again on each call.

    Not cached: callers keep the geometries they build from it, and the parsed text of
    the admin-1 and country polygons would hold some 35 MB of Python floats for good.
    """
    return json.loads(gzip.decompress(read_bytes(name)))


def geojson_features(name: str) -> Iterator[dict[str, Any]]:
    """The features of an embedded GeoJSON FeatureCollection (gzip'd), parsed one at a time.

    Parsing the whole collection at once held every coordinate of every unit as Python
    floats together (some 40 MB for the admin-1 units); one feature at a time holds one.
    The build writes the collection as ``{"type":"FeatureCollection","features":[...]}``.
    """
    text = gzip.decompress(read_bytes(name)).decode("utf-8")
    decoder = json.JSONDecoder()
    at = text.index("[", text.index('"features"')) + 1
    while True:
        while text[at] in " \n\r\t,":
            at += 1
        if text[at] == "]":
            return
        feature, at = decoder.raw_decode(text, at)
        yield feature


@functools.cache
def manifest() -> dict[str, Any]:
    """The build manifest: sources, versions, row counts and checksums."""
    return json.loads(read_bytes("manifest.json"))


def read_index(name: str) -> dict[str, str]:
    """A prebuilt ``key -> comma-separated row numbers`` index, with its row count under NUL."""
    text = gzip.decompress(read_bytes(name)).decode("utf-8")
    body = text[text.index("\n") + 1:].rstrip("\n")
    # key<TAB>rows<NL>... split once into an alternating list: a dict build at C speed.
    flat = body.replace("\t", "\n").split("\n")
    index = dict(zip(flat[0::2], flat[1::2], strict=True))
    index["\0rows"] = str(manifest()["files"]["places.tsv.gz"]["rows"])
    return index


def read_sorted_index(name: str) -> tuple[bytes, int]:
    """The body of a prebuilt index sorted by key (UTF-8 lines ``key<TAB>rows``), unparsed.

    Returns the bytes after the header line and the number of table rows the index covers;
    callers parse the part they need (see ``gazetteer.store.NameIndex``).
    """
    return read_table(name)[1], int(manifest()["files"]["places.tsv.gz"]["rows"])


def stopwords() -> frozenset[str]:
    """Ordinary words that never resolve to a small place on their own."""
    text = read_bytes("stopwords.txt").decode("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and w[0] != "#")


def verify() -> dict[str, str]:
    """Check every embedded file against the manifest; return a problem per bad file."""
    problems = {}
    for name, meta in manifest()["files"].items():
        try:
            digest = hashlib.sha256(read_bytes(name)).hexdigest()
        except FileNotFoundError:
            problems[name] = "missing"
            continue
        if digest != meta["sha256"]:
            problems[name] = f"sha256 {digest} != manifest {meta['sha256']}"
    return problems

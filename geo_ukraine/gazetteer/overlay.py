"""The user overlay of the gazetteer: read safely, written whole under a lock.

``gazetteer ingest`` merges rows into ``<cache_dir>/overlay.tsv``. Writers take an exclusive
lock, read, merge and replace the file atomically, so parallel ingests lose nothing and a
reader never sees half a file. A damaged overlay (hand-edited, truncated by a full disk, from
another version) is reported with a warning and left out; the embedded data still loads.
"""

from __future__ import annotations

import csv
import fcntl
import warnings
from collections.abc import Iterable
from pathlib import Path

from .._files import atomic_open
from ..errors import GeoUkraineError, GeoUkraineWarning
from .records import COLUMNS, PlaceKind, PlaceRow, row_from_fields
from .store import overlay_file

__all__ = ["OverlayWarning", "read_overlay", "read_overlay_safely", "write_overlay"]

# The layout of overlays written before the ``feature`` column existed; still read.
_OLD_COLUMNS = COLUMNS[:14]
_KINDS = frozenset(PlaceKind)


class OverlayWarning(GeoUkraineWarning):
    """The user overlay could not be read and was left out."""


def read_overlay(path: Path) -> list[PlaceRow]:
    """Rows of an overlay file, checked.

    Raises
    ------
    GeoUkraineError
        When the header, a row's width, kind or coordinates are wrong (naming the line).
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = list(csv.reader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        msg = f"{str(path)!r}: cannot read the gazetteer overlay ({exc})"
        raise GeoUkraineError(msg) from None
    if not lines or tuple(lines[0]) not in (COLUMNS, _OLD_COLUMNS):
        msg = (f"{str(path)!r} is not a geo_ukraine overlay (wrong header); "
               "delete it and ingest again")
        raise GeoUkraineError(msg)
    return [_checked(fields, path, n) for n, fields in enumerate(lines[1:], start=2)]


def _checked(fields: list[str], path: Path, line: int) -> PlaceRow:
    try:
        row = row_from_fields(fields)
        lon, lat = float(row.lon), float(row.lat)
    except ValueError as exc:
        msg = f"{str(path)!r} line {line}: damaged row ({exc})"
        raise GeoUkraineError(msg) from None
    if row.kind not in _KINDS or not row.id or not row.name \
            or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        msg = f"{str(path)!r} line {line}: damaged row (id, kind, name or coordinates)"
        raise GeoUkraineError(msg)
    return row


def read_overlay_safely(path: Path) -> list[PlaceRow]:
    """Rows of the overlay, or none (with an :class:`OverlayWarning`) when it is damaged."""
    if not path.exists():
        return []
    try:
        return read_overlay(path)
    except GeoUkraineError as exc:
        warnings.warn(f"{exc}; the overlay is ignored", OverlayWarning, stacklevel=3)
        return []


def write_overlay(rows: Iterable[PlaceRow]) -> tuple[Path, int]:
    """Merge rows into the overlay (a row replaces one with the same id); return path, count.

    A damaged overlay is replaced (its rows cannot be trusted), with an :class:`OverlayWarning`.
    """
    path = overlay_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer at a time: concurrent ingests each read-merge-replace under the lock, so
    # none loses another's rows, and readers only ever see a complete file (atomic rename).
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        merged = {row.id: row for row in read_overlay_safely(path)}
        added = 0
        for row in rows:
            added += 1
            merged[row.id] = row
        with atomic_open(path, encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(merged.values())
    return path, added

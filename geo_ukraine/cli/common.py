"""What several commands share: JSON output, a place as a dict, reading inputs with warnings."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

from ..errors import UnresolvedPlaceWarning
from ..events.io import read_events

__all__ = ["place_dict", "print_json", "read_event_file", "read_text"]


def print_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON, non-ASCII kept as is."""
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def place_dict(place: Any) -> dict[str, Any]:
    """The fields of a :class:`geo_ukraine.Place` that the commands print."""
    return {"place_id": place.place_id, "name": place.name, "kind": place.kind,
            "lon": place.lon, "lat": place.lat, "country": place.country,
            "admin1": place.admin1, "admin1_name": place.admin1_name, "admin2": place.admin2,
            "admin2_name": place.admin2_name, "population": place.population,
            "location_precision": place.location_precision, "iso_3166_2": place.iso_3166_2,
            "feature": place.feature, "geonameid": place.geonameid, "katottg": place.katottg}


def read_event_file(path: str) -> Any:
    """Read an event file; each unresolved place becomes a ``warning:`` line on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnresolvedPlaceWarning)
        events = read_events(path)
    for w in caught:
        if issubclass(w.category, UnresolvedPlaceWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    return events


def read_text(path: str) -> str:
    """A text file's content (undecodable bytes replaced).

    Raises
    ------
    FileNotFoundError
        Naming the file, when it does not exist.
    """
    file = Path(path)
    if not file.exists():
        msg = f"{path!r} does not exist"
        raise FileNotFoundError(msg)
    return file.read_text(encoding="utf-8", errors="replace")

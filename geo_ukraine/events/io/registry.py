"""The event-file drivers: extension table -> detect the driver -> validate -> dispatch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import check_output
from ..._settings import settings
from ..schema import validate_events
from .acled import read_acled, write_acled_file
from .base import Driver, WriteOptions
from .csv import read_csv, write_csv
from .geojson import read_geojson, write_geojson
from .gpkg import read_gpkg, write_gpkg
from .kml import read_kml, write_kml
from .yaml import read_yaml

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DRIVERS", "EXTENSIONS", "detect_driver", "read_events", "write_events"]

#: Every driver by name. ``acled`` is chosen by name only (its files are ``.csv``).
DRIVERS: dict[str, Driver] = {d.name: d for d in (
    Driver("geojson", (".geojson", ".json"), read_geojson, write_geojson),
    Driver("gpkg", (".gpkg",), read_gpkg, write_gpkg),
    Driver("csv", (".csv",), read_csv, write_csv),
    Driver("kml", (".kml",), read_kml, write_kml),
    Driver("yaml", (".yaml", ".yml"), read_yaml, None),
    Driver("acled", (), read_acled, write_acled_file),
)}

#: File extension -> driver name.
EXTENSIONS: dict[str, str] = {ext: d.name for d in DRIVERS.values() for ext in d.extensions}


def detect_driver(path: str | Path, driver: str | None = None) -> Driver:
    """The driver for ``path``: ``driver`` if given, else the one its extension names.

    Parameters
    ----------
    path : str or Path
    driver : str, optional
        A name from :data:`DRIVERS`, any case.

    Returns
    -------
    Driver

    Raises
    ------
    ValueError
        For an unknown driver name, or an extension that names no driver.
    """
    path = Path(path)
    if driver:
        if driver.lower() not in DRIVERS:
            msg = f"driver {driver!r} is not one of {sorted(DRIVERS)}"
            raise ValueError(msg)
        return DRIVERS[driver.lower()]
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        msg = (f"{str(path)!r}: cannot tell the format from the extension {suffix!r}; "
               f"use one of {', '.join(sorted(EXTENSIONS))} or pass driver=")
        raise ValueError(msg)
    return DRIVERS[EXTENSIONS[suffix]]


def write_events(events: gpd.GeoDataFrame, path: str | Path, *, driver: str | None = None,
                 precision: int | None = None) -> Path:
    """Write events to GeoJSON, GeoPackage, CSV, KML or ACLED CSV (chosen by extension).

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        An event table (see :func:`validate_events`).
    path : str or Path
    driver : str, optional
        ``geojson``, ``gpkg``, ``csv``, ``kml`` or ``acled``; default from the extension.
    precision : int, optional
        Decimal places of GeoJSON/CSV/KML coordinates (default 6).

    Returns
    -------
    pathlib.Path
        The written file.
    """
    path = check_output(path)
    chosen = detect_driver(path, driver)
    validate_events(events)
    if chosen.write is None:
        msg = f"{str(path)!r}: writing {chosen.name} is not supported"
        raise ValueError(msg)
    options = WriteOptions(
        precision=settings.coordinate_precision if precision is None else precision)
    chosen.write(events, path, options)
    return path


def read_events(path: str | Path, *, driver: str | None = None,
                gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read an event table written by :func:`write_events`, or a hand-authored one.

    A CSV with ``wkt`` or ``lon``/``lat`` columns keeps its geometry; a CSV or YAML file of
    records that only name places (``location``) is resolved through the gazetteer.

    Parameters
    ----------
    path : str or Path
        ``.geojson``, ``.gpkg``, ``.csv``, ``.kml``, ``.yaml``/``.yml``.
    driver : str, optional
        Overrides the extension; ``acled`` reads an ACLED export.
    gazetteer : Gazetteer, optional
        For records that name places.

    Returns
    -------
    geopandas.GeoDataFrame
        Validated, in the event schema.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    EventSchemaError
        Naming the file and row of the first bad value.
    """
    path = Path(path)
    chosen = detect_driver(path, driver)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
    return chosen.read(path, gazetteer)

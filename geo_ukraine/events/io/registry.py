"""The event-file drivers: extension table -> detect the driver -> validate -> dispatch.

The output path and its driver are checked before any work starts (:func:`check_event_output`),
so that a bad ``-o`` fails before a long read or extraction rather than after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._files import OutputPathError, check_output
from ..._settings import settings
from ...errors import EventSchemaError
from ..schema import validate_events
from .acled_read import read_acled
from .acled_write import write_acled_file
from .base import Driver, WriteOptions, Writer
from .csv import read_csv, write_csv
from .geojson import read_geojson, write_geojson
from .gpkg import read_gpkg, write_gpkg
from .kml import read_kml, read_kmz, write_kml, write_kmz
from .parquet import read_parquet, write_parquet
from .yaml import read_yaml

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["DRIVERS", "EXTENSIONS", "check_event_output", "detect_driver", "read_events",
           "write_events"]

#: Every driver by name. ``acled`` is chosen by name only (its files are ``.csv``).
DRIVERS: dict[str, Driver] = {d.name: d for d in (
    Driver("geojson", (".geojson", ".json"), read_geojson, write_geojson),
    Driver("gpkg", (".gpkg",), read_gpkg, write_gpkg),
    Driver("csv", (".csv",), read_csv, write_csv),
    Driver("kml", (".kml",), read_kml, write_kml),
    Driver("kmz", (".kmz",), read_kmz, write_kmz),
    Driver("parquet", (".parquet", ".geoparquet"), read_parquet, write_parquet),
    Driver("yaml", (".yaml", ".yml"), read_yaml, None),
    Driver("acled", (), read_acled, write_acled_file),
)}

#: File extension -> driver name.
EXTENSIONS: dict[str, str] = {ext: d.name for d in DRIVERS.values() for ext in d.extensions}

# Extensions a driver chosen by name may write besides its own: ACLED exports are CSV.
_ALSO_WRITES = {"acled": (".csv",)}
_MAX_PRECISION = 15


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
        if not isinstance(driver, str) or driver.lower() not in DRIVERS:
            msg = f"driver {driver!r} is not one of {', '.join(sorted(DRIVERS))}"
            raise ValueError(msg)
        return DRIVERS[driver.lower()]
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        msg = (f"{str(path)!r}: cannot tell the format from the extension {suffix!r}; use one "
               f"of {', '.join(sorted(EXTENSIONS))}, or name the format (driver= in Python, "
               "--driver on the command line)")
        raise ValueError(msg)
    return DRIVERS[EXTENSIONS[suffix]]


def check_event_output(path: str | Path, *, driver: str | None = None,
                       inputs: Iterable[str | Path] = ()) -> Path:
    """Check an event file to be written, before any work starts.

    Parameters
    ----------
    path : str or Path
    driver : str, optional
        As for :func:`write_events`.
    inputs : iterable of str or Path
        Files the same job reads: writing over one of them is refused.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        For an unknown driver, or an extension that names none.
    OutputPathError
        When the extension names another format than ``driver`` (``-o x.csv --driver kml``),
        the driver cannot write, or the path cannot be written (see
        :func:`geo_ukraine._files.check_output`).
    """
    _writer(path, driver)
    return check_output(path, inputs=inputs)


def _writer(path: str | Path, driver: str | None) -> Writer:
    """The writer of the driver for ``path``, if it agrees with the extension and can write."""
    chosen = detect_driver(path, driver)
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS and suffix not in (*chosen.extensions,
                                               *_ALSO_WRITES.get(chosen.name, ())):
        msg = (f"{str(path)!r}: the extension {suffix!r} is for {EXTENSIONS[suffix]} files, "
               f"not {chosen.name}; give the file a {' or '.join(chosen.extensions)} name or "
               "choose that format")
        raise OutputPathError(msg)
    if chosen.write is None:
        msg = f"{str(path)!r}: {chosen.name} is read only; write to another format"
        raise OutputPathError(msg)
    return chosen.write


def write_events(events: gpd.GeoDataFrame, path: str | Path, *, driver: str | None = None,
                 precision: int | None = None, neutralise_formulas: bool = True) -> Path:
    """Write events to GeoJSON, GeoPackage, CSV, KML/KMZ, GeoParquet or ACLED CSV.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        An event table (see :func:`validate_events`).
    path : str or Path
        The format follows the extension: ``.geojson``/``.json``, ``.gpkg``, ``.csv``,
        ``.kml``, ``.kmz``, ``.parquet``.
    driver : str, optional
        ``geojson``, ``gpkg``, ``csv``, ``kml``, ``kmz``, ``parquet`` or ``acled``; it must
        agree with the extension when the extension names a format.
    precision : int, optional
        Decimal places of GeoJSON/CSV/KML coordinates (default 6).
    neutralise_formulas : bool
        CSV and ACLED: defuse text cells a spreadsheet would run as formulas (``=``, ``+``,
        ``-``, ``@``, tab, CR first) with a leading ``'``, which :func:`read_events` removes
        again (see :mod:`geo_ukraine.events.io.formulas`). On by default.

    Returns
    -------
    pathlib.Path
        The written file; it appears only once complete (an existing file is replaced then).

    Raises
    ------
    EventSchemaError
        For a table :func:`validate_events` refuses, or text that cannot be encoded.
    OutputPathError
        For a path or driver :func:`check_event_output` refuses, or a failed write.
    """
    digits = settings.coordinate_precision if precision is None else precision
    if isinstance(digits, bool) or not isinstance(digits, int) \
            or not 0 <= digits <= _MAX_PRECISION:
        msg = (f"precision must be a whole number of decimals from 0 to {_MAX_PRECISION}, "
               f"got {digits!r}")
        raise ValueError(msg)
    writer = _writer(path, driver)
    path = check_output(path)
    validate_events(events)
    options = WriteOptions(precision=digits, neutralise_formulas=neutralise_formulas)
    try:
        writer(events, path, options)
    except UnicodeEncodeError as exc:
        msg = (f"{path.name}: text cannot be written as UTF-8 ({exc.reason}: "
               f"{exc.object[exc.start:exc.end]!r}); nothing was written")
        raise EventSchemaError(msg) from None
    except OutputPathError:
        raise
    except OSError as exc:
        msg = f"{str(path)!r}: could not be written ({exc.strerror or exc}); nothing was written"
        raise OutputPathError(msg) from exc
    return path


def read_events(path: str | Path, *, driver: str | None = None,
                gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read an event table written by :func:`write_events`, or a hand-authored one.

    A CSV with ``wkt`` or ``lon``/``lat`` columns keeps its geometry; a CSV or YAML file of
    records that only name places (``location``) is resolved through the gazetteer. Every
    value is checked as it is read (see :mod:`geo_ukraine.events.io.rows`).

    Parameters
    ----------
    path : str or Path
        ``.geojson``, ``.gpkg``, ``.csv``, ``.kml``, ``.kmz``, ``.parquet`` (a file, or a
        partitioned dataset's directory), ``.yaml``/``.yml``.
    driver : str, optional
        Overrides the extension; ``acled`` reads an ACLED export.
    gazetteer : Gazetteer, optional
        For records that name places, and to check admin-1 codes.

    Returns
    -------
    geopandas.GeoDataFrame
        Validated, in the event schema.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    EventSchemaError
        Naming the file, and the row and field of the first bad value; also for a path that
        is not a readable file.
    """
    path = Path(path)
    chosen = detect_driver(path, driver)
    if not path.exists():
        msg = f"{str(path)!r} does not exist"
        raise FileNotFoundError(msg)
    if not path.is_file() and not (path.is_dir() and chosen.name == "parquet"):
        msg = f"{str(path)!r}: is a directory or other non-file, not an event file"
        raise EventSchemaError(msg)
    try:
        return chosen.read(path, gazetteer)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        msg = f"{str(path)!r}: cannot be read ({exc.strerror or exc})"
        raise EventSchemaError(msg) from None

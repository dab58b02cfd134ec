"""The contract every event-file driver follows: its options, reader and writer signatures."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Driver", "Reader", "WriteOptions", "Writer"]


@dataclasses.dataclass(frozen=True)
class WriteOptions:
    """Options of :func:`~geo_ukraine.events.io.write_events`, resolved from the settings.

    Attributes
    ----------
    precision : int
        Decimal places of written coordinates.
    neutralise_formulas : bool
        Whether CSV-family writers defuse cells a spreadsheet would run as formulas.
    """

    precision: int
    neutralise_formulas: bool = True


#: ``read(path, gazetteer)``: an event table from a file; ``gazetteer`` resolves place names.
Reader = Callable[[Path, Any], "gpd.GeoDataFrame"]
#: ``write(events, path, options)``: writes an already validated table to ``path``.
Writer = Callable[["gpd.GeoDataFrame", Path, WriteOptions], None]


class Driver(NamedTuple):
    """One file format: its name, the extensions that select it, its reader and writer."""

    name: str
    extensions: tuple[str, ...]
    read: Reader
    write: Writer | None

"""Exceptions and warnings raised by geo_ukraine; all derive from :class:`GeoUkraineError`."""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousPlaceError",
    "EventSchemaError",
    "GeoUkraineError",
    "GeoUkraineWarning",
    "InvalidCoordinateError",
    "InvalidNameError",
    "OutputPathError",
    "SkippedArticleWarning",
    "TerritoryError",
    "UndatedArticleWarning",
    "UnknownPlaceError",
    "UnresolvedPlaceWarning",
]


class GeoUkraineError(Exception):
    """Root of every error raised by geo_ukraine on purpose."""


class InvalidNameError(GeoUkraineError, ValueError):
    """A place name that cannot be looked up: empty, not a string, or absurdly long."""


class InvalidCoordinateError(GeoUkraineError, ValueError):
    """A longitude or latitude that is missing, not a number, or out of range."""


class UnknownPlaceError(GeoUkraineError, LookupError):
    """No place in the gazetteer matches the name."""


class AmbiguousPlaceError(GeoUkraineError, LookupError):
    """Several places match the name and none is clearly meant.

    Parameters
    ----------
    message : str
        What was asked and why it is ambiguous.
    candidates : list
        The competing :class:`~geo_ukraine.Place` objects, best first.
    """

    def __init__(self, message: str, candidates: list[Any]) -> None:
        super().__init__(message)
        self.candidates = candidates


class EventSchemaError(GeoUkraineError, ValueError):
    """An event table or record does not fit the event schema."""


class TerritoryError(GeoUkraineError, ValueError):
    """A control-area snapshot cannot be used as given."""


class OutputPathError(GeoUkraineError, OSError):
    """An output path that cannot or must not be written (a directory, a device, an input)."""


class GeoUkraineWarning(UserWarning):
    """Root of geo_ukraine's warnings."""


class UnresolvedPlaceWarning(GeoUkraineWarning):
    """A place could not be resolved; the row is kept and marked unresolved."""


class UndatedArticleWarning(GeoUkraineWarning):
    """Some events of an article cannot be dated: it names the article and why."""


class SkippedArticleWarning(GeoUkraineWarning):
    """An article of a corpus could not be extracted; it was skipped, the corpus went on."""

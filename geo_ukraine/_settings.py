"""One validated options object for the whole toolkit."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

__all__ = ["Settings", "settings"]


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("GEO_UKRAINE_CACHE", Path(base) / "geo_ukraine"))


@dataclasses.dataclass
class Settings:
    """Toolkit-wide options; change them with :func:`geo_ukraine.configure`.

    Attributes
    ----------
    offline : bool
        When True (the default) nothing ever touches the network; online geocoders refuse to run.
    cache_dir : pathlib.Path
        Where the user gazetteer overlay and the online-geocoder cache live
        (``$GEO_UKRAINE_CACHE``, else ``$XDG_CACHE_HOME/geo_ukraine``,
        else ``~/.cache/geo_ukraine``).
    min_score : float
        Confidence below which a name is reported as ambiguous instead of resolved (0..1),
        unless the best candidate leads the next by ``min_lead``.
    min_lead : float
        How many times more weight the best candidate must have than the next one to be
        chosen although its confidence is under ``min_score``: a front-line village against
        namesakes in quiet oblasts. Only for a place whose own name the query spells.
    fuzzy_cutoff : float
        Minimum rapidfuzz ratio (0..100) for a fuzzy spelling match.
    rate_limit_seconds : float
        Minimum delay between two requests to an online geocoder (Nominatim asks for 1 s).
    capture_buffer_km : float
        Radius of the area drawn for a claimed capture of a named settlement.
    coordinate_precision : int
        Decimal places written to GeoJSON (6 is about 0.1 m).
    use_overlay : bool
        Whether :meth:`Gazetteer.default` merges the user's ingested overlay.
    """

    offline: bool = True
    cache_dir: Path = dataclasses.field(default_factory=_default_cache_dir)
    min_score: float = 0.6
    min_lead: float = 1.3
    fuzzy_cutoff: float = 85.0
    rate_limit_seconds: float = 1.0
    capture_buffer_km: float = 3.0
    coordinate_precision: int = 6
    use_overlay: bool = True

    def update(self, **options: Any) -> None:
        """Set options by name, rejecting unknown names and values of the wrong kind."""
        fields = {f.name: f for f in dataclasses.fields(self)}
        for name, value in options.items():
            if name not in fields:
                msg = f"unknown setting {name!r}; known settings: {', '.join(sorted(fields))}"
                raise TypeError(msg)
            current = getattr(self, name)
            if name == "cache_dir":
                value = Path(value)
            elif isinstance(current, bool):
                if not isinstance(value, bool):
                    msg = f"setting {name!r} must be True or False, got {value!r}"
                    raise TypeError(msg)
            elif isinstance(current, int | float):
                if isinstance(value, bool) or not isinstance(value, int | float):
                    msg = f"setting {name!r} must be a number, got {value!r}"
                    raise TypeError(msg)
                if value < 0:
                    msg = f"setting {name!r} must not be negative, got {value!r}"
                    raise ValueError(msg)
                value = type(current)(value)
            setattr(self, name, value)


settings = Settings()


def configure(**options: Any) -> Settings:
    """Change toolkit-wide settings.

    Parameters
    ----------
    **options
        Any attribute of :class:`Settings`, e.g. ``offline=False`` or ``min_score=0.7``.

    Returns
    -------
    Settings
        The shared settings object, after the change.

    Examples
    --------
    >>> import geo_ukraine
    >>> geo_ukraine.configure(capture_buffer_km=5).capture_buffer_km
    5.0
    >>> _ = geo_ukraine.configure(capture_buffer_km=3)
    """
    settings.update(**options)
    return settings

"""What changed hands between snapshots: gains, losses, per-oblast splits and time series."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import TerritoryError
from .coverage import oblast_names, split_by_oblast
from .projection import KM2_PER_MI2, project
from .snapshots import Snapshot

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Change", "changes", "time_series"]


@dataclasses.dataclass(frozen=True)
class Change:
    """What changed hands between two snapshots (areas in km²; ``*_mi2`` properties too)."""

    before: Snapshot
    after: Snapshot
    gained: Any
    lost: Any
    gained_km2: float
    lost_km2: float
    by_oblast: pd.DataFrame

    @property
    def net_km2(self) -> float:
        """Gained minus lost, km²."""
        return self.gained_km2 - self.lost_km2

    @property
    def gained_mi2(self) -> float:
        """Gained area, square miles."""
        return self.gained_km2 / KM2_PER_MI2

    @property
    def lost_mi2(self) -> float:
        """Lost area, square miles."""
        return self.lost_km2 / KM2_PER_MI2

    @property
    def net_mi2(self) -> float:
        """Gained minus lost, square miles."""
        return self.net_km2 / KM2_PER_MI2

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures: gained/lost/net in km² and mi², and ``by_oblast``."""
        return {
            "before": self.before.date.isoformat(), "after": self.after.date.isoformat(),
            "gained_km2": round(self.gained_km2, 3), "lost_km2": round(self.lost_km2, 3),
            "net_km2": round(self.net_km2, 3), "gained_mi2": round(self.gained_mi2, 3),
            "lost_mi2": round(self.lost_mi2, 3), "net_mi2": round(self.net_mi2, 3),
            "by_oblast": [
                {"admin1": r.admin1, "name": r.name, "gained_km2": round(r.gained_km2, 3),
                 "lost_km2": round(r.lost_km2, 3)} for r in self.by_oblast.itertuples()],
        }


def changes(before: Snapshot, after: Snapshot) -> Change:
    """Gained and lost areas between two snapshots, with a per-oblast breakdown.

    Both differences are computed in the equal-area projection; the per-oblast split only
    intersects the (small) changed parts with the oblasts that touch them.

    Parameters
    ----------
    before, after : Snapshot

    Returns
    -------
    Change
    """
    import pandas as pd
    import shapely

    if before.date > after.date:
        msg = f"before ({before.date}) is later than after ({after.date}): swap them"
        raise TerritoryError(msg)
    a, b = before.projected, after.projected
    shapely.prepare(a)
    shapely.prepare(b)
    gained_p = shapely.difference(b, a)
    lost_p = shapely.difference(a, b)
    gained_split = split_by_oblast(gained_p)
    lost_split = split_by_oblast(lost_p)
    name_of = oblast_names()
    rows = [{"admin1": c, "name": name_of[c], "gained_km2": gained_split.get(c, 0.0),
             "lost_km2": lost_split.get(c, 0.0)}
            for c in sorted(set(gained_split) | set(lost_split))]
    frame = pd.DataFrame(rows, columns=["admin1", "name", "gained_km2", "lost_km2"])
    frame = frame.sort_values(["gained_km2", "lost_km2"], ascending=False, ignore_index=True)
    return Change(before, after, project(gained_p, inverse=True),
                  project(lost_p, inverse=True), gained_p.area / 1e6, lost_p.area / 1e6, frame)


def time_series(snapshots: Iterable[Snapshot]) -> pd.DataFrame:
    """Area and week-to-week change over many snapshots, in date order.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``status``, ``area_km2``, ``area_mi2``, ``gained_km2``, ``lost_km2``,
        ``net_km2`` (changes against the previous snapshot; NaN for the first).
    """
    import pandas as pd

    ordered = sorted(snapshots, key=lambda s: s.date)
    rows = []
    for n, snap in enumerate(ordered):
        row = {"date": snap.date.isoformat(), "status": snap.status, "area_km2": snap.area_km2,
               "area_mi2": snap.area_mi2, "gained_km2": float("nan"),
               "lost_km2": float("nan"), "net_km2": float("nan")}
        if n:
            change = changes(ordered[n - 1], snap)
            row.update(gained_km2=change.gained_km2, lost_km2=change.lost_km2,
                       net_km2=change.net_km2)
        rows.append(row)
    return pd.DataFrame(rows)

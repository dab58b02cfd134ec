"""Changes between snapshots, time series, and change layers on a map."""

import pytest
from shapely.geometry import box

import geo_ukraine as gu
from geo_ukraine import TerritoryError, changes, snapshot_from_geometry
from geo_ukraine.territory import KM2_PER_MI2, time_series


def test_changes_between_two_snapshots():
    before = snapshot_from_geometry(box(37.0, 47.5, 38.0, 48.5), "2026-01-27")
    gained = box(36.9, 47.5, 37.0, 48.5)
    lost = box(37.9, 48.4, 38.0, 48.5)
    after = snapshot_from_geometry(box(36.9, 47.5, 38.0, 48.5).difference(lost), "2026-02-03")
    change = changes(before, after)
    assert change.gained_km2 == pytest.approx(gu.area_km2(gained), rel=1e-4)
    assert change.lost_km2 == pytest.approx(gu.area_km2(lost), rel=1e-4)
    assert change.net_km2 == pytest.approx(change.gained_km2 - change.lost_km2)
    assert change.gained_mi2 == pytest.approx(change.gained_km2 / KM2_PER_MI2)
    assert change.by_oblast.gained_km2.sum() == pytest.approx(change.gained_km2, rel=1e-3)
    assert change.by_oblast.lost_km2.sum() == pytest.approx(change.lost_km2, rel=1e-3)
    data = change.to_dict()
    assert {"gained_km2", "lost_km2", "net_km2", "gained_mi2", "lost_mi2", "net_mi2",
            "by_oblast"} <= set(data)
    assert set(data["by_oblast"][0]) == {"admin1", "name", "gained_km2", "lost_km2"}
    with pytest.raises(TerritoryError, match="swap"):
        changes(after, before)


def test_time_series():
    snaps = [snapshot_from_geometry(box(37, 48, 37 + w, 48.5), d)
             for w, d in [(1.0, "2026-01-20"), (1.2, "2026-01-27"), (1.1, "2026-02-03")]]
    series = time_series(reversed(snaps))
    assert list(series.date) == ["2026-01-20", "2026-01-27", "2026-02-03"]
    assert series.net_km2.iloc[1] > 0 > series.net_km2.iloc[2]
    assert series.area_km2.diff().iloc[1:].round(3).tolist() == series.net_km2.iloc[1:].round(
        3).tolist()


def test_territory_layers_on_a_map(tmp_path):
    before = snapshot_from_geometry(box(37, 47.5, 38.5, 48.5), "2026-01-27")
    after = snapshot_from_geometry(box(36.8, 47.5, 38.5, 48.6), "2026-02-03",
                                   status="claimed")
    m = gu.territory_layers(gu.event_map(gu.empty_events()), [before, after],
                            changes(before, after))
    html = gu.save_map(m, tmp_path / "t.html").read_text()
    assert "Claimed 2026-02-03" in html and "Gained 2026-01-27 to 2026-02-03" in html
    assert '"hatched":true' in html.replace(" ", ""), "the claimed area is drawn hatched"

import json
import re

from shapely.geometry import box

import geo_ukraine as gu
from geo_ukraine.maps.styles import GAINED, LOST


def _territory_config(html):
    return json.loads(re.search(r"geoUkraineTerritory\([^,]+, (\{.*?\})\);\n", html, re.S)
                      .group(1))


def test_each_territory_layer_has_its_own_colour_and_legend_entry(tmp_path):
    before = gu.snapshot_from_geometry(box(37, 47.5, 38.5, 48.5), "2026-01-27")
    after = gu.snapshot_from_geometry(box(36.8, 47.5, 38.5, 48.6), "2026-02-03",
                                      status="claimed")
    m = gu.territory_layers(gu.event_map(gu.empty_events()), [before, after],
                            gu.changes(before, after))
    html = gu.save_map(m, tmp_path / "t.html").read_text()
    areas = _territory_config(html)["areas"]
    names = [a["name"] for a in areas]
    assert names[:3] == ["Controlled 2026-01-27", "Claimed 2026-02-03",
                         "Gained 2026-01-27 to 2026-02-03"]
    colours = {a["name"]: a["colour"] for a in areas}
    assert len(set(colours.values())) == len(areas), "every layer its own colour"
    assert colours[names[2]] == GAINED and colours.get(names[-1]) in (GAINED, LOST)
    assert [a["hatched"] for a in areas][:3] == [False, True, False]
    assert "gu.legendItem" in html, "every layer is listed in the legend"

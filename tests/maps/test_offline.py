import re

import folium

from geo_ukraine import event_map, offline_html
from geo_ukraine.maps.assets import find_remote_assets, package_script
from geo_ukraine.maps.offline import without_tile_layers


def test_tile_layers_leave_no_reference_behind(seed_events):
    m = event_map(seed_events, tiles=True)
    folium.TileLayer("OpenStreetMap", name="Mine").add_to(m)
    online = m.get_root().render()
    names = set(re.findall(r"tile_layer_[0-9a-f]+", online))
    assert len(names) == 3
    page = without_tile_layers(online)
    assert not re.search(r"tile_layer_[0-9a-f]+", page)
    assert "L.control.layers(" in page, "the layer control stays, without the tiles"
    assert find_remote_assets(offline_html(m)) == []
    assert len(re.findall(r"tile_layer_[0-9a-f]+", m.get_root().render())) >= 6, "map unchanged"


def test_our_scripts_ship_with_the_package():
    for name in ("common.js", "basemap.js", "event_map.js", "controls.js", "territory.js"):
        assert "function" in package_script(name)

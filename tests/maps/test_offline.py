import re

import folium
import pytest

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


@pytest.mark.parametrize("snippet, url", [
    ('<script src="https://cdn.example/x.js"></script>', "https://cdn.example/x.js"),
    ("<SCRIPT defer SRC='http://c.example/y.js'>", "http://c.example/y.js"),
    ("<img alt=x src='http://i.example/p.png'>", "http://i.example/p.png"),
    ('<link rel="stylesheet" href="https://s.example/c.css"/>', "https://s.example/c.css"),
    ("body{background:URL( 'https://u.example/f.png')}", "https://u.example/f.png"),
    ("@IMPORT 'https://imp.example/c.css';", "https://imp.example/c.css"),
    ('L.TileLayer( "http://{s}.tile.example/{z}/{x}/{y}.png")', "http://{s}.tile.example/{z}/{x}/{y}.png"),
    ("<a href='https://link.example'>a link is no request</a>", None),
    ("url(images/layers.png) and \\u003cscript src=\"http://escaped.example\"", None),
])
def test_remote_assets_found_anywhere_in_a_long_page(snippet, url):
    filler = '{"notes": "Synthetic event for the benchmark (50 km)", "n": 1}' * 20_000
    page = f"<html><head></head><body><script>{filler}</script>{snippet}{filler}</body></html>"
    assert find_remote_assets(page) == ([url] if url else [])

/* geo_ukraine territory layers: control areas, gains and losses on the map's shared canvas
 * (under the events, reachable where no event covers them), each with its legend entry.
 * Needs common.js. */
function geoUkraineTerritory(map, cfg) {
  "use strict";
  var gu = geoUkraineLib, el = gu.el, canvas = gu.canvas(map), list = gu.legendList(map);
  cfg.areas.forEach(function (a) {
    L.geoJSON(a.data, {
      renderer: canvas,
      style: {color: a.colour, weight: 1.8, fillOpacity: a.hatched ? 0.9 : 0.3,
              fillColor: a.hatched ? gu.hatch(a.colour) : a.colour,
              dashArray: a.hatched ? "6 4" : null},
      onEachFeature: function (f, layer) {
        gu.area(map, layer, 0);
        layer.bindTooltip(function () { return el("span", a.label); }, {sticky: true});
        layer.bindPopup(function () { return el("div", a.label, "gu-popup"); });
      }
    }).addTo(window[a.group]);
    list.appendChild(gu.legendItem(a.colour, a.name, a.hatched ? "hatched" : "solid"));
  });
}

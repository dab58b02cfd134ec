/* geo_ukraine offline basemap: land, rivers, country borders (strong) and oblast borders
 * (light), country names, and towns from the gazetteer by zoom. Nothing here is interactive.
 * Needs common.js. */
function geoUkraineBasemap(map, cfg) {
  "use strict";
  var gu = geoUkraineLib;
  gu.canvas(map);
  function label(layerGroup, item, cls) {
    L.marker([item[1], item[0]], {interactive: false, keyboard: false, pane: "guLabels",
      icon: L.divIcon({className: cls, html: "", iconSize: null})})
      .on("add", function (e) { e.target.getElement().textContent = item[2]; })
      .addTo(layerGroup);
  }
  function zoomClasses() {
    var c = map.getContainer(), z = map.getZoom();
    c.classList.toggle("gu-zoom-low", z < 6);
    [6, 8, 10].forEach(function (k) { c.classList.toggle("gu-z" + k, z >= k); });
  }
  map.on("zoomend", zoomClasses);
  zoomClasses();
  if (cfg.base) {
    var base = window[cfg.base.group];
    L.geoJSON(cfg.base.land, {pane: "guBase", interactive: false,
      style: {stroke: false, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(base);
    if (cfg.base.rivers) {
      L.geoJSON(cfg.base.rivers, {pane: "guBase", interactive: false,
        style: {color: "#7fb2d9", weight: 1.6, opacity: 0.9}}).addTo(base);
    }
    L.geoJSON(cfg.base.land, {pane: "guRef", interactive: false,
      style: {color: "#4a4a4a", weight: 1.8, fill: false}}).addTo(base);
    cfg.base.countryLabels.forEach(function (c) { label(base, c, "gu-country-label"); });
    // Towns in three tiers, each shown from its zoom by CSS (gu-z6, gu-z8, gu-z10).
    var towns = L.layerGroup().addTo(base), drawn = {};
    function addTowns() {
      var view = map.getBounds().pad(0.2);
      cfg.base.towns.forEach(function (t, i) {
        if (drawn[i] || map.getZoom() < t[3] || !view.contains([t[1], t[0]])) { return; }
        drawn[i] = true;
        L.circleMarker([t[1], t[0]], {pane: "guRef", interactive: false, radius: t[3] < 8 ? 3 : 2,
          color: "#333", weight: 1, fillColor: "#fff", fillOpacity: 1,
          className: "gu-town-dot gu-tier" + t[3]}).addTo(towns);
        label(towns, [t[0], t[1], t[2]], "gu-town-label gu-tier" + t[3]);
      });
    }
    map.on("moveend", addTowns);
    addTowns();
  }
  if (cfg.reference) {
    var ref = window[cfg.reference.group];
    L.geoJSON(cfg.reference.data, {pane: "guRef", interactive: false,
      style: {color: "#8a8a8a", weight: 0.8, dashArray: "3 3", fill: false}}).addTo(ref);
    cfg.reference.labels.forEach(function (lab) { label(ref, lab, "gu-oblast-label"); });
  }
}

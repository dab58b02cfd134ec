/* geo_ukraine offline basemap: land, rivers, country borders (strong) and oblast borders
 * (light), country names, river names along the rivers, and towns from the gazetteer by zoom.
 * Nothing here is interactive. Needs common.js. */
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
  // A river's name along it: [lon, lat, name, zoom, angle]; the text sits just beside the line.
  function riverLabel(layerGroup, item) {
    L.marker([item[1], item[0]], {interactive: false, keyboard: false, pane: "guLabels",
      icon: L.divIcon({className: "gu-river-label gu-tier" + item[3], html: "", iconSize: null})})
      .on("add", function (e) {
        var text = gu.el("span", item[2]);
        text.style.transform = "rotate(" + item[4] + "deg) translate(-50%,calc(-100% - 1px))";
        e.target.getElement().replaceChildren(text);
      })
      .addTo(layerGroup);
  }
  // The container says which zoom tiers are showing: gu-zK for every K up to the zoom.
  function zoomClasses() {
    var c = map.getContainer(), z = map.getZoom();
    c.classList.toggle("gu-zoom-low", z < 6);
    for (var k = 5; k <= 10; k++) { c.classList.toggle("gu-z" + k, z >= k); }
  }
  map.on("zoomend", zoomClasses);
  zoomClasses();
  if (cfg.base) {
    var base = window[cfg.base.group];
    L.geoJSON(cfg.base.land, {pane: "guBase", interactive: false,
      style: {stroke: false, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(base);
    if (cfg.base.rivers) { addRivers(base, cfg.base.rivers, cfg.base.riverLabels || []); }
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
  // Rivers thin and blue above the land and below every border, town and event; each drawn
  // from the zoom its size earns (lines grouped by that zoom, added and removed as one).
  function addRivers(base, rivers, labels) {
    // Wider from zoom 8, where a river is a landmark among towns.
    var tiers = {}, WEIGHT = [1.6, 1.2, 0.9], wide = null;
    function style(f) {
      return {color: "#5a9bd4", weight: (WEIGHT[f.properties.rank] || 0.9) * (wide ? 1.5 : 1),
              opacity: 0.9, lineCap: "round", lineJoin: "round"};
    }
    var lines = L.geoJSON(rivers, {pane: "guBase", interactive: false, style: style,
      onEachFeature: function (f, layer) {
        (tiers[f.properties.zoom] = tiers[f.properties.zoom] || L.layerGroup()).addLayer(layer);
      }});
    function showTiers() {
      if (wide !== map.getZoom() >= 8) { wide = map.getZoom() >= 8; lines.setStyle(style); }
      Object.keys(tiers).forEach(function (z) {
        var on = map.getZoom() >= Number(z);
        if (on && !base.hasLayer(tiers[z])) { base.addLayer(tiers[z]); }
        if (!on && base.hasLayer(tiers[z])) { base.removeLayer(tiers[z]); }
      });
    }
    map.on("zoomend", showTiers);
    showTiers();
    var names = L.layerGroup().addTo(base);
    labels.forEach(function (item) { riverLabel(names, item); });
  }
  if (cfg.reference) {
    var ref = window[cfg.reference.group];
    L.geoJSON(cfg.reference.data, {pane: "guRef", interactive: false,
      style: {color: "#8a8a8a", weight: 0.8, dashArray: "3 3", fill: false}}).addTo(ref);
    cfg.reference.labels.forEach(function (lab) { label(ref, lab, "gu-oblast-label"); });
  }
}

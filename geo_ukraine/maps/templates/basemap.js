/* geo_ukraine offline basemap: land, rivers, country borders (strong) and oblast borders
 * (light), country names, river names along the rivers, and towns from the gazetteer by zoom.
 * Nothing here is interactive. Needs common.js. */
// Town dots [lon, lat, name, zoom], each from its zoom, as one shape on a canvas: a zoom or
// pan costs a loop over plain numbers, no Leaflet object per town.
var TownDots = L.Path.extend({
  options: {interactive: false},
  initialize: function (towns, options) {
    L.setOptions(this, options);
    this._towns = towns;
    this._w = new Float64Array(2 * towns.length);
    towns.forEach(function (t, i) {
      var w = geoUkraineLib.mercator(t[0], t[1]);
      this._w[2 * i] = w[0]; this._w[2 * i + 1] = w[1];
    }, this);
  },
  _project: function () {
    var k = Math.pow(2, this._map.getZoom()), o = this._map.getPixelOrigin();
    this._k = k; this._o = o;
    this._pxBounds = L.bounds([-o.x, -o.y], [256 * k - o.x, 256 * k - o.y]);
  },
  _update: function () { if (this._map) { this._renderer._requestRedraw(this); } },
  _updatePath: function () {
    var r = this._renderer, ctx = r._ctx, b = r._bounds, zoom = this._map.getZoom(), i, x, y, rad;
    if (!r._drawing) { return; }
    ctx.strokeStyle = "#333"; ctx.fillStyle = "#fff"; ctx.lineWidth = 1; ctx.setLineDash([]);
    for (i = 0; i < this._towns.length && this._towns[i][3] <= zoom; i++) {
      x = this._w[2 * i] * this._k - this._o.x; y = this._w[2 * i + 1] * this._k - this._o.y;
      if (x < b.min.x || x > b.max.x || y < b.min.y || y > b.max.y) { continue; }
      rad = this._towns[i][3] < 8 ? 3 : 2;
      ctx.beginPath(); ctx.arc(x, y, rad, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
    }
  }
});
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
    var under = gu.paneCanvas(map, "guBase"), over = gu.paneCanvas(map, "guRef");
    gu.geoPaths(cfg.base.land, function () { return {fill: "#f4f1ea"}; }, under).addTo(base);
    if (cfg.base.rivers) { addRivers(base, cfg.base.rivers, cfg.base.riverLabels || [], under); }
    gu.geoPaths(cfg.base.land, function () { return {stroke: "#4a4a4a", weight: 1.8}; }, over)
      .addTo(base);
    cfg.base.countryLabels.forEach(function (c) { label(base, c, "gu-country-label"); });
    // Towns in three tiers (sorted by tier): dots on the borders' canvas, drawn from their
    // zoom; names added as the view reaches them and shown from their zoom by CSS (gu-zK).
    var towns = L.layerGroup().addTo(base), drawn = {};
    function addTowns() {
      var view = map.getBounds().pad(0.2), zoom = map.getZoom(), i, t;
      for (i = 0; i < cfg.base.towns.length; i++) {
        t = cfg.base.towns[i];
        if (t[3] > zoom) { break; }
        if (drawn[i] || !view.contains([t[1], t[0]])) { continue; }
        drawn[i] = true;
        label(towns, [t[0], t[1], t[2]], "gu-town-label gu-tier" + t[3]);
      }
    }
    map.on("moveend", addTowns);
    addTowns();
  }
  // Rivers thin and blue above the land and below every border, town and event; each drawn
  // from the zoom its size earns, wider from zoom 8, where a river is a landmark among towns.
  function addRivers(base, rivers, labels, renderer) {
    var WEIGHT = [1.6, 1.2, 0.9];
    map.guRivers = gu.geoPaths(rivers, function (p, zoom) {
      return zoom < p.zoom ? null : {stroke: "rgba(90,155,212,0.9)",
        weight: (WEIGHT[p.rank] || 0.9) * (zoom >= 8 ? 1.5 : 1)};
    }, renderer).addTo(base);
    var names = L.layerGroup().addTo(base);
    labels.forEach(function (item) { riverLabel(names, item); });
  }
  if (cfg.reference) {
    var ref = window[cfg.reference.group];
    gu.geoPaths(cfg.reference.data, function () {
      return {stroke: "#8a8a8a", weight: 0.8, dash: [3, 3]};
    }, gu.paneCanvas(map, "guRef")).addTo(ref);
    cfg.reference.labels.forEach(function (lab) { label(ref, lab, "gu-oblast-label"); });
  }
  if (cfg.base) {  // town dots above the borders
    new TownDots(cfg.base.towns, {renderer: gu.paneCanvas(map, "guRef")})
      .addTo(window[cfg.base.group]);
  }
}

/* geo_ukraine offline basemap: land, rivers, country borders (strong) and oblast borders
 * (light), country names, river names along the rivers, and towns from the gazetteer by zoom.
 * Nothing here is interactive. Needs common.js. */
// Towns [lon, lat, name, zoom], each from its zoom, drawn on a canvas as one shape: dots
// (names: false) or names beside them (names: true), so a zoom or pan costs a loop over plain
// numbers and no element per town. Names go in tier order (oblast centres, towns, villages) and
// one that would overlap a name already written is left out, so a crowded view stays legible.
// Towns of a later tier (villages) may come later: options.more() gives them (or null while it
// cannot yet) once the zoom reaches options.moreZoom, so a page never reads them if not zoomed in.
var TownLayer = geoUkraineLib.WorldPath.extend({
  options: {interactive: false, names: false, more: null, moreZoom: Infinity},
  initialize: function (towns, options) {
    L.setOptions(this, options);
    this._towns = [];
    this._w = new Float64Array(0);
    this._add(towns);
    this.guShown = [];
  },
  _add: function (towns) {
    var w = new Float64Array(this._w.length + 2 * towns.length);
    var width = new Float32Array(this._towns.length + towns.length);
    w.set(this._w); w.set(geoUkraineLib.project(towns), this._w.length);
    width.set(this._width || []);
    this._w = w;
    this._width = width;  // each name's width, once measured (0: not yet)
    this._towns = this._towns.concat(towns);
  },
  // Take the later towns now if they can be had (at their zoom, or when the page is idle),
  // and measure the names of the earlier tiers (a village's name is measured when first in
  // view: measuring all 30,000 would hold the page for a fifth of a second).
  guFetch: function () {
    var more = this.options.more && this.options.more(), i, ctx;
    if (more) { this.options.more = null; this._add(more); }
    if (!this.options.names || !this._renderer) { return; }
    ctx = this._renderer._ctx;
    ctx.save();
    for (i = 0; i < this._towns.length && this._towns[i][3] < this.options.moreZoom; i++) {
      if (!this._width[i]) {
        ctx.font = townFont(this._towns[i][3]);
        this._width[i] = ctx.measureText(this._towns[i][2]).width;
      }
    }
    ctx.restore();
  },
  _updatePath: function () {
    var r = this._renderer, ctx = r._ctx, b = r._bounds, zoom = this._map.getZoom(), i, x, y, t;
    var taken = {}, shown = [];
    if (!r._drawing) { return; }
    if (zoom >= this.options.moreZoom) { this.guFetch(); }
    ctx.save();
    ctx.strokeStyle = this.options.names ? "rgba(255,255,255,0.9)" : "#333";
    ctx.fillStyle = this.options.names ? "#222" : "#fff";
    ctx.lineWidth = this.options.names ? 3 : 1; ctx.lineJoin = "round"; ctx.setLineDash([]);
    ctx.textBaseline = "middle";
    for (i = 0; i < this._towns.length && this._towns[i][3] <= zoom; i++) {
      t = this._towns[i];
      x = this._w[2 * i] * this._k - this._o.x; y = this._w[2 * i + 1] * this._k - this._o.y;
      if (x < b.min.x || x > b.max.x || y < b.min.y || y > b.max.y) { continue; }
      if (!this.options.names) {
        ctx.beginPath(); ctx.arc(x, y, t[3] < 8 ? 3 : 2, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
        continue;
      }
      ctx.font = townFont(t[3]);
      // A name's width is the same at every zoom (its font goes by its tier): measured once.
      var w = this._width[i] || (this._width[i] = ctx.measureText(t[2]).width);
      var box = [x + 4, y - 6, x + 6 + w, y + 6];
      if (overlaps(taken, box)) { continue; }
      ctx.strokeText(t[2], x + 5, y); ctx.fillText(t[2], x + 5, y);
      shown.push(t[2]);
    }
    ctx.restore();
    this.guShown = shown;  // the names written last time (for tests)
  }
});
// A town's name is written larger the earlier its tier shows.
function townFont(tier) {
  return (tier < 8 ? "600 12px " : tier < 10 ? "600 11px " : "11px ") +
    "system-ui,-apple-system,'Segoe UI',sans-serif";
}
// Whether a label box [x0, y0, x1, y1] overlaps one already taken; if not, it is taken.
// Boxes are kept in 64-pixel cells, so each test looks at a few neighbours only.
function overlaps(taken, box) {
  var cx0 = Math.floor(box[0] / 64), cx1 = Math.floor(box[2] / 64), cy0 = Math.floor(box[1] / 64);
  var cy1 = Math.floor(box[3] / 64), cx, cy, list, j;
  for (cx = cx0; cx <= cx1; cx++) {
    for (cy = cy0; cy <= cy1; cy++) {
      list = taken[cx + ":" + cy] || [];
      for (j = 0; j < list.length; j++) {
        if (box[0] < list[j][2] && list[j][0] < box[2] && box[1] < list[j][3] &&
            list[j][1] < box[3]) { return true; }
      }
    }
  }
  for (cx = cx0; cx <= cx1; cx++) {
    for (cy = cy0; cy <= cy1; cy++) { (taken[cx + ":" + cy] = taken[cx + ":" + cy] || []).push(box); }
  }
  return false;
}
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
  }
  // Rivers thin and blue above the land and below every border, town and event; each drawn
  // from the zoom its size earns, wider from zoom 8, where a river is a landmark among towns.
  function addRivers(base, rivers, labels, renderer) {
    var WEIGHT = [1.6, 1.2, 0.9];
    map.guRivers = gu.geoPaths(rivers, function (p, zoom) {
      return zoom < p.zoom ? null : {stroke: "rgba(90,155,212,0.9)",
        weight: (WEIGHT[p.rank] || 0.9) * (zoom >= 8 ? 1.5 : 1)};
    }, renderer).addTo(base);
    // Names are added when their zoom is first reached (then shown from it by CSS).
    var names = L.layerGroup().addTo(base), added = {};
    function addNames() {
      labels.forEach(function (item, i) {
        if (!added[i] && item[3] <= map.getZoom()) { added[i] = true; riverLabel(names, item); }
      });
    }
    map.on("zoomend", addNames);
    addNames();
  }
  if (cfg.reference) {
    var ref = window[cfg.reference.group];
    gu.geoPaths(cfg.reference.data, function () {
      return {stroke: "#8a8a8a", weight: 0.8, dash: [3, 3]};
    }, gu.paneCanvas(map, "guRef")).addTo(ref);
    cfg.reference.labels.forEach(function (lab) { label(ref, lab, "gu-oblast-label"); });
  }
  if (cfg.base) {  // town dots above the borders, names above the events
    var villages = {more: function () { return gu.lazyJson(cfg.lazy + "villages"); },
                    moreZoom: cfg.base.villageZoom};
    var dots = new TownLayer(cfg.base.towns, L.extend({renderer: gu.paneCanvas(map, "guRef")},
                                                      villages)).addTo(window[cfg.base.group]);
    map.guTowns = new TownLayer(cfg.base.towns, L.extend({renderer: gu.paneCanvas(map, "guLabels"),
                                                          names: true}, villages))
      .addTo(window[cfg.base.group]);
    // Villages are read once the first view is on screen and the page is idle, so neither the
    // first view nor the first zoom to their level waits for them.
    map.once("gu:drawn", function () {
      (window.requestIdleCallback || setTimeout)(function () {
        dots.guFetch(); map.guTowns.guFetch();
      });
    });
  }
}

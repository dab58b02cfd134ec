/* geo_ukraine map scripts, shared part: one interactive canvas per map on which every event and
 * territory area is drawn (so a click or hover always reaches the topmost shape, and points stay
 * above areas without hiding them), canvas hatching, stacking, and text-only DOM helpers. */
var geoUkraineLib = window.geoUkraineLib || {};
(function (gu) {
  "use strict";
  // Panes keep the order fixed whatever is added first.
  var PANES = [["guBase", 250], ["guRef", 420], ["guEvents", 450], ["guLabels", 460]];

  gu.el = function (tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  };
  gu.safeUrl = function (url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  };

  gu.canvas = function (map) {
    if (map.guCanvas) { return map.guCanvas; }
    PANES.forEach(function (p) {
      if (!map.getPane(p[0])) { map.createPane(p[0]).style.zIndex = p[1]; }
    });
    map.getPane("guRef").style.pointerEvents = "none";
    map.getPane("guLabels").style.pointerEvents = "none";
    map.guCanvas = L.canvas({padding: 0.5, pane: "guEvents", tolerance: 4});
    map.guAreas = [];
    map.on("layeradd", function (e) { if (e.layer.guRank !== undefined) { gu.restack(map); } });
    return map.guCanvas;
  };

  // Diagonal hatching as a canvas pattern (fillStyle), one per colour.
  var patterns = {};
  gu.hatch = function (colour) {
    if (patterns[colour]) { return patterns[colour]; }
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var ctx = tile.getContext("2d");
    ctx.strokeStyle = colour; ctx.lineWidth = 2.2;
    ctx.beginPath();
    ctx.moveTo(0, 8); ctx.lineTo(8, 0); ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
    ctx.moveTo(6, 10); ctx.lineTo(10, 6);
    ctx.stroke();
    patterns[colour] = ctx.createPattern(tile, "repeat");
    return patterns[colour];
  };

  // An area on the shared canvas: remembered with its rank (0 territory, 1 event) and size,
  // so that restack() can keep large areas under small ones and every area under the points.
  gu.area = function (map, layer, rank) {
    layer.guRank = rank;
    layer.guSize = layer.getBounds ? (function (b) {
      return Math.abs((b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth()));
    })(layer.getBounds()) : 0;
    map.guAreas.push(layer);
    return layer;
  };
  var pending = null;
  gu.restack = function (map) {
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      var shown = map.guAreas.filter(function (l) { return map.hasLayer(l); });
      shown.sort(function (a, b) { return b.guRank - a.guRank || a.guSize - b.guSize; });
      shown.forEach(function (l) { l.bringToBack(); });
    }, 0);
  };

  // A legend entry: a swatch (colour, optional hatching or dashed outline) and its label as text.
  gu.legendItem = function (colour, label, kind) {
    var li = gu.el("li"), swatch = gu.el("span", null, "gu-swatch gu-swatch-" + (kind || "solid"));
    swatch.style.color = colour;
    swatch.style.borderColor = colour;
    if (kind !== "outline") { swatch.style.backgroundColor = kind === "hatched" ? "" : colour; }
    li.appendChild(swatch);
    li.appendChild(gu.el("span", label));
    return li;
  };
  gu.legendList = function (map) {
    var list = map.getContainer().querySelector(".gu-legend ul");
    if (list) { return list; }
    var box = L.control({position: "bottomright"});
    box.onAdd = function () {
      var d = gu.el("details", null, "gu-legend");
      d.open = true;
      d.appendChild(gu.el("summary", "Legend"));
      d.appendChild(gu.el("ul"));
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    box.addTo(map);
    return map.getContainer().querySelector(".gu-legend ul");
  };
  window.geoUkraineLib = gu;
})(geoUkraineLib);

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
  // Data a page reads only when it needs it (popup text, villages): a JSON element, parsed
  // the first time it is asked for, then dropped from the page. Null while not yet parsed
  // by the browser (asked for before the page has loaded).
  var lazy = {};
  gu.lazyJson = function (id) {
    if (!(id in lazy)) {
      var node = document.getElementById(id);
      if (!node) { return null; }
      lazy[id] = JSON.parse(node.textContent);
      node.remove();
    }
    return lazy[id];
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
    map.guCanvas = L.canvas({padding: 0.1, pane: "guEvents", tolerance: 4});
    map.guAreas = [];
    map.on("layeradd", function (e) { if (e.layer.guRank !== undefined) { gu.restack(map); } });
    return map.guCanvas;
  };

  // The initial view, set at once: an animated fit would ignore a zoom asked for before it ends.
  gu.fitView = function (map, fit) {
    if (fit) {
      map.fitBounds(fit.bounds, {padding: fit.padding || [0, 0], maxZoom: fit.maxZoom,
                                 animate: false});
    }
  };
  // Web Mercator pixels at zoom 0 (as Leaflet's EPSG:3857 at zoom 0); times 2^zoom at any zoom.
  gu.mercator = function (lon, lat) {
    var s = Math.sin(Math.max(Math.min(lat, 85.0511), -85.0511) * Math.PI / 180);
    return [(lon + 180) / 360 * 256, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256];
  };
  // Where each [lon, lat, ...] of a list is in Mercator pixels at zoom 0, as one Float64Array
  // [x0, y0, x1, y1, ...]; computed once per list (the town dots and names share theirs).
  var projected = new WeakMap();
  gu.project = function (list) {
    var xy = projected.get(list), i, s, lat;
    if (xy) { return xy; }
    xy = new Float64Array(2 * list.length);
    for (i = 0; i < list.length; i++) {
      lat = Math.max(Math.min(list[i][1], 85.0511), -85.0511);
      s = Math.sin(lat * Math.PI / 180);
      xy[2 * i] = (list[i][0] + 180) / 360 * 256;
      xy[2 * i + 1] = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
    }
    projected.set(list, xy);
    return xy;
  };
  function rings(geometry) {
    var c = geometry.coordinates, t = geometry.type;
    return t === "Polygon" || t === "MultiLineString" ? c : t === "LineString" ? [c] :
      t === "MultiPolygon" ? [].concat.apply([], c) : [];
  }
  // A shape that draws itself on a canvas renderer from Mercator pixels at the current zoom
  // (this._k: pixels per world tile side, this._o: the pixel origin): its bounds are the whole
  // world, and a zoom or pan asks its renderer to redraw it. Subclasses give _updatePath.
  gu.WorldPath = L.Path.extend({
    _project: function () {
      var k = Math.pow(2, this._map.getZoom()), o = this._map.getPixelOrigin();
      this._k = k; this._o = o;
      this._pxBounds = L.bounds([-o.x, -o.y], [256 * k - o.x, 256 * k - o.y]);
    },
    _update: function () { if (this._map) { this._renderer._requestRedraw(this); } }
  });
  // A GeoJSON FeatureCollection drawn on a canvas renderer as ONE non-interactive layer: its
  // vertices become Mercator pixels once, so a zoom or pan costs a multiply per vertex in view
  // and no Leaflet object per feature. style(properties, zoom) gives {fill, stroke, weight,
  // dash} for a feature at that zoom, or null to leave it out.
  // Each collection's vertices as Mercator pixels, computed once (land is drawn twice).
  var prepared = new WeakMap();
  function prepare(geojson) {
    return geojson.features.filter(function (f) { return f.geometry; }).map(function (f) {
      var box = [Infinity, Infinity, -Infinity, -Infinity];
      var parts = rings(f.geometry).map(function (ring) {
        var xy = new Float64Array(2 * ring.length), i, w;
        for (i = 0; i < ring.length; i++) {
          w = gu.mercator(ring[i][0], ring[i][1]);
          xy[2 * i] = w[0]; xy[2 * i + 1] = w[1];
          if (w[0] < box[0]) { box[0] = w[0]; }
          if (w[1] < box[1]) { box[1] = w[1]; }
          if (w[0] > box[2]) { box[2] = w[0]; }
          if (w[1] > box[3]) { box[3] = w[1]; }
        }
        return xy;
      });
      return {props: f.properties || {}, parts: parts, box: box,
              closed: /Polygon/.test(f.geometry.type)};
    });
  }
  var GeoPaths = gu.WorldPath.extend({
    options: {interactive: false},
    initialize: function (geojson, style, options) {
      L.setOptions(this, options);
      this._style = style;
      this._shapes = prepared.get(geojson) || prepare(geojson);
      prepared.set(geojson, this._shapes);
    },
    _updatePath: function () {
      var r = this._renderer, ctx = r._ctx, b = r._bounds, k = this._k, ox = this._o.x;
      var oy = this._o.y, zoom = this._map.getZoom(), style = this._style;
      var drawn = 0;
      if (!r._drawing) { return; }
      this._shapes.forEach(function (s) {
        var st = style(s.props, zoom), i, xy;
        if (!st || s.box[2] * k - ox < b.min.x || s.box[0] * k - ox > b.max.x ||
            s.box[3] * k - oy < b.min.y || s.box[1] * k - oy > b.max.y) { return; }
        drawn += 1;
        ctx.beginPath();
        s.parts.forEach(function (part) {
          xy = part;
          for (i = 0; i < xy.length; i += 2) {
            ctx[i ? "lineTo" : "moveTo"](xy[i] * k - ox, xy[i + 1] * k - oy);
          }
          if (s.closed) { ctx.closePath(); }
        });
        if (st.fill) { ctx.fillStyle = st.fill; ctx.fill("evenodd"); }
        if (st.stroke) {
          ctx.lineWidth = st.weight || 1; ctx.strokeStyle = st.stroke;
          ctx.lineCap = ctx.lineJoin = "round"; ctx.setLineDash(st.dash || []);
          ctx.stroke();
        }
      });
      this.guDrawn = drawn;  // features drawn last time (for tests)
    }
  });
  gu.geoPaths = function (geojson, style, renderer) {
    return new GeoPaths(geojson, style, {renderer: renderer});
  };
  // One canvas per pane for the basemap's drawings (land and rivers under everything, borders
  // above the event areas), made once per map.
  gu.paneCanvas = function (map, pane) {
    map.guPaneCanvas = map.guPaneCanvas || {};
    if (!map.guPaneCanvas[pane]) { map.guPaneCanvas[pane] = L.canvas({pane: pane, padding: 0.1}); }
    return map.guPaneCanvas[pane];
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

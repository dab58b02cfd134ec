/* geo_ukraine event map: layers, symbols, popups built as DOM text (never innerHTML), claim
 * badges, grid clusters for dense layers, viewport-only drawing when zoomed in, a time slider.
 * Called once per map with its configuration; needs common.js. */
function geoUkraineEventMap(map, cfg) {
  "use strict";
  var gu = geoUkraineLib, el = gu.el, canvas = gu.canvas(map), LABELS = cfg.labels;
  // Popups pan clear of the title strip at the top of the page.
  var POPUP = {maxWidth: 340, maxHeight: 360, autoPanPaddingTopLeft: [20, 60]};

  // ---- popups and tooltips: every string from the data goes through textContent ----------
  function row(table, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    var tr = el("tr");
    tr.appendChild(el("th", label));
    var td = el("td");
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = String(value); }
    tr.appendChild(td);
    table.appendChild(tr);
  }
  function sourceNode(p) {
    var url = gu.safeUrl(p.source_url);
    if (!url) { return p.source || null; }
    var a = el("a", p.source || url);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  // An event may have no date (date_precision "unknown"): it says so, never "null".
  function dateText(p) {
    if (!p.event_date) { return "date unknown"; }
    return p.event_date + (p.date_precision && p.date_precision !== "day" ?
      " (" + p.date_precision + ")" : "");
  }
  function section(p) {
    var box = el("div", null, "gu-event");
    box.appendChild(el("div", LABELS[p.event_type] || p.event_type, "gu-popup-title"));
    var table = el("table");
    row(table, "Date", dateText(p));
    row(table, "Place as written", p.location);
    row(table, "Resolved to", p.place_name);
    row(table, "Located", cfg.precision[p.geo_precision]);
    row(table, "Actor", p.actor); row(table, "Target", p.target);
    row(table, "Killed", p.fatalities); row(table, "Injured", p.injured);
    row(table, "Status", p.status ? p.status + (p.claimed_by ? " by " + p.claimed_by : "") : null);
    row(table, "Source", sourceNode(p));
    box.appendChild(table);
    if (p.sentence) { box.appendChild(el("blockquote", p.sentence, "gu-sentence")); }
    if (p.notes) { box.appendChild(el("p", p.notes, "gu-notes")); }
    return box;
  }
  function popupFor(features) {
    var box = el("div", null, "gu-popup");
    if (features.length > 1) { box.appendChild(el("div", features.length + " events here", "gu-count")); }
    features.forEach(function (f) { box.appendChild(section(props(f))); });
    return box;
  }
  function tooltipText(p, more) {
    return (LABELS[p.event_type] || p.event_type) + " \u00b7 " + (p.location || p.place_name) +
      " \u00b7 " + dateText(p) + (more > 0 ? " (+" + more + " more here)" : "");
  }

  // ---- point symbols on the shared canvas ----------------------------------------------------
  function drawShape(ctx, shape, x, y, r) {
    var i, a, rr, t;
    if (shape === "square") { ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); return; }
    if (shape === "triangle") {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r * 0.8); ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath(); return;
    }
    if (shape === "diamond") {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y);
      ctx.closePath(); return;
    }
    if (shape === "star" || shape === "hexagon") {
      var n = shape === "star" ? 10 : 6;
      for (i = 0; i < n; i++) {
        a = shape === "star" ? Math.PI / 5 * i - Math.PI / 2 : Math.PI / 3 * i;
        rr = shape === "star" && i % 2 ? r * 0.45 : r;
        ctx[i ? "lineTo" : "moveTo"](x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath(); return;
    }
    if (shape === "cross") {
      t = r * 0.35;
      [[-t, -r], [t, -r], [t, -t], [r, -t], [r, t], [t, t], [t, r], [-t, r], [-t, t], [-r, t],
       [-r, -t], [-t, -t]].forEach(function (d, k) { ctx[k ? "lineTo" : "moveTo"](x + d[0], y + d[1]); });
      ctx.closePath(); return;
    }
    ctx.arc(x, y, r, 0, Math.PI * 2, false);
  }
  // Each symbol (shape, colours) drawn once at every whole radius up to MAX_RADIUS, side by
  // side on one canvas per style (a strip), then copied where it goes: a copy costs far less
  // than filling and stroking a path, and a zoom draws thousands. One canvas per style, made
  // whole at once, so drawing never waits for a new canvas or a changed one.
  var strips = {}, DPR = window.devicePixelRatio || 1, MAX_RADIUS = 26;
  function strip(o) {
    var key = [o.shape, o.fillColor, o.fillOpacity, o.color, o.weight, o.opacity].join("|");
    if (strips[key]) { return strips[key]; }
    var at = [0], rad, half, c = document.createElement("canvas"), ctx;
    for (rad = 1; rad <= MAX_RADIUS; rad++) { at.push(at[rad - 1] + 2 * Math.ceil(rad + o.weight + 1)); }
    c.width = Math.ceil(at[MAX_RADIUS] * DPR);
    c.height = Math.ceil(2 * Math.ceil(MAX_RADIUS + o.weight + 1) * DPR);
    ctx = c.getContext("2d");
    ctx.scale(DPR, DPR);
    ctx.lineCap = ctx.lineJoin = "round";
    for (rad = 1; rad <= MAX_RADIUS; rad++) {
      half = Math.ceil(rad + o.weight + 1);
      ctx.beginPath();
      drawShape(ctx, o.shape, at[rad - 1] + half, half, rad);
      ctx.globalAlpha = o.fillOpacity; ctx.fillStyle = o.fillColor; ctx.fill("evenodd");
      ctx.globalAlpha = o.opacity; ctx.strokeStyle = o.color; ctx.lineWidth = o.weight;
      ctx.stroke();
    }
    strips[key] = {canvas: c, at: at, weight: o.weight};
    return strips[key];
  }
  // Draw the symbol of this radius (rounded to a whole pixel) centred at x, y.
  function stamp(ctx, s, x, y, radius) {
    var rad = Math.max(1, Math.min(MAX_RADIUS, Math.round(radius)));
    var half = Math.ceil(rad + s.weight + 1), sx = s.at[rad - 1];
    ctx.drawImage(s.canvas, sx * DPR, 0, 2 * half * DPR, 2 * half * DPR,
                  Math.round(x) - half, Math.round(y) - half, 2 * half, 2 * half);
  }
  var ShapeMarker = L.CircleMarker.extend({
    options: {shape: "circle"},
    _updatePath: function () {
      var r = this._renderer;
      if (!(r instanceof L.Canvas) || this.options.shape === "circle") {
        return L.CircleMarker.prototype._updatePath.call(this);
      }
      if (!r._drawing || this._empty()) { return; }
      var ctx = r._ctx;
      ctx.beginPath();
      drawShape(ctx, this.options.shape, this._point.x, this._point.y, this._radius);
      r._fillStroke(ctx, this);
    }
  });

  // Many points of one layer as ONE shape on the shared canvas: projected, drawn and hit-tested
  // in plain loops, so zooming or panning creates no Leaflet layer per event. Each item is
  // {wx, wy (Web Mercator pixels at zoom 0), radius, f (an event) or c (a cluster cell)};
  // the item under the mouse is remembered in guHit for the click and hover handlers.
  var PointSet = L.Path.extend({
    options: {fill: true},
    initialize: function (items, options) {
      L.setOptions(this, options);
      this._items = items;
      this.guHit = null;
    },
    _project: function () {
      var k = Math.pow(2, this._map.getZoom()), o = this._map.getPixelOrigin(), n = this._items.length;
      var xy = new Float64Array(2 * n), pad = this.options.weight + 30, i, it;
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (i = 0; i < n; i++) {
        it = this._items[i];
        xy[2 * i] = it.wx * k - o.x; xy[2 * i + 1] = it.wy * k - o.y;
        minX = Math.min(minX, xy[2 * i]); maxX = Math.max(maxX, xy[2 * i]);
        minY = Math.min(minY, xy[2 * i + 1]); maxY = Math.max(maxY, xy[2 * i + 1]);
      }
      this._xy = xy;
      this._pxBounds = n ? L.bounds([minX - pad, minY - pad], [maxX + pad, maxY + pad]) : null;
    },
    _update: function () { if (this._map && this._pxBounds) { this._renderer._requestRedraw(this); } },
    _updatePath: function () {
      var r = this._renderer, ctx = r._ctx, b = r._bounds, i, x, y, rad, s;
      if (!r._drawing || !this._xy) { return; }
      s = strip(this.options);
      ctx.globalAlpha = 1;
      for (i = 0; i < this._items.length; i++) {
        x = this._xy[2 * i]; y = this._xy[2 * i + 1]; rad = this._items[i].radius;
        if (x + rad < b.min.x || x - rad > b.max.x || y + rad < b.min.y || y - rad > b.max.y) {
          continue;
        }
        stamp(ctx, s, x, y, rad);
      }
    },
    _containsPoint: function (p) {
      var tol = this._clickTolerance(), i, dx, dy, rad;
      this.guHit = null;
      for (i = this._items.length - 1; i >= 0 && this._xy; i--) {  // the topmost first
        dx = p.x - this._xy[2 * i]; dy = p.y - this._xy[2 * i + 1]; rad = this._items[i].radius + tol;
        if (dx * dx + dy * dy <= rad * rad) { this.guHit = this._items[i]; return true; }
      }
      return false;
    },
    // Leaflet places a click or hover on a layer that has getLatLng at that point (as for a
    // marker): here, the point or cluster under the mouse (found by _containsPoint just before).
    getLatLng: function () {
      var h = this.guHit, at = h && (h.f || h.c);
      return at ? L.latLng(at.lat, at.lon) : this._map.getCenter();
    }
  });

  // Grid cells of one dense layer as ONE shape on the shared canvas, like PointSet: each item
  // is {box: [x0, y0, x1, y1] (Mercator pixels at zoom 0), alpha, g: {r, lv, i}}.
  var CellSet = PointSet.extend({
    getLatLng: null,  // a cell is no marker: its events go where the mouse is
    _project: function () {
      var k = Math.pow(2, this._map.getZoom()), o = this._map.getPixelOrigin();
      this._xy = this._items.map(function (it) {
        return [it.box[0] * k - o.x, it.box[1] * k - o.y, it.box[2] * k - o.x, it.box[3] * k - o.y];
      });
      this._pxBounds = this._items.length ? L.bounds([-o.x, -o.y], [256 * k - o.x, 256 * k - o.y]) : null;
    },
    _updatePath: function () {
      var r = this._renderer, ctx = r._ctx, b = r._bounds, i, q;
      if (!r._drawing || !this._xy) { return; }
      ctx.fillStyle = ctx.strokeStyle = this.options.color; ctx.lineWidth = 0.6;
      ctx.setLineDash([]);
      for (i = 0; i < this._xy.length; i++) {
        q = this._xy[i];
        if (q[2] < b.min.x || q[0] > b.max.x || q[3] < b.min.y || q[1] > b.max.y) { continue; }
        ctx.globalAlpha = this._items[i].alpha;
        ctx.fillRect(q[0], q[1], q[2] - q[0], q[3] - q[1]);
        ctx.globalAlpha = 1;
        ctx.strokeRect(q[0], q[1], q[2] - q[0], q[3] - q[1]);
      }
    },
    _containsPoint: function (p) {
      var i, q;
      this.guHit = null;
      for (i = this._xy ? this._xy.length - 1 : -1; i >= 0; i--) {
        q = this._xy[i];
        if (p.x >= q[0] && p.x <= q[2] && p.y >= q[1] && p.y <= q[3]) {
          this.guHit = this._items[i];
          return true;
        }
      }
      return false;
    }
  });

  // ---- layer data: columnar (see geo_ukraine.maps.layers), read where it is needed --------
  // An event is {d: its layer's data, i: its row}; its popup fields are read when a popup or
  // tooltip needs them, so a map of 100,000 events builds no 100,000 property objects up front.
  // The columns needed to draw come with the page's data; the others (notes, sentences,
  // sources) are parsed when the first popup or tooltip opens.
  var SCALE = cfg.coordinateScale, uid = 0;
  function cell(col, i) { return col.dict ? col.dict[col.codes[i]] : col.values ? col.values[i] : col.const; }
  function drawn(f, name) { var col = f.d.columns[name]; return col ? cell(col, f.i) : null; }
  function textColumns(data) {
    if (!data.text) {
      var all = gu.lazyJson(cfg.lazy + "text");
      if (!all) { return null; }
      data.text = all[data.index] || {};
    }
    return data.text;
  }
  function props(f) {
    if (f.p) { return f.p; }
    var p = {}, text = textColumns(f.d);
    [f.d.columns, text || {}].forEach(function (cols) {
      Object.keys(cols).forEach(function (name) {
        var v = cell(cols[name], f.i);
        if (v !== null && v !== undefined) { p[name] = v; }
      });
    });
    if (text) { f.p = p; }
    return p;
  }
  function expand(data, index) {
    var out = new Array(data.n), shapes = {}, badges = {}, k, i, dates = data.columns.event_date;
    var D = Math.PI / 180, s, lat;
    data.uid = uid++; data.index = index;
    for (k = 0; k < (data.shapeAt || []).length; k++) { shapes[data.shapeAt[k]] = data.shapes[k]; }
    for (k = 0; k < (data.badgeAt || []).length; k++) { badges[data.badgeAt[k]] = data.badges[k]; }
    for (i = 0; i < data.n; i++) {
      var g = shapes[i] || null, f = {d: data, i: i, p: null, geometry: g, badge: badges[i] || null,
        date: dates ? cell(dates, i) : null, lon: 0, lat: 0, wx: 0, wy: 0};
      if (!g) {
        // Where the point is in Web Mercator pixels at zoom 0 (times 2^zoom at any zoom), as
        // gu.mercator, written out: this runs once per event.
        f.lon = data.xy[2 * i] / SCALE; f.lat = lat = data.xy[2 * i + 1] / SCALE;
        s = Math.sin((lat > 85.0511 ? 85.0511 : lat < -85.0511 ? -85.0511 : lat) * D);
        f.wx = (f.lon + 180) / 360 * 256;
        f.wy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
      } else {
        f.areaKey = JSON.stringify(g);
      }
      out[i] = f;
    }
    return out;
  }
  // Events drawn at one point, or on one identical area, share one popup listing them all:
  // found when a popup or tooltip opens, among the layers shown and the events up to the cut.
  var cutoff = null, registry = [];
  function shownHere(f) {
    var seen = {}, out = [];
    registry.forEach(function (r) {
      if (!map.hasLayer(r.group)) { return; }
      (f.geometry ? r.areaFeatures : r.points).forEach(function (g) {
        if (f.geometry ? g.areaKey !== f.areaKey : g.lon !== f.lon || g.lat !== f.lat) { return; }
        if (cutoff && g.date > cutoff) { return; }
        var id = props(g).event_id || g.d.uid + ":" + g.i;
        if (!seen[id]) { seen[id] = true; out.push(g); }
      });
    });
    return out;
  }
  function bindEvent(layer, f) {
    layer.bindPopup(function () { return popupFor(shownHere(f)); }, POPUP);
    layer.bindTooltip(function () {
      return el("span", tooltipText(props(f), shownHere(f).length - 1));
    }, {sticky: true});
  }
  // One click and one hover handler per layer group opens the popup or tooltip of the point
  // or cluster reached in a PointSet (its guHit); one tooltip serves them all.
  var tip = L.tooltip({sticky: true, direction: "auto"}), tipFor = null;
  function hit(e) { return e.layer.guHit || null; }
  function tipText(h) {
    return h.f ? tooltipText(props(h.f), shownHere(h.f).length - 1) :
      h.g ? h.g.lv.n[h.g.i] + " events: " + h.g.r.label : h.c.n + " events: click to zoom in";
  }
  function delegate(group) {
    group.on("click", function (e) {
      var h = hit(e);
      if (h && h.f) { L.popup(POPUP).setLatLng(e.latlng).setContent(popupFor(shownHere(h.f))).openOn(map); }
      if (h && h.c) { map.setView([h.c.lat, h.c.lon], h.c.zoom + 2); }
      if (h && h.g) {
        L.popup(POPUP).setLatLng(e.latlng).setContent(gridPopup(h.g.r, h.g.lv, h.g.i)).openOn(map);
      }
    });
    group.on("mouseover mousemove", function (e) {
      var h = hit(e);
      if (!h) { return; }
      if (h !== tipFor) { tipFor = h; tip.setContent(el("span", tipText(h))); }
      if (map.hasLayer(tip)) { tip.setLatLng(e.latlng); } else { map.openTooltip(tip, e.latlng); }
    });
    group.on("mouseout", function (e) {
      if (e.layer instanceof PointSet) { tipFor = null; map.closeTooltip(tip); }
    });
    return group;
  }
  function radiusOf(r, f) {
    if (!r.sized) { return r.style.radius; }
    return Math.min(26, 5 + 3 * Math.sqrt((drawn(f, "fatalities") || 0) + (drawn(f, "injured") || 0)));
  }
  // How a layer's points (or its counts, lighter) are drawn.
  function symbols(r, counts) {
    return {renderer: canvas, shape: r.style.shape, color: "#222", weight: 1, opacity: 1,
            fillColor: r.style.colour, fillOpacity: counts ? 0.75 : 0.85};
  }
  function pointSet(r, points) {
    return new PointSet(points.map(function (f) {
      return {f: f, wx: f.wx, wy: f.wy, radius: radiusOf(r, f)};
    }), symbols(r, false));
  }
  // A claimed area is where the claim could be, never ground known to be taken: near a place
  // or part of a region (a buffer, "southeastern Zaporizhzhia") an outline with a light
  // hatch; a whole region a dashed outline (and a badge), lighter still.
  function areaStyle(style, p) {
    var wide = p.geo_precision === 4, region = p.geo_precision === 3;
    var claimed = style.area === "hatched";
    return {color: style.colour, weight: wide ? 1.5 : 2,
      fillColor: claimed && !region && !wide ? gu.hatch(style.colour) : style.colour,
      fillOpacity: wide ? 0.04 : claimed ? (region ? 0.05 : 0.35) : region ? 0.12 : 0.25,
      dashArray: wide || (claimed && region) ? "7 5" : null};
  }
  function areaLayer(r, f) {
    var p = {geo_precision: drawn(f, "geo_precision")}, layers = [];
    var area = L.geoJSON({type: "Feature", properties: {}, geometry: f.geometry},
                         {renderer: canvas, style: function () { return areaStyle(r.style, p); }});
    area.eachLayer(function (l) { layers.push(gu.area(map, l, 1)); });
    if (f.badge) {
      // A region-level claim: a dashed outline of where it could be, and a hatched badge.
      var badge = new ShapeMarker([f.badge[1], f.badge[0]], {renderer: canvas, shape: "hexagon",
        radius: 11, color: r.style.colour, weight: 2, fillColor: gu.hatch(r.style.colour),
        fillOpacity: 1});
      layers.push(badge);
      layers.push(L.marker([f.badge[1], f.badge[0]], {interactive: false, keyboard: false,
        pane: "guLabels", icon: L.divIcon({className: "gu-badge-label", html: "", iconSize: null})})
        .on("add", function (e) { e.target.getElement().textContent = f.badge[2] || ""; }));
    }
    layers.forEach(function (l) {
      if (l.bindPopup && l.options.interactive !== false) { bindEvent(l, f); }
    });
    return layers;
  }
  var expanded = cfg.layers.map(function (spec, n) { return expand(spec.data, n); });
  cfg.layers.forEach(function (spec, n) {
    var group = window[spec.group], features = expanded[n].slice();
    if (spec.refs) {
      // Events of other layers shown here too (a strike's civilian harm): shared, not repeated.
      spec.refs.layers.forEach(function (k, j) {
        var at = 0;
        spec.refs.rows[j].forEach(function (step) { at += step; features.push(expanded[k][at]); });
      });
    }
    var r = {key: spec.key, label: spec.label, grid: spec.grid || null, group: group,
             style: spec.style, sized: spec.sized,
             features: features, geo: delegate(L.featureGroup()).addTo(group),
             clusters: delegate(L.featureGroup()).addTo(group), areas: [], areaFeatures: [],
             counts: [0, 0],
             points: features.filter(function (f) { return !f.geometry; })};
    features.forEach(function (f) {
      if (f.geometry) { r.areas.push({f: f, layers: null}); r.areaFeatures.push(f); }
    });
    registry.push(r);
  });

  // ---- drawing: grid counts while zoomed out, then only what the view shows -----------------
  function inView(view) {
    var s = view.getSouth(), n = view.getNorth(), w = view.getWest(), e = view.getEast();
    return function (f) { return f.lat >= s && f.lat <= n && f.lon >= w && f.lon <= e; };
  }
  // Points counted on a grid of cellPixels-wide cells at this zoom; a marker for each cell in
  // view, at the mean position of its points. Only the cells over the view are counted, in
  // typed arrays (no object or map entry per point or per cell).
  function drawClusters(r, points, view) {
    var zoom = map.getZoom(), k = Math.pow(2, zoom) / cfg.cluster.cellPixels;
    var nw = gu.mercator(view.getWest(), view.getNorth());
    var se = gu.mercator(view.getEast(), view.getSouth());
    var x0 = Math.floor(nw[0] * k), y0 = Math.floor(nw[1] * k);
    var cols = Math.floor(se[0] * k) - x0 + 1, rows = Math.floor(se[1] * k) - y0 + 1;
    var n = new Int32Array(cols * rows), lat = new Float64Array(cols * rows);
    var lon = new Float64Array(cols * rows), shown = inView(view), items = [], i, f, x, y, c;
    for (i = 0; i < points.length; i++) {
      f = points[i];
      x = Math.floor(f.wx * k) - x0; y = Math.floor(f.wy * k) - y0;
      if (x < 0 || y < 0 || x >= cols || y >= rows) { continue; }
      c = y * cols + x;
      n[c] += 1; lat[c] += f.lat; lon[c] += f.lon;
    }
    for (c = 0; c < n.length; c++) {
      if (!n[c]) { continue; }
      f = {n: n[c], lat: lat[c] / n[c], lon: lon[c] / n[c], zoom: zoom};
      if (!shown(f)) { continue; }
      x = gu.mercator(f.lon, f.lat);
      items.push({c: f, wx: x[0], wy: x[1], radius: Math.min(24, 5 + 2.5 * Math.log2(f.n))});
    }
    r.clusters.addLayer(new PointSet(items, symbols(r, true)));
    r.counts[1] += items.length;
  }
  // A layer too dense to send event by event arrives as counts per grid cell (three sizes).
  function gridPopup(r, lv, i) {
    var box = el("div", null, "gu-popup"), dates = r.grid.dates, table = el("table");
    box.appendChild(el("div", lv.n[i] + " events: " + r.label, "gu-popup-title"));
    row(table, "Dates", lv.first[i] > lv.last[i] ? "unknown" : dates[lv.first[i]] +
      (lv.last[i] !== lv.first[i] ? " to " + dates[lv.last[i]] : ""));
    row(table, "Killed", lv.killed[i]); row(table, "Injured", lv.injured[i]);
    row(table, "Area", lv.size + "\u00b0 square");
    box.appendChild(table);
    box.appendChild(el("p", "This layer has " + r.grid.n + " events, shown as counts. Filter " +
      "the table (dates, area) to map each event with its own popup.", "gu-notes"));
    return box;
  }
  function drawGrid(r, view) {
    var z = map.getZoom(), lv = r.grid.levels.filter(function (l) { return l.fromZoom <= z; })
      .pop() || r.grid.levels[0], s = lv.size;
    var top = 1, i, items = [], south, west, a, b;
    var vs = view.getSouth(), vn = view.getNorth(), vw = view.getWest(), ve = view.getEast();
    for (i = 0; i < lv.n.length; i++) { top = Math.max(top, lv.n[i]); }
    for (i = 0; i < lv.n.length; i++) {
      if (cutoff && r.grid.dates[lv.first[i]] > cutoff) { continue; }
      south = lv.iy[i] * s; west = lv.ix[i] * s;
      if (south > vn || south + s < vs || west > ve || west + s < vw) { continue; }
      a = gu.mercator(west, south + s); b = gu.mercator(west + s, south);
      items.push({box: [a[0], a[1], b[0], b[1]], g: {r: r, lv: lv, i: i},
                  alpha: 0.15 + 0.6 * Math.log(1 + lv.n[i]) / Math.log(1 + top)});
    }
    r.clusters.addLayer(new CellSet(items, {renderer: canvas, color: r.style.colour}));
    r.counts[1] += items.length;
  }
  // An undated event is not known to be after the cut: it stays.
  function inTime(f) { return !cutoff || f.date === null || f.date <= cutoff; }
  // A layer is drawn again only when the zoom, the time cut or its visibility changed, or the
  // view left the area drawn last time (the view plus a quarter of it on every side).
  function fresh(r, zoom, shown) {
    var st = r.state;
    return st && st.zoom === zoom && st.cutoff === cutoff && st.shown === shown &&
      (!st.bounds || st.bounds.contains(map.getBounds()));
  }
  function drawLayer(r, zoom, view) {
    var culled = false;
    r.geo.clearLayers();
    r.clusters.clearLayers();
    r.counts = [0, 0];
    if (r.grid) { drawGrid(r, view); culled = true; }
    var points = cutoff ? r.points.filter(inTime) : r.points;
    if (points.length > cfg.cluster.minPoints) {
      // Zoomed out, or still too many in view: counts on a pixel grid; else each event.
      culled = true;
      if (zoom >= cfg.cluster.maxZoom) {
        points = points.filter(inView(view));
      }
      if (zoom < cfg.cluster.maxZoom || points.length > cfg.cluster.maxInView) {
        drawClusters(r, points, view); points = [];
      }
    }
    if (points.length) { r.geo.addLayer(pointSet(r, points)); }
    r.counts[0] += points.length + r.areas.filter(function (a) { return inTime(a.f); }).length;
    r.areas.forEach(function (a) {
      if (!inTime(a.f)) { return; }
      a.layers = a.layers || areaLayer(r, a.f);
      a.layers.forEach(function (l) { r.geo.addLayer(l); });
    });
    return culled;
  }
  function render() {
    var zoom = map.getZoom(), view = map.getBounds().pad(0.25);
    registry.forEach(function (r) {
      var shown = map.hasLayer(r.group);
      if (fresh(r, zoom, shown)) { return; }
      var culled = false;
      if (shown) { culled = drawLayer(r, zoom, view); } else {
        r.geo.clearLayers(); r.clusters.clearLayers(); r.counts = [0, 0];
      }
      r.state = {zoom: zoom, cutoff: cutoff, shown: shown, bounds: culled ? view : null};
    });
    gu.restack(map);
  }
  var big = registry.some(function (r) {
    return r.grid || r.points.length > cfg.cluster.minPoints;
  });
  map.on(big ? "moveend" : "zoomend", render);
  map.on("overlayadd overlayremove", render);
  render();

  // ---- time slider ------------------------------------------------------------------------
  function showUntil(date) { cutoff = date; render(); }
  if (cfg.time && cfg.dates.length > 1) {
    var TimeControl = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var box = L.DomUtil.create("div", "leaflet-bar gu-time");
        var label = el("label", "Events up to ");
        var out = el("output", cfg.dates[cfg.dates.length - 1]);
        var input = document.createElement("input");
        input.type = "range"; input.min = 0; input.max = cfg.dates.length - 1;
        input.value = cfg.dates.length - 1; input.setAttribute("aria-label", "Show events up to date");
        input.addEventListener("input", function () {
          out.textContent = cfg.dates[input.value];
          showUntil(cfg.dates[input.value]);
        });
        label.appendChild(out);
        box.appendChild(label); box.appendChild(input);
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new TimeControl().addTo(map);
  }
  // Once the first view is on screen, when the page is idle: every layer's symbols drawn
  // ready, so the first zoom does not wait for them.
  map.once("gu:drawn", function () {
    (window.requestIdleCallback || setTimeout)(function () {
      registry.forEach(function (r) { strip(symbols(r, false)); strip(symbols(r, true)); });
    });
  });
  var api = {showUntil: showUntil, layers: registry, map: map, drawn: null};
  // The first view is on screen: the frame after the one in which the canvases drew it
  // (their redraws were asked for above, so they run first in that frame). Tests and the
  // benchmark wait for this, not for a fixed time.
  L.Util.requestAnimFrame(function () {
    L.Util.requestAnimFrame(function () { api.drawn = performance.now(); map.fire("gu:drawn"); });
  });
  return api;
}

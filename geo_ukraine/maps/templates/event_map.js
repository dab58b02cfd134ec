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
  function section(p) {
    var box = el("div", null, "gu-event");
    box.appendChild(el("div", LABELS[p.event_type] || p.event_type, "gu-popup-title"));
    var table = el("table");
    row(table, "Date", p.event_date + (p.date_precision && p.date_precision !== "day" ?
      " (" + p.date_precision + ")" : ""));
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
    features.forEach(function (f) { box.appendChild(section(f.properties)); });
    return box;
  }
  function tooltipText(p, more) {
    return (LABELS[p.event_type] || p.event_type) + " \u00b7 " + p.location + " \u00b7 " +
      p.event_date + (more > 0 ? " (+" + more + " more here)" : "");
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

  // ---- layer data: columnar (see geo_ukraine.maps.layers), expanded once ---------------------
  function expand(data) {
    var features = new Array(data.n), names = Object.keys(data.columns);
    for (var i = 0; i < data.n; i++) {
      var props = {}, g = data.geometries[i];
      for (var k = 0; k < names.length; k++) {
        var col = data.columns[names[k]];
        var v = col.dict ? col.dict[col.codes[i]] : col.values ? col.values[i] : col.const;
        if (v !== null && v !== undefined) { props[names[k]] = v; }
      }
      features[i] = {properties: props, point: Array.isArray(g) ? g : null,
                     geometry: Array.isArray(g) ? null : g,
                     badge: data.badges ? data.badges[i] : null};
    }
    return features;
  }
  // Events drawn at one point, or on one identical area, share one popup listing them all.
  var cutoff = null, registry = [], stacks = {};
  function shownHere(key) {
    var seen = {};
    return (stacks[key] || []).filter(function (e) {
      var id = e.f.properties.event_id || JSON.stringify(e.f.properties);
      if (seen[id] || !map.hasLayer(e.r.group) || (cutoff && e.f.properties.event_date > cutoff)) {
        return false;
      }
      seen[id] = true;
      return true;
    }).map(function (e) { return e.f; });
  }
  function pointMarker(r, f) {
    var style = r.style, radius = style.radius, p = f.properties;
    if (r.sized) { radius = Math.min(26, 5 + 3 * Math.sqrt((p.fatalities || 0) + (p.injured || 0))); }
    var marker = new ShapeMarker([f.point[1], f.point[0]], {renderer: canvas, shape: style.shape,
      radius: radius, color: "#222", weight: 1, fillColor: style.colour, fillOpacity: 0.85});
    marker.bindPopup(function () { return popupFor(shownHere(f.key)); },
                     POPUP);
    marker.bindTooltip(function () { return el("span", tooltipText(p, shownHere(f.key).length - 1)); },
                       {sticky: true});
    return marker;
  }
  function areaStyle(style, p) {
    var wide = p.geo_precision === 4, region = p.geo_precision === 3;
    var claimed = style.area === "hatched";
    return {color: style.colour, weight: wide ? 1.5 : 2,
      fillColor: claimed && !region && !wide ? gu.hatch(style.colour) : style.colour,
      fillOpacity: wide ? 0.04 : claimed ? (region ? 0.05 : 0.9) : region ? 0.12 : 0.25,
      dashArray: wide || (claimed && region) ? "7 5" : null};
  }
  function areaLayer(r, f) {
    var p = f.properties, layers = [];
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
        .on("add", function (e) { e.target.getElement().textContent = p.location; }));
    }
    layers.forEach(function (l) {
      if (!l.bindPopup || l.options.interactive === false) { return; }
      l.bindPopup(function () { return popupFor(shownHere(f.key)); },
                  POPUP);
      l.bindTooltip(function () { return el("span", tooltipText(p, shownHere(f.key).length - 1)); },
                    {sticky: true});
    });
    return layers;
  }
  var expanded = cfg.layers.map(function (spec) { return expand(spec.data); });
  cfg.layers.forEach(function (spec, n) {
    var group = window[spec.group], features = expanded[n];
    if (spec.refs) {
      // Events of other layers shown here too (a strike's civilian harm): shared, not repeated.
      features = features.concat(spec.refs.layers.map(function (k, j) {
        return expanded[k][spec.refs.rows[j]];
      }));
    }
    var r = {key: spec.key, label: spec.label, grid: spec.grid || null, group: group,
             style: spec.style, sized: spec.sized,
             features: features, geo: L.layerGroup().addTo(group),
             clusters: L.layerGroup().addTo(group), areas: [],
             points: features.filter(function (f) { return f.point; })};
    features.forEach(function (f) {
      f.key = f.point ? f.point[0] + "," + f.point[1] : JSON.stringify(f.geometry);
      (stacks[f.key] = stacks[f.key] || []).push({f: f, r: r});
      if (f.geometry) { r.areas.push({f: f, layers: null}); }
    });
    registry.push(r);
  });

  // ---- drawing: grid counts while zoomed out, then only what the view shows -----------------
  function drawClusters(r, points) {
    var cells = {}, size = cfg.cluster.cellPixels, zoom = map.getZoom();
    points.forEach(function (f) {
      var p = map.project([f.point[1], f.point[0]], zoom);
      var key = Math.floor(p.x / size) + ":" + Math.floor(p.y / size);
      var cell = cells[key] || (cells[key] = {n: 0, lat: 0, lon: 0});
      cell.n += 1; cell.lat += f.point[1]; cell.lon += f.point[0];
    });
    Object.keys(cells).forEach(function (key) {
      var cell = cells[key], lat = cell.lat / cell.n, lon = cell.lon / cell.n;
      var marker = new ShapeMarker([lat, lon], {renderer: canvas, shape: r.style.shape,
        radius: Math.min(24, 5 + 2.5 * Math.log2(cell.n)), color: "#222", weight: 1,
        fillColor: r.style.colour, fillOpacity: 0.75});
      marker.bindTooltip(function () { return el("span", cell.n + " events: click to zoom in"); });
      marker.on("click", function () { map.setView([lat, lon], zoom + 2); });
      r.clusters.addLayer(marker);
    });
  }
  // A layer too dense to send event by event arrives as counts per grid cell (three sizes).
  function gridPopup(r, lv, i) {
    var box = el("div", null, "gu-popup"), dates = r.grid.dates, table = el("table");
    box.appendChild(el("div", lv.n[i] + " events: " + r.label, "gu-popup-title"));
    row(table, "Dates", dates[lv.first[i]] + (lv.last[i] !== lv.first[i] ?
      " to " + dates[lv.last[i]] : ""));
    row(table, "Killed", lv.killed[i]); row(table, "Injured", lv.injured[i]);
    row(table, "Area", lv.size + "\u00b0 square");
    box.appendChild(table);
    box.appendChild(el("p", "This layer has " + r.grid.n + " events, shown as counts. Filter " +
      "the table (dates, area) to map each event with its own popup.", "gu-notes"));
    return box;
  }
  function drawGrid(r, view) {
    var z = map.getZoom(), lv = r.grid.levels[z < 8 ? 0 : z < 10 ? 1 : 2], s = lv.size;
    var top = 1, i, colour = r.style.colour;
    for (i = 0; i < lv.n.length; i++) { top = Math.max(top, lv.n[i]); }
    for (i = 0; i < lv.n.length; i++) {
      if (cutoff && r.grid.dates[lv.first[i]] > cutoff) { continue; }
      var b = L.latLngBounds([lv.iy[i] * s, lv.ix[i] * s], [(lv.iy[i] + 1) * s, (lv.ix[i] + 1) * s]);
      if (!view.intersects(b)) { continue; }
      var cell = L.rectangle(b, {renderer: canvas, color: colour, weight: 0.6, fillColor: colour,
        fillOpacity: 0.15 + 0.6 * Math.log(1 + lv.n[i]) / Math.log(1 + top)});
      (function (k) {
        cell.bindTooltip(function () { return el("span", lv.n[k] + " events: " + r.label); },
                         {sticky: true});
        cell.bindPopup(function () { return gridPopup(r, lv, k); }, POPUP);
      })(i);
      r.clusters.addLayer(cell);
    }
  }
  function inTime(f) { return !cutoff || f.properties.event_date <= cutoff; }
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
    if (r.grid) { drawGrid(r, view); culled = true; }
    var points = r.points.filter(inTime);
    if (points.length > cfg.cluster.minPoints) {
      // Zoomed out, or still too many in view: counts on a pixel grid; else each event.
      if (zoom >= cfg.cluster.maxZoom) {
        points = points.filter(function (f) { return view.contains([f.point[1], f.point[0]]); });
        culled = true;
      }
      if (zoom < cfg.cluster.maxZoom || points.length > cfg.cluster.maxInView) {
        drawClusters(r, points); points = [];
      }
    }
    points.forEach(function (f) { r.geo.addLayer(pointMarker(r, f)); });
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
        r.geo.clearLayers(); r.clusters.clearLayers();
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
  return {showUntil: showUntil, layers: registry, map: map};
}

/* geo_ukraine event map: layers, symbols, popups built as DOM text (never innerHTML),
 * hatched claim areas, and a time slider. Called once per map with its configuration. */
function geoUkraineEventMap(map, cfg) {
  "use strict";
  // Panes keep the order fixed whatever is added first: basemap < areas < boundaries < points.
  [["guBase", 250], ["guRef", 420], ["guPoints", 450]].forEach(function (p) {
    if (!map.getPane(p[0])) { map.createPane(p[0]).style.zIndex = p[1]; }
  });
  map.getPane("guRef").style.pointerEvents = "none";
  var canvas = L.canvas({padding: 0.5, pane: "guPoints"});
  function toggleLabels() {
    map.getContainer().classList.toggle("gu-zoom-low", map.getZoom() < 6);
  }
  map.on("zoomend", toggleLabels);
  toggleLabels();

  // ---- text only: every string from the data goes through textContent ------------------
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  var LABELS = cfg.labels;
  function popupFor(p) {
    var box = el("div", null, "gu-popup");
    var type = LABELS[p.event_type] || p.event_type;
    box.appendChild(el("div", type, "gu-popup-title"));
    var rows = [
      ["Date", p.event_date + (p.date_precision && p.date_precision !== "day" ?
        " (" + p.date_precision + ")" : "")],
      ["Place", p.location + (p.place_name && p.place_name !== p.location ?
        " \u2192 " + p.place_name : "")],
      ["Precision", cfg.precision[p.geo_precision] || null],
      ["Actor", p.actor], ["Target", p.target],
      ["Killed", p.fatalities], ["Injured", p.injured],
      ["Status", p.status ? p.status + (p.claimed_by ? " by " + p.claimed_by : "") : null],
      ["Source", p.source]
    ];
    var table = el("table");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "") { return; }
      var tr = el("tr");
      tr.appendChild(el("th", r[0]));
      tr.appendChild(el("td", r[1]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    var url = safeUrl(p.source_url);
    if (url) {
      var a = el("a", "Open source");
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      box.appendChild(a);
    }
    if (p.notes) { box.appendChild(el("p", p.notes, "gu-notes")); }
    return box;
  }
  function tooltipFor(p) {
    return el("span", (LABELS[p.event_type] || p.event_type) + " \u00b7 " + p.location +
      " \u00b7 " + p.event_date);
  }

  // ---- point symbols drawn on the shared canvas ----------------------------------------
  function drawShape(ctx, shape, x, y, r) {
    var i, a;
    if (shape === "square") { ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); return; }
    if (shape === "triangle") {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r * 0.8); ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath(); return;
    }
    if (shape === "diamond") {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y);
      ctx.closePath(); return;
    }
    if (shape === "star") {
      for (i = 0; i < 10; i++) {
        a = Math.PI / 5 * i - Math.PI / 2;
        var rr = i % 2 ? r * 0.45 : r;
        if (i === 0) { ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); }
        else { ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); }
      }
      ctx.closePath(); return;
    }
    if (shape === "cross") {
      var t = r * 0.35;
      ctx.moveTo(x - t, y - r); ctx.lineTo(x + t, y - r); ctx.lineTo(x + t, y - t);
      ctx.lineTo(x + r, y - t); ctx.lineTo(x + r, y + t); ctx.lineTo(x + t, y + t);
      ctx.lineTo(x + t, y + r); ctx.lineTo(x - t, y + r); ctx.lineTo(x - t, y + t);
      ctx.lineTo(x - r, y + t); ctx.lineTo(x - r, y - t); ctx.lineTo(x - t, y - t);
      ctx.closePath(); return;
    }
    if (shape === "hexagon") {
      for (i = 0; i < 6; i++) {
        a = Math.PI / 3 * i;
        if (i === 0) { ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a)); }
        else { ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a)); }
      }
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

  // ---- event layers ----------------------------------------------------------------------
  // Layers arrive columnar (see maps._layer_data); rebuild GeoJSON features once.
  function expand(data) {
    var features = new Array(data.n), names = Object.keys(data.columns);
    for (var i = 0; i < data.n; i++) {
      var props = {}, g = data.geometries[i];
      for (var k = 0; k < names.length; k++) {
        var col = data.columns[names[k]];
        var v = col.dict ? col.dict[col.codes[i]] : col.values[i];
        if (v !== null && v !== undefined) { props[names[k]] = v; }
      }
      features[i] = {type: "Feature", properties: props,
                     geometry: Array.isArray(g) ? {type: "Point", coordinates: g} : g};
    }
    return {type: "FeatureCollection", features: features};
  }
  var registry = [];
  cfg.layers.forEach(function (spec) {
    var group = window[spec.group];
    var style = spec.style;
    var geo = L.geoJSON(null, {
      pointToLayer: function (f, latlng) {
        var radius = style.radius;
        if (spec.sized) {
          var harm = (f.properties.fatalities || 0) + (f.properties.injured || 0);
          radius = Math.min(26, 5 + 3 * Math.sqrt(harm));
        }
        return new ShapeMarker(latlng, {renderer: canvas, shape: style.shape, radius: radius,
          color: "#222", weight: 1, fillColor: style.colour, fillOpacity: 0.85});
      },
      style: function (f) {
        // A whole country is context, not a strike site: outline it, barely fill it.
        var wide = f.properties.geo_precision === 4;
        return {color: style.colour, weight: wide ? 1.5 : 2, fillColor: style.colour,
                fillOpacity: wide ? 0.04 : style.area === "hatched" ? 0.9 : 0.3,
                dashArray: style.area === "hatched" || wide ? "6 4" : null};
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(function () { return popupFor(f.properties); }, {maxWidth: 320});
        layer.bindTooltip(tooltipFor(f.properties), {sticky: true});
        if (style.area === "hatched" && f.properties.geo_precision !== 4 &&
            layer.setStyle && !(layer instanceof L.CircleMarker)) {
          layer.on("add", function () {
            if (layer._path) {
              layer._path.setAttribute("fill", "url(#" + geoUkraineHatch(map, style.colour) + ")");
            }
          });
        }
      }
    });
    geo.addTo(group);
    var clusters = L.layerGroup().addTo(group);
    registry.push({geo: geo, clusters: clusters, data: expand(spec.data), style: style});
  });

  // ---- clustering: a dense layer is drawn as counts on a pixel grid until zoomed in ------
  var cutoff = null;
  function visible(r) {
    return r.data.features.filter(function (f) {
      return !cutoff || f.properties.event_date <= cutoff;
    });
  }
  function drawClusters(r, points) {
    var cells = {}, size = cfg.cluster.cellPixels;
    points.forEach(function (f) {
      var c = f.geometry.coordinates, p = map.project([c[1], c[0]], map.getZoom());
      var key = Math.floor(p.x / size) + ":" + Math.floor(p.y / size);
      var cell = cells[key] || (cells[key] = {n: 0, lat: 0, lon: 0});
      cell.n += 1; cell.lat += c[1]; cell.lon += c[0];
    });
    Object.keys(cells).forEach(function (key) {
      var cell = cells[key], lat = cell.lat / cell.n, lon = cell.lon / cell.n;
      var marker = new ShapeMarker([lat, lon], {renderer: canvas, shape: r.style.shape,
        radius: Math.min(24, 5 + 2.5 * Math.log2(cell.n)), color: "#222", weight: 1,
        fillColor: r.style.colour, fillOpacity: 0.75});
      marker.bindTooltip(el("span", cell.n + " events: zoom in to see each"));
      marker.on("click", function () { map.setView([lat, lon], map.getZoom() + 2); });
      r.clusters.addLayer(marker);
    });
  }
  function render() {
    var clustered = map.getZoom() < cfg.cluster.maxZoom;
    registry.forEach(function (r) {
      var features = visible(r);
      var points = features.filter(function (f) { return f.geometry.type === "Point"; });
      r.geo.clearLayers();
      r.clusters.clearLayers();
      if (clustered && points.length > cfg.cluster.minPoints) {
        drawClusters(r, points);
        features = features.filter(function (f) { return f.geometry.type !== "Point"; });
      }
      r.geo.addData({type: "FeatureCollection", features: features});
    });
  }
  function showUntil(date) {
    cutoff = date;
    render();
  }
  map.on("zoomend", render);
  render();

  // ---- reference layers: oblast boundaries with names, choropleth of event counts --------
  if (cfg.reference) {
    L.geoJSON(cfg.reference.data, {
      pane: "guRef", style: {color: "#555", weight: 1, fill: false, interactive: false}
    }).addTo(window[cfg.reference.group]);
    cfg.reference.labels.forEach(function (lab) {
      L.marker([lab[1], lab[0]], {interactive: false, keyboard: false, pane: "guRef",
        icon: L.divIcon({className: "gu-oblast-label", html: "", iconSize: null})})
        .on("add", function (e) { e.target.getElement().textContent = lab[2]; })
        .addTo(window[cfg.reference.group]);
    });
  }
  if (cfg.choropleth) {
    L.geoJSON(cfg.choropleth.data, {
      style: function (f) {
        return {color: "#444", weight: 0.8, fillColor: f.properties.colour, fillOpacity: 0.65};
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(el("span", f.properties.name + ": " + f.properties.count + " events"));
      }
    }).addTo(window[cfg.choropleth.group]);
  }
  if (cfg.base) {
    L.geoJSON(cfg.base.data, {
      pane: "guBase",
      style: {color: "#9a9a9a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1,
              interactive: false}
    }).addTo(window[cfg.base.group]);
  }

  // ---- time slider ------------------------------------------------------------------------
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
  return {showUntil: showUntil, layers: registry};
}

/* geo_ukraine: diagonal hatching for claimed areas, as an SVG pattern in the map's own SVG
 * renderer (no plugin). geoUkraineHatch(map, colour) returns the pattern's element id. */
function geoUkraineHatch(map, colour) {
  "use strict";
  var id = "gu-hatch-" + String(colour).replace(/[^0-9a-z]/gi, "");
  if (document.getElementById(id)) { return id; }
  var svg = map.getRenderer(L.polygon([[0, 0]]))._container;
  var ns = "http://www.w3.org/2000/svg";
  var defs = svg.querySelector("defs") ||
    svg.insertBefore(document.createElementNS(ns, "defs"), svg.firstChild);
  var pat = document.createElementNS(ns, "pattern");
  pat.setAttribute("id", id); pat.setAttribute("width", "8"); pat.setAttribute("height", "8");
  pat.setAttribute("patternUnits", "userSpaceOnUse");
  pat.setAttribute("patternTransform", "rotate(45)");
  var line = document.createElementNS(ns, "line");
  line.setAttribute("x1", "0"); line.setAttribute("y1", "0");
  line.setAttribute("x2", "0"); line.setAttribute("y2", "8");
  line.setAttribute("stroke", colour); line.setAttribute("stroke-width", "3");
  pat.appendChild(line); defs.appendChild(pat);
  return id;
}
function geoUkraineHatchLayer(map, layer, colour) {
  "use strict";
  function apply(l) {
    if (l._path) { l._path.setAttribute("fill", "url(#" + geoUkraineHatch(map, colour) + ")"); }
  }
  layer.eachLayer(function (l) { l.on("add", function () { apply(l); }); apply(l); });
}

/* geo_ukraine map furniture: the events-per-oblast choropleth (on the shared canvas, under the
 * events) and controls that fold into buttons on narrow screens. Needs common.js. */
function geoUkraineControls(map, cfg) {
  "use strict";
  var gu = geoUkraineLib, el = gu.el, canvas = gu.canvas(map);
  if (cfg.choropleth) {
    L.geoJSON(cfg.choropleth.data, {
      renderer: canvas,
      style: function (f) {
        return {color: "#444", weight: 0.8, fillColor: f.properties.colour, fillOpacity: 0.65};
      },
      onEachFeature: function (f, layer) {
        gu.area(map, layer, -1);
        var text = f.properties.name + ": " + f.properties.count + " events";
        layer.bindTooltip(function () { return el("span", text); }, {sticky: true});
        layer.bindPopup(function () { return el("div", text, "gu-popup"); });
      }
    }).addTo(window[cfg.choropleth.group]);
  }
  // Below the breakpoint every control folds into a button that opens it (CSS does the
  // hiding, so resizing the window works both ways).
  var narrow = window.innerWidth < cfg.compactWidth;
  map.getContainer().querySelectorAll(".leaflet-control-layers").forEach(function (box) {
    if (box.querySelector(".gu-fold")) { return; }
    var button = el("button", "Layers", "gu-fold");
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function (e) {
      e.preventDefault();
      var open = box.classList.toggle("gu-open");
      button.setAttribute("aria-expanded", String(open));
    });
    box.insertBefore(button, box.firstChild);
  });
  var legend = map.getContainer().querySelector(".gu-legend");
  if (legend && narrow) { legend.open = false; }
}

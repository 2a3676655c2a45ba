// Draws every [data-chart] element from the Vega-Lite spec in the JSON block it names.
// Under the Content-Security-Policy (script-src 'self', style-src 'self'): expressions are
// interpreted (ast + vega-interpreter), no eval; vega-embed injects no style element.
(function () {
  "use strict";
  function draw(element) {
    var block = document.getElementById(element.getAttribute("data-chart"));
    if (!block || !window.vegaEmbed) { return; }
    var spec = JSON.parse(block.textContent);
    window.vegaEmbed(element, spec, {
      ast: true,
      expr: window.vega.expressionInterpreter,
      renderer: "svg",
      actions: false,
      defaultStyle: false,
      tooltip: false
    }).catch(function (error) { element.setAttribute("data-chart-error", String(error)); });
  }
  document.querySelectorAll("[data-chart]").forEach(draw);
})();

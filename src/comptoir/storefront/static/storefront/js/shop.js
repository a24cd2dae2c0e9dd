/* Maison Lavande: the little the boutique asks of JavaScript. Every page works without it. */
(function () {
  "use strict";

  // Lets the stylesheet show what only makes sense with a script (e.g. "see the results" in the filters).
  document.documentElement.classList.add("js");

  // Filters: keep empty fields and the default sort out of the address htmx requests and pushes,
  // so a filtered collection reads "?size=40", not "?size=40&min=&max=&sort=featured".
  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches("form[data-clean-query]")) {
      return;
    }
    var parameters = event.detail.parameters;
    var names = [];
    parameters.forEach(function (value, name) {
      if (value === "" || (name === "sort" && value === form.dataset.defaultSort)) {
        names.push(name);
      }
    });
    names.forEach(function (name) {
      parameters.delete(name);
    });
  });
})();

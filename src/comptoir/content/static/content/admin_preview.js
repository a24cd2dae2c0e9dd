/* Live preview of the Markdown fields in the back-office: what the page will show, as it is typed. */
(function () {
  "use strict";
  var endpoint = window.location.pathname.split("/admin/")[0] + "/admin/content/post/preview/";
  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function attach(textarea) {
    var pane = document.createElement("div");
    pane.className = "markdown-preview";
    pane.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", pane);
    var timer = null;
    function refresh() {
      var body = new FormData();
      body.append("text", textarea.value);
      fetch(endpoint, { method: "POST", body: body, headers: { "X-CSRFToken": csrfToken() }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { pane.innerHTML = html; });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[name^=body]").forEach(attach);
  });
})();

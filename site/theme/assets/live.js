// plainpress serve: reloads the page when the site is rebuilt and shows
// build errors over the page. Only served by `plainpress serve`.
(function () {
  "use strict";
  var panel = null;
  function showError(html) {
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "plainpress-error";
      panel.setAttribute("role", "alert");
      panel.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99;" +
        "background:#fff;color:#1b1b1b;border-top:6px solid #b50909;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;" +
        "box-shadow:0 -4px 16px rgba(0,0,0,.25)";
      document.body.appendChild(panel);
    }
    panel.innerHTML = html;
  }
  var es = new EventSource("/_plainpress/events");
  es.addEventListener("reload", function () { window.location.reload(); });
  es.addEventListener("error-html", function (e) { showError(e.data); });
})();

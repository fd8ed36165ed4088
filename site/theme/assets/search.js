// plainpress site search: loads this language's index and lists the
// pages that contain every word typed. No framework, no tracking.
(function () {
  "use strict";
  var box = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (!box || !input) return;
  var index = null;

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(q) {
    return fold(q).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }
  function score(page, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (page.ft.indexOf(t) >= 0) s += 10;
      if (page.fd.indexOf(t) >= 0) s += 4;
      if (page.fx.indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }
  function show(q) {
    box.textContent = "";
    var terms = words(q);
    if (!terms.length || !index) return;
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], terms);
      if (s > 0) hits.push({ page: index[i], score: s });
    }
    hits.sort(function (a, b) { return b.score - a.score; });
    var heading = el("h2");
    heading.id = "results-heading";
    heading.textContent = hits.length ? hits.length + " " + box.dataset.count : box.dataset.none;
    box.appendChild(heading);
    if (!hits.length) return;
    var list = el("ol");
    hits.slice(0, 50).forEach(function (h) {
      var li = el("li"), a = el("a", h.page.t);
      a.href = h.page.u;
      li.appendChild(a);
      li.appendChild(el("p", h.page.d)).className = "summary";
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function run() {
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    if (!q) return;
    if (index) return show(q);
    fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
      index = data.map(function (p) {
        p.ft = fold(p.t); p.fd = fold(p.d); p.fx = fold(p.x);
        return p;
      });
      show(q);
    });
  }
  document.querySelector(".search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.pushState({}, "", url);
    run();
  });
  window.addEventListener("popstate", run);
  run();
})();

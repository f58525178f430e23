/* Opens the search dialog and starts Pagefind's UI on first use. Pagefind picks the index of the
   page's <html lang>. Result URLs are made relative to this copy of the site, so it also works
   under a sub-path. No request leaves the site. */
(function () {
  "use strict";
  var dialog = document.getElementById("hb-search-dialog");
  if (!dialog) return;
  var started = false;

  function start() {
    if (started) return;
    if (window.location.protocol === "file:") {  // the offline ZIP: Pagefind cannot fetch its index
      started = true;
      startFileSearch();
      return;
    }
    if (typeof PagefindUI === "undefined") return;
    started = true;
    var root = new URL(dialog.getAttribute("data-hb-root"), window.location.href).pathname;
    new PagefindUI({
      element: "#hb-search",
      bundlePath: new URL(dialog.getAttribute("data-hb-bundle"), window.location.href).pathname,
      baseUrl: root,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      autofocus: true
    });
  }

  // --- From file:// (the offline ZIP): the same text as Pagefind's index, shipped as a script
  // (search-index.js, made by handbook/offline/bundle.py), searched here. Every word typed must
  // start a word of the page; case and accents do not count. Results use Pagefind's classes, so
  // they look the same.
  function fold(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "");
  }
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  function startFileSearch() {
    var box = document.getElementById("hb-search");
    box.classList.add("hb-search--file");
    var rootHref = dialog.getAttribute("data-hb-root");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "pagefind-ui__search-input";
    input.setAttribute("aria-label", document.getElementById("hb-search-title").textContent);
    var list = document.createElement("ol");
    list.className = "pagefind-ui__results";
    var status = document.createElement("p");
    status.className = "pagefind-ui__message";
    status.setAttribute("role", "status");
    box.appendChild(input);
    box.appendChild(status);
    box.appendChild(list);
    var index = null;
    var script = document.createElement("script");
    script.src = rootHref + "search-index.js";
    script.onload = function () {
      index = (window.HB_SEARCH_INDEX || []).map(function (page) {
        return { page: page, words: words(page.title + " " + page.text) };
      });
      run();
    };
    document.head.appendChild(script);

    function excerpt(text, term) {
      var all = text.split(/\s+/);
      var at = all.findIndex(function (w) { return fold(w).replace(/^[^\p{L}\p{N}]+/u, "").indexOf(term) === 0; });
      var from = Math.max(0, at - 12);
      return (from > 0 ? "… " : "") + all.slice(from, from + 30).join(" ") + (from + 30 < all.length ? " …" : "");
    }

    function run() {
      list.textContent = "";
      status.textContent = "";
      var terms = words(input.value);
      if (!index || !terms.length) return;
      var found = index.map(function (entry) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          var hits = entry.words.filter(function (w) { return w.indexOf(terms[i]) === 0; }).length;
          if (!hits) return null;
          score += hits;
        }
        return { page: entry.page, score: score };
      }).filter(Boolean).sort(function (a, b) { return b.score - a.score; });
      if (!found.length) {
        status.textContent = dialog.getAttribute("data-hb-none");
        return;
      }
      found.slice(0, 20).forEach(function (hit) {
        var item = document.createElement("li");
        item.className = "pagefind-ui__result";
        var title = document.createElement("p");
        title.className = "pagefind-ui__result-title";
        var link = document.createElement("a");
        link.className = "pagefind-ui__result-link";
        link.href = rootHref + hit.page.url;
        link.textContent = hit.page.title;
        title.appendChild(link);
        var text = document.createElement("p");
        text.className = "pagefind-ui__result-excerpt";
        text.textContent = excerpt(hit.page.text, terms[0]);
        item.appendChild(title);
        item.appendChild(text);
        list.appendChild(item);
      });
    }
    input.addEventListener("input", run);
  }

  // While the reader is still typing, the result of a partial word ("no results" for «الصد») is not
  // an answer: the message waits until typing pauses, so no empty state flashes before results.
  var typingTimer = null;
  dialog.addEventListener("input", function () {
    dialog.classList.add("hb-typing");
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { dialog.classList.remove("hb-typing"); }, 900);
  });

  function open() {
    start();
    if (!dialog.open) dialog.showModal();
    var input = dialog.querySelector("input");
    if (input) input.focus();
  }

  document.querySelectorAll("[data-hb-search-open]").forEach(function (button) {
    button.addEventListener("click", open);
  });
  dialog.querySelectorAll("[data-hb-search-close]").forEach(function (button) {
    button.addEventListener("click", function () { dialog.close(); });
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && (event.key === "/" || ((event.ctrlKey || event.metaKey) && event.key === "k"))) {
      event.preventDefault();
      open();
    }
  });
})();

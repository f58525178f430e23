/* Reading offline (handbook/offline): registers this language's service worker (sw.js at the
   language's root, scoped to it), reports the saving's progress and the saved state in the save
   panel, offers the PDFs, tells the reader when a newer edition is saved or installed, and marks
   in the language switcher the languages saved on this device. Every text is a UI string the
   build wrote into data- attributes; percentages are formatted by the browser's CLDR data
   (Intl.NumberFormat) in the page's language, with Western digits as on the PDF's pages.
   From file:// (the offline ZIP) a service worker cannot run: the panel stays hidden. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-hb-offline]");
  if (!panel || !("serviceWorker" in navigator) || !window.caches || !/^https?:$/.test(location.protocol)) return;

  var lang = document.documentElement.lang || "en";
  var root = new URL(panel.getAttribute("data-hb-root"), location.href).href;
  var state = panel.querySelector("[data-hb-offline-state]");
  var bar = panel.querySelector("[data-hb-offline-progress]");
  var pdfButton = panel.querySelector("[data-hb-offline-save-pdfs]");
  var notice = document.querySelector("[data-hb-offline-notice]");
  var noticeText = notice && notice.querySelector("[data-hb-offline-notice-text]");
  var reload = notice && notice.querySelector("[data-hb-offline-reload]");
  var percent;
  try { percent = new Intl.NumberFormat(lang + "-u-nu-latn", { style: "percent" }); }
  catch (e) { percent = new Intl.NumberFormat(undefined, { style: "percent" }); }
  var EDITION = "hb-offline-edition:" + root;
  var reloading = false;

  function text(name, value) {
    return panel.getAttribute("data-hb-" + name).replace("{percent}", value === undefined ? "" : value);
  }
  function show(message) { state.textContent = message; }
  function progress(done, total) {
    bar.hidden = false;
    bar.value = total ? Math.floor(100 * done / total) : 100;
    return percent.format(total ? Math.floor(100 * done / total) / 100 : 1);
  }
  function tell(message, withReload) {
    if (!notice) return;
    noticeText.textContent = message;
    reload.hidden = !withReload;
    notice.hidden = false;
  }

  // The cache of every language saved on this device: "hb|<language root>|<edition>", complete
  // when it holds the "__hb_saved__" entry the worker writes last.
  function savedRoots() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("hb|") === 0; }).map(function (name) {
        var scope = name.split("|")[1];
        return caches.open(name).then(function (cache) { return cache.match(scope + "__hb_saved__"); })
          .then(function (entry) { return entry ? entry.json().then(function (s) { s.scope = scope; return s; }) : null; });
      }));
    }).then(function (found) { return found.filter(Boolean); });
  }

  function markSwitcher(saved) {
    var roots = JSON.parse(panel.getAttribute("data-hb-roots"));
    var scopes = saved.map(function (s) { return s.scope; });
    Object.keys(roots).forEach(function (code) {
      var link = document.querySelector('[data-hb-switcher] a[hreflang="' + code + '"]');
      if (!link || link.querySelector(".hb-offline-mark")) return;
      if (scopes.indexOf(new URL(roots[code], location.href).href) < 0) return;
      var mark = document.createElement("span");
      mark.className = "hb-offline-mark";
      mark.lang = lang;
      mark.dir = document.documentElement.dir || "ltr";
      mark.textContent = panel.getAttribute("data-hb-language-saved");
      link.appendChild(document.createTextNode(" "));
      link.appendChild(mark);
    });
  }

  // One edition on the device, and it is not the one this browser showed last: the saved copy was
  // replaced (after "Read the new edition", or when every tab of the old edition had closed).
  function noticeNewEdition(version) {
    try {
      var before = localStorage.getItem(EDITION);
      if (before && before !== version) tell(text("updated"), false);
      localStorage.setItem(EDITION, version);
    } catch (e) { /* storage refused: no notice, the pages still work */ }
  }

  function refresh() {
    return savedRoots().then(function (saved) {
      markSwitcher(saved);
      var editions = saved.filter(function (s) { return s.scope === root; });
      var mine = editions[0];
      if (editions.length === 1 && navigator.serviceWorker.controller) noticeNewEdition(mine.version);
      if (mine) {
        show(text("saved") + (mine.pdf ? " " + text("pdf-saved") : ""));
        bar.hidden = true;
        pdfButton.hidden = Boolean(mine.pdf);
      }
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.scope !== root) return;  // another language's worker
    if (data.type === "progress") {
      show(text(data.kind === "pdf" ? "saving-pdf" : "saving", progress(data.done, data.total)));
    } else if (data.type === "failed") {
      bar.hidden = true;
      show(text("failed"));
      if (data.kind === "pdf") pdfButton.hidden = false;  // the reader may try again
    } else if (data.type === "saved") {
      if (data.update) {
        tell(text("update-ready"), true);
      }
      refresh();
    }
  });

  panel.hidden = false;
  pdfButton.addEventListener("click", function () {
    navigator.serviceWorker.getRegistration(root).then(function (reg) {
      if (reg && reg.active) {
        pdfButton.hidden = true;
        reg.active.postMessage({ type: "save-pdfs" });
      }
    });
  });

  navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function (reg) {
    // A newer edition saved during an earlier visit, waiting for this language's tabs to reload.
    if (reg.waiting && reg.active) tell(text("update-ready"), true);
    reload.addEventListener("click", function () {
      var waiting = reg.waiting;
      if (!waiting) { location.reload(); return; }
      reloading = true;
      waiting.postMessage({ type: "activate" });
    });
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (reloading) location.reload();
    });
    if (reg.active) reg.update().catch(function () { /* offline: the saved edition stays */ });
    return refresh();
  }).catch(function () { refresh(); });
})();

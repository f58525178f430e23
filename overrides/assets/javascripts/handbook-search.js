/* Opens the search dialog and starts Pagefind's UI on first use. Pagefind picks the index of the
   page's <html lang>. Result URLs are made relative to this copy of the site, so it also works
   under a sub-path. No request leaves the site. */
(function () {
  "use strict";
  var dialog = document.getElementById("hb-search-dialog");
  if (!dialog) return;
  var started = false;

  function start() {
    if (started || typeof PagefindUI === "undefined") return;
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

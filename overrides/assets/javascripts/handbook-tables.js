/* Page helpers that need the loaded page.
   Wide tables scroll sideways inside Material's wrapper. A region that scrolls must be reachable by
   keyboard (WCAG 2.1.1; axe: scrollable-region-focusable), so each wrapper gets a tab stop and a name
   in the reader's language. Material wraps the tables when the document loads; this runs after it. */
(function () {
  "use strict";
  function label() {
    var holder = document.querySelector("[data-hb-table-label]");
    return holder ? holder.getAttribute("data-hb-table-label") : "Table";
  }
  function address() {  // the page's own address, for the printed copy (the site may live anywhere)
    document.querySelectorAll("[data-hb-page-url]").forEach(function (el) {
      el.textContent = window.location.href.split("#")[0];
    });
  }
  function mark() {
    address();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label());
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
  window.addEventListener("load", mark);
})();

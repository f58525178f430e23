/* Citable paragraphs on a chapter page (strings and numbers from partials/hb-cite.html).
   - Following a paragraph's number (a.hb-pnum, mouse or keyboard) opens "Cite paragraph 4.12" under
     the paragraph: the citation in the reader's language and a copy button. Focus moves into the
     panel; Escape or "Close" returns it to the number.
   - A link to a number the chapter no longer has (#p4-12 with 12 <= last_paragraph) shows a notice
     saying the paragraph was removed, and in which edition when the build could tell.
   Every text is set with textContent: the strings come from translators and front matter. */
(function () {
  "use strict";
  var data = document.querySelector("[data-hb-cite]");
  if (!data) return;
  function get(name) { return data.getAttribute("data-hb-" + name) || ""; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  // A template as nodes, with the paragraph number and the address kept left to right (isolated)
  // inside right-to-left text, so that a wrapped URL does not come apart.
  function sentence(template, values) {
    var out = document.createDocumentFragment();
    template.split(/(\{paragraph\}|\{url\})/).forEach(function (part) {
      var key = part.slice(1, -1);
      if ((part === "{paragraph}" || part === "{url}") && key in values) {
        var value = document.createElement("span");
        value.setAttribute("dir", "ltr");
        value.textContent = values[key];
        out.appendChild(value);
      } else {
        out.appendChild(document.createTextNode(fill(part, values)));
      }
    });
    return out;
  }

  // --- Cite this paragraph -------------------------------------------------------------------------
  var panel = null;
  function close(restore) {
    if (!panel) return;
    var number = panel.hbNumber;
    panel.remove();
    panel = null;
    if (restore && number) number.focus();
  }
  function place(box, block) {
    if (block.tagName === "LI") { block.appendChild(box); return; }
    var after = block.closest(".md-typeset__scrollwrap") || block;  // a table sits in Material's wrappers
    if (after.parentNode && after.parentNode.classList.contains("md-typeset__table")) after = after.parentNode;
    after.insertAdjacentElement("afterend", box);
  }
  function copy(text, status) {
    function done(ok) { status.textContent = get(ok ? "cite-copied" : "cite-failed"); }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      return;
    }
    // file:// and other insecure pages: the older copy command on a selection of the text.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "hb-cite__scratch";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    field.remove();
    done(ok);
  }
  function open(number) {
    close(false);
    var block = document.getElementById(number.getAttribute("href").slice(1));
    if (!block) return;
    var paragraph = number.textContent.trim();
    var url = window.location.href.split("#")[0] + "#" + block.id;
    var text = fill(get("cite-text"), { paragraph: paragraph, url: url });
    var box = document.createElement("div");
    box.className = "hb-cite";
    box.setAttribute("role", "group");
    box.id = "hb-cite";
    var title = document.createElement("p");
    title.className = "hb-cite__title";
    title.id = "hb-cite-title";
    title.appendChild(sentence(get("cite-title"), { paragraph: paragraph }));
    box.setAttribute("aria-labelledby", title.id);
    var quote = document.createElement("p");
    quote.className = "hb-cite__text";
    quote.appendChild(sentence(get("cite-text"), { paragraph: paragraph, url: url }));
    var actions = document.createElement("p");
    actions.className = "hb-cite__actions";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button hb-cite__copy";
    button.textContent = get("cite-copy");
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "md-button hb-cite__close";
    shut.textContent = get("cite-close");
    var status = document.createElement("span");
    status.className = "hb-cite__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () { copy(text, status); });
    shut.addEventListener("click", function () { close(true); });
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") close(true); });
    actions.appendChild(button);
    actions.appendChild(shut);
    box.appendChild(title);
    box.appendChild(quote);
    box.appendChild(actions);
    box.appendChild(status);
    box.hbNumber = number;
    number.setAttribute("aria-controls", box.id);
    place(box, block);
    panel = box;
    button.focus();
  }
  // Say what following a number does (a tooltip for the mouse; a description for screen readers).
  function describe() {
    document.querySelectorAll("a.hb-pnum").forEach(function (number) {
      number.setAttribute("title", fill(get("cite-title"), { paragraph: number.textContent.trim() }));
    });
  }
  document.addEventListener("click", function (e) {
    var number = e.target.closest && e.target.closest("a.hb-pnum");
    if (!number || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();  // the address still moves to the paragraph, without the browser's jump
    var hash = number.getAttribute("href");
    if (window.location.hash !== hash) history.replaceState(null, "", hash);
    open(number);
  });

  // --- A number that is gone -----------------------------------------------------------------------
  var removed = {};
  get("removed").split(" ").forEach(function (pair) {
    var parts = pair.split(":");
    if (parts.length === 2) removed[parts[0]] = parts[1];
  });
  function gone() {
    var notice = document.querySelector("[data-hb-removed-notice]");
    var match = /^#p(\d+)-(\d+)$/.exec(window.location.hash);
    if (!notice) return;
    if (!match || document.getElementById(window.location.hash.slice(1)) || match[1] !== get("chapter")
        || Number(match[2]) > Number(get("last")) || Number(match[2]) < 1) {
      notice.hidden = true;
      return;
    }
    var values = { paragraph: match[1] + "." + match[2], edition: removed[match[2]] || "" };
    var text = document.createElement("p");
    text.appendChild(sentence(get(values.edition ? "removed-in" : "removed-earlier"), values));
    notice.textContent = "";
    notice.appendChild(text);
    notice.hidden = false;
    notice.scrollIntoView({ block: "center" });
    notice.focus({ preventScroll: true });
  }
  function start() { describe(); gone(); }
  window.addEventListener("hashchange", gone);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

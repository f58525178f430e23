/* The handbook's service worker for one language (written by handbook/offline/webapp.py).

   It sits at the root of its language's folder and keeps that language, and only that language,
   on the device: the pages, the theme, the fonts and the Pagefind search bundle on the first visit,
   and the PDFs when the reader asks. Every edition has its own cache, named by a digest of the
   built files: the worker answers from its own edition's cache only, so a reader never sees a page
   of one edition with the search index or styles of another. A new edition is saved in full
   beside the old one, then takes over when the reader reloads (or closes every tab); the old
   edition's cache is deleted then. No request goes anywhere but this site. */
"use strict";

const CONFIG = /*HB_CONFIG*/null;
const SCOPE = new URL("./", self.location.href).href;
const CACHE = "hb|" + SCOPE + "|" + CONFIG.version;
const SAVED = SCOPE + "__hb_saved__";  // written last: a cache without it is incomplete
const PARALLEL = 4;

function absolute(path) { return new URL(path, SCOPE).href; }

async function tell(message) {
  message.scope = SCOPE;
  message.version = CONFIG.version;
  const clients = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  clients.forEach(function (client) { client.postMessage(message); });
}

async function savedState(cache) {
  const entry = await cache.match(SAVED);
  return entry ? entry.json() : null;
}

// Fetches every file not yet in `cache`, a few at a time, and reports the bytes saved so far.
async function fill(cache, files, kind) {
  const total = files.reduce(function (sum, item) { return sum + item[1]; }, 0);
  let done = 0;
  let next = 0;
  let failed = false;  // one file failed: the other lanes stop too, and report nothing more
  async function lane() {
    while (next < files.length && !failed) {
      const [path, size] = files[next++];
      const url = absolute(path);
      try {
        if (!(await cache.match(url))) {
          // "no-cache": revalidate with the server, so an old edition's file in the HTTP cache is not saved.
          const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
          if (!response.ok) throw new Error(url + ": HTTP " + response.status);
          await cache.put(url, response);
        }
      } catch (error) {
        failed = true;
        throw error;
      }
      if (failed) return;
      done += size;
      tell({ type: "progress", kind: kind, done: done, total: total });
    }
  }
  const lanes = [];
  for (let i = 0; i < PARALLEL; i++) lanes.push(lane());
  await Promise.all(lanes);
}

// Deploys swap the whole site at once, but one could land while this worker is saving: then some
// files would be of the next edition. The worker script on the server names its edition; if it is
// no longer this one, the saving fails, and the next edition's worker saves everything again.
async function sameEdition() {
  const response = await fetch(absolute("sw.js"), { cache: "no-store", credentials: "same-origin" });
  const text = response.ok ? await response.text() : "";
  if (text.indexOf('"version":"' + CONFIG.version + '"') < 0) throw new Error("a new edition was published while saving");
}

async function markSaved(cache, pdf) {
  await cache.put(SAVED, new Response(JSON.stringify({ version: CONFIG.version, lang: CONFIG.lang, pdf: pdf }),
                                      { headers: { "Content-Type": "application/json" } }));
}

// Did the reader save the PDFs of an earlier edition? Then the new edition keeps them too.
async function hadPdfs() {
  for (const name of await caches.keys()) {
    if (name !== CACHE && name.startsWith("hb|" + SCOPE + "|")) {
      const state = await savedState(await caches.open(name));
      if (state && state.pdf) return true;
    }
  }
  return false;
}

self.addEventListener("install", function (event) {
  event.waitUntil((async function () {
    const cache = await caches.open(CACHE);
    const pdf = await hadPdfs();
    try {
      await fill(cache, CONFIG.files, "site");
      if (pdf) await fill(cache, CONFIG.pdfs, "pdf");
      await sameEdition();
    } catch (error) {
      await caches.delete(CACHE);  // never a half-saved or mixed edition
      tell({ type: "failed", kind: "site" });
      throw error;  // the install fails; the browser tries again on the next visit
    }
    await markSaved(cache, pdf);
    tell({ type: "saved", kind: "site", update: Boolean(self.registration.active) });
  })());
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    for (const name of await caches.keys()) {
      if (name !== CACHE && name.startsWith("hb|" + SCOPE + "|")) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", function (event) {
  const data = event.data || {};
  if (data.type === "activate") {
    self.skipWaiting();
  } else if (data.type === "save-pdfs") {
    event.waitUntil((async function () {
      const cache = await caches.open(CACHE);
      try {
        await fill(cache, CONFIG.pdfs, "pdf");
        await sameEdition();
      } catch (error) {
        await Promise.all(CONFIG.pdfs.map(function (item) { return cache.delete(absolute(item[0])); }));
        tell({ type: "failed", kind: "pdf" });
        return;
      }
      await markSaved(cache, true);
      tell({ type: "saved", kind: "pdf" });
    })());
  }
});

function ours(url) {
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return false;
  const rel = url.href.slice(SCOPE.length);
  return rel !== "sw.js" && !CONFIG.others.some(function (folder) { return rel.startsWith(folder); });
}

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;  // Pagefind adds ?ts=... to its entry file
  const hit = (await cache.match(key)) ||
              (key.endsWith("/index.html") ? await cache.match(key.slice(0, -"index.html".length)) : undefined);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const missing = await cache.match(absolute("404.html"));
      if (missing) return missing;
    }
    throw error;
  }
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url)) return;  // another language's folder: its own worker answers
  event.respondWith(answer(request, url));
});

"""The installable web app of one language: its manifest, its icons and its service worker.

Each language is an app of its own, scoped to its folder: the manifest's ``start_url`` and
``scope`` are the language's home, and the worker (``sw.js`` at the language's root) caches and
serves that language only. The English worker sits at the site root, whose scope holds the other
languages' folders too, so it is told their folders and never answers for them.

The worker's code is ``service-worker.js`` beside this module, written by the project (no CDN, no
library); the build prepends the data it needs (files, sizes, version) as one JSON value.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from handbook.languages import I18n
from handbook.offline.files import MANIFEST, WORKER, LanguageFiles, url_of
from handbook.site.layout import other_folders

WORKER_SOURCE = Path(__file__).with_name("service-worker.js")
ICON_DIR = "assets/images"
ICON_SIZES = (192, 512)
THEME_COLOUR = "#3f51b5"  # Material's indigo, the palette of mkdocs.yml: the app's title bar matches the header
_CONFIG_MARK = "/*HB_CONFIG*/null"


def icon_name(size: int) -> str:
    return f"{ICON_DIR}/handbook-icon-{size}.png"


def icon_png(size: int) -> bytes:
    """The app icon: a white open book on the header's indigo, drawn inside the maskable safe zone
    (the inner 80 %), so launchers that crop icons to a circle keep the whole book."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), THEME_COLOUR)
    draw = ImageDraw.Draw(image)
    s = size / 100
    white = (255, 255, 255)
    draw.polygon([(30 * s, 34 * s), (49 * s, 38 * s), (49 * s, 70 * s), (30 * s, 66 * s)], fill=white)
    draw.polygon([(51 * s, 38 * s), (70 * s, 34 * s), (70 * s, 66 * s), (51 * s, 70 * s)], fill=white)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)  # no timestamp chunk: the bytes depend on the size only
    return out.getvalue()


def manifest(i18n: I18n, code: str) -> dict:
    """The web app manifest of language ``code``; every URL is relative to the manifest itself."""
    name = i18n.t(code, "site_name")
    return {
        "name": name,
        "short_name": i18n.t(code, "offline_app_short_name"),
        "description": i18n.t(code, "site_description"),
        "lang": code,
        "dir": i18n.language(code).dir,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [{"src": icon_name(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
                  for size in ICON_SIZES],
    }


def write_icons(folder: Path) -> None:
    for size in ICON_SIZES:
        path = folder / icon_name(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(icon_png(size))


def write_manifest(folder: Path, i18n: I18n, code: str) -> None:
    text = json.dumps(manifest(i18n, code), ensure_ascii=False, indent=2, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def worker_config(i18n: I18n, files: LanguageFiles) -> dict:
    """What the worker of one language knows: its edition's version, its files (as the URLs pages
    use, with their sizes, for the progress bar) and the folders it must leave to other workers."""
    return {
        "lang": files.code,
        "version": files.version(),
        "files": [[url_of(rel), size] for rel, size in files.pages],
        "pdfs": [[rel, size] for rel, size in files.pdfs],
        "others": list(other_folders(i18n, files.code)),
    }


def worker_script(config: dict) -> str:
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    if _CONFIG_MARK not in source:
        raise RuntimeError(f"{WORKER_SOURCE} lost its {_CONFIG_MARK} line, where the build writes the worker's data")
    return source.replace(_CONFIG_MARK, json.dumps(config, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def write_worker(folder: Path, config: dict) -> None:
    (folder / WORKER).write_text(worker_script(config), encoding="utf-8")

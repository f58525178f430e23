"""``handbook preview-shots``: pictures of what readers see, for a reviewer to look at.

Takes the built site (``handbook build`` first) and writes PNG files: one page of each kind (home,
a chapter, a checklist, the glossary) in every language, at phone width (390 px) and desktop
width (1280 px), through Debian's Chromium; and pages of each language's PDF through pdftoppm.
Structure checks passed while readers saw clipped lists and split Arabic words: look at these.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from handbook.paths import Project

HELP = "Write PNG pictures of web pages (phone and desktop) and PDF pages of the built site, to look at."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).

PAGES = {"home": "", "chapter": "chapters/victim-centred-practice/",
         "checklist": "checklists/first-contact-with-a-child/", "glossary": "glossary/"}
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
PDF_PAGES = "1-3,20-21"  # cover, colophon and contents, then two pages of text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=Path("preview-shots"), help="folder for the PNG files")
    parser.add_argument("--lang", action="append", metavar="CODE", help="only this language (repeatable)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook.pdf.book import site_pdf_path

    site = (args.site or project.site).resolve()
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site; run `handbook build` first.", file=sys.stderr)
        return 2
    chromium = shutil.which("chromium")
    if chromium is None or shutil.which("pdftoppm") is None:
        print("error: preview-shots needs Chromium and poppler-utils: run `./hb test` once, which installs them.",
              file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright  # a test dependency: imported only here

    i18n = load_i18n(project.root)
    codes = args.lang or list(i18n.codes)
    args.out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for view, (width, height) in VIEWPORTS.items():
                tab = browser.new_page(viewport={"width": width, "height": height})
                for code in codes:
                    for kind, path in PAGES.items():
                        tab.goto(base + i18n.prefix(code) + path, wait_until="networkidle")
                        tab.screenshot(path=str(args.out / f"web-{code}-{kind}-{view}.png"), full_page=True)
                        written += 1
                tab.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    for code in codes:
        pdf = site / site_pdf_path(i18n, code)
        if pdf.is_file():
            for span in PDF_PAGES.split(","):
                first, last = span.split("-")
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", first, "-l", last, str(pdf),
                                str(args.out / f"pdf-{code}")], check=True)
            written += len(list(args.out.glob(f"pdf-{code}-*.png")))
    print(f"Wrote {written} picture(s) into {args.out}: open them and look before calling a visible change done.")
    return 0

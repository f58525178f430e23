"""The site's one sitemap, written when every language is in the site (by the build or by assemble).

MkDocs writes a sitemap per language, made for a one-language site and useless without a site
address (its URLs read 'None./'); the hooks drop it (handbook.site.pages.drop_sitemaps). A sitemap
spans languages, so it is written once, at the root, from the assembled site: every page of every
language, each with the same page in the other languages as ``hreflang`` alternates, and English as
``x-default``. Search engines then send a reader to the page in their language.

It needs the published address: ``site_url`` in mkdocs.yml (``https://example.org/handbook/``).
Without one no sitemap is written, as before. Left out: the 404 page, a page that falls back to
English (the English page is the real one), and pages that ask not to be indexed (a draft
language, the restricted edition).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import quoteattr

from handbook.errors import HandbookError
from handbook.languages import I18n
from handbook.mkdocs_config import read_mkdocs_config
from handbook.paths import Project
from handbook.site.layout import language_pages

SITEMAP = "sitemap.xml"
# What overrides/main.html writes into a page shown in English for want of a translation, and into
# a page no search engine should index. tests/site/test_sitemap.py builds both and checks them here.
FALLBACK_MARK = 'class="hb-fallback-content"'
NOINDEX_MARK = '<meta name="robots" content="noindex">'
_SKIPPED = ("404.html",)


def site_address(project: Project) -> str:
    """mkdocs.yml's ``site_url`` ending in '/', or '' when it has none; a HandbookError when it is not
    an http(s) address."""
    value = read_mkdocs_config(project.config_file).get("site_url")
    if value in (None, ""):
        return ""
    parts = urlsplit(str(value))
    if not isinstance(value, str) or parts.scheme not in ("http", "https") or not parts.netloc \
            or parts.query or parts.fragment:
        raise HandbookError(project.config_file, f"site_url {value!r} is not the web address of the site.",
                            fix="Write the address readers open, as https://example.org/handbook/, or remove "
                                "site_url (no sitemap is then written).")
    return value if value.endswith("/") else value + "/"


def _indexed(path: Path) -> bool:
    html = path.read_text(encoding="utf-8")
    return FALLBACK_MARK not in html and NOINDEX_MARK not in html


def _url(address: str, prefix: str, rel: str) -> str:
    path = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
    return address + quote(prefix + path)


def sitemap_xml(site: Path, i18n: I18n, address: str) -> str:
    """The sitemap of the assembled ``site`` (deterministic: pages and alternates sorted)."""
    pages: dict[str, dict[str, str]] = {}  # path within a language's folder -> language -> URL
    for code in i18n.codes:
        folder = site / i18n.prefix(code)
        if not folder.is_dir():
            continue
        for path in language_pages(site, i18n, code):
            rel = path.relative_to(folder).as_posix()
            if rel not in _SKIPPED and _indexed(path):
                pages.setdefault(rel, {})[code] = _url(address, i18n.prefix(code), rel)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for rel in sorted(pages):
        versions = pages[rel]
        alternates = [(code, versions[code]) for code in sorted(versions)]
        if i18n.default in versions:
            alternates.append(("x-default", versions[i18n.default]))
        for code in sorted(versions):
            lines.append(f"  <url><loc>{_escape(versions[code])}</loc>")
            if len(versions) > 1:
                lines += [f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>'
                          for lang, url in alternates]
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_sitemap(site: Path, i18n: I18n, address: str) -> None:
    """Write ``sitemap.xml`` at the root of ``site`` when the site has an address."""
    target = site / SITEMAP
    target.unlink(missing_ok=True)  # never write through a hard link to the last site
    if address:
        target.write_text(sitemap_xml(site, i18n, address), encoding="utf-8")

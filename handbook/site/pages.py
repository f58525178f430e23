"""Pure functions behind the MkDocs hooks: nothing here imports MkDocs."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# source_language and is_fallback live with the other rule of a file's language; this module is
# where the site's code has long found them.
from handbook.languages import I18n, is_fallback, source_language, split_language_path  # noqa: F401


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    href: str
    current: bool
    dir: str = "ltr"  # the language's own direction: its name is laid out in it, inside any page


def site_path(i18n: I18n, code: str, page_url: str) -> str:
    """Where a page lives in the assembled site, e.g. ('fr', 'chapters/x/') -> 'fr/chapters/x/'."""
    return i18n.prefix(code) + page_url


def relative_href(from_url: str, to_url: str) -> str:
    """A relative link between two directory-style site URLs ('' is the site root)."""
    start = posixpath.dirname(from_url) if not from_url.endswith("/") and from_url else from_url.rstrip("/")
    rel = posixpath.relpath(to_url.rstrip("/") or ".", start or ".")
    if rel == ".":
        return "./"
    return rel + "/" if to_url.endswith("/") or to_url == "" else rel


def alternates(i18n: I18n, current: str, page_url: str, unlisted: frozenset[str] = frozenset()) -> list[Alternate]:
    """The language switcher of one page: the same page in every language, by relative links.

    Every language has every page (untranslated pages fall back to English), so the target always
    exists. Relative links keep the site working under a sub-path and with ``site_url`` unset.
    Languages in ``unlisted`` (held back by the publication gate) appear only in their own switcher.
    """
    here = site_path(i18n, current, page_url)
    return [
        Alternate(lang.code, lang.name, relative_href(here, site_path(i18n, lang.code, page_url)),
                  lang.code == current, lang.dir)
        for lang in i18n.languages if lang.code == current or lang.code not in unlisted
    ]


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_html_direction(html: str, direction: str) -> str:
    """Put ``dir`` on the <html> element (the theme sets it on <body> only)."""
    def repl(match: re.Match[str]) -> str:
        attrs = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attrs} dir="{direction}">'
    return _HTML_TAG.sub(repl, html, count=1)


def shadowed_originals(i18n: I18n, current: str, src_uris: list[str]) -> set[str]:
    """English originals to hide from the ``current`` language's build because a translation exists.

    With ``build_only_locale``, mkdocs-static-i18n treats the language being built as the default,
    so an unsuffixed English file counts as that language too and, when MkDocs lists it after the
    translation, replaces it. Hiding the original whenever ``x.<lang>.md`` exists keeps the
    translation; pages without one still fall back to English.
    """
    if current == i18n.default:
        return set()
    present = set(src_uris)
    hidden = set()
    for uri in src_uris:
        if source_language(i18n, uri) == current:
            original = split_language_path(uri, i18n.codes, i18n.default)[1]
            if original in present:
                hidden.add(original)
    return hidden


def other_languages_pages(i18n: I18n, current: str, src_uris: list[str]) -> set[str]:
    """The pages of languages other than ``current`` and English: mkdocs-static-i18n drops them from
    a build of one language anyway, after sorting each of them into its language, which took a
    twenty-language build's every run about a second. Dropped before, the run sorts its own."""
    keep = {current, i18n.default}
    return {uri for uri in src_uris if source_language(i18n, uri) not in keep}


def section_titles(nav: object) -> list[str]:
    """Titles of the sections in a mkdocs.yml ``nav:`` value (nested lists of single-key mappings)."""
    found: list[str] = []
    if isinstance(nav, list):
        for item in nav:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        found.append(str(title))
                        found.extend(section_titles(value))
    return found


SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def drop_sitemaps(site_dir: Path) -> None:
    """Remove the sitemaps MkDocs wrote for one language (handbook.site.sitemap writes the site's)."""
    for name in SITEMAPS:
        (site_dir / name).unlink(missing_ok=True)

"""What templates see as ``hb``: built by a chain of providers, one per feature.

A feature that shows something on pages (PDF link, review dates, translation notices) adds a
provider to ``PROVIDERS``; a provider is a pure function of :class:`PageInfo` returning keys to
merge into ``hb``. Templates read only ``hb``, never the config directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markupsafe

from handbook.editorial.site import provider as editorial_provider
from handbook.languages import I18n
from handbook.pdf.link import pdf_link
from handbook.site import pages
from handbook.translation.site import translation_context


@dataclass(frozen=True)
class PageInfo:
    root: Path            # the handbook checkout
    i18n: I18n
    lang: str             # the language being built
    url: str              # the page's URL within its language ('' for the home page)
    src_uri: str | None   # docs-relative source file, None for theme templates (404)
    meta: dict[str, Any] = field(default_factory=dict)  # the page's front matter
    outputs: frozenset[str] = frozenset()  # files built next to the pages in this run ("pdf")

    @property
    def fallback(self) -> bool:
        return self.src_uri is not None and pages.is_fallback(self.i18n, self.lang, self.src_uri)


Provider = Callable[[PageInfo], dict[str, Any]]


def core(info: PageInfo) -> dict[str, Any]:
    i18n = info.i18n
    return {
        "lang": info.lang,
        "dir": i18n.language(info.lang).dir,
        "strings": i18n.strings[info.lang],
        "alternates": pages.alternates(i18n, info.lang, info.url),
        "fallback": info.fallback,
        "default_lang": i18n.default,
    }


PROVIDERS: list[Provider] = [core, translation_context, editorial_provider, pdf_link]


def escaped(value: Any) -> Any:
    """``value`` with every string HTML-escaped (as Markup), through dicts, lists and dataclasses.

    The theme writes ``hb`` values into pages as they are. They come from UI strings, front matter
    and data files that outside teams edit: escaping them all here, once, means no template can
    forget to. Values that are already Markup (lines the providers built from escaped parts) stay.
    """
    if isinstance(value, str):
        return markupsafe.escape(value)
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(escaped(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: escaped(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


def page_context(info: PageInfo) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for provider in PROVIDERS:
        merged.update(provider(info))
    return escaped(merged)

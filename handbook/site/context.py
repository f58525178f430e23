"""The web site's own part of what templates see as ``hb``, and the escaping of all of it.

``hb`` is built by a chain of providers, one per feature, listed in
:mod:`handbook.adapter.providers`; a provider is a pure function of
:class:`~handbook.pageinfo.PageInfo` returning keys to merge into ``hb``. :func:`core` is the
site's own provider (language, direction, switcher).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import markupsafe

from handbook.pageinfo import PageInfo
from handbook.site import pages
from handbook.translation.gate import web_states


def core(info: PageInfo) -> dict[str, Any]:
    i18n = info.i18n
    # How the publication gate publishes each language's web pages, read once per page (the
    # inventory behind it is cached): a draft says so, an unlisted language leaves the switchers.
    web = web_states(info.root, info.corpus)
    unlisted = frozenset(code for code, state in web.items() if state == "unlisted")
    return {
        "lang": info.lang,
        "dir": i18n.language(info.lang).dir,
        "strings": i18n.strings[info.lang],
        "alternates": pages.alternates(i18n, info.lang, info.url, unlisted),
        "fallback": info.fallback,
        "default_lang": i18n.default,
        "draft": web.get(info.lang) == "draft",
    }


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

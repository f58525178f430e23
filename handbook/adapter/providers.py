"""The template context providers, in order: what templates see as ``hb`` (used by hooks/ only).

A feature that shows something on pages (PDF link, review dates, translation notices) adds its
provider to ``PROVIDERS`` here; templates read only ``hb``, never the config directly.
"""

from __future__ import annotations

from typing import Any

from handbook.editorial.citations import provider as citation_provider
from handbook.editorial.site import provider as editorial_provider
from handbook.offline.site import offline_context
from handbook.pageinfo import PageInfo, Provider
from handbook.pdf.link import pdf_link
from handbook.restricted.site import restricted_context
from handbook.site.context import core, escaped
from handbook.translation.site import translation_context

PROVIDERS: list[Provider] = [core, translation_context, editorial_provider, citation_provider, pdf_link,
                             offline_context, restricted_context]


def page_context(info: PageInfo) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for provider in PROVIDERS:
        merged.update(provider(info))
    return escaped(merged)

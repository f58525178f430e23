"""Markdown rewriting at build time: a chain of pure ``render(markdown, info) -> str | None``.

Each renderer is guarded by the page it applies to (for example the glossary page) and returns
None to leave the page alone. Files in docs/ are never rewritten; only the Markdown handed to
MkDocs changes.
"""

from __future__ import annotations

from collections.abc import Callable

from handbook.chapters import render_chapter_number
from handbook.editorial.site import render_editions, render_whats_new
from handbook.site.context import PageInfo
from handbook.terms.glossary import render_glossary
from handbook.translation.site import render_status_page

Renderer = Callable[[str, PageInfo], "str | None"]

RENDERERS: list[Renderer] = [render_status_page, render_whats_new, render_editions, render_glossary,
                             render_chapter_number]


def render_page(markdown: str, info: PageInfo) -> str:
    for renderer in RENDERERS:
        result = renderer(markdown, info)
        if result is not None:
            markdown = result
    return markdown

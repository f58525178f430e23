"""The build-time Markdown renderers, in order: the web (hooks/) and the PDF both take them from here.

Files in docs/ are never rewritten; only the Markdown handed to MkDocs (or to the PDF's converter)
changes. Kept apart from :mod:`handbook.adapter.providers`: the PDF assembly imports this module,
and the providers include the PDF link, which imports the PDF assembly.
"""

from __future__ import annotations

from handbook.chapters import render_chapter_number, render_paragraph_numbers
from handbook.editorial.site import render_editions, render_whats_new
from handbook.pageinfo import PageInfo, Renderer
from handbook.restricted.slots import render_restricted_slots
from handbook.terms.glossary import render_glossary
from handbook.translation.site import render_status_page

# Restricted passages first: the generated content and the paragraph numbers see the page as read.
RENDERERS: list[Renderer] = [render_restricted_slots, render_status_page, render_whats_new, render_editions, render_glossary,
                             render_chapter_number, render_paragraph_numbers]


def render_page(markdown: str, info: PageInfo) -> str:
    for renderer in RENDERERS:
        result = renderer(markdown, info)
        if result is not None:
            markdown = result
    return markdown

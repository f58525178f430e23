"""The PDF edition: one book-quality, tagged PDF per language, rendered by WeasyPrint.

Modules: ``source`` (what mkdocs.yml says: extensions, nav), ``assemble`` (Markdown -> print HTML,
links and images), ``book`` (the print template), ``weasy`` (the one WeasyPrint call), ``checks``
(refuse missing glyphs, substituted fonts, clipped text, WeasyPrint errors), ``pipeline`` (one
process per language, the build step), ``link`` (the "Download PDF" link of every web page).
"""

from handbook.pdf.pipeline import post_build, publishes

# Pages link to their language's PDF only in builds that make it (handbook.site.build).
post_build.produces = "pdf"
post_build.produces_for = publishes
post_build.takes_audience = True  # the restricted edition's PDFs say so (handbook.site.build)

__all__ = ["post_build"]

"""The PDF edition: one book-quality, tagged PDF per language, rendered by WeasyPrint.

Modules: ``source`` (what mkdocs.yml says: extensions, nav), ``assemble`` (Markdown -> print HTML,
links and images), ``book`` (the print template), ``weasy`` (the one WeasyPrint call), ``checks``
(refuse missing glyphs, substituted fonts, clipped text, WeasyPrint errors), ``pipeline`` (one
process per language, the build step), ``link`` (the "Download PDF" link of every web page),
``names`` (what the PDFs are called and where they are).
"""

from __future__ import annotations

from typing import Any

__all__ = ["post_build"]


def __getattr__(name: str) -> Any:
    # The build step is loaded when asked for, not with the package: every web page imports
    # handbook.pdf.link (its PDF link) and the offline step handbook.pdf.names, and with the
    # pipeline imported here each of them loaded the whole print pipeline (PEP 562).
    if name == "post_build":
        from handbook.pdf.pipeline import post_build, publishes

        # Pages link to their language's PDF only in builds that make it (handbook.site.build).
        post_build.produces = "pdf"  # type: ignore[attr-defined]
        post_build.produces_for = publishes  # type: ignore[attr-defined]
        post_build.takes_audience = True  # type: ignore[attr-defined]  # restricted PDFs say so (handbook.site.build)
        post_build.takes_cache = True  # type: ignore[attr-defined]  # the PDF cache, on when the build's cache is
        return post_build
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

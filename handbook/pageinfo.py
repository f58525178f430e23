"""What the build knows about the page being made: the input of every renderer and provider.

A neutral module at the bottom of the import graph: it imports no feature and no output, so a
feature can take a :class:`PageInfo` without importing ``handbook.site`` (which would make every
feature depend on the web site, and the site depend on every feature).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.languages import I18n, is_fallback

if TYPE_CHECKING:  # a type only: this module stays below the page model
    from handbook.pages.model import Corpus


@dataclass(frozen=True)
class PageInfo:
    root: Path            # the handbook checkout
    i18n: I18n
    lang: str             # the language being built
    url: str              # the page's URL within its language ('' for the home page)
    src_uri: str | None   # docs-relative source file, None for theme templates (404)
    meta: dict[str, Any] = field(default_factory=dict)  # the page's front matter
    outputs: frozenset[str] = frozenset()  # files built next to the pages in this run ("pdf")
    audience: str = "public"  # the edition being built: 'public' or 'restricted' (handbook.pages.walk)
    medium: str = "web"   # what the page becomes: 'web' (MkDocs) or 'print' (the PDF)
    # The pages as this build read them, when the caller has read them (the hooks): what is
    # derived from all pages (the translation status) is then computed once per build, not per page.
    corpus: Corpus | None = field(default=None, compare=False, repr=False)

    @property
    def fallback(self) -> bool:
        """True when this language's page is served from the English original (no translation)."""
        return self.src_uri is not None and is_fallback(self.i18n, self.lang, self.src_uri)


# Markdown rewriting at build time: ``render(markdown, info)`` returns the new Markdown, or None to
# leave the page alone. Each renderer is guarded by the page it applies to.
Renderer = Callable[[str, PageInfo], "str | None"]

# What templates see as ``hb``: a provider returns keys to merge into it.
Provider = Callable[[PageInfo], dict[str, Any]]

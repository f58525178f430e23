"""Each page as MkDocs renders it: the HTML the markup-safety rules judge.

Scanning the Markdown for tags cannot be made safe: to ignore code examples it must decide what
is code and what is a comment, and a quote in an attribute (``<div title="<!--">``) or a tag
written the way browsers accept (``<script/x>``, ``<img/onerror=...>``) defeats it. So every page
is rendered with the Markdown extensions of mkdocs.yml, snippets expanded (read with the PDF's
reader of that configuration), and the tags of the result are read the way a browser reads them
(:mod:`handbook.htmltags`). A finding is placed on the source line where the element,
attribute or address first occurs (the n-th finding of a kind on the n-th occurrence), else on
the first snippet include, else on the first line of the body.

Only ``toc`` is left out: it adds ids and permalinks and nothing else, and is the slowest
extension.

Pages whose HTML cannot hold a finding are not rendered at all (:func:`handbook.check.safety.plain`).
"""

from __future__ import annotations

import html as htmllib
import os
import re
from functools import cached_property
from pathlib import Path

from handbook.pages.model import Page
from handbook.pages.markdown import front_matter_end
from handbook.errors import HandbookError
from handbook.mkdocs_config import rendering
from handbook.paths import Project
from handbook.pages.config import read_content_config

_SKIPPED = frozenset({"toc"})


class MarkupRenderer:
    def __init__(self, project: Project):
        import markdown


        config = read_content_config(project)
        configs = {name: dict(value) for name, value in config.extension_configs.items()}
        if "pymdownx.snippets" in config.extensions:
            snippets = configs.setdefault("pymdownx.snippets", {})
            bases = snippets.get("base_path", ["."])
            bases = [bases] if isinstance(bases, (str, os.PathLike)) else list(bases)
            snippets["base_path"] = [str(Path(project.root) / b) for b in bases]  # MkDocs runs in the checkout
            snippets["check_paths"] = False  # a missing snippet is LINK007's to report
        extensions = [name for name in config.extensions if name not in _SKIPPED]
        try:
            self.md = markdown.Markdown(extensions=extensions,
                                        extension_configs={k: v for k, v in configs.items() if k not in _SKIPPED})
        except Exception as exc:  # an extension that does not load: MkDocs would stop too
            raise HandbookError(project.config_file, f"its markdown_extensions cannot be loaded: {exc}",
                                fix="Fix the markdown_extensions list so `handbook build` can run.") from None

    def html(self, page: Page) -> str:
        lines = page.text.split("\n")
        body = "\n".join(lines[front_matter_end(lines):])
        self.md.reset()
        try:
            with rendering(page.rel):  # a bare `!relative` in the extension settings is this page's folder
                return self.md.convert(body)
        except Exception as exc:  # MkDocs would fail on this page too
            raise HandbookError(page.path, f"cannot be rendered to HTML: {type(exc).__name__}: {exc}",
                                fix="Fix the Markdown (an unclosed block or a bad block option); "
                                    "`handbook build` shows the same error.") from None


class Locator:
    """Source lines for what was found in a page's HTML."""

    def __init__(self, page: Page):
        self.text = page.text
        lines = page.text.split("\n")
        self.body = sum(len(line) + 1 for line in lines[: front_matter_end(lines)])
        self.page = page
        self.seen: dict[str, int] = {}

    @cached_property
    def fallback(self) -> int:
        """The first snippet include, else the first line of the body (read only when needed)."""
        if self.page.inv.includes:
            return self.page.inv.includes[0].line
        lines = self.text.split("\n")
        return front_matter_end(lines) + 1

    def _line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def nth(self, pattern: str) -> int | None:
        """Line of the next occurrence of ``pattern`` (a regex, any case): the n-th call gives the n-th one."""
        index = self.seen.get(pattern, 0)
        self.seen[pattern] = index + 1
        found = None
        for number, m in enumerate(re.finditer(pattern, self.text[self.body:], re.I)):
            found = m
            if number == index:
                break
        return self._line(self.body + found.start()) if found else None

    def first(self, *needles: str) -> int | None:
        for needle in needles:
            if needle:
                at = self.text.find(needle, self.body)
                if at >= 0:
                    return self._line(at)
        return None

    def element(self, name: str) -> int:
        return self.nth(r"<" + re.escape(name) + r"(?![\w:-])") or self.fallback

    def attribute(self, name: str) -> int:
        return self.nth(r"(?<![\w:-])" + re.escape(name) + r"\s*[=:]") or self.first(name) or self.fallback

    def value(self, value: str, attribute: str) -> int:
        return self.first(value, htmllib.unescape(value)) or self.attribute(attribute)

"""The page model: every page of the handbook, read once from the content roots.

- :mod:`handbook.pages.walk`: the one walker of the content roots (which files exist);
- :mod:`handbook.pages.config`: what mkdocs.yml says about pages (their Markdown grammar, the menu);
- :mod:`handbook.pages.model`: :class:`Page` and :class:`Corpus`, read once.

Every feature (checks, terminology, translation status, review, editions, the PDF and the site
hooks) takes pages from here and walks nothing itself. See docs/contributing/architecture.md.
"""

from handbook.pages.model import Corpus, Page, load_corpus

__all__ = ["Corpus", "Page", "load_corpus"]

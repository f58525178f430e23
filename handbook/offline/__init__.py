"""Reading without a network: an installable web app and an offline ZIP per language (issue 18, part 1).

Modules: ``files`` (what a language's copy is made of, its size and its edition's version),
``webapp`` (the manifest, the icons and the service worker of each language), ``bundle`` (the ZIP
that opens from file://, with a search index shipped as a script), ``site`` (the ``hb`` values of
the page template and the sizes written into pages once known), ``step`` (the post-build step).
"""

from handbook.offline.step import post_build

__all__ = ["post_build"]

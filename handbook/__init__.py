"""Domain logic and command-line tool of the Handbook of Good Practice.

The MkDocs hooks in ``hooks/`` call into this package; ``handbook.adapter`` lists what every page
goes through (renderers, template context), and only ``site/build.py`` runs MkDocs itself. Moving
to another site generator means writing a new adapter, not rewriting the logic.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"

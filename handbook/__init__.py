"""Domain logic and command-line tool of the Handbook of Good Practice.

MkDocs hooks in ``hooks/`` only call into this package, so that moving to another site generator
means writing a new adapter, not rewriting the logic.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"

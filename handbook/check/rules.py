"""The rules of ``handbook check``: its families' slice of the one registry (:mod:`handbook.rules`),
each documented in docs/contributing/check-rules.md under a heading whose id is the code in lower case."""

from __future__ import annotations

from handbook.rules import CHECK_DOCS, rules_of

DOCS_PAGE = CHECK_DOCS

# Suppression comments of `check` may name only these; a TERM code is the terminology linter's.
RULES = rules_of("LINK", "PAR", "FM", "SAFE", "HYG", "CHK", "SITE")

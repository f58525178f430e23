"""Every rule is documented under its own code on the Terminology rules page."""

from __future__ import annotations

import re

from handbook.terms.rules import DOCS_PAGE, RULES
from tests.terms.helpers import REPO


def test_every_rule_has_a_section():
    text = (REPO / DOCS_PAGE).read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert re.search(rf"^### {code} {rule.name} {{ #{code.lower()} }}$", text, re.M), code

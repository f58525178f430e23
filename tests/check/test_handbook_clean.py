"""The handbook itself passes its integrity gate, and every rule is documented where authors read it."""

from __future__ import annotations

import re

from handbook.check import check_docs
from handbook.check.rules import DOCS_PAGE, RULES
from handbook.rules import RULES as REGISTRY
from handbook.paths import Project
from tests.conftest import REPO


def test_the_handbook_passes_the_markdown_checks_in_every_language() -> None:
    found = check_docs(Project(REPO))
    assert found == [], "\n" + "".join(d.text() + "\n" for d in found)


def test_every_rule_is_documented_under_its_own_anchor() -> None:
    text = (REPO / DOCS_PAGE).read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{ #([a-z]+[0-9]{3}) \}", text))
    assert {code.lower() for code in RULES} <= anchors
    # The page also documents the review, change-log, workflow and PDF codes (tests/test_rules.py).
    assert anchors == {rule.anchor for rule in REGISTRY.values() if rule.docs == DOCS_PAGE}

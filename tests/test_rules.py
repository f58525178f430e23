"""The one registry of rule codes (handbook/rules.py): every code any command reports is in it,
once, with a documentation section, and every documented code is registered."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from handbook.rules import RULES, Rule, resolve, rules_of

REPO = Path(__file__).resolve().parents[1]
_HEADING = re.compile(r"^#{2,4} .*\{ #([a-z]{2,5}[0-9]{3}) \}$", re.M)
_CODE = re.compile(r'"([A-Z]{2,5}[0-9]{3})"')


def _documented() -> dict[str, set[str]]:
    pages = {rule.docs for rule in RULES.values()}
    return {page: set(_HEADING.findall((REPO / page).read_text(encoding="utf-8"))) for page in pages}


def test_every_registered_code_is_documented_on_its_page() -> None:
    documented = _documented()
    missing = [code for code, rule in RULES.items() if rule.anchor not in documented[rule.docs]]
    assert missing == []


def test_every_documented_code_is_registered() -> None:
    registered = {rule.anchor for rule in RULES.values()}
    extra = {page: sorted(anchors - registered) for page, anchors in _documented().items() if anchors - registered}
    assert extra == {}


def test_every_code_the_package_writes_is_registered() -> None:
    written = {code for path in (REPO / "handbook").rglob("*.py") if path.name != "rules.py" or path.parent.name != "handbook"
               for code in _CODE.findall(path.read_text(encoding="utf-8"))}
    assert written - set(RULES) == set()


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_is_well_formed_and_names_a_real_check(code: str) -> None:
    rule = RULES[code]
    assert isinstance(rule, Rule) and rule.code == code
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert rule.severity in ("error", "warning")
    module, attribute = rule.check.split(":")
    target = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    assert callable(target)


def test_names_are_unique_within_a_linter() -> None:
    for prefixes in (("TERM",), ("LINK", "PAR", "FM", "SAFE", "HYG", "CHK", "SITE")):
        names = [rule.name for rule in rules_of(*prefixes).values()]
        assert len(names) == len(set(names)), prefixes


RESOLVE = [
    ("TERM001", rules_of("TERM"), "TERM001"),
    ("term001", rules_of("TERM"), "TERM001"),
    ("avoid-term", rules_of("TERM"), "TERM001"),
    ("Avoid-Term", rules_of("TERM"), "TERM001"),
    ("unknown-rule", rules_of("TERM"), "TERM010"),
    ("unknown-rule", rules_of("CHK"), "CHK001"),
    ("LINK001", rules_of("TERM"), None),
    ("TERM999", RULES, None),
    ("", RULES, None),
]


@pytest.mark.parametrize(("token", "among", "expected"), RESOLVE)
def test_resolve_a_code_or_a_name_among_a_linters_rules(token: str, among: dict, expected: str | None) -> None:
    assert resolve(token, among) == expected


def test_suppression_rules_and_markup_safety_cannot_be_suppressed() -> None:
    assert {code for code, rule in RULES.items() if not rule.suppressible} == \
        set(rules_of("CHK", "SAFE", "TERM010", "TERM011", "TERM012", "LEAK"))


@pytest.mark.parametrize("module", ["rules.py", "suppress.py", "diagnostics.py"])
def test_the_lint_engine_sits_below_the_features(module: str) -> None:
    """check, terms, editorial and pdf import the registry, the suppression engine and the exit
    policy; these import none of them (so no import cycle runs through the engine)."""
    import ast

    tree = ast.parse((REPO / "handbook" / module).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    features = ("handbook.check", "handbook.terms", "handbook.editorial", "handbook.pdf", "handbook.site",
                "handbook.commands", "handbook.translation")
    assert sorted(name for name in imported if name.startswith(features)) == []

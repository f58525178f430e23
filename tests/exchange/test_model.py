"""What a target may change in a unit, and what it may not (handbook.exchange.model.check_target)."""

from __future__ import annotations

import pytest

from handbook.exchange.model import Unit, check_target, map_translation
from handbook.pages.segments import Code, inline

SOURCE = "See **the [rules](rules.md#a)**, the `code`[^1] and [a source](https://example.org/en)."


def _unit() -> Unit:
    return Unit("u1", "paragraph", 1, (), inline(SOURCE))


def _target(markdown: str) -> tuple:
    """A target written as Markdown, its codes numbered as the export numbers a translation's."""
    return map_translation(_unit(), inline(markdown))


@pytest.mark.parametrize("target, problem", [
    ("Voir **les [règles](rules.md#a)**, le `code`[^1] et [une source](https://example.org/en).", None),
    ("Voir les [règles](rules.md#a), le `code`[^1] et une source.", None),  # emphasis, outside link dropped
    ("Voir [une source](https://example.org/fr), le `code`[^1] et **les [règles](rules.md#a)**.", None),
    ("Voir *les* **[règles](rules.md#a)**, le `le code`[^1].", None),  # emphasis added, code shown translated
    ("Voir **les règles**, le `code`[^1].", "is missing"),  # an internal link dropped
    ("Voir **les [règles](rules.md#a)**, le `code`.", "is missing"),  # a footnote dropped
    ("Voir **les [règles](other.md)**, le `code`[^1].", "stands for"),  # an internal link retargeted
    ("Voir **les [règles[^1]](rules.md#a)**, le `code`.", "moved into or out of a link"),
    ("Voir **les [règles](rules.md#a)**, le `code`[^1][^1].", "is not in the English text"),
    ("Voir **les [règles](rules.md#a)**, le `code`[^1] <script>x</script>.", "is not in the English text"),
    ("Voir **les [règles](rules.md#a)**, le `code`[^1] [ici](javascript:alert(1)).", "stands for"),
])
def test_check_target(target: str, problem: str | None) -> None:
    problems = check_target(_unit(), _target(target))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("text, problem", [
    ("Voir <b>ceci</b>", "markup the English does not have"),
    ("Voir [ceci](x.md)", "markup the English does not have"),
    ("Une ligne\n# un titre", "block markup"),
    ("Une ligne\n- un élément", "block markup"),
])
def test_markup_typed_into_the_text_is_refused(text: str, problem: str) -> None:
    unit = Unit("u1", "paragraph", 1, (), ("Plain text.",))
    assert any(problem in p for p in check_target(unit, (text,)))


def test_pairs_must_nest() -> None:
    unit = Unit("u1", "paragraph", 1, (), inline("a **b [c](x.md)** d"))
    codes = [p for p in unit.source if isinstance(p, Code)]
    strong_open, link_open, link_close, strong_close = codes
    crossed = ("a ", strong_open, "b ", link_open, "c", strong_close, link_close, " d")
    assert any("out of order" in p for p in check_target(unit, crossed))

"""Each rule, in each language, in every place a reader sees text, and nowhere else.

The cases are generated from templates: ``{t}`` marks where the term goes, and the expected line and
column are those of ``{t}`` in the template.
"""

from __future__ import annotations

import pytest

from tests.terms.helpers import findings

AVOID = {"en": "child pornography", "fr": "pornographie infantile", "es": "pornografía infantil",
         "ar": "المواد الإباحية للأطفال"}
CARE = {"en": "grooming", "fr": "sextorsion", "es": "sextorsión", "ar": "سن الرضا"}

SEEN = {
    "paragraph": "Text {t} text.",
    "heading": "## {t} { #h }",
    "list item": "- one\n- {t}",
    "numbered list": "1. {t}",
    "nested list": "- one\n    - {t}",
    "table cell": "| a | b |\n|---|---|\n| x | {t} |",
    "link text": "See [{t}](page.md).",
    "reference link text": "See [{t}][ref].\n\n[ref]: https://example.org",
    "image alt": "![{t}](img.png)",
    "admonition title": "/// warning | {t}\n\nBody.\n\n///",
    "admonition body": "/// note | Note\n\n{t}\n\n///",
    "blockquote": "> {t}",
    "emphasis": "Text **{t}** text.",
    "footnote text": "Text.[^1]\n\n[^1]: {t}.",
    "front matter title": "---\ntitle: {t}\ndescription: d\n---\n\nBody.",
    "front matter description": "---\ntitle: t\ndescription: \"{t}\"\n---\n\nBody.",
    "link title": 'See [x](page.md "{t}").',
    "html title attribute": '<span title="{t}">x</span>',
    "html image alt": '<img alt="{t}" src="img.png">',
}
NOT_SEEN = {
    "inline code": "Text `{t}` text.",
    "fenced code": "```text\n{t}\n```",
    "tilde fence": "~~~\n{t}\n~~~",
    "indented code": "Text.\n\n    {t}\n",
    "link target": "[page]({t}.md)",
    "url": "https://example.org/{t}",
    "html comment": "<!-- {t} -->",
    "html attribute": '<span class="{t}">x</span>',
    "attribute list": "## Heading {{ #{t} }}",
    "other front matter key": "---\ntitle: t\ndescription: d\nowner: {t}\n---\n\nBody.",
    "suppressed": "<!-- terms: disable-next-line TERM001 TERM002 -- quoting a record -->\n{t}",
    "suppressed range": "<!-- terms: disable TERM001 TERM002 -- quoting a record -->\n\n{t}\n\n<!-- terms: enable TERM001 TERM002 -->",
}


def _where(template: str) -> tuple[int, int]:
    i = template.index("{t}")
    return template.count("\n", 0, i) + 1, i - template.rfind("\n", 0, i)


def _fill(template: str, term: str) -> str:
    return template.replace("{t}", term).replace("{{", "{").replace("}}", "}")


SEEN_CASES = [(lang, rule, name) for lang in AVOID for rule in ("TERM001", "TERM002") for name in SEEN]


@pytest.mark.parametrize("lang,rule,name", SEEN_CASES, ids=["-".join(c) for c in SEEN_CASES])
def test_found_where_readers_see_it(lang, rule, name):
    term = AVOID[lang] if rule == "TERM001" else CARE[lang]
    line, col = _where(SEEN[name])
    assert findings(_fill(SEEN[name], term), lang) == [(line, col, rule, term)]


NOT_SEEN_CASES = [(lang, rule, name) for lang in AVOID for rule in ("TERM001", "TERM002") for name in NOT_SEEN]


@pytest.mark.parametrize("lang,rule,name", NOT_SEEN_CASES, ids=["-".join(c) for c in NOT_SEEN_CASES])
def test_not_found_where_readers_do_not_see_it(lang, rule, name):
    term = AVOID[lang] if rule == "TERM001" else CARE[lang]
    text = _fill(NOT_SEEN[name], term.replace(" ", "-") if name in ("link target", "url", "attribute list") else term)
    unused = [f for f in findings(text, lang) if f[2] == "TERM012"]
    assert [f for f in findings(text, lang) if f[2] != "TERM012"] == []
    if name.startswith("suppressed"):  # the comment names two rules; the one not needed is reported unused
        assert [f[2] for f in unused] == ["TERM012"]


@pytest.mark.parametrize("lang", AVOID)
def test_term_broken_across_lines(lang):
    first, rest = AVOID[lang].split(" ", 1)
    assert findings(f"Text {first}\n   {rest} text.", lang) == [(1, 6, "TERM001", AVOID[lang])]


@pytest.mark.parametrize("lang", AVOID)
def test_blank_line_ends_the_term(lang):
    first, rest = AVOID[lang].split(" ", 1)
    # (The rest may itself be a term to avoid: in Arabic «الإباحية للأطفال» is.)
    assert not [f for f in findings(f"Text {first}\n\n{rest} text.", lang) if f[0] == 1]


@pytest.mark.parametrize("lang", AVOID)
def test_suppression_rules_in_every_language(lang):
    term = AVOID[lang]
    assert findings(f"<!-- terms: disable-next-line TERM001 -->\n{term}", lang) == [(1, 1, "TERM011", "")]
    assert findings(f"<!-- terms: disable-next-line TERM042 -- why -->\n{term}", lang) == [
        (1, 1, "TERM010", ""), (2, 1, "TERM001", term)]
    assert findings("<!-- terms: disable-next-line TERM001 -- why -->\nclean", lang) == [(1, 1, "TERM012", "")]

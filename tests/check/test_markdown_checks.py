"""One seeded defect per rule, in each language where it applies, on the clean fixture handbook.

Each case writes the clean fixture, adds one defect to one page, runs the Markdown-level checks
of every language, and expects the rule's code at that file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.check import check_docs
from handbook.check.rules import RULES
from handbook.paths import Project
from tests.check.fixture import LANGS, TRANSLATIONS, rel, write_png

Seed = Callable[[Project, str], tuple[str, int]]


def append(text: str, name: str = "guide.md") -> Seed:
    """Add ``text`` at the end of the page; the defect is on the line holding '<<'."""
    def seed(project: Project, lang: str) -> tuple[str, int]:
        path = project.docs / rel(name, lang)
        old = path.read_text(encoding="utf-8")
        marker = text.split("\n").index(next(line for line in text.split("\n") if "<<" in line))
        path.write_text(old + "\n" + text.replace("<<", "") + "\n", encoding="utf-8")
        return f"docs/{rel(name, lang)}", old.count("\n") + 2 + marker
    return seed


def replace(old: str, new: str, name: str = "guide.md", shift: int = 0) -> Seed:
    """Replace the first ``old`` of the page; the defect is on the line where it was (+ ``shift``)."""
    def seed(project: Project, lang: str) -> tuple[str, int]:
        path = project.docs / rel(name, lang)
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, path)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return f"docs/{rel(name, lang)}", text[: text.index(old)].count("\n") + 1 + shift
    return seed


def raw(change: Callable[[bytes], bytes], line: int | None = None) -> Seed:
    """Change the page's bytes; the defect is on ``line`` (default: the line after the old end)."""
    def seed(project: Project, lang: str) -> tuple[str, int]:
        path = project.docs / rel("guide.md", lang)
        data = path.read_bytes()
        path.write_bytes(change(data))
        return f"docs/{rel('guide.md', lang)}", line or data.count(b"\n") + 2
    return seed


NUMBERLESS_CHAPTER = """---
title: A chapter
description: A chapter that has no number.
owner: Test committee
last_reviewed: 2026-01-01
review_interval_months: 12
---

# A chapter { #a-chapter }
"""


NUMBERED_CHAPTER = """---
title: A numbered chapter
description: A chapter whose paragraphs carry their numbers.
owner: Test committee
last_reviewed: 2026-01-01
review_interval_months: 12
chapter: 7
last_paragraph: 3
---

# A numbered chapter { #numbered }

First paragraph. {¶1}

- An item. {¶2}
- Another item. {¶3}
"""
NUMBERED_FR = """---
title: Un chapitre numéroté
description: Un chapitre dont les paragraphes portent leur numéro.
source_blob: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
translated_on: 2026-11-01
---

# Un chapitre numéroté { #numbered }

Premier paragraphe. {¶1}

- Un élément. {¶2}
- Un autre élément. {¶3}
"""


def numbered_chapter(english: str = NUMBERED_CHAPTER, french: str = NUMBERED_FR, *, in_french: bool = False,
                     line: int = 1) -> Seed:
    """A numbered chapter and its French translation; the defect is at ``line`` of one of them."""
    def seed(project: Project, lang: str) -> tuple[str, int]:
        (project.docs / "chapters").mkdir(parents=True, exist_ok=True)
        (project.docs / "chapters" / "numbered.md").write_text(english, encoding="utf-8")
        (project.docs / "chapters" / "numbered.fr.md").write_text(french, encoding="utf-8")
        return ("docs/chapters/numbered.fr.md" if in_french else "docs/chapters/numbered.md"), line
    return seed


def new_file(name: str, text: str, line: int = 1) -> Seed:
    def seed(project: Project, lang: str) -> tuple[str, int]:
        target = rel(name, lang)
        (project.docs / target).parent.mkdir(parents=True, exist_ok=True)
        (project.docs / target).write_text(text, encoding="utf-8")
        return f"docs/{target}", line
    return seed


def image(width: int, height: int, noise: bool = False) -> Seed:
    def seed(project: Project, lang: str) -> tuple[str, int]:
        write_png(project.docs / "img" / "big.png", width, height, noise)
        return replace("img/diagram.png", "img/big.png")(project, lang)
    return seed


def corrupt_image(project: Project, lang: str) -> tuple[str, int]:
    good = (project.docs / "img" / "diagram.png").read_bytes()
    (project.docs / "img" / "broken.png").write_bytes(good[:60] + b"\x00" * 40)  # header kept, data cut
    return replace("img/diagram.png", "img/broken.png")(project, lang)


def bomb_image(project: Project, lang: str) -> tuple[str, int]:
    write_png(project.docs / "img" / "bomb.png", 30000, 30000)  # 900 megapixels, a few kB of zeros
    return replace("img/diagram.png", "img/bomb.png")(project, lang)


def outside_link(project: Project, lang: str) -> tuple[str, int]:
    import os

    (project.root.parent / "secret.txt").write_text("root:x:0:0\n")
    os.symlink(project.root.parent / "secret.txt", project.docs / "img" / "photo.png")
    return "docs/img/photo.png", 1


def linked_folder(project: Project, lang: str) -> tuple[str, int]:
    import os

    os.symlink(project.docs / "img", project.docs / "pictures")
    return "docs/pictures", 1


def snippet_cycle(project: Project, lang: str) -> tuple[str, int]:
    snippets = project.docs / "snippets"
    (snippets / "a.md").write_text("A.\n\n--8<-- \"b.md\"\n", encoding="utf-8")
    (snippets / "b.md").write_text("B.\n\n--8<-- \"a.md\"\n", encoding="utf-8")
    return "docs/snippets/a.md", 3


def crlf_at(line: int) -> Callable[[bytes], bytes]:
    """Two CRLF line endings (lines ``line`` and ``line + 1``) in an LF file."""
    def change(data: bytes) -> bytes:
        lines = data.split(b"\n")
        return b"\n".join(lines[: line - 1]) + b"\n" + b"\r\n".join(lines[line - 1: line + 2]) + b"\n" \
            + b"\n".join(lines[line + 2:])
    return change


@dataclass(frozen=True)
class Defect:
    code: str
    seed: Seed
    langs: tuple[str, ...] = LANGS
    hint: str = ""  # text the hint must contain


SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n{}\n</svg>\n'
ORPHAN = "---\ntitle: Orphelin\ndescription: Sans original.\nsource_blob: " + "a" * 40 + "\ntranslated_on: 2026-11-01\n---\n\n# Orphelin { #orphan }\n"

DEFECTS = {
    # links
    "missing-page": Defect("LINK001", append("See [the guides](guides.md).<<"), hint="did you mean 'guide.md'?"),
    "missing-image": Defect("LINK001", append("![Plan](img/plan.png)<<"), hint="img/diagram.png"),
    "missing-anchor": Defect("LINK002", append("See [home](index.md#welcom).<<"), hint="did you mean '#welcome'?"),
    "missing-local-anchor": Defect("LINK002", append("See [above](#detials).<<"), hint="#details"),
    "undefined-reference": Defect("LINK003", append("See [the guide][nowhere].<<")),
    "absolute-link": Defect("LINK004", append("See [home](/index.md).<<")),
    "link-to-snippet": Defect("LINK005", append("See [shared](snippets/shared.md).<<")),
    "raw-html-md-link": Defect("LINK006", append('<a href="index.md">home</a><<')),
    "raw-html-missing": Defect("LINK001", append('<img src="img/nothing.png" alt="x"><<')),
    "raw-html-anchor": Defect("LINK002", append('<a href="../#welcom">home</a><<')),
    "missing-snippet": Defect("LINK007", append('--8<-- "absent.md"<<')),
    # parity (translations only)
    "orphan": Defect("PAR001", new_file("orphan.md", ORPHAN), TRANSLATIONS),
    "heading-id-lost": Defect("PAR002", replace(" { #details }", ""), TRANSLATIONS),
    "heading-id-extra": Defect("PAR003", append("## More { #more }<<"), TRANSLATIONS),
    "admonition-extra": Defect("PAR004", replace("/// note |", "/// tip |"), TRANSLATIONS),
    "table-extra": Defect("PAR005", append("| a | b |<<\n| - | - |\n| 1 | 2 |"), TRANSLATIONS),
    "image-extra": Defect("PAR006", append("![Plan](img/diagram.png)<<"), TRANSLATIONS),
    "code-block-extra": Defect("PAR007", append("```python<<\nx = 1\n```"), TRANSLATIONS),
    "link-target-extra": Defect("PAR008", append("[Home](index.md)<<"), TRANSLATIONS),
    "link-target-changed": Defect("PAR008", replace("(index.md#welcome)", "(guide.md#details)"), TRANSLATIONS),
    # front matter
    "yaml-invalid": Defect("FM001", replace("description:", "description: [unclosed\nx:", shift=1)),
    "no-front-matter": Defect("FM002", raw(lambda b: b[b.index(b"\n---\n") + 5:], 1)),
    "required-key": Defect("FM003", replace("description:", "summary:", shift=-2), hint="description"),
    "wrong-type": Defect("FM004", replace("title: ", "title: \n  - a\n  - b\nx_was_title: ")),
    "unknown-key": Defect("FM005", replace("description:", "colour: blue\ndescription:")),
    "chapter-without-number": Defect("FM006", new_file("chapters/numberless.md", NUMBERLESS_CHAPTER), ("en",)),
    # citable paragraph numbers
    "paragraph-without-number": Defect("PARA001", numbered_chapter(
        NUMBERED_CHAPTER.replace("First paragraph. {¶1}", "First paragraph. {¶1}\n\nA new one."),
        NUMBERED_FR.replace("Premier paragraphe. {¶1}", "Premier paragraphe. {¶1}\n\nUn nouveau."), line=15),
        ("en",), hint="paragraphs number"),
    "number-never-given": Defect("PARA002", numbered_chapter(
        NUMBERED_CHAPTER.replace("Another item. {¶3}", "Another item. {¶9}"),
        NUMBERED_FR.replace("Un autre élément. {¶3}", "Un autre élément. {¶9}"), line=16), ("en",)),
    "translation-number-missing": Defect("PARA003", numbered_chapter(
        french=NUMBERED_FR.replace("Un élément. {¶2}", "Un élément."), in_french=True, line=12), ("en",)),
    # markup safety
    "script": Defect("SAFE001", append('<script src="tracker.js"></script><<')),
    "iframe": Defect("SAFE001", append('<iframe src="https://example.org/"></iframe><<')),
    "html-event": Defect("SAFE002", append('<span onmouseover="go()">hover</span><<')),
    "attr-list-event": Defect("SAFE002", append('[home](index.md){ onclick="go()" }<<')),
    "javascript-url": Defect("SAFE003", append("[x](JaVaScRiPt:void(0))<<")),
    "entity-url": Defect("SAFE003", append("[x](&#106;avascript:void(0))<<")),
    "percent-url": Defect("SAFE003", append("[x](%6Aava%09script:void(0))<<")),
    "data-reference": Defect("SAFE003", append("[x][payload]\n\n[payload]: data:text/html;base64,PGI+<<")),
    "vbscript-html": Defect("SAFE003", append('<a href="vbscript:msgbox">x</a><<')),
    "snippet-escape": Defect("SAFE004", append('--8<-- "../../mkdocs.yml"<<')),
    "style-attribute": Defect("SAFE005", append('<span style="color: red">red</span><<')),
    # ... and the ways past a scan of the Markdown, caught in the rendered page
    "script-after-quoted-comment": Defect("SAFE001", append('<div title="<!--"><script>alert(1)</script></div><!-- x --><<')),
    "script-after-quoted-backtick": Defect("SAFE001", append('<div title="`"><script>alert(1)</script></div>` x`<<')),
    "script-after-empty-comment": Defect("SAFE001", append("<!--><script>alert(1)</script><!-- --><<")),
    "script-slash": Defect("SAFE001", append("<script/x>alert(1)</script><<")),
    "event-slash": Defect("SAFE002", append("<img/onerror=alert(1) src=x><<")),
    "event-after-quoted-gt": Defect("SAFE002", append('<a title=">" onclick="alert(1)">x</a><<')),
    "event-in-block-options": Defect("SAFE002", append("/// details | More\n    attrs: {onclick: alert(1)}<<\n\nText.\n\n///")),
    "javascript-nested-parens": Defect("SAFE003", append("[x](javascript:alert((1)))<<")),
    "style-in-block-options": Defect("SAFE005", append("/// details | More\n    attrs: {style: 'color: red'}<<\n\nText.\n\n///")),
    # front matter, which the theme writes into the header, navigation and <meta> unescaped
    "title-script": Defect("SAFE001", replace("title: ", "title: X<script>alert(1)</script> ")),
    "title-quote-handler": Defect("SAFE002", replace("title: ", "title: 'X\" onfocus=\"alert(1)\" autofocus x=\"' # ")),
    # images from another site: blocked by the CSP, refused by the PDF
    "remote-image": Defect("SAFE007", append("![Logo](https://example.org/logo.png)<<"), hint="docs/img/"),
    "remote-image-reference": Defect("SAFE007", append("![Logo][logo]<<\n\n[logo]: //example.org/logo.png")),
    "remote-image-html": Defect("SAFE007", append('<img src="HTTPS://example.org/a.png" alt="Logo"><<')),
    "remote-image-srcset": Defect("SAFE007", append(
        '<img src="img/diagram.png" srcset="img/diagram.png 1x, https://example.org/a.png 2x" alt="Logo"><<')),
    "remote-image-backslashes": Defect("SAFE007", append('<img src="\\\\example.org/a.png" alt="Logo"><<')),
    "remote-image-hidden": Defect("SAFE007", append(
        '<div title="<!--"><img src="//example.org/a.png" alt="Logo"></div><!-- x --><<')),
    "remote-poster": Defect("SAFE007", append('<video poster="https://example.org/p.png"></video><<')),
    # files of docs/ other than pages: images only, and SVG images without scripts
    "html-file": Defect("SAFE006", new_file("extra.html", "<p>published as it is</p>\n"), ("en",)),
    "script-file": Defect("SAFE006", new_file("img/tracker.js", "alert(1)\n"), ("en",)),
    "style-file": Defect("SAFE006", new_file("img/Theme.CSS", "body { display: none }\n"), ("en",)),
    "svg-script": Defect("SAFE009", new_file("img/chart.svg", SVG.format("<script>alert(1)</script>"), 3), ("en",)),
    "svg-foreign-object": Defect("SAFE009", new_file("img/chart.svg", SVG.format(
        "<foreignObject><iframe src='https://example.org/'></iframe></foreignObject>"), 3), ("en",)),
    "svg-handler": Defect("SAFE009", new_file("img/chart.svg", SVG.format('<rect\n  onload="alert(1)"/>'), 4), ("en",)),
    "svg-javascript": Defect("SAFE009", new_file("img/chart.svg", SVG.format(
        '<a xlink:href="java&#x09;script:alert(1)"><text>x</text></a>'), 3), ("en",)),
    "ping": Defect("SAFE008", append('<a href="https://example.org/" ping="https://tracker.example/">x</a><<')),
    "ping-attr-list": Defect("SAFE008", append('[x](https://example.org/){ ping="https://t.example/" }<<')),
    "title-plaintext": Defect("SAFE010", replace("title: ", "title: Guide <plaintext>", shift=0), ("en",)),
    "title-comment": Defect("SAFE010", replace("title: ", "title: Guide <!--", shift=0), TRANSLATIONS),
    "title-entity": Defect("SAFE010", replace("title: ", "title: Guide &#60;b&#62;", shift=0), ("en",)),
    "link-outside": Defect("SAFE011", outside_link, ("en",)),
    "linked-folder": Defect("SAFE011", linked_folder, ("en",)),
    # hygiene
    "unknown-admonition": Defect("HYG001", replace("/// note |", "/// notte |"), hint="did you mean 'note'?"),
    "legacy-admonition": Defect("HYG002", append('!!! warning "Old"<<\n    Text.')),
    "duplicate-id": Defect("HYG003", append("## Again { #details }<<")),
    "image-no-alt": Defect("HYG004", append("![](img/diagram.png)<<")),
    "image-bytes": Defect("HYG005", image(620, 620, noise=True), ("en", "ar")),
    "image-pixels": Defect("HYG006", image(2100, 2000), ("en", "ar")),
    "not-utf8": Defect("HYG007", raw(lambda b: b + b"\nna\xefve\n")),
    "bom": Defect("HYG008", raw(lambda b: b"\xef\xbb\xbf" + b, 1)),
    "mixed-endings": Defect("HYG009", raw(crlf_at(12), 12)),
    "heading-no-id": Defect("HYG010", append("## Without an id<<")),
    "unclosed-block": Defect("HYG011", append("/// note | Open<<\n\nText.")),
    "nul-byte": Defect("HYG013", append("Text with a NUL\x00<< byte.")),
    "escape-char": Defect("HYG013", append("Text with an escape \x1b[31m<< sequence.")),
    "zero-width-space": Defect("HYG014", append("child porno\u200bgraphy<<")),
    "soft-hyphen": Defect("HYG014", append("child porno\u00adgraphy<<")),
    "bidi-override": Defect("HYG014", append("Looks \u202eharmless<<")),
    "straight-quote": Defect("HYG017", append('Say "listen".<<'), hint="for a quotation inside a quotation"),
    "deep-list": Defect("HYG015", append("- " * 40 + "deep<<")),
    "deep-quote": Defect("HYG015", append(">" * 400 + " deep<<")),
    "corrupt-image": Defect("HYG016", corrupt_image, ("en",)),
    "image-bomb": Defect("HYG016", bomb_image, ("en",)),
    "unknown-language": Defect("PAR009", new_file("guide.de.md", "---\ntitle: Anleitung\ndescription: D.\n---\n\n# Anleitung { #guide }\n"), ("en",)),
    "snippet-cycle": Defect("LINK008", snippet_cycle, ("en",)),
    "reference-without-url": Defect("LINK009", append("## References { #references }\n\n- A report, Geneva,<<\n  2002.")),
    "footnote-without-url": Defect("LINK009", append("Claim.[^src]\n\n[^src]: UN report (2020), article 3.<<")),
    "wrapped-year": Defect("HYG012", append("1. A report, Geneva,\n   2002.<< Available online.\n2. Another report.")),
    # suppression comments
    "suppress-unknown": Defect("CHK001", append("<!-- check: disable-next-line LINK999 -- why not --><<\nText.")),
    "suppress-no-reason": Defect("CHK002", append("<!-- check: disable-next-line LINK001 --><<\n[x](gone.md)")),
    "suppress-unused": Defect("CHK003", append("<!-- check: disable-next-line LINK001 -- gone --><<\nText.")),
    "suppress-malformed": Defect("CHK004", append("<!-- check: ignore LINK001 -- why --><<\nText.")),
    "suppress-no-rule": Defect("CHK001", append("<!-- check: disable-next-line -- why --><<\nText.")),
    "suppress-safety": Defect("CHK001", append("<!-- check: disable-next-line SAFE001 -- a trusted embed --><<\n"
                                               '<iframe src="https://example.org/"></iframe>'), hint="remove the markup"),
}

CASES = [pytest.param(name, lang, id=f"{name}-{lang}") for name, d in DEFECTS.items() for lang in d.langs]




def test_the_clean_fixture_passes(clean_tree: Path) -> None:
    assert check_docs(Project(clean_tree)) == []


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_each_seeded_defect_is_caught_at_its_file_and_line(fresh: Project, name: str, lang: str) -> None:
    defect = DEFECTS[name]
    path, line = defect.seed(fresh, lang)
    found = check_docs(fresh)
    hits = [d for d in found if d.code == defect.code and d.path == path]
    assert hits, f"{defect.code} not reported for {path}; got:\n" + "\n".join(d.text() for d in found)
    assert line in [d.line for d in hits], [d.text() for d in hits]
    if defect.hint:
        assert any(defect.hint in d.text() for d in hits), [d.text() for d in hits]
    assert all(d.code in RULES for d in found)
    assert all(d.severity == RULES[d.code].severity for d in found)  # the registry's severity is the one reported


def test_every_rule_has_a_seeded_defect() -> None:
    site_rules = {code for code in RULES if code.startswith("SITE")}  # tested on a built site
    assert set(RULES) - site_rules == {d.code for d in DEFECTS.values()}


def test_spanish_and_arabic_defects_are_reported_in_one_run(fresh: Project) -> None:
    es = append("See [the annex](annex.md).<<")(fresh, "es")
    ar = append("See [the annex](annex.md).<<")(fresh, "ar")
    found = {(d.path, d.line, d.code) for d in check_docs(fresh)}
    assert (*es, "LINK001") in found and (*ar, "LINK001") in found


def test_a_suppression_with_a_reason_silences_only_the_next_line(fresh: Project) -> None:
    path, line = append("<!-- check: disable-next-line LINK001 -- the annex lands next release --><<\n"
                        "See [the annex](annex.md).\n\nSee [the annex](annex.md).")(fresh, "en")
    found = [(d.path, d.line, d.code) for d in check_docs(fresh) if d.path == path]
    assert found == [(path, line + 3, "LINK001")]


def test_a_disabled_range_and_a_disabled_file(fresh: Project) -> None:
    path, line = append("<!-- check: disable LINK001 -- annexes land next release --><<\n[a](a.md)\n[b](b.md)\n"
                        "<!-- check: enable LINK001 -->\n[c](c.md)")(fresh, "en")
    assert [(d.line, d.code) for d in check_docs(fresh) if d.path == path] == [(line + 4, "LINK001")]
    path, _ = append("<!-- check: disable-file LINK001 -- a draft page --><<")(fresh, "fr")
    append("[d](d.md)<<")(fresh, "fr")
    assert [d for d in check_docs(fresh) if d.path == path and d.code.startswith(("LINK", "CHK"))] == []


def test_an_enable_without_a_disable_is_reported(fresh: Project) -> None:
    """One suppression engine for check and terms (handbook/suppress.py): a stray enable is CHK003."""
    path, line = append("<!-- check: disable LINK001 -- annexes land next release --><<\n[a](a.md)\n"
                        "<!-- check: enable LINK002 -->\n<!-- check: enable LINK001 -->")(fresh, "en")
    assert [(d.line, d.code, d.message) for d in check_docs(fresh) if d.path == path] == [
        (line + 2, "CHK003", "'enable LINK002' has no matching 'disable LINK002'")]


def test_terminology_comments_are_left_to_the_terminology_linter(fresh: Project) -> None:
    append("<!-- terms: disable-next-line TERM001 -- quoting a legal title --><<\nText.")(fresh, "en")
    assert check_docs(fresh) == []


def test_code_and_comments_are_not_checked(fresh: Project) -> None:
    append("```html<<\n<script src=\"x.js\"></script> [x](missing.md)\n```\n\n"
           "`<iframe>` and `[x](javascript:void(0))`\n\n<!-- [x](missing.md) -->")(fresh, "en")
    assert [d for d in check_docs(fresh) if d.path == "docs/guide.md"] == []


def test_markup_hidden_in_a_snippet_is_reported_on_the_snippet_and_at_the_include(fresh: Project) -> None:
    snippet = fresh.docs / "snippets" / "shared.md"
    snippet.write_text("Shared text.\n<!--><script>alert(1)</script><!-- -->\n", encoding="utf-8")
    found = {(d.path, d.line, d.code) for d in check_docs(fresh)}
    assert ("docs/snippets/shared.md", 2, "SAFE001") in found
    for lang in LANGS:
        text = (fresh.docs / rel("guide.md", lang)).read_text(encoding="utf-8")
        include = text[: text.index('--8<-- "shared.md"')].count("\n") + 1
        assert (f"docs/{rel('guide.md', lang)}", include, "SAFE001") in found, found


@pytest.mark.parametrize("directive", ["disable-next-line SAFE002", "disable-file SAFE002", "disable SAFE002"])
def test_markup_safety_findings_cannot_be_suppressed(fresh: Project, directive: str) -> None:
    path, line = append(f"<!-- check: {directive} -- our own widget --><<\n"
                        '<span onclick="go()">x</span>')(fresh, "en")
    found = [(d.line, d.code) for d in check_docs(fresh) if d.path == path]
    assert (line, "CHK001") in found and (line + 1, "SAFE002") in found, found


def test_local_images_and_links_to_other_sites_are_not_remote_images(fresh: Project) -> None:
    append("![Plan](img/diagram.png) [Source](https://example.org/a.png)<<\n\n"
           '<img src="img/diagram.png" alt="Plan"> <a href="https://example.org/">site</a>')(fresh, "en")
    assert [d for d in check_docs(fresh) if d.code == "SAFE007"] == []


@pytest.mark.parametrize("name", ["img/photo.JPG", "img/photo.jpeg", "img/anim.gif", "img/pic.webp", "img/plan.fr.png",
                                  "img/clean.svg", "snippets/table.html", "old.md.bak-1"])
def test_images_clean_svgs_and_unpublished_files_are_accepted(fresh: Project, name: str) -> None:
    text = SVG.format('<style>rect { fill: red }</style><image href="data:image/png;base64,AAAA"/>'
                      '<a href="https://example.org/" title="Data: the source"><rect width="5" height="5"/></a>')
    (fresh.docs / name).write_text(text, encoding="utf-8")
    assert [d for d in check_docs(fresh) if d.code.startswith("SAFE")] == []

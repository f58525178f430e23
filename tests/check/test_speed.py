"""The speed-ups of the Markdown-level checks change no finding: plain pages are not rendered,
large handbooks are rendered in worker processes, and front matter is parsed once per page. Each
test compares against the slow way or counts the work."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import generate
from handbook import frontmatter
from handbook.check import check_docs, parallel, safety
from handbook.pages.model import Page, load_corpus
from handbook.check.rendered import MarkupRenderer

@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    project = generate(tmp_path_factory.mktemp("plain") / "h", 2, languages=("en",))
    return project, MarkupRenderer(project)


@pytest.mark.parametrize("body, is_plain", [
    ("# Title { #title }\n\nText [link](page-0002.md#s1) and ![alt](../assets/figure.png).\n", True),
    ("Text.\n\n/// note | Key points\n\nBody.\n\n///\n", True),
    ("| A | B |\n|---|---|\n| 1 | 2 |\n", True),
    ("Text { .note #x }\n", True),
    ("Text <b>bold</b>\n", False),  # raw HTML
    ("Text { onclick=alert(1) }\n", False),  # attribute list with a handler
    ("Text { style=color }\n", False),
    ("[x](javascript:alert(1))\n", False),
    ("[x](javascript%3Aalert(1))\n", False),
    ("[x](javascript&#58;alert(1))\n", False),
    ("![x](//evil.example/a.png)\n", False),  # remote image, network-path
    ("![x](/\u200b/evil.example/a.png)\n", False),
    ("| A | B |\n|:--|--:|\n| 1 | 2 |\n", False),  # alignment is a style attribute
    ("/// note | T\n    attrs: {onclick: x}\n\nBody.\n\n///\n", False),  # block options
    ("/// note | T\n    ? attrs\n\nBody.\n\n///\n", False),  # block options without a colon
    ("--8<-- \"note.md\"\n", False),  # snippet include
    ("```text\ncode\n```\n", False),  # a fence header can carry attributes
    ("![x](\n///evil.example/a.png)\n", False),  # a '///' that continues a paragraph is not a block marker
    ("Text.\n///\n", False),  # nor one right under a line of text
    ("Text.\n\n  /// note | T\n\nBody.\n\n///\n", True),  # an indented marker after a blank line is
    ("Text.\n\n/// /evil.example/a.png\n", False),  # but not what follows it
])
def test_only_pages_that_cannot_hold_unsafe_markup_skip_rendering(renderer, body, is_plain) -> None:
    project, render = renderer
    page = Page("chapters/x.md", "docs/chapters/x.md", "en", "chapters/x.md", "---\ntitle: X\n---\n" + body)
    assert safety.plain(page) is is_plain
    if is_plain:  # and rendering it indeed finds nothing
        assert list(safety._check_html(page, render.html(page))) == []


def test_another_markdown_extension_renders_every_page(tmp_path) -> None:
    project = generate(tmp_path / "h", 2, languages=("en",))
    assert safety.plain_config(load_corpus(project))
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.emoji\n"),
                                   encoding="utf-8")
    assert not safety.plain_config(load_corpus(project))


UNSAFE = {
    "bad-script.md": "<script>alert(1)</script>\n",
    "bad-handler.md": "Text { onclick=alert(1) }\n\n<img src=x onerror=y alt=z>\n",
    "bad-url.md": "[x](javascript:alert(1)) and ![r](https://evil.example/a.png)\n",
    "bad-comment.md": '<div title="<!--"><script>x()</script></div>\n',
}


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    project = generate(tmp_path_factory.mktemp("large") / "h", 15)
    for name, body in UNSAFE.items():
        (project.docs / "chapters" / name).write_text(f"---\ntitle: Bad\ndescription: Bad.\n---\n\n{body}", encoding="utf-8")
    return project


def test_worker_processes_give_exactly_the_findings_of_one_process(large, monkeypatch) -> None:
    skipping = check_docs(large)  # plain pages not rendered
    monkeypatch.setattr(safety, "plain_config", lambda corpus: False)  # every page rendered
    pages = len(load_corpus(large).pages)
    assert pages >= parallel.MIN_ITEMS
    parallel.shutdown()
    in_workers = check_docs(large)
    assert parallel._pool is not None  # the pages were rendered in worker processes
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    assert check_docs(large) == in_workers == skipping
    assert {d.path for d in in_workers if d.code.startswith("SAFE")} == {f"docs/chapters/{n}" for n in UNSAFE}


def test_the_front_matter_of_each_page_is_parsed_once(large, monkeypatch) -> None:
    calls = []
    split = frontmatter.split
    monkeypatch.setattr(frontmatter, "split", lambda text, path="<page>": calls.append(path) or split(text, path))
    corpus = load_corpus(large)
    check_docs(large, corpus=corpus)
    assert sorted(calls) == sorted(p.path for p in corpus.pages + corpus.snippets if p.text.startswith("---"))


def test_chunks_keep_order_and_cover_every_item() -> None:
    items = list(range(10))
    for count in (1, 3, 4, 10, 20):
        parts = parallel.chunks(items, count)
        assert [x for part in parts for x in part] == items and all(parts)


def test_a_page_that_cannot_be_rendered_stops_the_check_as_in_one_process(large, monkeypatch) -> None:
    from handbook.errors import HandbookError

    def failing(self, page: Page) -> str:
        if page.rel.endswith("bad-handler.md"):
            raise HandbookError(page.path, "cannot be rendered to HTML: test", fix="fix it")
        return original(self, page)

    original = MarkupRenderer.html
    monkeypatch.setattr(MarkupRenderer, "html", failing)
    monkeypatch.setattr(safety, "plain_config", lambda corpus: False)
    parallel.shutdown()  # the workers fork from this process, with the failing renderer
    safety._renderers.clear()
    with pytest.raises(HandbookError) as raised:
        check_docs(large)
    assert raised.value.path == "docs/chapters/bad-handler.md" and raised.value.fix == "fix it"
    parallel.shutdown()
    safety._renderers.clear()



def test_the_check_command_starts_lychee_before_loading_the_markdown_checks() -> None:
    """`handbook check` starts lychee first: importing the command loads no YAML parser, no
    Markdown inventory or safety rules, and no process pool (they load when the checks run)."""
    import subprocess
    import sys

    heavy = ("yaml", "handbook.pages.markdown", "handbook.check.safety", "handbook.frontmatter", "multiprocessing")
    code = ("import sys, handbook.cli, handbook.commands.check; "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""

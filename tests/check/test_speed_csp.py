"""The CSP check of the built site clears a page without reading every tag, and finds exactly
what reading every tag finds."""

from __future__ import annotations

import pytest

from handbook.htmltags import tags
from handbook.site import csp

THEME_HEAD = '<html><head><meta charset="utf-8"><title>T</title><script>var a=1</script></head>'
ARTICLE = '<body><header>h</header><article class="md-content__inner md-typeset">{}</article>'
TAIL = '<script>theme()</script><footer>f</footer><script>x()</script></body></html>'


def _page(content: str, head: str = THEME_HEAD) -> str:
    return head + ARTICLE.format(content) + TAIL


def _reference(html: str) -> list[str]:
    """content_problems as it was: every tag of the page read with its attributes."""
    spans = csp.untrusted_spans(html)
    if not spans:
        return []
    found = []
    for tag in tags(html):
        if tag.closing:
            continue
        code = tag.name in ("script", "style") and any(s <= tag.offset < e for s, e in spans)
        what = [f"<{tag.name}> element"] if code else []
        what += [f"'{name}' attribute on <{tag.name}>" for name, _, _ in tag.attrs if name.startswith("on")]
        if what:
            line = html.count("\n", 0, tag.offset) + 1
            found += [f"line {line}: {item}" for item in what]
    return found


@pytest.mark.parametrize("html", [
    _page("<p>Read on this page.</p>"),
    _page("<p>x</p>\n<script>alert(1)</script>"),
    _page('<img src=x onerror=alert(1)>'),
    _page('<a title="x"onclick=y>q</a>'),  # no space before the handler
    _page('<div/ONMOUSEOVER=1>'),
    _page("<STYLE>p{}</STYLE>"),
    _page("<scriptx>not a script</scriptx>"),
    _page('<a href="x" title=" onclick">text on attribute</a>'),
    _page("<p>plain</p>", head='<html><head><title>T</title></head><body onload="x()">'),
    "<html><body><p>no content article</p><script>x</script></body></html>",
])
def test_the_csp_fast_path_finds_what_reading_every_tag_finds(html) -> None:
    assert csp.content_problems(html) == _reference(html)


def test_a_clean_built_page_is_cleared_without_reading_its_tags(monkeypatch) -> None:
    def read(_head):
        raise AssertionError("attributes read on a page that has no handler or script in its content")

    monkeypatch.setattr(csp, "attributes", read)
    html = _page("<p>Section text.</p>" * 50)
    assert csp.content_problems(html) == []


@pytest.mark.parametrize("content, refused", [
    ("<p>Section text.</p>", False),
    ("<p>x</p>\n<script>alert(1)</script>", True),
])
def test_the_site_step_reads_each_page_once_and_writes_what_apply_writes(tmp_path, monkeypatch, content, refused):
    html = _page(content)
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    reads = []
    real = csp._content_problems
    monkeypatch.setattr(csp, "_content_problems", lambda *a: reads.append(1) or real(*a))
    if refused:
        with pytest.raises(csp.BuildFailed, match="<script> element"):
            csp.post_build(tmp_path, None)
    else:
        csp.post_build(tmp_path, None)
    step_reads = len(reads)
    if not refused:
        assert (tmp_path / "index.html").read_text(encoding="utf-8") == csp.apply(html)
    assert step_reads == 1

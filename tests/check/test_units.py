"""Table-driven tests of the pure pieces: URL scheme decoding and the CSP of one page."""

from __future__ import annotations

import base64
import hashlib

import pytest

from handbook.check.safety import url_scheme
from handbook.site import csp


@pytest.mark.parametrize(("url", "scheme"), [
    ("javascript:void(0)", "javascript"),
    ("JaVaScRiPt:void(0)", "javascript"),
    (" \tjavascript:x", "javascript"),
    ("java\tscript:x", "javascript"),
    ("java&#x09;script:x", "javascript"),
    ("&#106;avascript:x", "javascript"),
    ("&#x6A&#x61vascript:x", "javascript"),
    ("javascript&colon;x", "javascript"),
    ("%6Aavascript:x", "javascript"),
    ("%256Aavascript:x", "javascript"),
    ("javascript\\:x", "javascript"),
    ("VBScript:msgbox", "vbscript"),
    ("DATA:text/html;base64,AAAA", "data"),
    ("d&#97;ta:image/png;base64,AAAA", "data"),
    ("https://example.org/", "https"),
    ("guide.md#data", None),
    ("../img/a.png", None),
])
def test_the_scheme_a_browser_would_see(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = 1;</script><script type="application/json" id="cfg">{"x": 1}</script>
<script src="x.js"></script><style>p { color: red }</style></head><body><p>x</p></body></html>"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_hashes_executable_inline_scripts_and_styles_only() -> None:
    html = csp.apply(PAGE)
    policy = html.split('content="', 1)[1].split('"', 1)[0]
    assert f"script-src 'self' 'wasm-unsafe-eval' {_sha('var a = 1;')};" in policy
    assert f"style-src 'self' {_sha('p { color: red }')};" in policy
    assert _sha('{"x": 1}') not in policy and "unsafe-inline" not in policy
    assert html.index("Content-Security-Policy") < html.index("<title>")
    assert csp.verify(html) is None
    assert csp.apply(html) == html  # running the step twice changes nothing


def test_verify_names_what_is_wrong() -> None:
    assert csp.verify(PAGE) == csp.NO_POLICY
    changed = csp.apply(PAGE).replace("var a = 1;", "var a = 2;")
    assert "not in the page's policy" in csp.verify(changed)


# --- the page content is never trusted ------------------------------------------------------------

THEME = '<script>var theme = 1;</script>'


def _built(content: str, title: str = "Guide", description: str = "A page.") -> str:
    """A page shaped like a Material page: theme code in the head, after the content and after the
    footer; the page title in the header, the navigation and the footer."""
    return ('<!doctype html><html><head><meta charset="utf-8"><meta name="description" content="' + description
            + '"><title>' + title + '</title>' + THEME + '</head>\n<body dir="ltr"><header><span>' + title
            + '</span></header><main><nav><a href="./">' + title + '</a></nav>\n'
            '<article class="md-content__inner md-typeset">\n<h1 id="t">T</h1>\n' + content + '\n</article>\n'
            '<script>var after = 1;</script></main><footer><a href="../next/" aria-label="Next: ' + title
            + '">Next</a></footer>\n<script id="__config" type="application/json">{}</script></body></html>')


INJECTED = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<div title="<!--"><script>alert(1)</script></div><!-- x -->',
    "<!--><script>alert(1)</script><!-- -->",  # html.parser (Python < 3.13) reads this as one comment
    "<![CDATA[><script>alert(1)</script>]]>",
    "<script/x>alert(1)</script>",
    '<script src="../assets/javascripts/bundle.js"></script>',
    "<style>body { display: none }</style>",
    "<img/onerror=alert(1) src=x>",
    '<a title=">" onclick="alert(1)">x</a>',
    "<p>text</p></article><script>alert(1)</script><article>",  # a stray </article> does not end the content
]


@pytest.mark.parametrize("content", INJECTED)
def test_inline_code_in_the_content_is_refused_never_hashed(content: str) -> None:
    from handbook.site.build import BuildFailed

    html = _built(content)
    assert csp.content_problems(html)
    with pytest.raises(BuildFailed, match="fr/guide/index.html"):
        csp.apply(html, "fr/guide/index.html")
    scripts, styles = csp.inline_hashes(html)
    assert scripts == sorted({_sha("var theme = 1;"), _sha("var after = 1;")}) and styles == []
    # A policy that does allow the injected code (an old build, or written by hand) fails SITE004.
    allowed = csp.apply(_built("<p>x</p>")).replace("<p>x</p>", content)
    assert "inside the page content" in csp.verify(allowed)


@pytest.mark.parametrize(("title", "description"), [
    ("X<script>alert(1)</script>", "A page."),  # the theme writes front matter titles unescaped
    ('X" onfocus="alert(1)" autofocus x="', "A page."),  # out of the footer link's attribute
    ("Guide", 'x"><script>alert(1)</script><meta x="'),  # out of the <meta> description, into the head
    ("Guide", 'x" onload="alert(1)'),
])
def test_inline_code_from_titles_and_descriptions_is_refused(title: str, description: str) -> None:
    from handbook.site.build import BuildFailed

    html = _built("<p>x</p>", title, description)
    with pytest.raises(BuildFailed):
        csp.apply(html)


@pytest.mark.parametrize("content", [
    "<p>Call <code>&lt;script&gt;</code> and <code>{ onclick=… }</code> by name.</p>",
    '<pre><code>&lt;img onerror="x"&gt;</code></pre>',
    '<p>See <a href="../guide/" title="on=1">the guide</a>, online=yes.</p>',
])
def test_content_that_only_shows_code_is_accepted(content: str) -> None:
    html = csp.apply(_built(content, title='The "first hour" & after'))
    assert csp.content_problems(html) == [] and csp.verify(html) is None
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert _sha("var theme = 1;") in policy and _sha("var after = 1;") in policy

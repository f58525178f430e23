"""A strict Content-Security-Policy for every page of the built site (post-build step).

Defence in depth for a site that outside teams contribute to: even if unsafe markup slipped past
`handbook check`, the browser runs no script and applies no style that the build did not put
there. There is no 'unsafe-inline': the theme's few inline scripts and styles are allowed by
their SHA-256 hashes, computed here from each page as built. Only code outside the page content
is hashed: the content (Material's <article class="md-content__inner">, which our template's
content block fills) comes from contributors' Markdown, so an inline script, style element or
on*= handler there is never allowed; it stops the build instead (BuildFailed, naming the page).
'wasm-unsafe-eval' lets Pagefind
run its WebAssembly search (it allows compiling WebAssembly only, not JavaScript eval).
The policy goes in a <meta http-equiv> element, so it holds on any static host.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from handbook.htmltags import attributes, heads, may_have_handler, name_of
from handbook.errors import BuildFailed
from handbook.paths import Project

META_NAME = "Content-Security-Policy"
NO_POLICY = "page has no Content-Security-Policy"
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Case-sensitive and led by a literal, so the search is fast: this is the form apply() writes.
_META = re.compile(r"""<meta http-equiv="Content-Security-Policy" content="([^"]*)">""")
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
# The content: from Material's article to the LAST </article> of the page, so a stray </article>
# written in a page cannot move code out of the content.
_CONTENT = re.compile(r"""<article\b[^>]*\bclass\s*=\s*["']?[^"'>]*\bmd-content__inner\b""", re.I)
_CONTENT_END = re.compile(r"</article", re.I)
_BODY = re.compile(r"<body\b", re.I)
_TITLE_END = re.compile(r"</title", re.I)
_FOOTER = re.compile(r"<footer\b", re.I)
_FOOTER_END = re.compile(r"</footer", re.I)
_CODE_ELEMENTS = ("script", "style")
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

# Fixed part of the policy. Every fetch is same-origin; images may be data: URIs because the
# theme draws its icons as inline SVG data in CSS.
DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("worker-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)


def _hash(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii") + "'"


def _without_policy(html: str) -> str:
    m = _META.search(html)
    if m is None:
        return html
    start = len(html[: m.start()].rstrip(" \t"))
    start -= html[start - 1: start] == "\n"
    return html[:start] + html[m.end():]


def content_span(html: str) -> tuple[int, int] | None:
    """Start and end offsets of the page content in ``html``, or None for a page without one."""
    m = _CONTENT.search(html)
    if m is None:
        return None
    end = m.end()
    for end_tag in _CONTENT_END.finditer(html, m.end()):
        end = end_tag.end()
    return m.start(), end


def untrusted_spans(html: str) -> list[tuple[int, int]]:
    """The parts of the page that carry text from the pages' sources, where no inline code may be.

    The content, and also what the theme fills with page titles and other front matter, unescaped:
    the head up to its </title> (the description <meta>, the <title>), the header and navigation
    (from <body> to the end of the content) and the footer with its previous/next links (to its
    last </footer>). The theme's own inline code is in <head> after the title, just after the
    content, and after the footer. Pages without content have no such parts.
    """
    span = content_span(html)
    if span is None:
        return []
    body = _BODY.search(html, 0, span[0])
    spans = [(body.start() if body else span[0], span[1])]
    titles = [m.end() for m in _TITLE_END.finditer(html, 0, spans[0][0])]
    if titles:  # the description <meta> and the <title>, where a quote or '</title>' lets markup out
        spans.insert(0, (0, titles[-1]))
    footer = _FOOTER.search(html, span[1])
    if footer:
        ends = [m.end() for m in _FOOTER_END.finditer(html, footer.start())]
        spans.append((footer.start(), ends[-1] if ends else len(html)))
    return spans


def content_problems(html: str) -> list[str]:
    """Inline scripts and style elements in the page's content, header, navigation or footer, and
    on*= handlers anywhere, with their line in ``html``.

    Tags are read at every '<' (see handbook.htmltags), so markup a browser would run is
    found even where it hides in a comment-like or quoted disguise. The theme puts no handler on
    any element, and its inline scripts outside the parts that carry page text.
    """
    return _content_problems(html, untrusted_spans(html))


_CODE_START = re.compile(r"<(?:script|style)", re.I)  # every <script>/<style> tag starts so (and a few others)


def _content_problems(html: str, spans: list[tuple[int, int]]) -> list[str]:
    if not spans:
        return []

    def inside(offset: int) -> bool:
        return any(start <= offset < end for start, end in spans)

    # Most built pages have neither a handler-like attribute nor a script or style element where
    # page text goes: they are cleared without reading their several hundred tags one by one.
    handlers = may_have_handler(html)
    if not handlers and not any(inside(m.start()) for m in _CODE_START.finditer(html)):
        return []
    found = []
    for head in heads(html):
        if head.group(1):  # closing tag
            continue
        name = name_of(head)
        code = name in _CODE_ELEMENTS and inside(head.start())
        what = [f"<{name}> element"] if code else []
        attrs = head.group(3)
        if handlers and ("on" in attrs.lower()) and may_have_handler(attrs):
            what += [f"'{attr}' attribute on <{name}>" for attr, _, _ in attributes(head) if attr.startswith("on")]
        if what:
            line = html.count("\n", 0, head.start()) + 1
            found += [f"line {line}: {item}" for item in what]
    return found


def _outside_content(html: str, spans: list[tuple[int, int]] | None = None) -> str:
    kept, at = [], 0
    for start, end in untrusted_spans(html) if spans is None else spans:
        kept.append(html[at:start])
        at = max(at, end)
    return "".join(kept) + html[at:]


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    """Hashes of the inline scripts (executable types only) and inline style elements outside the
    page content: the theme's. Code inside the content is never hashed (see :func:`content_problems`)."""
    return _inline_hashes(html, None)


def _inline_hashes(html: str, spans: list[tuple[int, int]] | None) -> tuple[list[str], list[str]]:
    html = _outside_content(html, spans)
    scripts = []
    for m in _SCRIPT.finditer(html):
        attrs = m.group(1)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        scripts.append(_hash(m.group(2)))
    styles = [_hash(m.group(2)) for m in _STYLE.finditer(html)]
    return sorted(set(scripts)), sorted(set(styles))


def policy(html: str) -> str:
    scripts, styles = inline_hashes(html)
    parts = []
    for name, value in DIRECTIVES:
        extra = scripts if name == "script-src" else styles if name == "style-src" else []
        parts.append(" ".join([name, value, *extra]))
    return "; ".join(parts)


def apply(html: str, name: str = "the page") -> str:
    """The page with its own policy as the first element its <head> parses after the charset.

    Raises BuildFailed when the page content carries inline code (see :func:`content_problems`).
    """
    problems = content_problems(html)
    if problems:
        raise BuildFailed(_refusal({name: problems}))
    return _with_policy(html)


def _with_policy(html: str) -> str:
    """:func:`apply` for a page already cleared by :func:`content_problems`."""
    html = _without_policy(html)
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end():]


def verify(html: str) -> str | None:
    """None when the page carries a policy that covers its inline code; else what is wrong."""
    m = _META.search(html)
    if m is None:
        return NO_POLICY
    content = m.group(1)
    spans = untrusted_spans(html)
    problems = _content_problems(html, spans)
    if problems:
        return f"inline code inside the page content ({'; '.join(problems[:3])}); the policy must not allow it"
    if "'unsafe-inline'" in content:
        return "the Content-Security-Policy allows 'unsafe-inline'"
    scripts, styles = _inline_hashes(html, spans)
    missing = [h for h in scripts + styles if h not in content]
    if missing:
        return f"{len(missing)} inline script(s)/style(s) are not in the page's policy (changed after the build?)"
    return None


def _refusal(pages: dict[str, list[str]]) -> str:
    lines = [f"{len(pages)} page(s) carry inline code in their content, title or navigation, which the "
             "Content-Security-Policy must not allow (an injected script would run):"]
    for name, problems in sorted(pages.items()):
        lines += [f"  {name}: {problem}" for problem in problems]
    lines.append("Remove the <script>/<style> elements and on*= attributes from the Markdown or the front matter "
                 "of these pages; a page title also shows in other pages' navigation "
                 "(`handbook check --only safety` shows the source lines).")
    return "\n".join(lines)


def post_build(site: Path, project: Project) -> None:
    """Write every page's policy; refuse the site (BuildFailed) if any page content has inline code.

    The build runs this on its staging folder, so a refused site never replaces site/.
    """
    _apply_to(site, sorted(Path(dirpath) / name for dirpath, _, filenames in os.walk(site)
                           for name in filenames if name.endswith(".html")))


def for_language(site: Path, project: Project, code: str, epoch: str = "") -> None:
    """:func:`post_build` for one language's pages (the build runs languages in parallel); the
    build date is not used."""
    from handbook.languages import load_i18n
    from handbook.site.layout import language_pages

    _apply_to(site, language_pages(site, load_i18n(project.root), code))


def _apply_to(site: Path, paths: list[Path]) -> None:
    refused: dict[str, list[str]] = {}
    for path in paths:
        html = path.read_text(encoding="utf-8")
        problems = content_problems(html)
        if problems:
            refused[path.relative_to(site).as_posix()] = problems
        else:  # cleared just above: apply() would read every tag of the page a second time
            path.write_text(_with_policy(html), encoding="utf-8")
    if refused:
        raise BuildFailed(_refusal(refused))


post_build.per_language = for_language  # type: ignore[attr-defined]

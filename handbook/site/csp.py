"""A strict Content-Security-Policy for every page of the built site (post-build step).

Defence in depth for a site that outside teams contribute to: even if unsafe markup slipped past
`handbook check`, the browser runs no script and applies no style that the build did not put
there. There is no 'unsafe-inline': the theme's few inline scripts and styles are allowed by
their SHA-256 hashes, computed here from each page as built. 'wasm-unsafe-eval' lets Pagefind
run its WebAssembly search (it allows compiling WebAssembly only, not JavaScript eval).
The policy goes in a <meta http-equiv> element, so it holds on any static host.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

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


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    """Hashes of the page's inline scripts (executable types only) and inline style elements."""
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


def apply(html: str) -> str:
    """The page with its own policy as the first element its <head> parses after the charset."""
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
    if "'unsafe-inline'" in content:
        return "the Content-Security-Policy allows 'unsafe-inline'"
    scripts, styles = inline_hashes(html)
    missing = [h for h in scripts + styles if h not in content]
    if missing:
        return f"{len(missing)} inline script(s)/style(s) are not in the page's policy (changed after the build?)"
    return None


def post_build(site: Path, project: Project) -> None:
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if name.endswith(".html"):
                path = Path(dirpath) / name
                html = path.read_text(encoding="utf-8")
                path.write_text(apply(html), encoding="utf-8")

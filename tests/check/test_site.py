"""Built-site checks on a real build of the fixture handbook (English and Arabic): lychee offline,
the Content-Security-Policy written by the build, and that policy in a real Chromium."""

from __future__ import annotations

import importlib
import json
import os
import shutil

import pytest

from handbook.check import site as site_check
from handbook.cli import main
from handbook.commands.build import POST_STEPS
from handbook.site import csp
from handbook.site.output import write_manifest
from handbook.site.build import BuildFailed, build_site
from tests.check.fixture import make_clean

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("check-site")
    project = make_clean(base / "handbook")
    site = base / "site"
    # The real post-build steps (the PDF editions the pages link to, then the CSP).
    steps = [importlib.import_module(module).post_build for module in POST_STEPS.values()]
    here = os.getcwd()
    os.chdir(project.root)  # pymdownx.snippets reads base_path relative to the working directory
    try:
        build_site(project, out=site, jobs=2, post_steps=steps, log=lambda _: None)
    finally:
        os.chdir(here)
    return project, site


@pytest.fixture
def site_copy(built, tmp_path):
    project, site = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return project, copy


def test_the_clean_site_passes_lychee_and_the_csp_check(built) -> None:
    project, site = built
    assert site_check.start(site, project).result() == []


def test_every_page_carries_a_policy_without_unsafe_inline(built) -> None:
    _, site = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def test_a_broken_link_and_a_broken_anchor_in_the_html_are_reported(site_copy) -> None:
    project, site = site_copy
    page = site / "ar" / "guide" / "index.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    body = next(i for i, line in enumerate(lines) if "<article" in line)
    lines.insert(body + 1, '<a href="../nowhere/">x</a> <a href="../#no-such-anchor">y</a>')
    page.write_text("\n".join(lines), encoding="utf-8")
    csp.post_build(site, project)  # the page changed: give it its policy again
    found = site_check.start(site, project).result()
    shown = str(page)
    assert {(d.code, d.line) for d in found if d.path == shown} >= {("SITE001", body + 2), ("SITE002", body + 2)}, found


def test_a_page_without_policy_or_with_changed_inline_code_is_reported(site_copy) -> None:
    project, site = site_copy
    page = site / "guide" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<script>", "<script>var injected=1;", 1), encoding="utf-8")
    bare = site / "ar" / "index.html"
    text = bare.read_text(encoding="utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    bare.write_text(text[:start] + text[text.index(">", start) + 1:], encoding="utf-8")
    found = {(d.path, d.code, d.message) for d in site_check.start(site, project).result()}
    assert (str(page), "SITE004", "1 inline script(s)/style(s) are not in the page's policy (changed after the build?)") in found
    assert (str(bare), "SITE004", csp.NO_POLICY) in found


def test_a_page_whose_markdown_smuggles_a_script_fails_the_build(tmp_path) -> None:
    project = make_clean(tmp_path / "handbook")
    guide = project.docs / "guide.fr.md"
    # Past a Markdown-level scan that hides comments and code first: the quote holds a comment opener.
    guide.write_text(guide.read_text(encoding="utf-8") + '\n<div title="<!--"><script>alert(1)</script></div><!-- x -->\n',
                     encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    write_manifest(site)  # as the build that made it would have
    here = os.getcwd()
    os.chdir(project.root)
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(project, codes=["en", "fr"], out=site, jobs=2, search=False, post_steps=[csp.post_build],
                       log=lambda _: None)
    finally:
        os.chdir(here)
    message = str(failed.value)
    # Refused while the page is built, by the same markup-safety rules as `handbook check`, with the
    # source file and line; English (clean) is not named.
    assert "[fr]" in message and "docs/guide.fr.md:" in message and "SAFE001 <script>" in message, message
    assert "[en]" not in message, message
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"


@pytest.mark.parametrize("title", ["X<script>alert(1)</script>", "X</title><script>alert(1)</script>"])
def test_a_title_that_carries_a_script_into_the_header_fails_the_build(tmp_path, title) -> None:
    """The theme writes titles unescaped outside the content (header, <title>, navigation, footer)."""
    project = make_clean(tmp_path / "handbook")
    guide = project.docs / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("title: Guide", f"title: {title}", 1), encoding="utf-8")
    here = os.getcwd()
    os.chdir(project.root)
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(project, codes=["en"], out=tmp_path / "site", jobs=1, search=False,
                       post_steps=[csp.post_build], log=lambda _: None)
    finally:
        os.chdir(here)
    # Refused by the same front-matter rule as `handbook check`, naming the file and line.
    assert "docs/guide.md:2:1: SAFE001 <script> in the front matter value 'title'" in str(failed.value), failed.value
    assert not (tmp_path / "site").exists()


def test_handbook_check_runs_both_levels_in_one_run(site_copy, monkeypatch, capsys) -> None:
    project, site = site_copy
    (site / "guide" / "index.html").write_text(
        (site / "guide" / "index.html").read_text(encoding="utf-8").replace('href="../#welcome"', 'href="../#gone"'),
        encoding="utf-8")
    guide_es = project.docs / "guide.es.md"
    guide_es.write_text(guide_es.read_text(encoding="utf-8") + "\n[Anexo](anexo.md)\n", encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["check", "--site", str(site), "--format", "json"]) == 1
    codes = {(r["path"], r["code"]) for r in json.loads(capsys.readouterr().out)}
    assert ("docs/guide.es.md", "LINK001") in codes
    assert (str(site / "guide" / "index.html"), "SITE002") in codes


def test_external_links_are_checked_only_on_request_with_their_source_line(tmp_path, serve, monkeypatch, capsys) -> None:
    web = tmp_path / "web"
    web.mkdir()
    (web / "ok.html").write_text("<p>ok</p>", encoding="utf-8")
    base = serve(web)
    project = make_clean(tmp_path / "handbook")
    guide = project.docs / "guide.md"
    old = guide.read_text(encoding="utf-8")
    guide.write_text(old + f"\n[Fine]({base}ok.html) and\n[Gone]({base}gone.html)\n", encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    main(["check", "--no-site", "--only", "safety"])
    assert "SITE003" not in capsys.readouterr().out
    assert main(["check", "--no-site", "--only", "safety", "--external"]) == 1
    out = capsys.readouterr().out.splitlines()
    gone = old.count("\n") + 3
    failing = [line for line in out if "SITE003" in line]
    assert len(failing) == 1 and failing[0].startswith(f"docs/guide.md:{gone}:"), out
    assert f"'{base}gone.html'" in failing[0] and "404" in failing[0], failing


@pytest.mark.browser
def test_the_policy_blocks_nothing_the_site_needs_and_search_still_works(built, serve, browser) -> None:
    _, site = built
    base = serve(site)
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")
    tab = context.new_page()
    console: list[str] = []
    tab.on("console", lambda m: console.append(m.text))
    try:
        for path in ("", "guide/", "fr/", "es/guide/", "ar/", "ar/guide/"):
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("window.__csp") == [], path
        tab.goto(base + "guide/")
        tab.click("[data-hb-search-open]")
        tab.locator("#hb-search input").fill("needs")
        tab.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
        hrefs = tab.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
        assert any(h.endswith("/guide/") for h in hrefs), hrefs
        tab.goto(base + "ar/guide/")
        tab.click("[data-hb-search-open]")
        tab.locator("#hb-search input").fill("الطفل")
        tab.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
        assert tab.evaluate("window.__csp") == []
        assert not [m for m in console if "Content Security Policy" in m], console
    finally:
        context.close()


@pytest.mark.browser
def test_the_policy_blocks_an_inline_script_that_reaches_a_page(site_copy, serve, browser) -> None:
    """Should inline code ever reach a built page (edited after the build), the browser does not run it."""
    project, site = site_copy
    page = site / "guide" / "index.html"
    html = page.read_text(encoding="utf-8")
    start = html.index("<article")
    at = html.index(">", start) + 1
    injected = '<script>window.__pwned = 1</script><img src="x.png" onerror="window.__pwned = 2" alt="">'
    page.write_text(html[:at] + injected + html[at:], encoding="utf-8")
    assert "inside the page content" in csp.verify(page.read_text(encoding="utf-8"))
    context = browser.new_context()
    context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                            " e => window.__csp.push(e.violatedDirective));")
    tab = context.new_page()
    try:
        tab.goto(serve(site) + "guide/")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.__pwned") is None
        assert tab.evaluate("window.__csp.filter(d => d.startsWith('script-src')).length") >= 2
    finally:
        context.close()

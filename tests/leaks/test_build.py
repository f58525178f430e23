"""The public build and the restricted tree: the leak step refuses a leaking site, and the tree's
presence changes no byte of a clean one."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from handbook import pdf
from handbook.errors import BuildFailed
from handbook.leaks import step
from handbook.site.build import build_site
from tests.conftest import page
from tests.leaks.fixture import CANARY_EN, CANARY_EN_SOURCE, add_restricted, handbook


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_canary_copied_into_a_public_page_stops_the_build_found_in_html_search_and_pdf(tmp_path):
    project = handbook(tmp_path / "hb", {"guide.md": page("Guide", f"# Guide {{ #guide }}\n\n{CANARY_EN}\n")})
    site = tmp_path / "site"
    with pytest.raises(BuildFailed) as failed:
        build_site(project, codes=["en"], out=site, jobs=1, log=lambda _: None,
                   post_steps=[pdf.post_build, step.post_build])
    report = str(failed.value)
    named = {m.group(1) for m in re.finditer(r"^(\S+?):\d+:\d+: LEAK001 restricted text from (\S+)", report, re.M)
             if CANARY_EN_SOURCE in m.group(0)}
    assert "guide/index.html" in named
    assert any(p.startswith("pagefind/fragment/") for p in named), named
    assert any(p.endswith(".pdf") for p in named), named
    assert "docs/guide.md:11 holds it (LEAK005)" in report
    assert "slatewren" not in report  # the restricted text is never printed
    assert not site.exists()  # the refused site never replaced the output folder


@pytest.mark.slow
def test_the_public_build_is_byte_identical_with_and_without_the_restricted_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")
    project = handbook(tmp_path / "hb", restricted=False)
    without, with_tree = tmp_path / "without", tmp_path / "with"
    build_site(project, out=without, jobs=2, log=lambda _: None, post_steps=[step.post_build])
    add_restricted(project)  # the same handbook, now with its restricted tree
    build_site(project, out=with_tree, jobs=2, log=lambda _: None, post_steps=[step.post_build])
    first, second = tree_digest(without), tree_digest(with_tree)
    assert len(first) > 50
    assert first == second

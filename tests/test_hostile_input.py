"""Hostile or mistaken input, one row per variant of each class, through every command that reads it.

Each row copies the clean fixture handbook (with a last good site built next to it), applies one
change, and runs the commands that read that input as a user runs them (a process each, with a
time limit). Every command must fail within seconds, naming the file and the line, with no
traceback; nothing outside the output folder may change, and the last good site stays as it was.
Rows where the build succeeds on purpose (text the build escapes) assert that no built file
carries the payload as markup.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from handbook.paths import Project
from handbook.site.build import build_site
from tests.check.fixture import make_clean, write_png

pytestmark = pytest.mark.slow

SECONDS = 30  # each command's limit; a healthy refusal takes one or two


@dataclass(frozen=True)
class Row:
    apply: Callable[[Project], None]
    where: str                      # 'path:line' the message must name (or just the path)
    commands: tuple[tuple[str, ...], ...]
    words: str = ""                 # text the message must hold as well


def _edit(rel: str, old: str, new: str) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        path = project.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _write(rel: str, data: str | bytes) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        path = project.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


def _both(*steps: Callable[[Project], None]) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        for step in steps:
            step(project)
    return apply


def _link(rel: str, target: Callable[[Project], Path]) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        (project.root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(project), project.root / rel)
    return apply


def _secret(project: Project) -> Path:
    path = project.root.parent / "outside" / "passwd"
    path.parent.mkdir(exist_ok=True)
    path.write_text("root:x:0:0:PAYLOAD-SECRET\n")
    return path


def _use_image(name: str) -> Callable[[Project], None]:
    return _edit("docs/guide.md", "img/diagram.png", f"img/{name}")


def _bomb(project: Project) -> None:
    write_png(project.docs / "img" / "bomb.png", 30000, 30000)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n{}\n</svg>\n'
LAUGHS = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10))
CHECK = ("check", "--no-site")
BUILD_EN = ("build", "--no-pdf", "--lang", "en")
BUILD_FR = ("build", "--no-pdf", "--lang", "fr")
READERS = (CHECK, BUILD_EN, ("status",), ("review",))

ROWS: dict[str, Row] = {
    # SVG: only a drawing is accepted
    "svg-script": Row(_write("docs/img/a.svg", SVG.format("<script>PAYLOAD()</script>")), "docs/img/a.svg:2",
                      (CHECK, BUILD_EN), "SAFE009"),
    "svg-dtd-entity": Row(_write("docs/img/a.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "<script>PAYLOAD()'
                                 '</script>">]>\n' + SVG.format("&x;")), "docs/img/a.svg:2", (CHECK, BUILD_EN), "SAFE009"),
    "svg-utf16": Row(_write("docs/img/a.svg", SVG.format("<script>PAYLOAD()</script>").encode("utf-16")),
                     "docs/img/a.svg:1", (CHECK, BUILD_EN), "SAFE009"),
    "svg-animate-href": Row(_write("docs/img/a.svg", SVG.format(
        '<a href="#x"><set attributeName="href" to="javascript:PAYLOAD()"/><text>x</text></a>')),
        "docs/img/a.svg:2", (CHECK, BUILD_EN), "SAFE009"),
    # Symbolic links out of the repository
    "link-image-out": Row(_both(_link("docs/img/photo.png", _secret), _use_image("photo.png")),
                          "docs/img/photo.png", (CHECK, BUILD_EN), "SAFE011"),
    "link-snippet-out": Row(_link("docs/snippets/shared2.md", _secret), "docs/snippets/shared2.md",
                            (CHECK, BUILD_EN), "SAFE011"),
    "link-folder": Row(_link("docs/more", lambda p: p.root.parent / "outside"), "docs/more", (CHECK, BUILD_EN), "SAFE011"),
    # Data that becomes page text
    "ui-string-refresh": Row(_edit("translations/ui/core.fr.yml", "search_button: ",
                                   'search_button: <meta http-equiv="refresh" content="0;url=https://PAYLOAD.example/"> '),
                             "translations/ui/core.fr.yml:", (CHECK, BUILD_FR), "SAFE010"),
    "site-name-comment": Row(_edit("translations/ui/core.fr.yml", "site_name: ", "site_name: 'Manuel <!--' #"),
                             "translations/ui/core.fr.yml:", (CHECK, BUILD_FR), "SAFE010"),
    "termbase-refresh": Row(_edit("translations/termbase.yml", "reason: Pornography implies",
                                  'reason: <meta http-equiv=refresh content=0> Pornography implies'),
                            "translations/termbase.yml:", (CHECK, BUILD_EN), "SAFE010"),
    "change-log-comment": Row(_write("changes/1/evil.yml", "type: new\npages: [guide.md]\ntext:\n  en: 'New <!-- PAYLOAD'\n"),
                              "changes/1/evil.yml:4", (CHECK, BUILD_EN), "SAFE010"),
    # Titles that would blank every page that shows them
    "title-plaintext": Row(_edit("docs/guide.md", "title: Guide", "title: Guide <plaintext>"), "docs/guide.md:2",
                           (CHECK, BUILD_EN), "SAFE010"),
    "title-comment": Row(_edit("docs/guide.fr.md", "title: Guide", "title: Guide <!--"), "docs/guide.fr.md:2",
                         (CHECK, BUILD_FR), "SAFE010"),
    # What the build alone must refuse (no one ran the check)
    "page-refresh": Row(_edit("docs/guide.md", "first.", 'first.\n\n<meta http-equiv="refresh" content="0;url=https://PAYLOAD.example/">'),
                        "docs/guide.md:", (BUILD_EN,), "SAFE001"),
    "page-javascript-link": Row(_edit("docs/guide.md", "first.", "first. [x](javascript:PAYLOAD())"), "docs/guide.md:",
                                (CHECK, BUILD_EN), "SAFE003"),
    "page-ping": Row(_edit("docs/guide.md", "first.", 'first. <a href="https://example.org/" ping="https://PAYLOAD.example/">x</a>'),
                     "docs/guide.md:", (CHECK, BUILD_EN), "SAFE008"),
    "page-nul": Row(_edit("docs/guide.md", "first.", "first.\x00PAYLOAD"), "docs/guide.md:", (CHECK, BUILD_EN), "HYG013"),
    # Input that hung or crashed
    "yaml-laughs": Row(_edit("docs/guide.md", "owner: ", LAUGHS + "owner: "), "docs/guide.md:", READERS, "aliases"),
    "list-3000-deep": Row(_edit("docs/guide.md", "first.", "first.\n\n" + "- " * 3000 + "x"), "docs/guide.md:",
                          (CHECK, BUILD_EN, ("pdf", "--lang", "en")), "nest"),
    "list-400-lines": Row(_edit("docs/guide.md", "first.", "first.\n\n" + "".join("    " * i + "- x\n" for i in range(400))),
                          "docs/guide.md:", (CHECK, BUILD_EN), "nest"),
    "quote-deep": Row(_edit("docs/guide.md", "first.", "first.\n\n" + ">" * 3000 + " x"), "docs/guide.md:",
                      (CHECK, BUILD_EN), "nest"),
    # Smaller misses
    "duplicate-key": Row(_edit("docs/guide.md", "owner: ", "title: Second\nowner: "), "docs/guide.md:", READERS, "twice"),
    "huge-page": Row(_edit("docs/guide.md", "first.", "first.\n\n" + ("Words " * 20 + "\n") * 200_000), "docs/guide.md:1",
                     (CHECK, BUILD_EN), "kB"),
    "snippet-self": Row(_write("docs/snippets/loop.md", 'Loop.\n\n--8<-- "loop.md"\n'), "docs/snippets/loop.md:3",
                        (CHECK,), "LINK008"),
    "unknown-language": Row(_write("docs/guide.de.md", "---\ntitle: Anleitung\ndescription: D.\n---\n\n# A { #guide }\n"),
                            "docs/guide.de.md:1", (CHECK,), "PAR009"),
    "corrupt-png": Row(_both(_write("docs/img/broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 60), _use_image("broken.png")),
                       "docs/guide.md:", (CHECK,), "HYG016"),
    "png-bomb": Row(_both(_bomb, _use_image("bomb.png")), "docs/guide.md:", (CHECK,), "HYG016"),
    "translate-outside": Row(lambda p: None, "docs", (("translate", "start", "fr", "../../../outside/page.md"),), "never outside"),
    "review-not-utf8": Row(_write("docs/extra.md", b"---\ntitle: \xe9t\xe9\n---\n"), "docs/extra.md:2",
                           (("review",),), "UTF-8"),
}


def _digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(skip) or path.is_symlink() or not path.is_file():
            continue
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = make_clean(root / "handbook")
    (root / "handbook" / ".git").mkdir()  # a checkout, as the output rules see it
    build_site(project, search=False, log=lambda _: None)  # the last good site, in site/
    return root


def _run(project: Project, args: tuple[str, ...]) -> tuple[int, str, float]:
    env = dict(os.environ, HANDBOOK_ROOT=str(project.root), SOURCE_DATE_EPOCH="1764547200", NO_MKDOCS_2_WARNING="1")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "handbook", *args], cwd=project.root, env=env,
                          capture_output=True, text=True, timeout=SECONDS)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started


@pytest.mark.parametrize("name", list(ROWS))
def test_hostile_input_fails_safely_with_file_and_line(base: Path, tmp_path: Path, name: str) -> None:
    row = ROWS[name]
    shutil.copytree(base / "handbook", tmp_path / "handbook", symlinks=True)
    project = Project(tmp_path / "handbook")
    row.apply(project)
    sources = _digest(project.root, skip=("site",))
    site = _digest(project.site)
    outside = sorted(p.name for p in tmp_path.iterdir())
    for args in row.commands:
        code, out, seconds = _run(project, args)
        shown = " ".join(args)
        assert code != 0, f"{shown} accepted {name}:\n{out}"
        assert seconds < SECONDS, shown
        assert "Traceback" not in out, f"{shown}:\n{out}"
        assert row.where in out and row.words in out, f"{shown} must name {row.where} ({row.words}):\n{out}"
        assert _digest(project.root, skip=("site",)) == sources, f"{shown} changed the sources"
        assert _digest(project.site) == site, f"{shown} changed the last good site"
        assert sorted(p.name for p in tmp_path.iterdir()) == outside, f"{shown} wrote outside its output"
        assert not list(project.root.glob(".site.*")), f"{shown} left a staging folder"


# Text that the rules accept but that would change a page if written into it unescaped: the build
# succeeds, and no built file carries it as markup.
ESCAPED = {
    "ui-string-attribute": (_edit("translations/ui/core.fr.yml", "search_button: ",
                                  "search_button: 'x\" autofocus onfocus=\"PAYLOAD()' #"), "fr", 'onfocus="PAYLOAD()"'),
    "site-name-attribute": (_edit("translations/ui/core.en.yml", "site_name: ", "site_name: 'Guide\" onmouseover=\"PAYLOAD()' #"),
                            "en", 'onmouseover="PAYLOAD()"'),
    "title-quote": (_edit("docs/guide.md", "title: Guide", "title: 'Guide\" data-x=\"PAYLOAD'"), "en", 'data-x="PAYLOAD"'),
}


@pytest.mark.parametrize("name", list(ESCAPED))
def test_text_is_escaped_wherever_the_build_writes_it(base: Path, tmp_path: Path, name: str) -> None:
    apply, lang, payload = ESCAPED[name]
    shutil.copytree(base / "handbook", tmp_path / "handbook", symlinks=True)
    project = Project(tmp_path / "handbook")
    apply(project)
    build_site(project, codes=[lang], out=tmp_path / "out", search=False, log=lambda _: None)
    carriers = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and payload.encode() in p.read_bytes()]
    assert carriers == []
    assert any(b"PAYLOAD" in p.read_bytes() for p in (tmp_path / "out").rglob("*.html")), "the text is shown, escaped"

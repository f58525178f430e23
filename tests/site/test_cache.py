"""The cache of each language's outputs: a cached build is the clean build, byte for byte, and a
French edit rebuilds French only (read from the build's log, not from timings).

One fixture handbook, built with every post step (PDF, policy, offline ZIP) as `handbook build`
runs them; the builds are shared by the tests of this module to keep their cost down.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from handbook.commands.build import POST_STEPS
from handbook.site import cache
from handbook.site.assemble import COLOPHON, PART_RECORD, assemble
from handbook.site.build import build_site
from tests.conftest import make_handbook, page, translated_page
from tests.site.test_build import NAV, PAGES, tree_digest

STEPS = [importlib.import_module(module).post_build for module in POST_STEPS.values()]
CODES = ("en", "fr", "es", "ar")
# The status page shows every language's translation status: the assembly writes the other languages'.
STATUS = {"translation-status.md": page("Translation status", "# Translation status { #translation-status }\n\n"
                                         "<!-- hb:translation-status -->")}


def _build(project, out: Path, **kw) -> list[str]:
    lines: list[str] = []
    build_site(project, out=out, jobs=2, post_steps=STEPS, log=lines.append, **{"cache": True, **kw})
    return lines


def _built(lines: list[str]) -> set[str]:
    return {line.split("]")[0][1:] for line in lines if " built in " in line}


def _from_cache(lines: list[str]) -> set[str]:
    return {line.split("]")[0][1:] for line in lines if " from the cache " in line}


def test_key_covers_the_running_package():
    names = {p.relative_to(Path(cache.__file__).parent.parent).as_posix() for p in cache.package_files()}
    assert {"site/cache.py", "site/build.py", "pdf/templates/book.html"} <= names
    assert not any("__pycache__" in name for name in names)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1790000000"  # the fixture is not a git checkout
    try:
        yield _builds(tmp_path_factory)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("cache")
    project = make_handbook(base / "handbook", {**PAGES, **STATUS}, nav=NAV + "  - translation-status.md\n")
    first = _build(project, base / "first")            # nothing cached yet: every language built
    second = _build(project, base / "second")          # every language from the cache
    edit = project.docs / "guide.fr.md"
    edit.write_text(edit.read_text(encoding="utf-8").replace("Le port est calme.", "Le port est très calme."),
                    encoding="utf-8")
    edited = _build(project, base / "edited")          # French again, the others from the cache
    # A page translated changes French's status, which every language's status page shows.
    (project.docs / "extra.fr.md").write_text(translated_page("Extra", "# Extra { #extra }\n\nLe verger."),
                                              encoding="utf-8")
    translated = _build(project, base / "translated")  # French again; the others' status pages filled anew
    clean = _build(project, base / "clean", cache=False)  # the same handbook, nothing from the cache
    # The same handbook on "separate machines": one part per language, nothing from the cache, joined.
    parts = [base / "parts" / code for code in CODES]
    for code, folder in zip(CODES, parts):
        _build(project, folder, codes=[code], cache=False, part=True)
    joined: list[str] = []
    assemble(project, parts, base / "assembled", epoch=os.environ["SOURCE_DATE_EPOCH"], log=joined.append)
    return project, base, {"first": first, "second": second, "edited": edited, "translated": translated,
                           "clean": clean, "joined": joined}


def test_first_build_builds_every_language_and_fills_the_cache(builds):
    project, _, logs = builds
    assert _built(logs["first"]) == set(CODES) and not _from_cache(logs["first"])
    assert len([p for p in cache.cache_root(project).iterdir() if cache._is_key(p.name)]) >= 4
    # and every PDF document, for a language that misses (handbook.pdf.cache)
    assert any((p / "document.pdf").is_file() for p in (cache.cache_root(project) / "pdf").iterdir())


def test_cached_build_is_byte_identical_to_the_clean_build(builds):
    _, base, logs = builds
    assert _from_cache(logs["second"]) == set(CODES) and not _built(logs["second"])
    first = tree_digest(base / "first")
    assert any(name.endswith(".pdf") for name in first) and any(name.endswith("-offline.zip") for name in first)
    assert tree_digest(base / "second") == first


def test_french_edit_rebuilds_french_only(builds):
    _, base, logs = builds
    assert _built(logs["edited"]) == {"fr"}
    assert _from_cache(logs["edited"]) == {"en", "es", "ar"}
    assert "très calme" in (base / "edited" / "fr" / "guide" / "index.html").read_text(encoding="utf-8")


def _french_row(site: Path, prefix: str, title: str) -> str:
    """The row of ``title`` in the French section of a language's status page, as text."""
    html = (site / prefix / "translation-status" / "index.html").read_text(encoding="utf-8")
    section = re.search(r'data-hb-status="fr"[^>]*>(.*?)</div>', html, re.S).group(1)
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", section, re.S) if f">{title}</a>" in r)
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def test_a_page_translated_rebuilds_its_language_only_and_every_status_page_shows_it(builds):
    _, base, logs = builds
    assert _built(logs["translated"]) == {"fr"}
    assert _from_cache(logs["translated"]) == {"en", "es", "ar"}
    # The Spanish and English pages come from the cache, their status pages show French's new state.
    for prefix in ("", "es", "fr"):
        assert _french_row(base / "edited", prefix, "Extra") == "Extra Not translated yet"
        assert _french_row(base / "translated", prefix, "Extra") != "Extra Not translated yet"


def test_partly_cached_build_is_byte_identical_to_a_clean_build(builds):
    _, base, logs = builds
    assert _built(logs["clean"]) == set(CODES) and not _from_cache(logs["clean"])
    assert tree_digest(base / "translated") == tree_digest(base / "clean")


def test_assembled_parts_are_byte_identical_to_the_one_machine_build(builds):
    _, base, logs = builds
    assert len(logs["joined"]) == len(CODES)
    for code in CODES:  # each part holds its own language only, and says so
        record = json.loads((base / "parts" / code / PART_RECORD).read_text(encoding="utf-8"))
        assert record["languages"] == [code] and not (base / "parts" / code / COLOPHON).exists()
    # A part's status page holds its own language's table only: the assembly writes the others'.
    spanish = (base / "parts" / "es" / "es" / "translation-status" / "index.html").read_text(encoding="utf-8")
    tables = dict(re.findall(r'data-hb-status="(\w+)"[^>]*>(.*?)</div>', spanish, re.S))
    assert sorted(c for c, body in tables.items() if "<table>" in body) == ["es"] and len(tables) == 3
    clean = tree_digest(base / "clean")
    assert COLOPHON in clean and any(name.endswith(".pdf") for name in clean)
    assert tree_digest(base / "assembled") == clean


# --- any doubt rebuilds -----------------------------------------------------------------------------

def _entry(project, code: str) -> Path:
    for entry in cache.cache_root(project).iterdir():
        record = entry / cache.RECORD
        if record.is_file() and json.loads(record.read_text(encoding="utf-8"))["language"] == code:
            return entry
    raise AssertionError(f"no entry for {code}")


def _record(entry: Path) -> dict:
    return json.loads((entry / cache.RECORD).read_text(encoding="utf-8"))


def _first_file(entry: Path) -> Path:
    return entry / "files" / sorted(_record(entry)["files"])[0]


DAMAGE = {
    "file changed": lambda e: _first_file(e).write_bytes(_first_file(e).read_bytes() + b" "),
    "file missing": lambda e: _first_file(e).unlink(),
    "extra file": lambda e: (e / "files" / "planted.html").write_text("x", encoding="utf-8"),
    "record unreadable": lambda e: (e / cache.RECORD).write_text("{not json", encoding="utf-8"),
    "record missing (partial entry)": lambda e: (e / cache.RECORD).unlink(),
    "key mismatch": lambda e: (e / cache.RECORD).write_text(
        json.dumps({**_record(e), "key": "0" * 64}), encoding="utf-8"),
    "language mismatch": lambda e: (e / cache.RECORD).write_text(
        json.dumps({**_record(e), "language": "es"}), encoding="utf-8"),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_never_used(tmp_path, damage):
    tree = tmp_path / "tree"
    (tree / "fr" / "guide").mkdir(parents=True)
    (tree / "fr" / "index.html").write_text("<p>Accueil</p>", encoding="utf-8")
    (tree / "fr" / "guide" / "index.html").write_text("<p>Guide</p>", encoding="utf-8")
    root, key = tmp_path / "cache", "a" * 64
    cache.store(root, key, "fr", tree, ["fr/index.html", "fr/guide/index.html"])
    assert cache.restore(root, key, "fr", tmp_path / "good").hit
    DAMAGE[damage](root / key)
    found = cache.restore(root, key, "fr", tmp_path / "restored")
    assert not found.hit and found.reason
    assert not (tmp_path / "restored").exists()


# --- what the key covers -------------------------------------------------------------------------------

EDITS = [  # (file, language whose key must change, languages whose key must not)
    ("docs/guide.fr.md", {"fr"}, {"en", "es", "ar"}),
    ("docs/guide.md", {"en", "fr", "es", "ar"}, set()),
    ("translations/ui/nav.es.yml", {"es"}, {"en", "fr", "ar"}),
    ("translations/ui/nav.en.yml", {"en", "fr", "es", "ar"}, set()),
    ("translations/termbase.yml", {"en", "fr", "es", "ar"}, set()),
    ("overrides/main.html", {"en", "fr", "es", "ar"}, set()),
    ("mkdocs.yml", {"en", "fr", "es", "ar"}, set()),
    ("hooks/handbook_hooks.py", {"en", "fr", "es", "ar"}, set()),
    ("translations/edition.yml", {"en", "fr", "es", "ar"}, set()),
]


def _keys(project, audience="public", **options):
    from handbook.languages import load_i18n

    i18n = load_i18n(project.root)
    return {code: cache.language_key(project, i18n, code, audience=audience, options=options, site_facts="")
            for code in CODES}


@pytest.mark.parametrize(("rel", "changed", "same"), EDITS, ids=[e[0] for e in EDITS])
def test_key_follows_the_inputs(tmp_path, rel, changed, same):
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    before = _keys(project)
    path = project.root / rel
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = _keys(project)
    assert {c for c in CODES if before[c] != after[c]} == changed
    assert all(before[c] == after[c] for c in same)


@pytest.mark.parametrize("option", [{"audience": "restricted"}, {"search": "False"}, {"epoch": "1"}])
def test_key_follows_audience_and_options(tmp_path, option):
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    base = _keys(project)
    other = _keys(project, **option) if "audience" not in option else _keys(project, audience="restricted")
    assert all(base[c] != other[c] for c in CODES)


@pytest.mark.parametrize("options", [{"cache": False}, {}], ids=["cache=False", "default"])
def test_no_cache_leaves_the_cache_alone(tmp_path, options):
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    build_site(project, codes=["en"], out=tmp_path / "out", search=False, log=lambda _: None, **options)
    assert not cache.cache_root(project).exists()
    shutil.rmtree(tmp_path / "out")


# --- the colophon of a language's PDF --------------------------------------------------------------

def test_the_pdf_colophon_prints_the_languages_own_inputs_not_the_commit(tmp_path):
    from handbook.languages import load_i18n
    from handbook.pdf.book import assemble_book

    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    i18n = load_i18n(project.root)
    before = {code: cache.inputs_digest(project, i18n, code) for code in ("fr", "es")}
    html = assemble_book(project, "fr", "1790000000").html
    assert before["fr"] in html and "Empreinte des sources" in html
    page = project.docs / "guide.es.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOtra frase.\n", encoding="utf-8")
    after = {code: cache.inputs_digest(project, i18n, code) for code in ("fr", "es")}
    assert after["fr"] == before["fr"] and after["es"] != before["es"]


# --- the command line ------------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "cache_on", "part"), [
    (["build"], True, False),
    (["build", "--no-cache"], False, False),
    (["build", "--lang", "fr", "--out", "OUT"], True, True),
    (["build", "--lang", "fr", "--no-cache", "--out", "OUT"], False, True),
    (["build", "--lang", "fr"], True, False),  # into site/: updates French there, not a part
])
def test_build_options_reach_the_build(tmp_path, monkeypatch, argv, cache_on, part):
    from handbook.cli import main
    from handbook.site import build as build_module
    from handbook.site.build import BuildReport

    seen = {}

    def fake(project, **kw):
        seen.update(kw)
        return BuildReport([], 0.0, tmp_path, [])

    monkeypatch.setattr(build_module, "build_site", fake)
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main([a.replace("OUT", str(tmp_path / "out")) for a in argv]) == 0
    assert (seen["cache"], seen["part"]) == (cache_on, part)

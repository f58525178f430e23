"""mkdocs.yml read without MkDocs: its tags get the values MkDocs gives them, and bad input a clear error.

Where MkDocs can say what a value should be, its own loader is the expected answer (MkDocs is
imported here, in the test, never by the reader).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown.extensions.toc import slugify
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from handbook.errors import HandbookError
from handbook.mkdocs_config import PageDir, read_mkdocs_config, rendering
from tests.conftest import REPO

_VARS = ("HB_TEST_A", "HB_TEST_B")


def _write(folder: Path, text: str, name: str = "mkdocs.yml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _mkdocs(path: Path, config=None):
    """What MkDocs' own loader makes of ``path``."""
    with open(path, "rb") as handle:
        return yaml_load(handle, get_yaml_loader(config=config))


@pytest.fixture
def environ(monkeypatch):
    for name in _VARS:
        monkeypatch.delenv(name, raising=False)

    def set_vars(values: dict[str, str]) -> None:
        for name, value in values.items():
            monkeypatch.setenv(name, value)
    return set_vars


@pytest.mark.parametrize(("yaml_value", "env", "expected"), [
    pytest.param("!ENV HB_TEST_A", {"HB_TEST_A": "fr"}, "fr", id="set"),
    pytest.param("!ENV HB_TEST_A", {}, None, id="unset-no-default"),
    pytest.param("!ENV [HB_TEST_A]", {}, None, id="list-unset-no-default"),
    pytest.param("!ENV [HB_TEST_A, en]", {}, "en", id="unset-default"),
    pytest.param("!ENV [HB_TEST_A, en]", {"HB_TEST_A": "ar"}, "ar", id="set-beats-default"),
    pytest.param("!ENV [HB_TEST_A, HB_TEST_B, en]", {"HB_TEST_B": "es"}, "es", id="second-variable"),
    pytest.param("!ENV [HB_TEST_A, HB_TEST_B, en]", {"HB_TEST_A": "", "HB_TEST_B": "es"}, None, id="set-empty-is-null"),
    pytest.param("!ENV HB_TEST_A", {"HB_TEST_A": "3"}, 3, id="typed-int"),
    pytest.param("!ENV HB_TEST_A", {"HB_TEST_A": "true"}, True, id="typed-bool"),
    pytest.param("!ENV [HB_TEST_A, 8000]", {}, 8000, id="typed-default"),
    pytest.param("!ENV [HB_TEST_A, [a, b]]", {}, ["a", "b"], id="list-default"),
])
def test_env_tag(tmp_path, environ, yaml_value, env, expected):
    environ(env)
    path = _write(tmp_path, f"value: {yaml_value}\n")
    value = read_mkdocs_config(path)["value"]
    assert value == expected and type(value) is type(expected)
    assert _mkdocs(path)["value"] == expected  # the row states what MkDocs does


@pytest.mark.parametrize(("yaml_value", "docs_dir", "expected"), [
    pytest.param("!relative $config_dir", None, "{root}/", id="config-dir"),
    pytest.param("!relative $config_dir/docs/snippets", None, "{root}/docs/snippets", id="config-dir-sub"),
    pytest.param("!relative $docs_dir/snippets", None, "{root}/docs/snippets", id="docs-dir-default"),
    pytest.param("!relative $docs_dir/snippets", "src", "{root}/src/snippets", id="docs-dir-set"),
    pytest.param("!relative $docs_dir", "src/", "{root}/src/", id="docs-dir-trailing-slash"),
])
def test_relative_tag_with_a_prefix(tmp_path, yaml_value, docs_dir, expected):
    head = f"docs_dir: {docs_dir}\n" if docs_dir else ""
    path = _write(tmp_path, f"{head}value: {yaml_value}\n")
    value = read_mkdocs_config(path)["value"]
    assert value == expected.format(root=tmp_path)
    config = SimpleNamespace(config_file_path=str(path),
                             docs_dir=os.path.abspath(os.path.join(tmp_path, docs_dir or "docs")))
    assert os.fspath(_mkdocs(path, config)["value"]) == value


@pytest.mark.parametrize(("page", "expected"), [
    pytest.param(None, "{root}/docs/", id="no-page-is-docs-dir"),  # as while MkDocs loads the extensions
    pytest.param("index.md", "{root}/docs/", id="top-page"),
    pytest.param("chapters/terminology.fr.md", "{root}/docs/chapters/", id="nested-page"),
])
def test_bare_relative_is_the_page_folder(tmp_path, page, expected):
    path = _write(tmp_path, "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative\n")
    value = read_mkdocs_config(path)["markdown_extensions"][0]["pymdownx.snippets"]["base_path"]
    assert isinstance(value, PageDir)
    config = SimpleNamespace(config_file_path=str(path), docs_dir=str(tmp_path / "docs"),
                             _current_page=SimpleNamespace(file=SimpleNamespace(src_path=page or "")))
    theirs = _mkdocs(path, config)["markdown_extensions"][0]["pymdownx.snippets"]["base_path"]
    if page is None:
        assert os.fspath(value) == expected.format(root=tmp_path) == os.fspath(theirs)
    else:
        with rendering(page):
            assert os.fspath(value) == expected.format(root=tmp_path) == os.fspath(theirs)
        assert os.fspath(value) == f"{tmp_path}/docs/"  # the page is forgotten after rendering


@pytest.mark.parametrize(("yaml_value", "expected"), [
    pytest.param("!!python/name:markdown.extensions.toc.slugify", slugify, id="markdown-function"),
    pytest.param("!!python/name:pymdownx.superfences.fence_code_format", None, id="pymdownx-function"),
])
def test_python_name_resolves_allowed_functions(tmp_path, yaml_value, expected):
    from pymdownx.superfences import fence_code_format

    value = read_mkdocs_config(_write(tmp_path, f"value: {yaml_value}\n"))["value"]
    assert value is (expected or fence_code_format)


@pytest.mark.parametrize(("text", "line", "message"), [
    pytest.param("a: 1\nformat: !!python/name:os.system\n", 2,
                 "!!python/name:os.system names a function outside pymdown-extensions", id="os-system"),
    pytest.param("a: !!python/name:builtins.eval\n", 1, "outside pymdown-extensions", id="builtins-eval"),
    pytest.param("a: !!python/name:eval\n", 1, "outside pymdown-extensions", id="bare-builtin"),
    pytest.param("a: !!python/name:pymdownxevil.f\n", 1, "outside pymdown-extensions", id="prefix-lookalike"),
    pytest.param("a: !!python/name:pymdownx.superfences.nothing_here\n", 1, "cannot be found", id="missing-name"),
    pytest.param("a: !!python/name:pymdownx.no_such_module.f\n", 1, "cannot be found", id="missing-module"),
    pytest.param("a: !!python/name:markdown.extensions.toc.IDCOUNT_RE\n", 1, "is not a function", id="not-callable"),
    pytest.param("a: !!python/name:pymdownx.superfences.fence_code_format x\n", 1, "must have an empty value",
                 id="name-with-value"),
    pytest.param("a:\n  b: !!python/object/apply:os.system [echo]\n", 2,
                 "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not supported", id="object-apply"),
    pytest.param("a: !include other.yml\n", 1, "the YAML tag '!include' is not supported", id="unknown-tag"),
    pytest.param("a: !relative $site_dir/x\n", 1, "unknown prefix '$site_dir'", id="relative-unknown-prefix"),
    pytest.param("a: !relative docs/x\n", 1, "bare !relative takes no value", id="relative-with-value"),
    pytest.param("a: !relative [x]\n", 1, "!relative takes a path, not a sequence", id="relative-sequence"),
    pytest.param("a: !ENV {x: 1}\n", 1, "expected a scalar or sequence node", id="env-mapping"),
    pytest.param("nav:\n  - a.md\n  - b.md: [\n", 4, "invalid YAML", id="yaml-syntax"),
    pytest.param("a: &x [1]\nb: *x\n", 1, "anchors and aliases", id="alias"),
    pytest.param("a: 1\nb: 2\na: 3\n", 3, "the key 'a' is written twice", id="repeated-key"),
    pytest.param("- a\n- b\n", 1, "must be a mapping", id="not-a-mapping"),
    pytest.param("site_name: x\nINHERIT: base.yml\n", 2, "INHERIT: base.yml does not exist", id="inherit-missing"),
    pytest.param("INHERIT: mkdocs.yml\n", 1, "inherits this file again", id="inherit-loop"),
])
def test_bad_input_names_file_and_line(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(HandbookError) as info:
        read_mkdocs_config(path)
    error = info.value
    assert (error.path, error.line) == (str(path), line), str(error)
    assert message in error.message
    assert error.fix


def test_refused_module_is_never_imported(tmp_path):
    if "this" in sys.modules:
        pytest.skip("the module was imported before this test")
    with pytest.raises(HandbookError):
        read_mkdocs_config(_write(tmp_path, "a: !!python/name:this.s\n"))
    assert "this" not in sys.modules


def test_inherit_merges_as_mkdocs_does(tmp_path, environ):
    _write(tmp_path, "site_name: Base\ntheme:\n  name: material\n  features: [a, b]\n"
                     "extra:\n  x: 1\n  y: !ENV [HB_TEST_A, base]\n", name="base.yml")
    path = _write(tmp_path, "INHERIT: base.yml\ntheme:\n  features: [c]\nextra:\n  y: 2\n")
    assert read_mkdocs_config(path) == _mkdocs(path) == {
        "site_name": "Base", "theme": {"name": "material", "features": ["c"]}, "extra": {"x": 1, "y": 2}}


@pytest.mark.parametrize("locale", [None, "fr"])
def test_real_mkdocs_yml_reads_as_mkdocs_reads_it(monkeypatch, locale):
    if locale:
        monkeypatch.setenv("HANDBOOK_BUILD_LOCALE", locale)
    else:
        monkeypatch.delenv("HANDBOOK_BUILD_LOCALE", raising=False)
    ours = read_mkdocs_config(REPO / "mkdocs.yml")
    assert ours == _mkdocs(REPO / "mkdocs.yml")
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert i18n["languages"][0]["locale"] == (locale or "en")  # the language being built (hooks/i18n_languages.py)

"""The real mkdocs.yml and the build command: strictness, language lists, the CLI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from handbook.cli import main
from handbook.site.build import BuildFailed, build_site
from tests.conftest import REPO, make_handbook, page


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    else:
        yield path, value


def test_every_validation_key_warns_so_strict_builds_fail_on_it():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    leaves = dict(_leaves(config["validation"]))
    assert leaves and set(leaves.values()) == {"warn"}, leaves
    assert config["strict"] is True
    assert config["theme"]["font"] is False
    assert "navigation.instant" not in config["theme"]["features"]


def test_a_nav_section_without_its_ui_string_stops_the_build_with_the_fix(tmp_path):
    # The i18n plugin's languages and section titles come from translations/ (hooks/i18n_languages.py):
    # a section no nav.<code>.yml names would show readers an English title.
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }"),
                                             "a.md": page("A", "# A { #a }")},
                            nav="  - index.md\n  - Annexes:\n      - a.md\n")
    with pytest.raises(BuildFailed) as info:
        build_site(project, out=tmp_path / "site", codes=["fr"], log=lambda _: None)
    assert "nav.en.yml: no string 'nav_annexes' for the navigation section 'Annexes'" in str(info.value)
    assert "Add 'nav_annexes: Annexes' to it" in str(info.value)


def test_cli_build_and_its_exit_codes(tmp_path, monkeypatch, capsys):
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }\n\nText.")})
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["build", "--no-pdf", "--lang", "en", "--lang", "ar", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "ar" / "index.html").is_file()
    assert main(["build", "--no-pdf", "--lang", "xx", "--out", str(tmp_path / "out")]) == 1
    assert "unknown language(s) ['xx']" in capsys.readouterr().err
    assert main(["build", "--bogus"]) == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_previews_the_chosen_language(tmp_path):
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }\n\nText."),
                                             "index.fr.md": "---\ntitle: Accueil\ndescription: Ici.\n---\n\n# Accueil { #home }\n"})
    port = _free_port()
    env = dict(os.environ, HANDBOOK_ROOT=str(project.root))
    proc = subprocess.Popen([sys.executable, "-m", "handbook", "serve", "--lang", "fr", "--addr", f"127.0.0.1:{port}"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = ""
        for _ in range(120):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.25)
        assert '<html lang="fr"' in body and "Accueil" in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    # The server was the process itself, so stopping it stopped the preview: nothing still listens.
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def test_bad_data_fails_the_build_with_file_and_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }")})
    ui = project.translations / "ui" / "core.fr.yml"
    before = ui.read_text(encoding="utf-8")
    bad_line = before.count("\n") + 1
    ui.write_text(before + "search_button: Rechercher: ici\n", encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["build", "--no-pdf", "--out", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert f"core.fr.yml:{bad_line}: invalid YAML: mapping values are not allowed" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_hooks_report_bad_data_as_build_errors(tmp_path):
    """Data read only inside the MkDocs run (here the edition file) fails as a message naming the file."""
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }")})
    (project.translations / "edition.yml").write_text("number: [1\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build_site(project, out=tmp_path / "site", codes=["en"], log=lambda _: None)
    assert "edition.yml" in str(info.value) and "Traceback" not in str(info.value)

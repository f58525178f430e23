"""The build's post steps: a run of per-language steps is done one language per worker process,
each language through the run's steps in order, with its own build date; a whole-site step between
two runs sees the first run finished for every language; a refusal names its language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook.errors import BuildFailed
from handbook.paths import Project
from handbook.site.build import run_steps

EPOCHS = {"en": "1700000000", "fr": "1700000100", "es": "1700000200", "ar": "1700000300"}


def _log(site: Path, code: str, line: str) -> None:
    with (site / f"{code}.log").open("a", encoding="utf-8") as out:
        out.write(line + "\n")


def _first(site: Path, project: Project, code: str, epoch: str) -> None:
    _log(site, code, f"first {epoch} {os.getpid()}")


def _second(site: Path, project: Project, code: str, epoch: str) -> None:
    _log(site, code, f"second {epoch} {os.getpid()}")


def _refuse_french(site: Path, project: Project, code: str, epoch: str) -> None:
    if code == "fr":
        raise BuildFailed("2 page(s) carry inline code")
    _log(site, code, "passed")


def _step(per_language):
    def step(site: Path, project: Project) -> None:  # the whole-site form, never called by run_steps
        raise AssertionError("a per-language step was run on the whole site")
    step.per_language = per_language
    return step


def _whole_site(site: Path, project: Project) -> None:
    for code in EPOCHS:
        _log(site, code, "whole site")


FIRST, SECOND, REFUSE = _step(_first), _step(_second), _step(_refuse_french)


def _lines(site: Path, code: str) -> list[list[str]]:
    return [line.split() for line in (site / f"{code}.log").read_text(encoding="utf-8").splitlines()]


def test_each_language_runs_its_steps_in_order_in_its_own_worker(tmp_path):
    run_steps([FIRST, SECOND], tmp_path, Project(tmp_path), "public", EPOCHS, jobs=2)
    pids = set()
    for code, epoch in EPOCHS.items():
        lines = _lines(tmp_path, code)
        assert [(line[0], line[1]) for line in lines] == [("first", epoch), ("second", epoch)]
        assert lines[0][2] == lines[1][2] != str(os.getpid())  # one worker per language, not this process
        pids.add(lines[0][2])
    assert len(pids) == len(EPOCHS)  # a fresh process each


def test_a_whole_site_step_runs_between_two_runs_of_per_language_steps(tmp_path):
    run_steps([FIRST, _whole_site, SECOND], tmp_path, Project(tmp_path), "public", EPOCHS, jobs=2)
    for code in EPOCHS:
        assert [line[0] for line in _lines(tmp_path, code)] == ["first", "whole", "second"]


def test_one_language_runs_in_the_build_process(tmp_path):
    run_steps([FIRST], tmp_path, Project(tmp_path), "public", {"fr": "5"}, jobs=2)
    assert _lines(tmp_path, "fr") == [["first", "5", str(os.getpid())]]


def test_a_refusal_names_its_language_and_the_others_still_ran(tmp_path):
    with pytest.raises(BuildFailed) as caught:
        run_steps([REFUSE], tmp_path, Project(tmp_path), "public", EPOCHS, jobs=2)
    assert str(caught.value) == "[fr] 2 page(s) carry inline code"
    assert not (tmp_path / "fr.log").exists()
    assert all(_lines(tmp_path, code) == [["passed"]] for code in ("en", "es", "ar"))

"""The GitHub Actions workflows obey the policy: pull_request only, read-only, pinned actions."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from handbook.editorial.workflows import check_all, check_workflow
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_repository_workflows_follow_the_policy():
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"pull-request.yml", "release.yml"}
    assert not list(WORKFLOWS.glob("*.yaml")), "name workflows *.yml"
    assert check_all(REPO) == []


def test_pull_request_workflow_trigger_and_permissions():
    data = load("pull-request.yml")
    assert data[True] == {"pull_request": None}  # PyYAML reads `on` as True
    assert data["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in data["jobs"].values())


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(?:-\s+)?uses:", line):
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (path.name, line)


def test_pull_request_jobs_run_the_projects_own_commands():
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    data = load("pull-request.yml")
    assert set(data["jobs"]) == {"tests", "build", "check", "terminology", "review", "summary"}
    for command in ("./hb test", "./hb check", "./hb lint terms", "./hb build", "./hb review",
                    "./hb status --format markdown", "GITHUB_STEP_SUMMARY"):
        assert command in text, command
    upload = [s for s in data["jobs"]["build"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload and upload[0]["with"]["path"] == "site/"
    assert data["jobs"]["summary"]["if"] == "always()"


def test_release_runs_on_edition_tags_and_only_publish_may_write():
    data = load("release.yml")
    assert data[True] == {"push": {"tags": ["edition-*"]}}
    assert data["permissions"] == {"contents": "read"}
    assert {job: spec.get("permissions") for job, spec in data["jobs"].items()} == {
        "build": None, "publish": {"contents": "write"}}
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    for command in ("./hb review --context release", "./hb build", './hb edition assets --tag "$GITHUB_REF_NAME"',
                    "sha256sum --check SHA256SUMS.txt", "gh release create"):
        assert command in text, command


BAD = {
    "target": ("""\
        on: [pull_request_target]
        permissions: {contents: read}
        jobs: {}
        """, ["WF001", "WF002"]),
    "push": ("""\
        on: {pull_request: {}, push: {branches: [main]}}
        permissions: {contents: read}
        jobs: {}
        """, ["WF002"]),
    "write-all": ("""\
        on: pull_request
        permissions: write-all
        jobs: {}
        """, ["WF003"]),
    "no-permissions": ("""\
        on: pull_request
        jobs: {}
        """, ["WF003"]),
    "job-write": ("""\
        on: pull_request
        permissions: {contents: read}
        jobs:
          x:
            permissions: {pull-requests: write}
            runs-on: ubuntu-24.04
            steps: [{run: "true"}]
        """, ["WF004"]),
    "tag-pin": ("""\
        on: pull_request
        permissions: {contents: read}
        jobs:
          x:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v6
                with: {persist-credentials: false}
              - uses: actions/setup-python@a309ff8b
        """, ["WF005", "WF005"]),
    "token-kept": ("""\
        on: pull_request
        permissions: {contents: read}
        jobs:
          x:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd
        """, ["WF006"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_policy_violations_are_reported(tmp_path: Path, case: str):
    text, codes = BAD[case]
    path = tmp_path / "pull-request.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    assert [d.code for d in check_workflow(path)] == codes


def test_release_on_branches_is_reported(tmp_path: Path):
    path = tmp_path / "release.yml"
    path.write_text("on: {push: {branches: [main]}}\npermissions: {contents: read}\njobs: {}\n", encoding="utf-8")
    (diag,) = check_workflow(path)
    assert (diag.code, diag.line) == ("WF007", 1)

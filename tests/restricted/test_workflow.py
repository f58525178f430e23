"""The public workflows never build, upload or cache the restricted edition; the private
repository's template does, under the same security policy, and is documented."""

from __future__ import annotations

import re

import yaml

from handbook.check.workflows import check_workflow
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
TEMPLATE = REPO / "scripts" / "workflow-templates" / "restricted-edition.yml"
GUIDE = REPO / "docs" / "contributing" / "restricted-edition.md"


def _steps(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps") or []]


def test_the_public_workflows_never_touch_the_restricted_edition():
    paths = sorted(WORKFLOWS.glob("*.y*ml"))
    assert paths
    for path in paths:
        for step in _steps(path):
            settings = step.get("with") or {}
            # No submodule checked out: the restricted tree is never in the public runner.
            assert not settings.get("submodules"), (path.name, step)
            # Nothing built, uploaded or cached from it: no step names the tree or the audience.
            text = yaml.safe_dump(step).lower()
            assert "restricted" not in text and "--audience" not in text, (path.name, step)


def test_the_template_lives_outside_the_workflows_folder_and_follows_the_policy():
    assert not list(WORKFLOWS.glob("*restricted*"))
    assert check_workflow(TEMPLATE) == []
    steps = _steps(TEMPLATE)
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == ["./hb build --audience restricted --out site-restricted"]
    assert not any("${{" in run for run in runs)  # values reach scripts through env only
    checkouts = [step.get("with") or {} for step in steps if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert [c.get("path") for c in checkouts] == [None, "restricted"]  # the public handbook, then this tree
    uploads = [step["with"] for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [u["path"] for u in uploads] == ["site-restricted/"] and uploads[0]["retention-days"] <= 1


def test_the_guide_names_the_template_and_the_access_control_options():
    text = GUIDE.read_text(encoding="utf-8")
    assert str(TEMPLATE.relative_to(REPO)) in text
    assert re.search(r"^## Access control \{ #access-control \}$", text, re.M)
    assert len(re.findall(r"^- \*\*", text[text.index("#access-control"):], re.M)) >= 3
    assert "contributing/restricted-edition.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")

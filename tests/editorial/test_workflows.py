"""The GitHub Actions workflows obey the policy: pull_request only, read-only, pinned actions."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from handbook.editorial import job_summary
from handbook.check.workflows import check_all, check_workflow
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
    assert set(data["jobs"]) == {"tests", "parts", "build", "check", "terminology", "review", "summary"}
    for command in ("./hb test", "./hb check", "./hb lint terms", "./hb build", "./hb assemble", "./hb review",
                    "./hb status", "python -m handbook.editorial.job_summary", "GITHUB_STEP_SUMMARY"):
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


# --- Which job waits for which -------------------------------------------------------------------

def _steps_running(job: dict, command: str) -> list[int]:
    return [i for i, step in enumerate(job["steps"]) if command in step.get("run", "")]


def test_the_check_job_does_not_wait_for_the_build():
    jobs = load("pull-request.yml")["jobs"]
    # A page the build refuses is exactly what the check must report by file and line.
    assert "needs" not in jobs["check"]
    assert _steps_running(jobs["check"], "./hb check --no-site --format github")
    assert not [s for s in jobs["check"]["steps"] if "download-artifact" in s.get("uses", "")]


def test_the_built_site_is_checked_after_the_build_and_the_upload():
    build = load("pull-request.yml")["jobs"]["build"]
    (built,) = _steps_running(build, "./hb assemble parts/part-* --out site")
    (checked,) = _steps_running(build, "./hb check --site site")
    upload = next(i for i, s in enumerate(build["steps"]) if "upload-artifact" in s.get("uses", ""))
    assert built < upload < checked


def test_the_summary_waits_for_every_job_and_gets_their_results_as_json():
    jobs = load("pull-request.yml")["jobs"]
    assert set(jobs["summary"]["needs"]) == set(jobs) - {"summary"}
    (step,) = [s for s in jobs["summary"]["steps"] if "job_summary" in s.get("run", "")]
    assert step["env"] == {"NEEDS": "${{ toJSON(needs) }}"}
    assert '>>"$GITHUB_STEP_SUMMARY"' in step["run"]


@pytest.mark.parametrize("name", ["pull-request.yml", "release.yml"])
def test_no_expression_is_pasted_into_a_script(name: str):
    # GitHub substitutes ${{ }} into the script's text before the shell reads it.
    for job_id, job in load(name)["jobs"].items():
        for step in job.get("steps") or []:
            assert "${{" not in step.get("run", ""), (job_id, step.get("name"))


# --- The job summary: nothing from the pull request can change its structure ----------------------

# Values a contributor can put in a page, a file name or front matter, which the lint, review and
# status commands then quote.
HOSTILE = [
    "x\n```\n</details>\n<img src=x onerror=alert(1)>\n# injected",
    "%0A```%0A</details>%0A## injected",
    "\\n```\\n</details>",  # an escaped newline, as text
    "EOF\nEOF\n'EOF'\n",  # heredoc delimiters
    "```",
    "`" * 12,
    "before ``` after",
    "   ```",
    "```\r\n## injected\r\n",
    "\r```\r</details>\r",
    "~~~\n# injected",
    "\x00```\x00",
    "\u2028```\u2029</details>",
    "`</details>`<details open><summary>x</summary>",
    "::error file=x::forged%0A::warning::forged",
    "${{ github.token }} $(touch /tmp/pwned) `id`",
    "| a | b |\n|---|---|\n| forged | row |",
    "[click](https://evil.example) ![x](https://evil.example/x.png) www.evil.example <https://evil.example>",
    "&lt;script&gt; &#60;b&#62; \\<b\\>",
    "\u202eright-to-left override\u202c and a tab\there",
]

_LINE_END = re.compile(r"\r\n|\r|\n")  # the line endings of CommonMark
_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def _blocks(markdown: str) -> tuple[list[str], list[list[str]]]:
    """The lines outside fenced code blocks, and each block's content, by CommonMark's fence rules."""
    outside: list[str] = []
    blocks: list[list[str]] = []
    fence = None
    for line in _LINE_END.split(markdown):
        if fence is None:
            opened = _OPEN.fullmatch(line)
            if opened and not (opened[1][0] == "`" and "`" in opened[2]):
                fence = opened[1]
                blocks.append([])
            else:
                outside.append(line)
        elif re.fullmatch(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*", line):
            fence = None
        else:
            blocks[-1].append(line)
    assert fence is None, "a code block is left open"
    return outside, blocks


NEEDS = {"tests": {"result": "success", "outputs": {}}, "build": {"result": "failure", "outputs": {}}}


@pytest.mark.parametrize("value", HOSTILE)
def test_command_output_stays_inside_its_code_block(value: str):
    harmless = job_summary.render(NEEDS, [("Terminology lint", "docs/x.md:1:1: TERM001 fine"), ("Review dates", "ok")])
    hostile = job_summary.render(NEEDS, [("Terminology lint", value), ("Review dates", "ok")])
    outside, blocks = _blocks(hostile)
    assert outside == _blocks(harmless)[0]  # not one line outside the code blocks changed
    expected = _LINE_END.split(value.replace("\0", "\ufffd").rstrip("\r\n"))
    assert blocks == [expected, ["ok"]]


def test_a_long_output_is_cut_at_a_line_and_says_so():
    output = "".join(f"docs/x.md:{n}:1: TERM001 ```\n" for n in range(1, 1001))
    cut = job_summary.section("Terminology lint", output, limit=3000)
    _, (lines,) = _blocks(cut)
    assert len(cut.encode()) < 3200
    shown = [line for line in lines if line.startswith("docs/")]
    note = f"… {1000 - len(shown)} more line(s) not shown here; run the command locally to see them all"
    assert lines == [*shown, note]
    assert shown == output.splitlines()[:len(shown)]


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])|&(lt|gt|amp);")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: m[1] or {"lt": "<", "gt": ">", "amp": "&"}[m[2]], text)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_in_a_cell_or_heading_stays_one_line_of_plain_text(value: str):
    shown = job_summary.plain(value)
    # Every ASCII punctuation character is escaped or one of our three entities; no line break.
    assert re.fullmatch(r"(?:\\[!-/:-@\[-`{-~]|&(?:lt|gt|amp);|[^\x00-\x1f!-/:-@\[-`{-~\x7f-\x9f])*", shown)
    expected = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", " ", value)
    assert _unescape(shown) == expected  # and it reads as the value itself


def _unescaped_pipes(line: str) -> int:
    count, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2  # a backslash escape: the next character is literal
            continue
        count += line[i] == "|"
        i += 1
    return count


@pytest.mark.parametrize("value", HOSTILE)
def test_job_ids_and_results_cannot_add_rows_or_cells(value: str):
    table = job_summary.results_table({value: {"result": value}, "tests": {"result": "success"}, "x": "junk"})
    rows = _LINE_END.split(table.rstrip("\n"))
    assert len(rows) == 5 and [_unescaped_pipes(row) for row in rows] == [3] * 5
    assert rows[3:] == ["| tests | success |", "| x | unknown |"]
    assert "unknown \\(" in rows[2]


def test_main_prints_the_summary_from_needs_and_files(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "terms.txt").write_text("docs/a.md:3:1: TERM001 ```</details>\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    monkeypatch.setenv("NEEDS", '{"check": {"result": "failure", "outputs": {}}}')
    assert job_summary.main(["--section", "Terminology lint", str(tmp_path / "terms.txt"),
                             "--section", "Review dates", str(tmp_path / "empty.txt")]) == 0
    assert capsys.readouterr().out == (
        "## Handbook checks\n\n| Job | Result |\n|---|---|\n| check | failure |\n\n"
        "The preview (web site and PDFs) is the **preview-site** artifact of this run.\n\n"
        "### Terminology lint\n\n````text\ndocs/a.md:3:1: TERM001 ```</details>\n````\n\n"
        "### Review dates\n\nNo output.\n")


@pytest.mark.parametrize(("needs", "message"), [
    (None, "error: the environment variable NEEDS is not set; set it to ${{ toJSON(needs) }} in the step's env\n"),
    ("{not json", "error: NEEDS is not JSON (Expecting property name enclosed in double quotes: line 1 column 2 "
                  "(char 1)); set it to ${{ toJSON(needs) }} in the step's env\n"),
    ("[]", "error: NEEDS is not a JSON object; set it to ${{ toJSON(needs) }} in the step's env\n"),
])
def test_main_explains_a_missing_or_bad_needs(monkeypatch, capsys, needs, message):
    if needs is None:
        monkeypatch.delenv("NEEDS", raising=False)
    else:
        monkeypatch.setenv("NEEDS", needs)
    assert job_summary.main([]) == 2
    assert capsys.readouterr().err == message


def test_main_names_a_missing_output_file(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("NEEDS", "{}")
    assert job_summary.main(["--section", "Review dates", str(tmp_path / "nope.txt")]) == 2
    assert str(tmp_path / "nope.txt") in capsys.readouterr().err


# --- pre-commit ---------------------------------------------------------------------------------

def _pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_every_family_of_handbook_check():
    from handbook.check import CHECKS

    families = set()
    for hook in _pre_commit_hooks().values():
        words = hook["entry"].split()
        if words[:2] == ["./hb", "check"]:
            assert "--no-site" in words and hook["pass_filenames"] is False, hook["id"]
            families |= {words[i + 1] for i, word in enumerate(words) if word == "--only"}
    assert families == set(CHECKS)


@pytest.mark.parametrize(("path", "expected"), [
    ("docs/chapters/terminology.md", True),
    ("docs/chapters/terminology.ar.md", True),
    ("docs/images/diagram.svg", True),
    ("docs/images/photo.png", True),
    ("docs/notes.txt", True),  # SAFE006: only pages and images may be in docs/
    ("docs/snippets/warning.md", True),
    ("translations/ui/core.fr.yml", True),
    ("translations/termbase.yml", True),
    ("translations/edition.yml", True),
    ("changes/2/new-chapter.yml", True),
    ("mkdocs.yml", True),
    ("overrides/assets/stylesheets/fonts.css", True),  # FONT001: a font removed or narrowed
    ("README.md", False),
    ("handbook/check/safety.py", False),
    ("tests/fixtures/docs/x.md", False),
])
def test_pre_commit_checks_markup_safety_and_hygiene_for_the_files_they_concern(path: str, expected: bool):
    hook = _pre_commit_hooks()["markup-safety-and-hygiene"]
    assert hook["entry"] == "./hb check --no-site --only safety --only hygiene --only fonts"
    assert bool(re.search(hook["files"], path)) is expected
    assert "symlink" in hook["types_or"] and hook["types"] == []  # links out of docs/ are SAFE011


def test_handbook_check_refuses_a_workflow_that_breaks_the_policy(handbook_factory, capsys, monkeypatch):
    """The policy is a family of `handbook check`, so CI refuses a weakened workflow like a broken
    page, named relative to the checkout."""
    from handbook import cli
    from tests.conftest import page

    project = handbook_factory({"index.md": page("Home", "Welcome.")})
    folder = project.root / ".github" / "workflows"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pull-request.yml").write_text("on:\n  pull_request_target:\npermissions: {}\njobs: {}\n",
                                             encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert cli.main(["check", "--no-site", "--only", "workflows"]) == 1
    out = capsys.readouterr().out
    assert ".github/workflows/pull-request.yml:1:1: WF001 workflow runs on pull_request_target" in out


def test_each_language_is_built_in_its_own_job_then_assembled():
    jobs = load("pull-request.yml")["jobs"]
    parts, build = jobs["parts"], jobs["build"]
    assert parts["strategy"]["matrix"]["lang"] == ["en", "fr", "es", "ar"]
    assert parts["strategy"]["fail-fast"] is False
    (step,) = [s for s in parts["steps"] if "./hb build" in s.get("run", "")]
    # The language reaches the script through env, never pasted in by ${{ }}.
    assert step["env"] == {"LANG_CODE": "${{ matrix.lang }}"}
    assert step["run"] == './hb build --lang "$LANG_CODE" --out "parts/$LANG_CODE"'
    (upload,) = [s for s in parts["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload["with"]["include-hidden-files"] is True  # the part's record and manifest are dotfiles
    assert build["needs"] == "parts"
    (download,) = [s for s in build["steps"] if "download-artifact" in s.get("uses", "")]
    assert download["with"] == {"pattern": "part-*", "path": "parts/"}

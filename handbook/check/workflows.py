"""The security policy of the GitHub Actions workflows, as checkable rules.

- WF001 a workflow runs on ``pull_request_target`` (fork code with a write token and secrets);
- WF002 the pull-request workflow has a trigger other than ``pull_request``;
- WF003 permissions are not read-only by default (workflow level);
- WF004 a job asks for write permission without being allowed to (``WRITE_ALLOWED``);
- WF005 an action is not pinned to a full commit SHA;
- WF006 a checkout keeps the token (``persist-credentials`` is not false);
- WF007 the release workflow runs on something other than edition tags.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from handbook.diagnostics import Diagnostic
from handbook.yamlio import load_yaml

PULL_REQUEST_WORKFLOW = "pull-request.yml"
RELEASE_WORKFLOW = "release.yml"
# (workflow file, job) -> the write permissions it may have, and why.
WRITE_ALLOWED: dict[tuple[str, str], dict[str, str]] = {
    (RELEASE_WORKFLOW, "publish"): {"contents": "write"},  # creates the release and uploads the PDFs
}
_PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
_READ_ONLY = {"read", "none"}


def _triggers(data: dict[Any, Any]) -> dict[str, Any]:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    on = data.get("on", data.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return dict(on or {})


def _read_only(perms: Any) -> bool:
    if perms in ("read-all", {}):
        return True
    return isinstance(perms, dict) and all(v in _READ_ONLY for v in perms.values())


def check_workflow(path: Path) -> list[Diagnostic]:
    data, lines = load_yaml(path)
    name = path.name
    out: list[Diagnostic] = []

    def add(key: tuple, code: str, message: str, hint: str = "") -> None:
        out.append(Diagnostic(str(path), lines.get(key, 1), 1, code, message, hint=hint))

    on_key = ("on",) if ("on",) in lines else (True,)
    triggers = _triggers(data)
    if "pull_request_target" in triggers:
        add(on_key, "WF001", "workflow runs on pull_request_target", "use pull_request: fork code must not get "
            "secrets or a write token")
    if name == PULL_REQUEST_WORKFLOW and set(triggers) != {"pull_request"}:
        add(on_key, "WF002", f"pull-request workflow triggers on {sorted(triggers)}", "trigger on pull_request only")
    if name == RELEASE_WORKFLOW:
        push = triggers.get("push") or {}
        tags = push.get("tags") if isinstance(push, dict) else None
        if set(triggers) != {"push"} or set(push) != {"tags"} or not tags \
                or not all(str(t).startswith("edition-") for t in tags):
            add(on_key, "WF007", "the release workflow must run only on pushed edition tags",
                "on: push: tags: ['edition-*']")
    if not _read_only(data.get("permissions")):
        add(("permissions",), "WF003", f"default permissions are not read-only: {data.get('permissions')!r}",
            "set 'permissions: contents: read' at the top of the workflow")
    for job_id, job in (data.get("jobs") or {}).items():
        perms = job.get("permissions")
        if perms is not None and not _read_only(perms) and perms != WRITE_ALLOWED.get((name, job_id)):
            add(("jobs", job_id, "permissions"), "WF004", f"job '{job_id}' asks for {perms!r}",
                "grant write access only where handbook/check/workflows.py WRITE_ALLOWED says why")
        uses = [(("jobs", job_id, "uses"), job["uses"])] if "uses" in job else []
        for index, step in enumerate(job.get("steps") or []):
            if "uses" in step:
                uses.append((("jobs", job_id, "steps", index, "uses"), step["uses"]))
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                if (step.get("with") or {}).get("persist-credentials") is not False:
                    add(("jobs", job_id, "steps", index), "WF006", "checkout keeps the token in .git/config",
                        "add 'with: persist-credentials: false'")
        for key, ref in uses:
            ref = str(ref)
            if ref.startswith("./"):
                continue  # an action of this repository: pinned by the commit being built
            if ref.startswith("docker://"):
                if "@sha256:" not in ref:
                    add(key, "WF005", f"container action '{ref}' is not pinned to a digest", "use docker://image@sha256:...")
                continue
            if not _PINNED.match(ref):
                add(key, "WF005", f"action '{ref}' is not pinned to a full commit SHA",
                    "use owner/action@<40-hex commit> # vX.Y.Z")
    return out


def check_all(root: Path) -> list[Diagnostic]:
    folder = root / ".github" / "workflows"
    return [d for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) for d in check_workflow(path)]


def check(corpus) -> list[Diagnostic]:
    """The family run by ``handbook check``: the repository's own workflows, with the handbook,
    named as the other findings are, relative to the checkout."""
    root = corpus.project.root
    return [replace(d, path=Path(d.path).relative_to(root).as_posix()) if Path(d.path).is_relative_to(root) else d
            for d in check_all(root)]

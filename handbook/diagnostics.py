"""The one diagnostic record shared by every checker (terminology, integrity, review...).

Printed as ``path:line:col: CODE message``; also as JSON or GitHub workflow annotations.
Exit codes are shared too: 0 clean, 1 findings that fail, 2 usage or configuration error. Which
findings fail is one policy, :data:`FAILING_SEVERITIES`, for every command that reports them
(``check``, ``lint terms``, ``review``, ``edition check``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C or SIGTERM (the shell's 128 + SIGINT)

# Errors fail; warnings are reported and pass. A severity is how a command says whether a finding
# blocks: `review` makes an overdue review a warning on pull requests and an error at release
# (translations/edition.yml), and a rule that is only advice (TERM002, REV004) is a warning.
FAILING_SEVERITIES = frozenset({"error"})

@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    code: str
    message: str
    severity: str = "error"
    hint: str = ""

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{hint}"


def _escape_github(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_text(diags: list[Diagnostic]) -> str:
    return "".join(d.text() + "\n" for d in diags)


def format_json(diags: list[Diagnostic]) -> str:
    return json.dumps([asdict(d) for d in diags], ensure_ascii=False, indent=2) + "\n"


def format_github(diags: list[Diagnostic]) -> str:
    out = []
    for d in diags:
        level = "error" if d.severity == "error" else "warning"
        message = d.message + (f" ({d.hint})" if d.hint else "")
        out.append(f"::{level} file={_escape_github(d.path, prop=True)},line={d.line},col={d.col},"
                   f"title={_escape_github(d.code, prop=True)}::{_escape_github(message)}\n")
    return "".join(out)


FORMATTERS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def render(diags: Iterable[Diagnostic], fmt: str) -> str:
    return FORMATTERS[fmt](sorted(diags))


def exit_code(diags: Iterable[Diagnostic]) -> int:
    """EXIT_FINDINGS when a finding has a failing severity, else EXIT_CLEAN."""
    return EXIT_FINDINGS if any(d.severity in FAILING_SEVERITIES for d in diags) else EXIT_CLEAN


def count(diags: list[Diagnostic]) -> str:
    """``2 error(s), 1 warning(s)``: the summary line's count, the same in every command."""
    errors = sum(d.severity == "error" for d in diags)
    return f"{errors} error(s), {len(diags) - errors} warning(s)"

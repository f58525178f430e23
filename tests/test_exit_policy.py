"""One exit policy for every command that reports findings: errors fail, warnings pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.diagnostics import EXIT_CLEAN, EXIT_FINDINGS, Diagnostic, count, exit_code

REPO = Path(__file__).resolve().parents[1]


def _d(severity: str) -> Diagnostic:
    return Diagnostic("docs/a.md", 1, 1, "TERM002", "x", severity)


CASES = {
    "nothing": ([], EXIT_CLEAN, "0 error(s), 0 warning(s)"),
    "one warning": ([_d("warning")], EXIT_CLEAN, "0 error(s), 1 warning(s)"),
    "warnings only": ([_d("warning"), _d("warning")], EXIT_CLEAN, "0 error(s), 2 warning(s)"),
    "one error": ([_d("error")], EXIT_FINDINGS, "1 error(s), 0 warning(s)"),
    "error among warnings": ([_d("warning"), _d("error"), _d("warning")], EXIT_FINDINGS, "1 error(s), 2 warning(s)"),
}


@pytest.mark.parametrize("name", CASES)
def test_exit_code_and_count(name: str) -> None:
    diags, code, counted = CASES[name]
    assert exit_code(diags) == code
    assert exit_code(iter(diags)) == code  # a generator is consumed once
    assert count(diags) == counted


@pytest.mark.parametrize("command", ["check", "lint", "review", "edition"])
def test_each_reporting_command_exits_through_the_one_policy(command: str) -> None:
    text = (REPO / "handbook" / "commands" / f"{command}.py").read_text(encoding="utf-8")
    assert "exit_code(" in text
    assert "EXIT_FINDINGS" not in text, "decide failure with diagnostics.exit_code, not by hand"

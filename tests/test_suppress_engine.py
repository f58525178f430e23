"""The one suppression engine (handbook/suppress.py), shared by `check` and `lint terms`."""

from __future__ import annotations

import pytest

from handbook.diagnostics import Diagnostic
from handbook.suppress import Directive, Pragma, apply, read

READ = {
    "next line": ("<!-- check: disable-next-line LINK001 -- lands next release -->",
                  Pragma("disable-next-line", ("LINK001",), "lands next release")),
    "several, commas": ("<!-- check: disable HYG010, HYG017 -- generated -->",
                        Pragma("disable", ("HYG010", "HYG017"), "generated")),
    "no reason": ("<!-- check: enable HYG010 -->", Pragma("enable", ("HYG010",), "")),
    "empty reason": ("<!-- check: disable-file PAR006 --  -->", Pragma("disable-file", ("PAR006",), "")),
    "spread over lines": ("<!--\n  check:\n  disable-next-line\n  LINK001 -- a\n  reason\n-->",
                          Pragma("disable-next-line", ("LINK001",), "a\n  reason")),
    "unknown kind kept for the linter": ("<!-- check: ignore LINK001 -- why -->", Pragma("ignore", ("LINK001",), "why")),
    "empty body": ("<!-- check: -->", Pragma("", (), "")),
    "other prefix": ("<!-- terms: disable TERM001 -- why -->", None),
    "ordinary comment": ("<!-- a note for editors -->", None),
}


@pytest.mark.parametrize("name", READ)
def test_read(name: str) -> None:
    comment, expected = READ[name]
    assert read("check", comment) == expected


def _d(line: int, code: str = "X001") -> Diagnostic:
    return Diagnostic("p.md", line, 1, code, "m")


def _dir(kind: str, line: int, *codes: str, end_line: int | None = None) -> Directive:
    return Directive(kind, codes or ("X001",), line, end_line or line)


# name: (findings' lines, directives, lines kept, (line, code) of unused scopes, (line, code) of stray enables)
APPLY = {
    "good: nothing to silence": ([3], [], [3], [], []),
    "disabled: next line": ([3, 4], [_dir("disable-next-line", 2)], [4], [], []),
    "disabled: after a comment on two lines": ([4], [_dir("disable-next-line", 2, end_line=3)], [], [], []),
    "disabled: range": ([2, 3, 5, 6], [_dir("disable", 1), _dir("enable", 5)], [6], [], []),
    "disabled: range to the end": ([2, 90], [_dir("disable", 1)], [], [], []),
    "disabled: file, before the comment too": ([1, 50], [_dir("disable-file", 20)], [], [], []),
    "other code not silenced": ([3], [_dir("disable-next-line", 2, "Y001")], [3], [(2, "Y001")], []),
    "unused": ([9], [_dir("disable-next-line", 2)], [9], [(2, "X001")], []),
    "second disable changes nothing": ([4], [_dir("disable", 1), _dir("disable", 3), _dir("enable", 5)], [],
                                       [], []),
    "stray enable": ([4], [_dir("enable", 2)], [4], [], [(2, "X001")]),
    "enable of another code is stray": ([4], [_dir("disable", 1), _dir("enable", 3, "Y001")], [], [],
                                        [(3, "Y001")]),
    "code named twice is used once": ([3], [_dir("disable-next-line", 2, "X001", "X001")], [], [], []),
}


@pytest.mark.parametrize("name", APPLY)
def test_apply(name: str) -> None:
    lines, directives, kept, unused, stray = APPLY[name]
    outcome = apply([_d(line) for line in lines], directives)
    assert [d.line for d in outcome.kept] == kept
    assert [(s.directive.line, s.code) for s in outcome.unused] == unused
    assert [(d.line, code) for d, code in outcome.stray] == stray

"""Suppression comments: what they silence, and the rules that check them (TERM010-TERM012)."""

from __future__ import annotations

import pytest

from tests.terms.helpers import findings

CASES = {
    "next line": ("<!-- terms: disable-next-line TERM001 -- quoting a national offence -->\nchild pornography", []),
    "by rule name": ("<!-- terms: disable-next-line avoid-term -- quoting a national offence -->\nchild porn", []),
    "next line only": ("<!-- terms: disable-next-line TERM001 -- quoting -->\nchild porn\nchild porn",
                       [(3, 1, "TERM001", "child porn")]),
    "other rule not silenced": ("<!-- terms: disable-next-line TERM002 -- defining the word -->\nchild porn",
                                [(1, 1, "TERM012", ""), (2, 1, "TERM001", "child porn")]),
    "range": ("<!-- terms: disable TERM001 -- quoted record -->\nchild porn\n\nchild porn\n<!-- terms: enable TERM001 -->\nchild porn",
              [(6, 1, "TERM001", "child porn")]),
    "range to end": ("<!-- terms: disable TERM002 -- this section defines it -->\ngrooming\n\ngrooming", []),
    "whole file": ("child porn\n<!-- terms: disable-file TERM001 -- a quoted judgment -->\nchild porn", []),
    "several rules": ("<!-- terms: disable-next-line TERM001, TERM002 -- quoted messages -->\nchild porn and grooming", []),
    "no reason": ("<!-- terms: disable-next-line TERM001 -->\nchild porn", [(1, 1, "TERM011", "")]),
    "empty reason": ("<!-- terms: disable-next-line TERM001 --  -->\nchild porn", [(1, 1, "TERM011", "")]),
    "unknown rule": ("<!-- terms: disable-next-line TERM999 -- why -->\nchild porn",
                     [(1, 1, "TERM010", ""), (2, 1, "TERM001", "child porn")]),
    "unsuppressible rule": ("<!-- terms: disable-file TERM011 -- why -->\ntext", [(1, 1, "TERM010", "")]),
    "unknown directive": ("<!-- terms: disabel TERM001 -- why -->\nchild porn",
                          [(1, 1, "TERM010", ""), (2, 1, "TERM001", "child porn")]),
    "no rule named": ("<!-- terms: disable -- why -->\ntext", [(1, 1, "TERM010", "")]),
    "unused": ("<!-- terms: disable-next-line TERM001 -- quoting -->\nclean text", [(1, 1, "TERM012", "")]),
    "enable without disable": ("text\n<!-- terms: enable TERM001 -->", [(2, 1, "TERM012", "")]),
    "indented comment": ("- item\n  <!-- terms: disable-next-line TERM001 -- quoting -->\n  child porn", []),
    "in code is not a directive": ("`<!-- terms: disable-next-line TERM001 -- x -->`\nchild porn",
                                   [(2, 1, "TERM001", "child porn")]),
    "other comments ignored": ("<!-- a note for editors -->\ntext", []),
    "arabic": ("<!-- terms: disable-next-line TERM001 -- اقتباس من نص قانوني -->\nبغاء الأطفال", []),
}


@pytest.mark.parametrize("name", CASES)
def test_suppression(name):
    markdown, expected = CASES[name]
    lang = "ar" if name == "arabic" else "en"
    assert findings(markdown, lang) == expected

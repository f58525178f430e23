"""Helpers shared by several commands and pages: one definition each."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from handbook.cli import main
from handbook.editorial.dates import cli_date
from handbook.markdown_table import cell


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"),
    ("a | b", "a \\| b"),
    ("two\nlines", "two lines"),
    ("crlf\r\nline", "crlf line"),
    ("|\n|", "\\| \\|"),
])
def test_cell_keeps_the_text_in_one_table_cell(text: str, expected: str) -> None:
    assert cell(text) == expected


def test_the_pages_use_the_shared_cell() -> None:
    from handbook.editorial import site as editorial_site
    from handbook.terms import glossary
    from handbook.translation import site as translation_site

    for module in (editorial_site, glossary, translation_site):
        assert not hasattr(module, "_cell"), module.__name__


@pytest.mark.parametrize(("value", "expected"), [("2026-11-28", dt.date(2026, 11, 28)), ("2024-02-29", dt.date(2024, 2, 29))])
def test_cli_date(value: str, expected: dt.date) -> None:
    assert cli_date(value) == expected


@pytest.mark.parametrize("value", ["28/11/2026", "2026-02-30", ""])
def test_cli_date_rejects_other_writings(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date written YYYY-MM-DD"):
        cli_date(value)


@pytest.mark.parametrize("argv", [
    ["review", "--today", "2026-13-01"],
    ["edition", "publish", "--date", "2026-13-01"],
    ["translate", "done", "fr", "index.md", "--date", "2026-13-01"],
])
def test_every_date_option_gives_the_same_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "'2026-13-01' is not a date written YYYY-MM-DD" in capsys.readouterr().err

"""Dates of the editorial workflow: review intervals and dates written for each language."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def as_date(value: Any) -> dt.date | None:
    """A YAML date (parsed by PyYAML) or a 'YYYY-MM-DD' string; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def cli_date(value: str) -> dt.date:
    """An argparse ``type=`` for a date option written YYYY-MM-DD (a usage error otherwise)."""
    import argparse

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


def format_date(day: dt.date, code: str) -> str:
    """``day`` written the way readers of language ``code`` write dates (CLDR 'long' format).

    The month names and the word order come from the Unicode CLDR data shipped with Babel, so no
    language list or month name lives in this code: '1 novembre 2026', '1 نوفمبر 2026'.
    """
    from babel.dates import format_date as cldr_format

    return cldr_format(day, format="long", locale=code)


def review_schedule(meta: Any) -> tuple[dt.date, dt.date] | None:
    """(last reviewed, next review due) from a page's front matter; None when they are not valid
    (`handbook review` and the integrity check report that; the web page and the PDF show nothing)."""
    last, interval = as_date(meta.get("last_reviewed")), meta.get("review_interval_months")
    if last is None or isinstance(interval, bool) or not isinstance(interval, int) or interval <= 0:
        return None
    return last, add_months(last, interval)

"""Writing text into a cell of a Markdown (pipe) table."""

from __future__ import annotations


def cell(text: str) -> str:
    """``text`` made safe for one table cell: '|' escaped, line breaks (which end the row) as spaces."""
    return text.replace("|", "\\|").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")

"""The pull-request workflow's job summary, built so that nothing in a pull request can reshape it.

The summary lists each job's result, then the output of the terminology lint, the review dates and
the translation status. That output quotes pages, file names and front matter: text written by
whoever opened the pull request. GitHub renders the summary as Markdown with HTML, so a quoted
line holding three backticks would end its code block, and whatever followed (``</details>``, a
heading, a link, an image from another site) would become part of the summary page. Hence:

- command output goes into a fenced code block whose fence is longer than the longest run of
  backticks in it. CommonMark ends a fence only at a line of at least as many backticks, so no
  line of the output can end it, and inside it nothing (HTML, links, ``@mentions``) is rendered;
- a value in a table cell or a heading (:func:`plain`) has every ASCII punctuation character
  backslash-escaped, '<', '>' and '&' written as entities, and line breaks and other control
  characters turned into spaces: it stays one line of plain text;
- values reach the workflow step through files and environment variables (``NEEDS``), never
  through ``${{ }}`` pasted into the script, so no value is read as shell code or as a
  workflow command.

``python -m handbook.editorial.job_summary --section TITLE FILE ...`` prints the summary; the
workflow appends it to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import string
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# GitHub refuses a step summary over 1 MiB; three sections of this size leave room for the rest.
MAX_SECTION_BYTES = 200_000
RESULTS = ("success", "failure", "cancelled", "skipped")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_BREAKS = re.compile(r"\r\n?")
_BACKTICKS = re.compile(r"`+")


def _plain_char(ch: str) -> str:
    if ch in _ENTITIES:
        return _ENTITIES[ch]
    if ch in string.punctuation:  # ASCII punctuation: CommonMark lets a backslash make any of it literal
        return "\\" + ch
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):  # line breaks, controls, bidi overrides
        return " "
    return ch


def plain(value: str) -> str:
    """``value`` as one line of literal text in Markdown: no markup, link, HTML or line break survives."""
    return "".join(_plain_char(ch) for ch in value)


def code_block(text: str) -> str:
    """``text`` verbatim in a fenced code block that no line of ``text`` can close."""
    text = _BREAKS.sub("\n", text).replace("\0", "\ufffd")  # the line endings and NUL as CommonMark reads them
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip(chr(10))}\n{fence}\n"


def _truncated(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    kept = data[:limit].decode("utf-8", errors="ignore")
    kept = kept[:kept.rfind("\n") + 1] or kept  # whole lines, unless the first line alone is too long
    rest = text[len(kept):]
    dropped = rest.count("\n") + (not rest.endswith("\n"))
    return f"{kept}… {dropped} more line(s) not shown here; run the command locally to see them all\n"


def section(title: str, output: str, limit: int = MAX_SECTION_BYTES) -> str:
    body = code_block(_truncated(output, limit)) if output.strip() else "No output.\n"
    return f"### {plain(title)}\n\n{body}"


def results_table(needs: Mapping[str, Any]) -> str:
    """One row per job of the ``needs`` context: its id and its result."""
    rows = ["| Job | Result |", "|---|---|"]
    for job, info in needs.items():
        result = info.get("result") if isinstance(info, Mapping) else None
        shown = result if result in RESULTS else f"unknown ({result})" if isinstance(result, str) else "unknown"
        rows.append(f"| {plain(str(job))} | {plain(shown)} |")
    return "\n".join(rows) + "\n"


def render(needs: Mapping[str, Any], sections: Sequence[tuple[str, str]]) -> str:
    parts = ["## Handbook checks\n", results_table(needs),
             "The preview (web site and PDFs) is the **preview-site** artifact of this run.\n"]
    parts += [section(title, output) for title, output in sections]
    return "\n".join(parts)


def _needs(raw: str | None) -> Mapping[str, Any]:
    if not raw:
        raise ValueError("the environment variable NEEDS is not set; set it to ${{ toJSON(needs) }} in the step's env")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"NEEDS is not JSON ({exc}); set it to ${{{{ toJSON(needs) }}}} in the step's env") from exc
    if not isinstance(value, dict):
        raise ValueError("NEEDS is not a JSON object; set it to ${{ toJSON(needs) }} in the step's env")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.editorial.job_summary",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--section", nargs=2, action="append", default=[], metavar=("TITLE", "FILE"),
                        help="a heading and the file holding a command's output (repeatable, in order)")
    args = parser.parse_args(argv)
    try:
        needs = _needs(os.environ.get("NEEDS"))
        sections = [(title, Path(file).read_text(encoding="utf-8", errors="replace")) for title, file in args.section]
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render(needs, sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())

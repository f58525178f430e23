"""YAML reading that keeps line numbers, so every data error can name its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handbook.errors import HandbookError

KeyPath = tuple[Any, ...]

# libyaml's loader when PyYAML has it (ten times faster: every page's front matter goes through
# here, several times a build); same nodes, marks and errors as the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, line: int, message: str, fix: str):
        self.line, self.message, self.fix = line, message, fix


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], seen: set[int], shift: int = 0) -> None:
    # Handbook data never needs anchors and aliases (&a, *a), and an alias that refers to a list of
    # aliases ("billion laughs") makes every reader of the data walk an exponential tree: refused at
    # the first node met twice. A key written twice would silently keep the second value: refused.
    if id(node) in seen:
        raise _Refused(node.start_mark.line + 1, "YAML anchors and aliases (&name, *name) are not allowed in "
                       "handbook data.", "Write the value out where it is needed.")
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        first: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first and isinstance(key_node, yaml.ScalarNode):
                raise _Refused(line, f"the key {key!r} is written twice (first at line {first[key] + shift}); "
                               "YAML would silently keep the second value.", "Remove one of them.")
            first[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, seen, shift)
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, seen, shift)


def parse_yaml(text: str, path: Path | str, first_line: int = 1,
               loader_class: type | None = None) -> tuple[Any, dict[KeyPath, int]]:
    """Parse ``text``; return the data and a map from key paths to 1-based line numbers.

    ``first_line`` shifts the numbers, for YAML embedded in a larger file (front matter).
    ``loader_class`` replaces the safe loader, for files with tags of their own (mkdocs.yml's
    ``!ENV``); it should derive from the safe loader, and keeps the same refusals.
    """
    try:
        loader = (loader_class or _Loader)(text)
        try:
            node = loader.get_single_node()
            lines: dict[KeyPath, int] = {}
            if node is not None:
                _walk(node, (), lines, set(), first_line - 1)  # before building the data: refuses aliases and repeated keys
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _Refused as exc:
        raise HandbookError(path, exc.message, line=exc.line + first_line - 1, fix=exc.fix) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise HandbookError(path, f"invalid YAML: {problem}.", line=line,
                            fix="Check the indentation and quote values that contain ':' or '#'.") from None
    except ValueError as exc:  # PyYAML builds dates itself: '2026-13-01' raises a bare ValueError
        line, source = _bad_date(text)
        raise HandbookError(path, f"'{source}' must be a date written YYYY-MM-DD" if source else f"invalid value: {exc}",
                            line=line + first_line - 1, fix="Write a real calendar date.") from None
    shifted = {key: value + first_line - 1 for key, value in lines.items()}
    return data, shifted


def _bad_date(text: str) -> tuple[int, str]:
    """The first line holding a date-like value that is not a real date: (1-based line, its text)."""
    import datetime as dt
    import re

    for number, line in enumerate(text.split("\n"), start=1):
        for value in re.findall(r"\b(\d{4}-\d{1,2}-\d{1,2})\b", line):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return number, line.strip()
    return 1, ""


def load_yaml(path: Path, loader_class: type | None = None) -> tuple[Any, dict[KeyPath, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandbookError(path, "file not found.") from None
    except UnicodeDecodeError as exc:
        raise HandbookError(path, f"not valid UTF-8 (byte {exc.start}).", fix="Save the file as UTF-8.") from None
    return parse_yaml(text, path, loader_class=loader_class)

"""Errors raised for bad input: each names the file, the line when known, and the fix."""

from __future__ import annotations

from pathlib import Path


class HandbookError(Exception):
    """A user-facing error in the handbook's data or configuration."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, fix: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.fix = fix
        where = f"{self.path}:{line}" if line else self.path
        text = f"{where}: {message}"
        if fix:
            text += f" {fix}"
        super().__init__(text)


class BuildFailed(Exception):
    """The build stopped; ``site/`` was left as it was."""

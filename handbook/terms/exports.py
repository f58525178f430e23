"""Export formats of the termbase, by name (``handbook lint terms --export FORMAT DEST``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from handbook.terms import tbx, vale
from handbook.terms.termbase import Termbase

EXPORTERS: dict[str, Callable[[Termbase, Path], list[tuple[Path, bool]]]] = {
    "vale": vale.write,
    "tbx": tbx.write,
}

# Where the repository keeps the exports editors and translators use (a test keeps them current).
COMMITTED = {"vale": "styles", "tbx": "translations/termbase.tbx"}

"""HYG013 and HYG014: characters a reviewer cannot see.

A control character (NUL and the other C0 and C1 controls) has no place in a page and ships into
the HTML as it is. Invisible characters (zero-width space, soft hyphen, word joiner...) and the bidi
embedding and override controls (U+202A-U+202E) hide or reorder text for reviewers: a term split
by a zero-width space escapes a search, and an override shows a line other than the one stored.

Allowed, because right-to-left and mixed-direction text needs them: the left-to-right and
right-to-left marks (U+200E, U+200F), the Arabic letter mark (U+061C), the isolates (U+2066-U+2069),
and the zero-width joiner and non-joiner (U+200C, U+200D), which shape Arabic and other scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Default-ignorable and format characters that hide text (Unicode's Default_Ignorable_Code_Point
# and bidi embedding controls), less the marks listed as allowed above.
INVISIBLE = re.compile("[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u202a-\u202e\u2060-\u2064"
                       "\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff]")
NAMES = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "zero-width no-break space",
         "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting",
         "\u202d": "left-to-right override", "\u202e": "right-to-left override", "\u034f": "combining grapheme joiner"}


@dataclass(frozen=True)
class Found:
    line: int
    col: int
    char: str

    @property
    def name(self) -> str:
        return f"U+{ord(self.char):04X}" + (f" ({NAMES[self.char]})" if self.char in NAMES else "")


def find(pattern: re.Pattern[str], lines: list[str], first: int = 0, skip_bom: bool = True) -> Iterator[Found]:
    for index in range(first, len(lines)):
        for m in pattern.finditer(lines[index]):
            if skip_bom and index == 0 and m.start() == 0 and m.group() == "\ufeff":
                continue  # a byte order mark: HYG008 reports it
            yield Found(index + 1, m.start() + 1, m.group())

"""Digits of a CLDR numbering system. Babel formats numbers with a numbering system's symbols
(decimal sign, grouping) but always writes the digits 0-9; CLDR's numberingSystems.xml gives each
system's ten digits, of which these are the ones a handbook language may use (see ``digits:`` in
translations/languages.yml)."""

from __future__ import annotations

# numbering system -> its digit zero (the other nine follow it in Unicode), from CLDR's
# common/supplemental/numberingSystems.xml.
ZEROS = {
    "latn": "0", "arab": "\u0660", "arabext": "\u06f0", "beng": "\u09e6", "deva": "\u0966",
    "khmr": "\u17e0", "laoo": "\u0ed0", "mymr": "\u1040", "tamldec": "\u0be6", "thai": "\u0e50",
}


def to_digits(text: str, system: str) -> str:
    """``text`` with 0-9 written in ``system``'s digits ('130' -> '١٣٠' in 'arab')."""
    zero = ord(ZEROS[system])
    return text.translate({ord("0") + i: zero + i for i in range(10)})

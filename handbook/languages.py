"""The handbook's languages and UI strings, read from ``translations/``.

Everything that needs a language list or a string the handbook shows (hooks, CLI, PDF step) reads
it through :func:`load_i18n`, never from a copy.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from handbook.errors import HandbookError
from handbook.paths import LANGUAGES_FILE, UI_DIR
from handbook.yamlio import load_yaml

_CODE = re.compile(r"^[a-z]{2,3}$")
_DIRECTIONS = ("ltr", "rtl")


@dataclass(frozen=True)
class Quotes:
    """A language's quotation marks (``quotes:`` and ``quote_space:`` in languages.yml)."""

    open: str
    close: str
    nested_open: str
    nested_close: str
    space: str = ""  # written inside each outer mark: French «\u00a0texte\u00a0»

    def wrap(self, text: str, nested: bool = False) -> str:
        """``text`` in quotation marks; the space goes inside the outer marks only."""
        if nested:
            return f"{self.nested_open}{text}{self.nested_close}"
        return f"{self.open}{self.space}{text}{self.space}{self.close}"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    dir: str
    quotes: Quotes
    digits: str = ""  # CLDR numbering system the handbook uses instead of CLDR's default ('' = the default)
    inflection: str = ""  # the terminology linter's rule set ('' = exact matching)

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"

    @property
    def numbering_system(self) -> str:
        """The digits of numbers shown to readers: CLDR's default for the language, unless
        languages.yml says the handbook chooses otherwise (``digits:``)."""
        from babel import Locale

        return self.digits or Locale.parse(self.code).default_numbering_system


@dataclass(frozen=True)
class I18n:
    default: str
    languages: tuple[Language, ...]
    strings: dict[str, dict[str, str]] = field(repr=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def translated_codes(self) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code != self.default)

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(f"unknown language {code!r}; known: {', '.join(self.codes)}")

    def t(self, code: str, key: str, **values: str) -> str:
        """The UI string ``key`` in language ``code``, with ``{placeholders}`` filled in."""
        text = self.strings[code][key]
        return text.format(**values) if values else text

    def plural(self, code: str, key: str, count: int, **values: str) -> str:
        """The UI string ``key`` in the plural form CLDR gives ``count`` in language ``code``:
        ``key_one``, ``key_few``... when the language defines it, else ``key`` itself ('other')."""
        from babel import Locale

        category = Locale.parse(code).plural_form(count)
        form = f"{key}_{category}"
        return self.t(code, form if form in self.strings[code] else key, **values)

    def number(self, code: str, value: float, pattern: str = "#,##0") -> str:
        """``value`` as readers of ``code`` write it: CLDR's decimal sign and grouping, and the digits
        languages.yml gives the language (CLDR's default unless it says otherwise)."""
        from babel.numbers import format_decimal

        from handbook.digits import ZEROS, to_digits

        digits = self.language(code).numbering_system
        digits = digits if digits in ZEROS else "latn"  # a system without known digits: Western ones
        return to_digits(format_decimal(value, format=pattern, locale=code, numbering_system=digits), digits)

    def percent(self, code: str, value: float) -> str:
        """``value`` (0-100) as a percentage readers of ``code`` write: CLDR's pattern, sign, spacing
        ('87,5\u00a0%' in French) and decimal sign, with the language's digits; one decimal at most."""
        from babel.numbers import format_percent

        from handbook.digits import ZEROS, to_digits

        digits = self.language(code).numbering_system
        digits = digits if digits in ZEROS else "latn"
        pattern = _percent_pattern(code)
        return to_digits(format_percent(round(value, 1) / 100, format=pattern, locale=code,
                                        numbering_system=digits), digits)

    def join(self, code: str, items: Sequence[str], kind: str = "and") -> str:
        """``items`` as a list in running text of ``code``, by CLDR's list patterns: ``kind`` "and"
        ('A, B and C', 'A, B et C', 'A وB وC') or "or", for alternatives ('A, B ou C', 'A أو B أو C').
        Never a separator chosen in code."""
        from babel.lists import format_list

        if not items:
            return ""
        try:
            return format_list(list(items), style=LIST_STYLES[kind], locale=code)
        except KeyError:  # Babel's data lacks that style for the language: CLDR's standard list
            return format_list(list(items), locale=code)

    def megabytes(self, code: str, size_bytes: int) -> str:
        """A file size in megabytes as readers of ``code`` write it ('2,1' in French), at least 0.1."""
        return self.number(code, max(size_bytes / 1_000_000, 0.1), "#,##0.0")

    def prefix(self, code: str) -> str:
        """The site folder of a language: '' for the default language, 'fr/' for French."""
        return "" if code == self.default else f"{code}/"


def split_language_path(rel: str, codes: tuple[str, ...], default: str) -> tuple[str, str]:
    """The language of a docs file and its English source: 'a/b.fr.md' -> ('fr', 'a/b.md').

    A file without one of ``codes`` as its last-but-one suffix is in ``default``: 'a/b.md' ->
    (default, 'a/b.md'). The rule to tell translations from sources; use it rather than reading
    suffixes (editorial/review.py still reads them itself, for translated languages only).
    """
    p = PurePosixPath(rel)
    suffixes = p.suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in codes:
        return suffixes[-2][1:], str(p.with_name(p.name[: -len(suffixes[-2]) - len(p.suffix)] + p.suffix))
    return default, rel


def source_language(i18n: I18n, src_uri: str) -> str:
    """The language a docs file is written in, from its suffix: 'a/b.fr.md' -> 'fr', 'a/b.md' -> default."""
    return split_language_path(src_uri, i18n.codes, i18n.default)[0]


def is_fallback(i18n: I18n, current: str, src_uri: str) -> bool:
    """True when a page of the ``current`` language is served from the English original."""
    return source_language(i18n, src_uri) != current


# CLDR plural categories besides 'other'. A string 'x' may have plural forms 'x_one', 'x_few'...
# in the languages whose grammar needs them (I18n.plural picks one with Babel's plural rules).
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many")


def _plural_base(key: str, reference: dict[str, str]) -> str | None:
    """'pdf_x_few' -> 'pdf_x' when 'pdf_x' is a string of the reference language."""
    for category in PLURAL_CATEGORIES:
        if key.endswith("_" + category) and key[: -len(category) - 1] in reference:
            return key[: -len(category) - 1]
    return None


def translation_path(source: str, code: str) -> str:
    """The file of ``source`` in language ``code``: 'chapters/x.md' -> 'chapters/x.fr.md',
    'img/a.png' -> 'img/a.fr.png' (static-i18n's suffix rule); the inverse of split_language_path."""
    path = PurePosixPath(source)
    return str(path.with_name(f"{path.stem}.{code}{path.suffix}"))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


_KEYS = {"code", "name", "dir", "quotes"}
# Inside the outer marks: a space that does not break, or the mark could end up alone on a line.
_QUOTE_SPACES = {"\u00a0": "U+00A0 no-break space", "\u202f": "U+202F narrow no-break space"}


def _quotes(path: Path, item: dict, index: int, lines: dict) -> Quotes:
    code = str(item["code"])
    marks, space = item["quotes"], item.get("quote_space", "")
    line = lines.get(("languages", index, "quotes"))
    if not (isinstance(marks, list) and len(marks) == 4 and all(
            isinstance(m, str) and len(m) == 1 and not m.isspace() and m not in "\"'" for m in marks)):
        raise HandbookError(path, f"quotes of {code!r} must be a list of four quotation marks, one character "
                            "each: open, close, nested open, nested close.", line=line,
                            fix='Write them in quotes, e.g. quotes: ["“", "”", "‘", "’"]; a space inside '
                                'the marks goes in quote_space.')
    if space and space not in _QUOTE_SPACES:
        raise HandbookError(path, f"quote_space of {code!r} is {space!r}; it must be a space that does not "
                            f"break a line: {' or '.join(_QUOTE_SPACES.values())}.",
                            line=lines.get(("languages", index, "quote_space")),
                            fix='Write quote_space: "\\u00a0", or leave the key out when the marks touch the text.')
    return Quotes(*marks, space=space)


def _digits(path: Path, item: dict, line: int | None) -> str:
    """``digits:``, a numbering system CLDR knows for the language ('latn', 'arab', 'arabext'...)."""
    if "digits" not in item:
        return ""
    from babel import Locale

    value, code = str(item["digits"]), str(item["code"])
    from handbook.digits import ZEROS

    known = sorted(set(Locale.parse(code).number_symbols) & set(ZEROS))
    if value not in known:
        raise HandbookError(path, f"digits {value!r} of {code!r} is not a numbering system CLDR has for the "
                            "language.", line=line, fix=f"Use one of {', '.join(known)}, or leave the key out for "
                            "CLDR's default.")
    return value


def _load_languages(path: Path) -> tuple[str, tuple[Language, ...]]:
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("languages"), list):
        raise HandbookError(path, "expected a mapping with 'default' and a 'languages' list.", line=1)
    langs: list[Language] = []
    for index, item in enumerate(data["languages"]):
        line = lines.get(("languages", index))
        if not isinstance(item, dict):
            raise HandbookError(path, "each language is a mapping with the keys code, name, dir and quotes.", line=line)
        missing, unknown = sorted(_KEYS - set(item)), sorted(set(item) - _KEYS - {"quote_space", "digits", "inflection"})
        if missing or unknown:
            problem = f"lacks {', '.join(missing)}" if missing else f"has the unknown key(s) {', '.join(unknown)}"
            raise HandbookError(path, f"language entry {item.get('code', index + 1)!r} {problem}: each language "
                                "needs exactly the keys code, name, dir and quotes, and may have quote_space, digits and "
                                "inflection.",
                                line=line, fix="The comment at the top of the file says what each key holds.")
        code, direction = str(item["code"]), str(item["dir"])
        if not _CODE.match(code):
            raise HandbookError(path, f"language code {code!r} is not an ISO 639 code.", line=line,
                                fix="Use two or three lowercase letters, e.g. 'fr'.")
        if direction not in _DIRECTIONS:
            raise HandbookError(path, f"dir {direction!r} must be 'ltr' or 'rtl'.", line=line)
        if code in {lang.code for lang in langs}:
            raise HandbookError(path, f"language {code!r} is listed twice.", line=line)
        langs.append(Language(code, str(item["name"]), direction, _quotes(path, item, index, lines),
                              _digits(path, item, lines.get(("languages", index, "digits"))),
                              str(item.get("inflection") or "")))
    default = data.get("default")
    if default not in {lang.code for lang in langs}:
        raise HandbookError(path, f"default language {default!r} is not in the list.",
                            line=lines.get(("default",), 1))
    return default, tuple(langs)


def _load_strings(ui_dir: Path, default: str, codes: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Merge ``translations/ui/<area>.<code>.yml`` files: one file per feature area and language.

    Every area must exist in every language with exactly the default language's keys and
    placeholders; a key may be defined in one area only.
    """
    areas = sorted({p.name.split(".")[0] for p in ui_dir.glob("*.yml")})
    if not areas:
        raise HandbookError(ui_dir, "no UI string files found.", fix=f"Add {ui_dir}/core.{default}.yml.")
    strings: dict[str, dict[str, str]] = {code: {} for code in codes}
    for area in areas:
        reference_path = ui_dir / f"{area}.{default}.yml"
        if not reference_path.exists():
            raise HandbookError(reference_path, f"missing: every UI area needs its {default} file.",
                                fix="Add it, or remove the other languages' files of this area.")
        loaded: dict[str, tuple[dict[str, str], dict]] = {}
        for code in codes:
            path = ui_dir / f"{area}.{code}.yml"
            if not path.exists():
                raise HandbookError(path, "missing UI string file.", fix=f"Copy {reference_path} and translate it.")
            data, lines = load_yaml(path)
            if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
                raise HandbookError(path, "expected a mapping of string ids to text.", line=1)
            loaded[code] = (data, lines)
        reference = loaded[default][0]
        for code, (data, lines) in loaded.items():
            path = ui_dir / f"{area}.{code}.yml"
            missing = sorted(k for k in set(reference) - set(data) if not _plural_base(k, reference))
            extra = sorted(k for k in set(data) - set(reference) if not _plural_base(k, reference))
            if missing:
                raise HandbookError(path, f"missing UI string(s): {', '.join(missing)}.",
                                    fix=f"Copy them from {reference_path} and translate them.")
            if extra:
                raise HandbookError(path, f"UI string(s) not in {reference_path.name}: {', '.join(extra)}.",
                                    line=lines.get((extra[0],)), fix=f"Remove them, or add them to {reference_path} first.")
            for key, text in data.items():
                base = _plural_base(key, reference)
                if base:  # a plural form: it may leave out the count ('one page')
                    if not _placeholders(text) <= _placeholders(reference[base]):
                        raise HandbookError(path, f"string {key!r} may only use the placeholders "
                                            f"{sorted(_placeholders(reference[base]))} of {base!r}.",
                                            line=lines.get((key,)))
                elif _placeholders(text) != _placeholders(reference[key]):
                    raise HandbookError(path, f"string {key!r} must keep the placeholders "
                                        f"{sorted(_placeholders(reference[key]))}.", line=lines.get((key,)))
                if key in strings[code]:
                    raise HandbookError(path, f"string {key!r} is already defined in another area.",
                                        line=lines.get((key,)), fix="Rename it; ids are shared by all areas.")
                strings[code][key] = text
    return strings


def load_i18n(root: Path) -> I18n:
    """Read and validate ``translations/`` below ``root``."""
    return _cached(root.resolve(), _mtime_key(root))


def _mtime_key(root: Path) -> tuple[float, ...]:
    files = [root / LANGUAGES_FILE, root / UI_DIR, *sorted((root / UI_DIR).glob("*.yml"))]
    return tuple(f.stat().st_mtime_ns for f in files if f.exists())


@lru_cache(maxsize=4)
def _cached(root: Path, _key: tuple[float, ...]) -> I18n:
    default, langs = _load_languages(root / LANGUAGES_FILE)
    codes = tuple(lang.code for lang in langs)
    return I18n(default, langs, _load_strings(root / UI_DIR, default, codes))


# CLDR list-pattern styles by what the list says.
LIST_STYLES = {"and": "standard", "or": "or"}


def _percent_pattern(code: str) -> str:
    """CLDR's percent pattern for ``code`` with up to one decimal ('#,##0%' -> '#,##0.#%')."""
    from babel import Locale

    pattern = Locale.parse(code).percent_formats[None].pattern
    return re.sub(r"0(?=[^0#,.]*$)", "0.#", pattern, count=1)

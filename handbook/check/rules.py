"""Every rule of ``handbook check``: stable codes grouped by prefix, each documented in
docs/contributing/check-rules.md under a heading whose id is the code in lower case."""

from __future__ import annotations

from dataclasses import dataclass

DOCS_PAGE = "docs/contributing/check-rules.md"


@dataclass(frozen=True)
class Rule:
    code: str
    family: str
    summary: str


_TABLE = """
LINK001 links      Link to a page or file that does not exist in this language
LINK002 links      Link to an anchor that does not exist on the target page in this language
LINK003 links      Reference link whose definition is missing
LINK004 links      Absolute link to a path of the site; it breaks under a sub-path
LINK005 links      Link to a file excluded from the site (such as a snippet)
LINK006 links      Link in raw HTML to a Markdown file; MkDocs does not rewrite raw HTML
LINK007 links      Snippet include that does not exist
LINK008 links      Snippet that includes itself, directly or through other snippets
LINK009 links      Reference (references list item or footnote citing a source) without a link to it
PAR001  parity     Translation without an English original
PAR002  parity     Heading id of the English original missing from the translation
PAR003  parity     Heading id in the translation that the English original does not have
PAR004  parity     Admonitions differ in number or kind from the English original
PAR005  parity     Tables differ in number from the English original
PAR006  parity     Images differ in number from the English original
PAR007  parity     Code blocks differ in number or language from the English original
PAR008  parity     Internal link targets differ from the English original
PAR009  parity     File named as a translation into a language the handbook does not list
FM001   frontmatter Front matter is not valid YAML, not a mapping, or not closed
FM002   frontmatter Page has no front matter
FM003   frontmatter Front matter lacks a required key
FM004   frontmatter Front matter value has the wrong type or format
FM005   frontmatter Unknown front matter key
FM006   frontmatter Chapter without a number, with a number already used, or a translation setting one
SAFE001 safety     Forbidden HTML element (script, iframe, form, object, embed, style...)
SAFE002 safety     Event handler attribute (on*=), in HTML or in an attribute list
SAFE003 safety     javascript:, vbscript: or data: URL, in any case or encoding
SAFE004 safety     Snippet include outside the snippets folder
SAFE005 safety     Inline style attribute; the site's Content-Security-Policy blocks it
SAFE006 safety     File in docs/ that is neither a Markdown page nor an image
SAFE007 safety     Image loaded from another site (http:, https:, //host) instead of a file in docs/
SAFE008 safety     Attribute that makes the browser contact another address by itself (ping)
SAFE009 safety     SVG image outside what the handbook accepts (elements, attributes, encoding, DOCTYPE)
SAFE010 safety     Markup in a value that is plain text (front matter, UI strings, termbase, change log, editions)
SAFE011 safety     Symbolic link in docs/ or translations/ that leaves the repository, or a linked folder
HYG001  hygiene    Unknown admonition or block type
HYG002  hygiene    Admonition in the '!!!' syntax, which this handbook does not enable
HYG003  hygiene    Duplicate id on a page
HYG004  hygiene    Image without alt text
HYG005  hygiene    Image file over the size cap
HYG006  hygiene    Image over the pixel cap
HYG007  hygiene    File is not valid UTF-8
HYG008  hygiene    File starts with a byte order mark
HYG009  hygiene    Mixed line endings
HYG010  hygiene    Heading without an explicit id
HYG011  hygiene    Block or code fence that is never closed
HYG012  hygiene    Ordered-list item whose number does not follow the previous item
HYG013  hygiene    Control character (NUL and other C0 or C1 controls) in a page
HYG014  hygiene    Invisible character or bidi embedding or override control in a page
HYG015  hygiene    Page over the size limit, or lists and quotes nested too deeply
HYG016  hygiene    Image file that cannot be read, or that decompresses to too many pixels
HYG017  hygiene    Straight quotation marks in prose; use the language's typographic marks
CHK001  suppress   Suppression comment names an unknown rule
CHK002  suppress   Suppression comment gives no reason
CHK003  suppress   Suppression comment that suppresses nothing
CHK004  suppress   Malformed suppression comment
SITE001 site       Built site: link to a file that does not exist
SITE002 site       Built site: link to an anchor that does not exist
SITE003 site       External link that fails (only with --external)
SITE004 site       Built page without a Content-Security-Policy covering its inline code
"""

RULES: dict[str, Rule] = {}
for _line in _TABLE.strip().splitlines():
    _code, _family, _summary = _line.split(None, 2)
    RULES[_code] = Rule(_code, _family, _summary)

PREFIXES = frozenset(code.rstrip("0123456789") for code in RULES)

"""The one registry of rule codes: every finding any command reports has its code here.

In the manner of pymarkdown's rule modules, a :class:`Rule` carries its code, name, family,
default severity, the page that documents it (a heading whose id is the code in lower case) and
the function that reports it. The registry sits at the ground floor: ``check``, ``terms``,
``editorial`` and ``pdf`` import it, and it imports none of them, so a rule's ``check`` is the
dotted name of its function ("module:function"), not the function itself.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECK_DOCS = "docs/contributing/check-rules.md"
TERMS_DOCS = "docs/contributing/terminology-rules.md"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str          # kebab-case; suppression comments may name a rule by it (pymarkdown's aliases)
    family: str
    severity: str      # the default; a command may raise it (REV003 is an error at release)
    summary: str
    check: str         # "module:function" that reports it
    docs: str = CHECK_DOCS
    suppressible: bool = True

    @property
    def anchor(self) -> str:
        return self.code.lower()


# code, name, severity, summary. Each block is one family, reported by one function.
_FAMILIES: dict[tuple[str, str], str] = {
    ("links", "handbook.check.links:check"): """
LINK001 missing-target            error Link to a page or file that does not exist in this language
LINK002 missing-anchor            error Link to an anchor that does not exist on the target page in this language
LINK003 undefined-reference       error Reference link whose definition is missing
LINK004 absolute-link             error Absolute link to a path of the site; it breaks under a sub-path
LINK005 link-to-unpublished       error Link to a file excluded from the site (such as a snippet)
LINK006 raw-html-markdown-link    error Link in raw HTML to a Markdown file; MkDocs does not rewrite raw HTML
LINK007 missing-snippet           error Snippet include that does not exist
LINK008 snippet-cycle             error Snippet that includes itself, directly or through other snippets
LINK009 reference-without-link    error Reference (references list item or footnote citing a source) without a link to it
""",
    ("parity", "handbook.check.parity:check"): """
PAR001  orphan-translation        error Translation without an English original
PAR002  heading-id-missing        error Heading id of the English original missing from the translation
PAR003  heading-id-extra          error Heading id in the translation that the English original does not have
PAR004  admonitions-differ        error Admonitions differ in number or kind from the English original
PAR005  tables-differ             error Tables differ in number from the English original
PAR006  images-differ             error Images differ in number from the English original
PAR007  code-blocks-differ        error Code blocks differ in number or language from the English original
PAR008  link-targets-differ       error Internal link targets differ from the English original
PAR009  unknown-language          error File named as a translation into a language the handbook does not list
""",
    ("frontmatter", "handbook.check.meta:check"): """
FM001   invalid-front-matter      error Front matter is not valid YAML, not a mapping, or not closed
FM002   no-front-matter           error Page has no front matter
FM003   missing-key               error Front matter lacks a required key
FM004   wrong-value               error Front matter value has the wrong type or format
FM005   unknown-key               error Unknown front matter key
FM006   chapter-number            error Chapter without a number, with a number already used, or a translation setting one
""",
    ("safety", "handbook.check.safety:check"): """
SAFE001 forbidden-element         error Forbidden HTML element (script, iframe, form, object, embed, style...)
SAFE002 event-handler             error Event handler attribute (on*=), in HTML or in an attribute list
SAFE003 script-url                error javascript:, vbscript: or data: URL, in any case or encoding
SAFE004 snippet-outside           error Snippet include outside the snippets folder
SAFE005 inline-style              error Inline style attribute; the site's Content-Security-Policy blocks it
SAFE006 unpublishable-file        error File in docs/ that is neither a Markdown page nor an image
SAFE007 remote-image              error Image loaded from another site (http:, https:, //host) instead of a file in docs/
SAFE008 contacting-attribute      error Attribute that makes the browser contact another address by itself (ping)
SAFE009 unsafe-svg                error SVG image outside what the handbook accepts (elements, attributes, encoding, DOCTYPE)
SAFE010 markup-in-plain-text      error Markup in a value that is plain text (front matter, UI strings, termbase, change log, editions)
SAFE011 symlink-outside           error Symbolic link in docs/ or translations/ that leaves the repository, or a linked folder
""",
    ("hygiene", "handbook.check.hygiene:check"): """
HYG001  unknown-block             error Unknown admonition or block type
HYG002  legacy-admonition         error Admonition in the '!!!' syntax, which this handbook does not enable
HYG003  duplicate-id              error Duplicate id on a page
HYG004  image-without-alt         error Image without alt text
HYG005  image-too-many-bytes      error Image file over the size cap
HYG006  image-too-many-pixels     error Image over the pixel cap
HYG007  not-utf8                  error File is not valid UTF-8
HYG008  byte-order-mark           error File starts with a byte order mark
HYG009  mixed-line-endings        error Mixed line endings
HYG010  heading-without-id        error Heading without an explicit id
HYG011  unclosed-block            error Block or code fence that is never closed
HYG012  list-number               error Ordered-list item whose number does not follow the previous item
HYG013  control-character         error Control character (NUL and other C0 or C1 controls) in a page
HYG014  invisible-character       error Invisible character or bidi embedding or override control in a page
HYG015  too-large-or-deep         error Page over the size limit, or lists and quotes nested too deeply
HYG016  unreadable-image          error Image file that cannot be read, or that decompresses to too many pixels
HYG017  straight-quotes           error Straight quotation marks in prose; use the language's typographic marks
""",
    ("fonts", "handbook.check.fonts:check"): """
FONT001 uncovered-character       error Character that no shipped font covers: it would show as a box
""",
    ("suppress", "handbook.check.suppress:apply"): """
CHK001  unknown-rule              error Suppression comment names an unknown rule
CHK002  suppression-without-reason error Suppression comment gives no reason
CHK003  unused-suppression        error Suppression comment that suppresses nothing
CHK004  malformed-suppression     error Malformed suppression comment
""",
    ("site", "handbook.check.site:start"): """
SITE001 site-missing-file         error Built site: link to a file that does not exist
SITE002 site-missing-anchor       error Built site: link to an anchor that does not exist
SITE003 external-link-fails       error External link that fails (only with --external)
SITE004 missing-csp               error Built page without a Content-Security-Policy covering its inline code
""",
    ("terms", "handbook.terms.rules:check_terms"): """
TERM001 avoid-term                error A term that the Terminology Guidelines advise against.
TERM002 use-with-care             warning A term that needs special attention: define it or prefer another.
""",
    ("terms", "handbook.terms.rules:check_drift"): """
TERM003 translation-drift         warning The English page uses a concept's preferred term; its translation uses a variant, or no approved term.
""",
    ("terms-suppress", "handbook.terms.suppress:parse"): """
TERM010 unknown-rule              error A suppression comment names an unknown rule or directive.
TERM011 suppression-without-reason error A suppression comment gives no reason.
TERM012 unused-suppression        warning A suppression comment suppresses nothing.
""",
    # A missing review key is FM003, reported by `check` and `review` alike (frontmatter.missing_key).
    ("review", "handbook.editorial.review:schedule_of"): """
REV002  invalid-review-metadata   error Review metadata (owner, last_reviewed, review_interval_months) is invalid or in the future
""",
    ("review", "handbook.editorial.review:check_schedule"): """
REV003  review-overdue            warning The next review date has passed (an error at release)
REV004  review-due-soon           warning The next review date is near
""",
    ("review", "handbook.editorial.review:check_translation"): """
REV005  translation-before-review warning A translation was last updated before its English page was reviewed
REV006  translation-behind        warning A translation was last updated before its English page changed
""",
    ("changes", "handbook.editorial.changes:check_changes"): """
CHG001  invalid-change-entry      error Change-log entry or folder that is invalid or names no edition
CHG002  change-not-translated     warning Change-log entry without text in a language of the handbook
""",
    ("paragraphs", "handbook.check.paragraphs:check"): """
PARA001 unnumbered-paragraph      error Paragraph, list item or table of a chapter without its number
PARA002 wrong-paragraph-number    error Paragraph number used twice in a chapter, or never given by handbook paragraphs number
PARA003 translation-numbers       error Translation whose paragraph numbers differ from its English page's
""",
    ("owners", "handbook.check.owners:check"): """
OWN001  page-without-group        error Chapter or checklist with no line of its own in .github/CODEOWNERS
OWN002  language-without-team     error Language whose translations no line of .github/CODEOWNERS gives to its team
OWN003  invalid-codeowners        error .github/CODEOWNERS line that GitHub skips
""",
    ("workflows", "handbook.check.workflows:check_workflow"): """
WF001   pull-request-target       error Workflow runs on pull_request_target
WF002   pull-request-triggers     error The pull-request workflow triggers on something other than pull_request
WF003   default-permissions       error Workflow permissions are not read-only by default
WF004   write-permission          error Job asks for a write permission it is not allowed
WF005   unpinned-action           error Action not pinned to a full commit SHA, or container not pinned to a digest
WF006   persisted-credentials     error Checkout keeps the token in .git/config
WF007   release-trigger           error The release workflow runs on something other than edition tags
""",
    # An image without alt text, too large or unreadable is HYG004, HYG005, HYG006 or HYG016 in
    # the PDF too, with the same caps (handbook.limits); PDF002 and PDF003 are gone.
    ("pdf", "handbook.pdf.assemble:_PrintTree"): """
PDF001  pdf-image-missing         error Image that is not a file of the handbook, or not found
PDF004  pdf-link-unusable         error Link that cannot work in the PDF
""",
    ("pdf", "handbook.pdf.checks:check_rendered"): """
PDF005  pdf-missing-glyph         error No font of the book has a character of the page
PDF006  pdf-font-substituted      error A system font was substituted for the book's fonts
PDF007  pdf-overflow              error Text runs off a PDF page
PDF008  pdf-weasyprint-message    error WeasyPrint reported an error or a warning
PDF009  pdf-checklist-too-long    error A checklist's own PDF has more than one page
PDF010  pdf-cell-splits-word      error A table cell splits a word across two lines
PDF011  pdf-short-tail            error A chapter ends on a PDF page with only a few lines
""",
    # The restricted edition (issue 17): what the public edition must never hold. The site scan
    # (`handbook check --leaks SITE_DIR`, and the build's last step when restricted/ is present)...
    ("leaks", "handbook.leaks.scan:scan_site"): """
LEAK001 restricted-text-in-output error Built file that holds restricted text: a run of words of a restricted page or passage, in any language
LEAK002 restricted-image-in-output error Built file that is, holds or embeds a restricted image
LEAK006 unreadable-output         error Built file the leak scan cannot read (broken gzip, ZIP or PDF), where restricted text could hide
LEAK007 restricted-address-in-output error Built file that holds the address of a restricted page (restricted/<page>)
""",
    # ... and the source-level errors, a family of `handbook check`.
    ("leaks", "handbook.check.leaks:check"): """
LEAK003 link-to-restricted        error Public page that links to a restricted page or to the restricted/ address prefix
LEAK004 restricted-title          error Restricted page title in the public navigation, change log, what's new, status page or glossary
LEAK005 restricted-text-in-source error Public page that holds restricted text, or public file that is a restricted image
""",
}

# Rules about suppressions, markup that runs code, and restricted text: no comment may silence them.
_UNSUPPRESSIBLE = ("CHK", "SAFE", "TERM01", "LEAK")
_TERMS_FAMILIES = ("terms", "terms-suppress")


def _build() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for (family, check), table in _FAMILIES.items():
        for line in table.strip().splitlines():
            code, name, severity, summary = line.split(None, 3)
            assert code not in rules, f"rule code {code} registered twice"
            rules[code] = Rule(code, name, family.removesuffix("-suppress") if family in _TERMS_FAMILIES else family,
                               severity, summary, check,
                               TERMS_DOCS if family in _TERMS_FAMILIES else CHECK_DOCS,
                               not code.startswith(_UNSUPPRESSIBLE))
    return rules


RULES: dict[str, Rule] = _build()


def rules_of(*prefixes: str) -> dict[str, Rule]:
    """The rules whose codes start with one of ``prefixes`` (``rules_of("TERM")``)."""
    return {code: rule for code, rule in RULES.items() if code.startswith(prefixes)}


def resolve(token: str, among: dict[str, Rule] = RULES) -> str | None:
    """A rule code from a code or a name (``TERM001`` or ``avoid-term``) among ``among``; None
    when unknown. Names repeat across linters (each has its own ``unknown-rule``), so a name is
    looked up only among the rules of the linter reading the comment."""
    upper = token.upper()
    if upper in among:
        return upper
    return next((code for code, rule in among.items() if rule.name == token.lower()), None)

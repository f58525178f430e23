"""The terminology linter: a four-language termbase, enforced on every page.

Modules, smallest first: ``termbase`` (load and validate translations/termbase.yml), ``inflect``
(per-language patterns: plurals, elision, gender, Arabic prefixes), ``extract`` (the prose of a
Markdown page, position for position), ``matcher`` (one combined regex per language), ``suppress``
(``<!-- terms: ... -->`` comments), ``rules`` (the rule codes), ``lint`` (pages in, diagnostics out),
and the generators ``glossary``, ``vale`` and ``tbx``, which read the same termbase.
"""

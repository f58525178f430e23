"""The editorial workflow: editions, review dates, and the reader-facing change log.

- :mod:`handbook.editorial.edition`: the editions file (translations/edition.yml), the one place
  where edition numbers, dates and statuses are defined; ``current(project)`` for the PDF step.
- :mod:`handbook.editorial.review`: review metadata of pages, due and overdue reviews, outdated
  translations (``handbook review``).
- :mod:`handbook.editorial.changes`: change-log entries kept with the changes (changes/<n>/*.yml).
- :mod:`handbook.editorial.site`: what the web pages show (footer provider, page renderers).
"""

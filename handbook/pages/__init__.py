"""The page model: every page of the handbook, read once from the content roots.

Every feature (checks, terminology, translation status, review, editions, the PDF and the site
hooks) takes pages from here and walks nothing itself. See docs/contributing/architecture.md.
"""

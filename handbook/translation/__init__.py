"""The translation workflow: provenance, status, word diff, publication gate and site integration.

Every translation ``docs/<path>.<code>.md`` records in its front matter the git blob id of the
English file it translates (``source_blob``) and the date (``translated_on``). A translation is
outdated when the English file's current blob id differs. Git is reached only through
:mod:`handbook.translation.gitio`; everything else is pure and tested without a repository.
"""

"""Python-Markdown extensions of the handbook, named in mkdocs.yml and used by the web and the PDF alike."""

"""The wiring of features into the outputs: which renderers and providers every page goes through.

The features (translation, editorial, terms, chapters, PDF link) and the web site's own pure code
(``handbook.site``) do not know of each other; this package names them all, once, for the MkDocs
hooks and the PDF assembly alike.
"""

"""The restricted edition (issue 17): what the build does differently for the RESTRICTED audience.

- :mod:`handbook.restricted.slots`: the renderer that fills ``/// restricted-slot | <id>`` points
  with their passages;
- :mod:`handbook.restricted.site`: the banner and ``noindex`` of every web page, the menu section,
  robots.txt, and the checks of a restricted build's command line.

The page model (handbook.pages.restricted) reads the tree; nothing here walks it.
"""

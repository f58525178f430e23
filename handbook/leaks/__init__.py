"""Proof that the public edition holds nothing of the restricted tree (issue 17).

- :mod:`handbook.leaks.tree` reads the restricted tree's files (``restricted/docs``,
  ``restricted/passages``, its images);
- :mod:`handbook.leaks.words` turns text into normalised words, the way the terminology linter
  reads prose;
- :mod:`handbook.leaks.fingerprint` makes the fingerprints: word shingles of every restricted
  sentence, less those the public tree quotes, and the SHA-256 of every restricted image;
- :mod:`handbook.leaks.outputs` reads every kind of file a site holds (HTML and its attributes, JS,
  CSS, JSON, Pagefind bundles, gzip and ZIP files, PDFs) as text views;
- :mod:`handbook.leaks.scan` runs the fingerprints over a built site (``handbook check --leaks``
  and the build's last post step, :mod:`handbook.leaks.step`).

The source-level errors (a public link to a restricted page, a restricted title in the public
navigation or change log) are a family of ``handbook check``: :mod:`handbook.check.leaks`.

No finding quotes restricted text: the public build's log is public. A finding names the output
file and position, and the restricted file and line the text came from.
"""

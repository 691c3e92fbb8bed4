"""Hostile and careless input in content files (docs/, snippets/).

- policy.py: the raw-HTML allow-list (elements, attributes, URL schemes),
  shared by the check and the sanitiser;
- rawhtml.py: raw HTML, attribute lists and link targets checked in Markdown
  source with ``file:line:col``;
- includes.py: snippets only from snippets/, no symbolic links;
- hygiene.py: invisible and bidirectional control characters, page size;
- sanitize.py: the rendered page content cleaned by nh3 (the second line).

``python -m scripts.safety`` runs the source checks over every content file
(each read once); ``make check``, the build and the serve hook run it.
"""

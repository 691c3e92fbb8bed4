"""How the site is built: the MkDocs plugin (``plugin``), the strict build
that never leaves a broken ``site/`` (``python -m scripts.build``) and the
translation of MkDocs' log into ``file:line: message`` (``buildlog``)."""

"""The page model and the pages made from it: front matter (``frontmatter``,
``model``), procedures and their catalogue, the review schedule, what's new,
the editors' guide and edit links."""

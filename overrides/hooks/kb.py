"""The site's only MkDocs hook: every event goes to one KnowledgeBase object
(scripts/build/plugin.py), which declares the order and keeps the per-build
state. MkDocs loads this file afresh with each configuration."""

from mkdocs.plugins import event_priority

from scripts.build.plugin import KnowledgeBase

kb = KnowledgeBase()

on_config = kb.on_config
on_pre_build = kb.on_pre_build
on_files = kb.on_files
on_env = kb.on_env
on_page_markdown = kb.on_page_markdown
on_page_content = kb.on_page_content
on_page_context = kb.on_page_context


@event_priority(-110)  # after kb-i18n (-100) has built /en/ and merged both editions' search entries
def on_post_build(config):
    return kb.on_post_build(config)

"""Contacts, escalation, misconduct reporting and glossary, generated from data/*.yaml.

``load.load_data`` reads and validates the YAML (every problem, with file, line
and field); ``outputs.generate`` turns valid data into the site's generated
pages and files (Markdown, vCards, contacts.json). The CLI
(``python -m scripts.contacts check|generate``) and the MkDocs hook
``scripts/build/plugin.py`` only calls these two.
"""

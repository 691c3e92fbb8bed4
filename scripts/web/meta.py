"""Site-wide files for crawlers and static hosts: robots.txt and _headers."""

from __future__ import annotations

from scripts.web import csp


def robots_txt(site_url: str) -> str:
    """Allow everything and point at the sitemap MkDocs writes.

    Crawlers read robots.txt only at a host's root: this file takes effect
    when the site is published at the root of its own domain.
    """
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def headers_file() -> str:
    return csp.headers_file()

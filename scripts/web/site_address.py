"""The site's public address (``site_url``), set at build time.

mkdocs.yml writes ``site_url: !ENV [KB_SITE_URL, <placeholder>]``: the
address is set at build time by the environment variable ``KB_SITE_URL``
(the deploy workflow takes it from the repository variable of that name).
Without it the placeholder is built in, and canonical links, the sitemap,
printed link addresses and the charter's QR code all point at an address
that may not be the real one: ``make build`` then prints a loud warning.
"""

from __future__ import annotations

import os
from pathlib import Path

from scripts import ROOT
from scripts.config import load_config

ENV = "KB_SITE_URL"


def site_url(root: Path = ROOT) -> str:
    """The address MkDocs builds in now (KB_SITE_URL, else the placeholder)."""
    return load_config(root / "mkdocs.yml").get("site_url") or ""


def placeholder(root: Path = ROOT) -> str:
    """The address mkdocs.yml falls back to when KB_SITE_URL is not set."""
    return load_config(root / "mkdocs.yml", environ=False).get("site_url") or ""


def placeholder_warning(root: Path = ROOT) -> str | None:
    """A banner for the build log when the placeholder address is built in."""
    url = site_url(root)
    if (os.environ.get(ENV) and url != placeholder(root)) or not url:
        return None
    line = "!" * 78
    return "\n".join(
        [
            line,
            f"!! CẢNH BÁO: site_url vẫn là địa chỉ tạm {url}",
            "!! Liên kết chính thức, sơ đồ trang, địa chỉ in trên giấy và mã QR của Tuyên ngôn",
            "!! phục vụ đều trỏ tới địa chỉ này. Trước khi in hoặc đăng trang, dựng lại với",
            f"!! {ENV}=https://địa-chỉ-thật/ make build",
            line,
        ]
    )

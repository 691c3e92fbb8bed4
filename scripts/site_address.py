"""The site's public address (``site_url``) and how mkdocs.yml is read as data.

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

import yaml
import yaml_env_tag

from scripts import ROOT

ENV = "KB_SITE_URL"


def _loader(environ: bool):
    class Loader(yaml.SafeLoader):
        """mkdocs.yml as data: !!python/name tags become their dotted name."""

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
    if environ:
        Loader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
    else:   # the value written in the file: the last item of !ENV [VAR, ..., default]
        Loader.add_constructor("!ENV", lambda loader, node: (
            loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))
    return Loader


def read_config(root: Path = ROOT, environ: bool = True) -> dict:
    """mkdocs.yml as plain data, ``!ENV`` resolved as MkDocs resolves it
    (``environ=False``: the defaults written in the file)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_loader(environ)) or {}


def site_url(root: Path = ROOT) -> str:
    return read_config(root).get("site_url") or ""


def placeholder(root: Path = ROOT) -> str:
    """The address mkdocs.yml falls back to when KB_SITE_URL is not set."""
    return read_config(root, environ=False).get("site_url") or ""


def placeholder_warning(root: Path = ROOT) -> str | None:
    """A banner for the build log when the placeholder address is built in."""
    url = site_url(root)
    if os.environ.get(ENV) and url != placeholder(root) or not url:
        return None
    line = "!" * 78
    return "\n".join([
        line,
        f"!! CẢNH BÁO: site_url vẫn là địa chỉ tạm {url}",
        "!! Liên kết chính thức, sơ đồ trang, địa chỉ in trên giấy và mã QR của Tuyên ngôn",
        "!! phục vụ đều trỏ tới địa chỉ này. Trước khi in hoặc đăng trang, dựng lại với",
        f"!! {ENV}=https://địa-chỉ-thật/ make build",
        line,
    ])

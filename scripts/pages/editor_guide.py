"""The editors' guide page on the site, made from CONTRIBUTING.md.

CONTRIBUTING.md is what GitHub shows to anyone opening a pull request; the
site shows the same text under "Dành cho biên tập viên" so it is written
once. It contains no relative links (they would differ between GitHub and
the site), and its "edit this page" link opens CONTRIBUTING.md itself.
"""

from pathlib import Path

from scripts import ROOT
from scripts.config import DEFAULT_OWNER
from scripts.search import boosts

PAGE = "bien-tap/huong-dan.md"
SOURCE = "CONTRIBUTING.md"


def page_markdown(root: Path = ROOT) -> str:
    body = (root / SOURCE).read_text(encoding="utf-8")
    return "\n".join(
        [
            "---",
            f"owner: {DEFAULT_OWNER}",
            "title: Hướng dẫn đóng góp",
            "description: Cách sửa trang và đầu mối liên hệ trên trình duyệt, ý nghĩa các thông báo "
            "kiểm tra và cách thêm một thủ tục.",
            f"edit_source: {SOURCE}",
            f"search: {{boost: {boosts.EDITORS}}}",
            "---",
            "",
            body,
        ]
    )

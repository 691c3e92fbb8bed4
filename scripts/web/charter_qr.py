"""The QR code printed on the service charter poster: it leads from the paper
copy at a customs office to the online page.

Made with segno at build time from the charter page's canonical URL and
served from the site's own origin as a PNG file (an image in the printed
PDF, where an SVG would become loose vector paths).
"""

from __future__ import annotations

import argparse
import io
import sys

import segno

# docs-relative source of the charter page and where its QR image is served.
CHARTER_PAGE = "tuyen-ngon-phuc-vu/index.md"
QR_FILE = "assets/images/tuyen-ngon-phuc-vu-qr.png"
# Pixels per QR module in the PNG: sharp at 28 mm on paper.
SCALE = 8
BORDER = 2
ALT_TEXT = "Mã QR dẫn tới bản trực tuyến của Tuyên ngôn phục vụ"


def qr_png(url: str) -> bytes:
    """A black-on-white PNG QR code (error correction M) for ``url``."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=SCALE, border=BORDER)
    return out.getvalue()


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the border: what a test
    compares with the image it finds in the printed PDF."""
    return [[bool(m) for m in row] for row in segno.make(url, error="m", micro=False).matrix]


def print_box(img_src: str, url: str) -> str:
    """HTML for the box that shows the QR code and the address on paper only."""
    from html import escape

    return (
        '<aside class="kb-print-qr">'
        f'<img src="{escape(img_src)}" alt="{escape(ALT_TEXT)}" width="96" height="96">'
        f'<p>Bản mới nhất trực tuyến, kèm nơi phản ánh và kênh liên hệ đã xác minh:<br><span class="kb-print-qr__url">{escape(url)}</span></p>'
        "</aside>"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the charter's QR code as PNG.")
    parser.add_argument("url", help="the charter page's canonical URL")
    parser.add_argument("out", help="PNG file to write")
    args = parser.parse_args(argv)
    with open(args.out, "wb") as f:
        f.write(qr_png(args.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())

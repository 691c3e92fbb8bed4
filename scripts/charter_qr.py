"""The QR code printed on the service charter poster: it leads from the paper
copy at a customs office to the online page.

Made with segno at build time from the charter page's canonical URL and
served from the site's own origin as an SVG file.
"""
from __future__ import annotations

import argparse
import io
import sys

import segno

# docs-relative source of the charter page and where its QR image is served.
CHARTER_PAGE = "tuyen-ngon-phuc-vu/index.md"
QR_FILE = "assets/images/tuyen-ngon-phuc-vu-qr.svg"
ALT_TEXT = "Mã QR dẫn tới bản trực tuyến của Tuyên ngôn phục vụ"


def qr_svg(url: str) -> str:
    """An SVG QR code (error correction M, black on white, with its title) for ``url``."""
    qr = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=4, border=2, dark="#000", light="#fff",
            title=ALT_TEXT, xmldecl=False, svgns=True, nl=True)
    return out.getvalue().decode("utf-8")


def print_box(img_src: str, url: str) -> str:
    """HTML for the box that shows the QR code and the address on paper only."""
    from html import escape
    return (
        '<aside class="kb-print-qr">'
        f'<img src="{escape(img_src)}" alt="{escape(ALT_TEXT)}" width="96" height="96">'
        f'<p>Xem bản mới nhất, gửi phản ánh trực tuyến:<br><span class="kb-print-qr__url">{escape(url)}</span></p>'
        "</aside>"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the charter's QR code as SVG.")
    parser.add_argument("url", help="the charter page's canonical URL")
    args = parser.parse_args(argv)
    sys.stdout.write(qr_svg(args.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())

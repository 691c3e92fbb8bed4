"""Files and metadata for browsers and hosts: the CSP, robots.txt and
_headers, page descriptions, the charter's QR code, the stylesheet bundle."""

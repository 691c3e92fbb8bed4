"""A static server that behaves like the site's hosts, and Chromium as tests
and benchmarks launch it."""

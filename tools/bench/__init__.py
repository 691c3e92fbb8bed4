"""Benchmarks: numbers printed next to a baseline measured in the same run
(``make bench-web``, ``make bench-search``); nothing here is asserted."""

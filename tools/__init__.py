"""Outside the build: benchmarks (``tools.bench``) and what tests and
benchmarks share to serve and browse a built site (``tools.testing``)."""

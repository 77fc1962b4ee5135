"""Benchmarks for vknz_desktop (run with ``make bench`` or ``python -m bench``).

Every figure is printed as a ratio against a baseline measured in the same run, on the same
machine and the same files; nothing here asserts on timings.
"""

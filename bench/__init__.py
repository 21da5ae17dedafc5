"""Accord's benchmarks: ``python -m bench`` (see ``bench/README.md``).

Every budget is a ratio against a baseline measured in the same run, with baseline and
subject runs interleaved, so that a noisy machine slows both sides alike.
"""

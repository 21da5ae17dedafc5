"""Accord's domain: the workshop and its rules, in plain Python."""

__version__ = "0.1.0"

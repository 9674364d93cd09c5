"""Merge news reports of one event into a neutral cited summary and a consistency report."""

__version__ = "0.1.0"

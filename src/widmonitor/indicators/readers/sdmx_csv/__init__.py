"""SDMX-CSV."""

from .reader import NAME, read, sniff

__all__ = ["NAME", "read", "sniff"]

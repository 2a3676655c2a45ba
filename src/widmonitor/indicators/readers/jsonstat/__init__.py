"""JSON-stat 2.0."""

from .reader import NAME, read, sniff

__all__ = ["NAME", "read", "sniff"]

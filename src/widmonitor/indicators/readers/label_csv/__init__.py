"""the label CSV export."""

from .reader import NAME, read, sniff

__all__ = ["NAME", "read", "sniff"]

"""the tidy digital-skills extract."""

from .reader import NAME, read, sniff

__all__ = ["NAME", "read", "sniff"]

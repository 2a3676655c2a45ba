"""SDMX-CSV 2.0."""

from .writer import CONFORMS_TO, EXTENSION, MEDIA_TYPE, NAME, write

__all__ = ["CONFORMS_TO", "EXTENSION", "MEDIA_TYPE", "NAME", "write"]

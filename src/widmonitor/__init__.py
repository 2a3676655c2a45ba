"""widmonitor: run and monitor a national Women in Digital strategy."""

__version__ = "0.1.0"

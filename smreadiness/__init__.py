"""smreadiness: is social media right for this business now, and what to fix first."""

__version__ = "0.1.0"

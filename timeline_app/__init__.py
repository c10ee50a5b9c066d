"""Timeline Reader: turn news articles into a dated, zoomable timeline."""

__version__ = "0.1.0"

"""Mining Impact Explorer: analysis, rendering, reports, command line and desktop app."""

__version__ = "0.1.0"

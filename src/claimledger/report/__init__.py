"""Report renderers: JSON (the public contract), Rich text for the terminal, one self-contained HTML page."""

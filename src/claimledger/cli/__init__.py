"""The command line: a thin layer that parses options, builds Settings, calls the core and renders."""

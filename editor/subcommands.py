"""The command line's subcommands, by name only: main.py reads them to tell
a command from a file to open without importing the command line itself
(the window would pay for the exporter, the Word importer and the rest)."""

SUBCOMMANDS = ("export", "check", "import", "publish", "library")
# Checks the installation in the preview, so it needs Qt: main.py runs it
# from ui/, not through the command line (which never loads Qt).
SELF_CHECK = "self-check"

"""The app's version, declared once: pyproject.toml reads it for the
package, ``--version`` and Help ▸ About show it, the bundle's folder and
the update check (editor/updates.py) compare it."""

VERSION = "0.1.0"

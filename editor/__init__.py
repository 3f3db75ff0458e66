"""Tòa Soạn's Qt-free core: article model, text rules, rendering, export.

Nothing in this package may import PySide6: the command line and the
whole ``tests/editor`` suite run without a display.
"""

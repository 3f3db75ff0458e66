"""Tòa Soạn's desktop window: PySide6 widgets over the Qt-free ``editor`` core."""

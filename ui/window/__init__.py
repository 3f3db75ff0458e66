"""The main window and what it lays out around the form and the preview: actions, status bar, panels, welcome."""

"""The open article as the window sees it: the adapter around the model (document.py) and its undo commands."""

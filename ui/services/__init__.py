"""The window's work on files and the outside: new/open/save/export, what comes in (photos, Word), autosave, Copy for CMS."""

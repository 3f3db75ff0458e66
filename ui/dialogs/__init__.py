"""The dialogs: find and replace, publishing, site profile, recovery, about, shortcuts, update offer, questions and notices."""

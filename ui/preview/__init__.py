"""The live preview: the web view, its toasoan:// scheme, the page widths, QtWebEngine set-up and the PDF printer."""

"""What every part of the window uses: settings, language, error sentences, workers, the photo cache, the clipboard."""

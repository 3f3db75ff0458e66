"""The composer form: article fields, related links, and the body's blocks."""

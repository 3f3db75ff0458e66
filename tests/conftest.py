from __future__ import annotations

import os

# Qt tests run without a display; the core tests never load Qt at all.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

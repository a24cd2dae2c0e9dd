"""The text of a PDF as poppler's ``pdftotext`` reads it, for tests that check what a document prints.

``make browser-deps`` (run by ``make test``) installs poppler-utils. On a developer's machine without it
the check is skipped; in CI (``CI`` set) a missing tool fails the test, so a check never vanishes there.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def pdf_text(content: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        message = "pdftotext (poppler-utils) is missing: make browser-deps installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([pdftotext, "-", "-"], input=content, capture_output=True, check=True)
    return done.stdout.decode()

"""French and English catalogues are complete: every string in the code has both translations."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

SOURCE = Path(__file__).resolve().parents[2] / "src" / "comptoir"
pytestmark = pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")


def extracted_catalogue(tmp_path: Path, language: str):
    """Runs makemessages on a copy of the code and returns the catalogue it would write."""
    copy = tmp_path / "comptoir"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", language, "--no-location", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "comptoir.config.settings", "PATH": "/usr/bin:/bin"},
    )
    with open(copy / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as po_file:
        return read_po(po_file)


def _translated(message) -> bool:
    return all(message.string) if isinstance(message.string, tuple) else bool(message.string)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_string_of_the_code_is_translated(tmp_path, language):
    catalogue = extracted_catalogue(tmp_path, language)
    missing = [message.id for message in catalogue if message.id and not _translated(message)]
    fuzzy = [message.id for message in catalogue if message.id and message.fuzzy]
    assert missing == [], f"untranslated in {language}: {missing[:20]}"
    assert fuzzy == [], f"fuzzy in {language}: {fuzzy[:20]}"


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("fr", 0, "0 produit"), ("fr", 1, "1 produit"), ("fr", 2, "2 produits"), ("en", 0, "0 products")],
)
def test_plurals_follow_each_language_rule(language, count, expected):
    with translation.override(language):
        text = translation.ngettext("%(counter)s produit", "%(counter)s produits", count) % {"counter": count}
    assert text == expected

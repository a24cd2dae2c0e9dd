"""Tidy the catalogues after makemessages (run by `make messages`).

- Our source strings are French: the French catalogue translates each one to itself. A fuzzy
  French entry is a guess by gettext from a neighbouring string: it is replaced by its own msgid.
- Both catalogues get a real header (language, plural forms, not fuzzy): msgfmt drops a fuzzy
  header, and Django would then count French plurals the English way.
English is translated by hand in locale/en; the i18n tests fail while an entry is empty or fuzzy.
"""

from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parents[1] / "src/comptoir/locale"


def tidy(language: str) -> None:
    path = LOCALE / language / "LC_MESSAGES/django.po"
    with path.open("rb") as po_file:
        catalogue = read_po(po_file, locale=language)
    catalogue.locale = language  # type: ignore[assignment]  # babel parses the identifier
    catalogue.fuzzy = False
    catalogue.project, catalogue.version = "Comptoir", "0.1"
    if language == "fr":
        for message in catalogue:
            if message.id:
                message.string = tuple(message.id) if isinstance(message.id, tuple) else message.id
                message.flags.discard("fuzzy")
    with path.open("wb") as po_file:
        write_po(po_file, catalogue, width=0, omit_header=False, include_lineno=False)


for language in ("fr", "en"):
    tidy(language)

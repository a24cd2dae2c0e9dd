"""Fill the English catalogue by hand, in bulk (after `make messages`).

    python scripts/english.py missing            # JSON of every English entry still empty or fuzzy
    python scripts/english.py apply FILE.json    # {"msgid": "English"} or {"context|msgid": ...};
                                                 # a plural takes ["singular", "plural"]

`make messages` then compiles; tests/i18n fails while an entry is left empty or fuzzy.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PATH = Path(__file__).resolve().parents[1] / "src/comptoir/locale/en/LC_MESSAGES/django.po"


def _key(message) -> str:  # type: ignore[no-untyped-def]
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"{message.context}|{msgid}" if message.context else msgid


def _read():  # type: ignore[no-untyped-def]
    with PATH.open("rb") as po_file:
        return read_po(po_file, locale="en")


def missing() -> None:
    catalogue = _read()
    todo = {}
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if "fuzzy" in message.flags or not all(strings):
            todo[_key(message)] = list(message.id) if isinstance(message.id, tuple) else ""
    print(json.dumps(todo, ensure_ascii=False, indent=1))


def apply(file: str) -> None:
    translations = json.loads(Path(file).read_text())
    catalogue = _read()
    done = 0
    for message in catalogue:
        if message.id and _key(message) in translations:
            value = translations[_key(message)]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            done += 1
    with PATH.open("wb") as po_file:
        write_po(po_file, catalogue, width=0, omit_header=False, include_lineno=False)
    print(f"{done} of {len(translations)} applied")


if __name__ == "__main__":
    {"missing": lambda: missing(), "apply": lambda: apply(sys.argv[2])}[sys.argv[1]]()

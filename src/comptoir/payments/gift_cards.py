"""Gift card codes: drawn at random, written in groups of four, read back whatever the typing."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L: a code is read off an email and typed by hand. 16 letters of 31: about 79 bits.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 16


class GiftCardRefused(Exception):
    """The card cannot pay: unknown, switched off, expired or empty. ``messages`` say why."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.messages = messages


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[index : index + 4] for index in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """``abcd efgh-jkmn pqrs`` → ``ABCD-EFGH-JKMN-PQRS``; anything not a code letter is dropped."""
    letters = [character for character in text.upper() if character in ALPHABET]
    raw = "".join(letters)
    return "-".join(raw[index : index + 4] for index in range(0, len(raw), 4))

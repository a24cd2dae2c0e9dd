"""Why the cart refused a change, in words the customer reads next to the button she pressed."""

from __future__ import annotations

from collections.abc import Sequence


class CartError(Exception):
    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__(" ".join(self.messages))

from __future__ import annotations


class ResellerError(Exception):
    """A reseller rule refused the action; ``messages`` are shown to the person as they are."""

    def __init__(self, message: str) -> None:
        self.messages = [message]
        super().__init__(message)


class NoWholesaleAccess(Exception):
    """This person is not a buyer of an active approved company: no wholesale price for them."""

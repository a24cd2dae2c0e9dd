"""What order services refuse, with a message a person can read (French msgids, translated)."""

from __future__ import annotations


class OrderTransitionRefused(Exception):
    """The order is not in a status that allows this move (checked inside the row lock)."""

    def __init__(
        self, message: str, *, order_number: str = "", from_status: str = "", to_status: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.order_number = order_number
        self.from_status = from_status
        self.to_status = to_status


class WithdrawalRefused(OrderTransitionRefused):
    """The right of withdrawal cannot be exercised (not delivered, or the 14 days are over)."""


class PartShipmentRefused(Exception):
    """A part shipment asks for pieces that are not (or no longer) waiting: every problem is listed."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(" ".join(messages))
        self.messages = messages

"""Why an order could not be placed, in words the customer reads on the checkout page.

Every error carries ``messages``: one sentence per thing that changed or is wrong ("Chemise Oxford
(Bleu / 41) : plus que 2 pièces disponibles (3 demandées)"), so the page can list them all at once.
Nothing was reserved and no order exists when one of these is raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from comptoir.inventory.stock_lines import Shortage


class CheckoutError(Exception):
    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__(" ".join(self.messages))


class EmptyCart(CheckoutError):
    def __init__(self) -> None:
        super().__init__([_("Votre panier est vide.")])


class TermsNotAccepted(CheckoutError):
    def __init__(self) -> None:
        super().__init__([_("Acceptez les conditions générales de vente pour commander.")])


class InvalidCheckout(CheckoutError):
    """Something the checkout form should have caught (a missing key, an unknown payment method)."""


class InvalidDiscount(CheckoutError):
    """The discount code does not apply: unknown, expired, used up, or not for this basket."""


class InvalidGiftCard(CheckoutError):
    """The gift card code typed cannot pay (unknown, expired, empty): the order is not placed."""


class InvalidQuantity(CheckoutError):
    """A line asks for zero, a negative, a fraction or more than a household needs."""


class ItemsUnavailable(CheckoutError):
    """A product was withdrawn from sale between the cart and the order."""


class OutOfStock(CheckoutError):
    """Someone bought the last pieces first: every short line is listed."""

    def __init__(self, shortages: Sequence[Shortage]) -> None:
        self.shortages = list(shortages)
        super().__init__([shortage.message for shortage in self.shortages])


class MissingPurchaseOrderReference(CheckoutError):
    def __init__(self) -> None:
        super().__init__([_("Indiquez votre référence de commande (bon de commande).")])


class OrderRulesNotMet(CheckoutError):
    """A reseller order below a minimum, or with a size off its pack multiple: every rule is named.

    ``problems``: the same, for a program (``resellers.rules.RuleProblem``: the rule, the line, the cell).
    """

    def __init__(self, messages: Sequence[str], problems: Sequence[Any] = ()) -> None:
        super().__init__(messages)
        self.problems = list(problems)

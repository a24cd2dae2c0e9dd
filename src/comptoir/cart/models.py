"""A shopping bag: what a guest or a customer means to buy, before any price or stock is promised.

The cart holds variants and quantities only. Prices and stock are read live each time the cart is
shown (``selectors.cart_summary``) and again when the order is placed; ``seen_unit_price`` remembers
the price the customer last saw, so the cart can say plainly when it changed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.catalog.models import Variant
from comptoir.core.models import TimeStampedModel


class Cart(TimeStampedModel):
    """A guest's cart is found through the session; a customer's through ``customer`` (one per person)."""

    customer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cart",
    )
    # The one reminder a forgotten cart may get (marketing/services/remind_forgotten_carts.py).
    reminded_at = models.DateTimeField(_("relance envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("panier")
        verbose_name_plural = _("paniers")

    def __str__(self) -> str:
        return f"#{self.pk}"


class CartLine(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        Variant, verbose_name=_("variante"), on_delete=models.CASCADE, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantité"))
    seen_unit_price = models.DecimalField(
        _("prix unitaire vu par le client"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ligne de panier")
        verbose_name_plural = _("lignes de panier")
        ordering = ("added_at", "pk")
        constraints = [
            models.UniqueConstraint(fields=("cart", "variant"), name="cart_line_one_per_variant"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="cart_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.variant} × {self.quantity}"

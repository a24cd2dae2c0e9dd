"""A batch: the orders prepared together, so their papers and carrier files can be downloaded again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.orders.models import Order, OrderLine


class Batch(models.Model):
    """The documents are drawn again from the orders on each download: nothing goes stale on disk."""

    created_at = models.DateTimeField(_("préparé le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("par"),
    )
    orders = models.ManyToManyField(Order, related_name="batches", verbose_name=_("commandes"))

    class Meta:
        verbose_name = _("lot de préparation")
        verbose_name_plural = _("lots de préparation")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"#{self.pk} {self.created_at:%Y-%m-%d %H:%M}"


class PackingCheck(models.Model):
    """What was scanned into an order's parcel: each line ticked by its EAN-13, wrong items flagged."""

    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="packing_check")
    scanned = models.JSONField(default=dict)  # sku → pieces scanned
    wrong_scans = models.JSONField(default=list)  # what did not belong: codes, in order
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contrôle de colis")
        verbose_name_plural = _("contrôles de colis")

    def __str__(self) -> str:
        return f"{self.order}"


class Shipment(models.Model):
    """One parcel of an order that leaves in parts: what it held, its tracking number, who sent it when.

    Lives in fulfilment (parcels, slips, carrier files) rather than in orders: the order only counts,
    per line, what left (``OrderLine.quantity_shipped``); invoicing, above, invoices each parcel.
    """

    order = models.ForeignKey(
        Order, on_delete=models.PROTECT, related_name="shipments", verbose_name=_("commande")
    )
    position = models.PositiveSmallIntegerField(_("colis n°"))
    tracking_number = models.CharField(_("numéro de suivi"), max_length=64)
    shipped_at = models.DateTimeField(_("expédié le"))
    shipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )

    class Meta:
        verbose_name = _("colis expédié")
        verbose_name_plural = _("colis expédiés")
        ordering = ("order", "position")
        constraints = [
            models.UniqueConstraint(fields=("order", "position"), name="one_parcel_number_per_order")
        ]

    def __str__(self) -> str:
        return f"{self.order.number}-{self.position}"

    @property
    def reference(self) -> str:
        """The parcel's name on its slip and in the carrier's file: « R2026-000123-2 »."""
        return f"{self.order.number}-{self.position}"


class ShipmentLine(models.Model):
    shipment = models.ForeignKey(
        Shipment, on_delete=models.CASCADE, related_name="lines", verbose_name=_("colis")
    )
    order_line = models.ForeignKey(
        OrderLine, on_delete=models.PROTECT, related_name="shipment_lines", verbose_name=_("ligne")
    )
    quantity = models.PositiveIntegerField(_("quantité"))

    class Meta:
        verbose_name = _("ligne de colis")
        verbose_name_plural = _("lignes de colis")
        ordering = ("order_line_id",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="shipment_line_quantity_positive"
            ),
            models.UniqueConstraint(
                fields=("shipment", "order_line"), name="one_line_per_parcel_and_order_line"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line.sku}"

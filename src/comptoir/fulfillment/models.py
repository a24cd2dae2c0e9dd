"""A batch: the orders prepared together, so their papers and carrier files can be downloaded again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.orders.models import Order


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

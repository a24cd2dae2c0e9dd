"""Reviews from verified buyers only: one per product of a delivered order, moderated before shown.

French consumer law (Code de la consommation, art. L111-7-2) asks the shop to say whether reviews
are checked and how: here every review comes from an order, and the founder reads each one.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from comptoir.catalog.models import Product
from comptoir.orders.models import Order


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("À modérer")
    APPROVED = "approved", _("Publié")
    REJECTED = "rejected", _("Refusé")


class Review(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+", verbose_name=_("commande"))
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("produit")
    )
    name = models.CharField(_("nom affiché"), max_length=60)
    rating = models.PositiveSmallIntegerField(_("note"))
    body = models.TextField(_("avis"), max_length=2000)
    status = models.CharField(
        _("statut"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    purchased_at = models.DateTimeField(_("acheté le"))
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        ordering = ("-published_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=("order", "product"), name="one_review_per_product_per_order"),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="review_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} — {self.rating}/5"

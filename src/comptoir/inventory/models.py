"""Stock per variant: what is on the shelf and how much of it placed orders already hold.

``on_hand`` counts the pieces in the workshop; ``reserved`` the pieces promised to orders that are
placed but not shipped yet. A customer can buy only what is ``available`` (on hand minus reserved).
The services in ``inventory/services/`` are the only writers of both counters once a shop is live;
the CheckConstraints below are the backstop should any code forget it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comptoir.catalog.models import Variant

DEFAULT_LOW_STOCK_THRESHOLD = 3


def available_stock(prefix: str = "") -> CombinedExpression:
    """``StockRecord.available`` in SQL, for annotations and filters; ``prefix`` leads to the record from
    another model (``"stock__"`` from a variant). Never negative: a constraint keeps reserved ≤ on hand."""
    return F(f"{prefix}on_hand") - F(f"{prefix}reserved")


class Availability(models.TextChoices):
    IN_STOCK = "in_stock", _("Disponible")
    LOW = "low", _("Plus que quelques pièces")
    SOLD_OUT = "sold_out", _("Épuisé")


class StockRecord(models.Model):
    variant = models.OneToOneField(
        Variant, on_delete=models.CASCADE, related_name="stock", verbose_name=_("variante")
    )
    on_hand = models.PositiveIntegerField(_("en stock"), default=0)
    reserved = models.PositiveIntegerField(
        _("réservé"),
        default=0,
        help_text=_("Pièces promises à des commandes pas encore expédiées."),
    )
    low_stock_threshold = models.PositiveSmallIntegerField(
        _("seuil de stock bas"), default=DEFAULT_LOW_STOCK_THRESHOLD
    )
    location = models.CharField(
        _("emplacement"),
        max_length=40,
        blank=True,
        help_text=_("Étagère ou bac, pour les listes de préparation."),
    )

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stocks")
        constraints = [
            models.CheckConstraint(condition=models.Q(on_hand__gte=0), name="stock_on_hand_not_negative"),
            models.CheckConstraint(condition=models.Q(reserved__gte=0), name="stock_reserved_not_negative"),
            models.CheckConstraint(
                condition=models.Q(reserved__lte=models.F("on_hand")), name="stock_reserved_within_on_hand"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant.sku}: {self.available}/{self.on_hand}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # ``reserved`` moves only through the stock services' conditional UPDATEs. A form (admin,
        # inline) saving a copy read minutes ago must never write its stale count back over the
        # reservations made meanwhile, so a plain save of an existing row leaves it out.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "reserved"
            ]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        reserved = self._reserved_in_database()
        if self.on_hand < reserved:
            raise ValidationError(
                {
                    "on_hand": ngettext(
                        "%(reserved)d pièce est réservée par une commande à expédier : "
                        "le stock ne peut pas descendre en dessous.",
                        "%(reserved)d pièces sont réservées par des commandes à expédier : "
                        "le stock ne peut pas descendre en dessous.",
                        reserved,
                    )
                    % {"reserved": reserved}
                }
            )

    def _reserved_in_database(self) -> int:
        if self.pk is None:
            return self.reserved
        reserved = StockRecord.objects.filter(pk=self.pk).values_list("reserved", flat=True).first()
        return reserved if reserved is not None else self.reserved

    @property
    def available(self) -> int:
        """What a customer may still buy: on hand minus what placed orders hold (``available_stock``)."""
        return max(self.on_hand - self.reserved, 0)

    @property
    def availability(self) -> Availability:
        return availability_for(available=self.available, low_stock_threshold=self.low_stock_threshold)


class MovementReason(models.TextChoices):
    RECEIVED = "received", _("Réception de l'atelier")
    COUNT = "count", _("Inventaire (comptage)")
    DAMAGED = "damaged", _("Pièce abîmée ou perdue")
    SHIPPED = "shipped", _("Expédition d'une commande")
    RETURNED = "returned", _("Retour client accepté")
    IMPORT = "import", _("Import du tableur")
    CORRECTION = "correction", _("Correction")


class StockMovement(models.Model):
    """One change of a variant's shelf count, with why and who: the stock's history, append-only."""

    variant = models.ForeignKey(
        Variant, on_delete=models.CASCADE, related_name="stock_movements", verbose_name=_("variante")
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False, db_index=True)
    change = models.IntegerField(_("mouvement"))
    on_hand_after = models.PositiveIntegerField(_("stock après"))
    reason = models.CharField(_("motif"), max_length=12, choices=MovementReason.choices)
    reference = models.CharField(_("référence"), max_length=40, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("mouvement de stock")
        verbose_name_plural = _("mouvements de stock")

    def __str__(self) -> str:
        return f"{self.variant_id} {self.change:+d} ({self.reason})"


def availability_for(
    *, available: int, low_stock_threshold: int = DEFAULT_LOW_STOCK_THRESHOLD
) -> Availability:
    """In stock, low or sold out, from the *available* quantity (never ``on_hand`` alone)."""
    if available <= 0:
        return Availability.SOLD_OUT
    if available <= low_stock_threshold:
        return Availability.LOW
    return Availability.IN_STOCK

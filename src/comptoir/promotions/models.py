"""Discount codes: what they take off, for whom, how often; and each time one was used."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from comptoir.catalog.models import Collection, Product
from comptoir.core.models import TimeStampedModel
from comptoir.orders.models import Order


class DiscountKind(models.TextChoices):
    PERCENT = "percent", _("Pourcentage")
    FIXED = "fixed", _("Montant fixe")
    FREE_SHIPPING = "free_shipping", _("Livraison offerte")


class Channel(models.TextChoices):
    BOUTIQUE = "boutique", _("Boutique seulement")
    RESELLERS = "resellers", _("Revendeurs seulement")
    BOTH = "both", _("Boutique et revendeurs")


class DiscountCode(TimeStampedModel):
    code = models.CharField(_("code"), max_length=40, unique=True, help_text=_("Enregistré en majuscules."))
    kind = models.CharField(
        _("type"), max_length=16, choices=DiscountKind.choices, default=DiscountKind.PERCENT
    )
    value = models.DecimalField(
        _("valeur"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("Pourcentage (10 = 10 %) ou montant TTC en euros ; ignoré pour la livraison offerte."),
    )
    minimum_basket = models.DecimalField(
        _("panier minimum"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    starts_at = models.DateTimeField(_("valable à partir du"), null=True, blank=True)
    ends_at = models.DateTimeField(_("valable jusqu'au"), null=True, blank=True)
    max_uses = models.PositiveIntegerField(_("utilisations au total"), null=True, blank=True)
    max_uses_per_customer = models.PositiveIntegerField(_("utilisations par client"), null=True, blank=True)
    uses_count = models.PositiveIntegerField(_("utilisations"), default=0, editable=False)
    products = models.ManyToManyField(
        Product, blank=True, related_name="+", verbose_name=_("limité à ces produits")
    )
    collections = models.ManyToManyField(
        Collection, blank=True, related_name="+", verbose_name=_("limité à ces collections")
    )
    channel = models.CharField(_("canal"), max_length=12, choices=Channel.choices, default=Channel.BOUTIQUE)
    is_active = models.BooleanField(_("actif"), default=True)
    ambassador = models.CharField(
        _("ambassadeur"),
        max_length=120,
        blank=True,
        help_text=_("La personne qui diffuse ce code : ses commandes sont suivies dans la liste des codes."),
    )

    class Meta:
        verbose_name = _("code de réduction")
        verbose_name_plural = _("codes de réduction")
        ordering = ("-created_at",)
        constraints = [
            # The last allowed use cannot be taken twice: the count can never pass the limit.
            models.CheckConstraint(
                condition=Q(max_uses__isnull=True) | Q(uses_count__lte=F("max_uses")),
                name="discount_code_uses_within_limit",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="discount_code_value_positive"),
            models.CheckConstraint(
                condition=~Q(kind=DiscountKind.PERCENT) | Q(value__lte=100), name="discount_code_percent_sane"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.code = self.code.strip().upper()
        super().save(*args, **kwargs)


class Redemption(models.Model):
    """One use of a code: at most one per order."""

    code = models.ForeignKey(DiscountCode, on_delete=models.PROTECT, related_name="redemptions")
    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="redemption")
    email = models.EmailField(_("adresse e-mail"))
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    amount_gross = models.DecimalField(_("remise TTC"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("utilisation")
        verbose_name_plural = _("utilisations")
        indexes = [models.Index(fields=["code", "email"])]

    def __str__(self) -> str:
        return f"{self.code} → {self.order}"

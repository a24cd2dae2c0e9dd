"""Where the shop ships, how, and for how much: zones of countries, their methods, priced by weight.

Names and descriptions are translated (``translation.py``, django-modeltranslation). Prices include
VAT (the boutique's prices do); the VAT rate of each method turns them into a net amount.
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField

STANDARD_VAT_RATE = Decimal("0.20")


class ShippingZone(models.Model):
    """A group of countries served by the same methods; one zone may catch every country left out."""

    name = models.CharField(_("nom"), max_length=80)
    countries = CountryField(_("pays"), multiple=True, blank=True)
    is_rest_of_world = models.BooleanField(
        _("reste du monde"),
        default=False,
        help_text=_("Sert tous les pays qu'aucune autre zone ne cite. Une seule zone peut l'être."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("zone de livraison")
        verbose_name_plural = _("zones de livraison")
        constraints = [
            models.UniqueConstraint(
                fields=["is_rest_of_world"],
                condition=models.Q(is_rest_of_world=True),
                name="shipping_zone_one_rest_of_world",
                violation_error_message=_("Une seule zone peut servir le reste du monde."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def country_codes(self) -> list[str]:
        """ISO codes of the listed countries (``["FR", "MC"]``)."""
        # django-countries hands back Country objects; the type stubs only see the CharField under them.
        return [country.code for country in cast("list[Country]", self.countries)]

    def clean(self) -> None:
        # A country in two zones would make its shipping depend on the zones' order: refuse it.
        codes = set(self.country_codes)
        for other in ShippingZone.objects.exclude(pk=self.pk):
            shared = sorted(codes & set(other.country_codes))
            if shared:
                message = _("%(countries)s figure déjà dans la zone « %(zone)s ».")
                params = {"countries": ", ".join(shared), "zone": other.name}
                raise ValidationError({"countries": ValidationError(message, params=params)})


class Carrier(models.TextChoices):
    COLISSIMO = "colissimo", _("Colissimo, à domicile")
    MONDIAL_RELAY = "mondial_relay", _("Mondial Relay, point relais")
    PICKUP = "pickup", _("Retrait en personne")


class ShippingMethod(models.Model):
    zone = models.ForeignKey(
        ShippingZone, on_delete=models.CASCADE, related_name="methods", verbose_name=_("zone")
    )
    name = models.CharField(_("nom"), max_length=120)
    description = models.CharField(_("description"), max_length=240, blank=True)
    carrier = models.CharField(_("transporteur"), max_length=20, choices=Carrier.choices)
    is_active = models.BooleanField(_("proposé"), default=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    free_above = models.DecimalField(
        _("offert dès (TTC)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Livraison offerte quand le panier atteint ce montant TTC. Laisser vide : jamais."),
    )
    vat_rate = models.DecimalField(
        _("taux de TVA"),
        max_digits=5,
        decimal_places=4,
        default=STANDARD_VAT_RATE,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("0.9999"))],
    )

    class Meta:
        ordering = ("zone__position", "zone_id", "position", "id")
        verbose_name = _("mode de livraison")
        verbose_name_plural = _("modes de livraison")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(free_above__isnull=True) | models.Q(free_above__gte=0),
                name="shipping_method_free_above_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(vat_rate__gte=0) & models.Q(vat_rate__lt=1),
                name="shipping_method_vat_rate_sane",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def requires_pickup_point(self) -> bool:
        return self.carrier == Carrier.MONDIAL_RELAY


class WeightBand(models.Model):
    """The price of a parcel weighing up to ``max_weight_grams`` (the smallest band that fits wins)."""

    method = models.ForeignKey(
        ShippingMethod, on_delete=models.CASCADE, related_name="bands", verbose_name=_("mode de livraison")
    )
    max_weight_grams = models.PositiveIntegerField(_("poids maximal (g)"))
    price = models.DecimalField(
        _("livraison TTC"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )

    class Meta:
        ordering = ("max_weight_grams",)
        verbose_name = _("tranche de poids")
        verbose_name_plural = _("tranches de poids")
        constraints = [
            models.UniqueConstraint(
                fields=["method", "max_weight_grams"], name="weight_band_unique_in_method"
            ),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="weight_band_price_not_negative"),
        ]

    def __str__(self) -> str:
        return _("jusqu'à %(grams)s g : %(price)s €") % {"grams": self.max_weight_grams, "price": self.price}

"""Wholesale price lists: one default list, one list per price group, volume tiers.

A list stands alone: a variant's HT price is the list's own item for it, else the retail price HT
divided by the list's coefficient and rounded by the list's rule. Resellers without a group (or whose
group has no list) buy from the default list.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from comptoir.catalog.models import Collection, Product, Variant
from comptoir.core.models import TimeStampedModel


class Rounding(models.TextChoices):
    CENT = "0.01", _("Au centime")
    TEN_CENTS = "0.10", _("Aux 10 centimes")
    FIFTY_CENTS = "0.50", _("Aux 50 centimes")
    EURO = "1.00", _("À l'euro")


def round_to_step(amount: Decimal, *, step: Decimal) -> Decimal:
    """Nearest multiple of ``step``, half up (29,95 → 30,00 to 0.10; 29,74 → 29,50 to 0.50)."""
    return ((amount / step).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * step).quantize(Decimal("0.01"))


class PriceGroup(models.Model):
    name = models.CharField(_("nom"), max_length=80, unique=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("groupe de prix")
        verbose_name_plural = _("groupes de prix")

    def __str__(self) -> str:
        return self.name


class PriceList(TimeStampedModel):
    name = models.CharField(_("nom"), max_length=80)
    price_group = models.OneToOneField(
        PriceGroup,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="price_list",
        verbose_name=_("groupe de prix"),
        help_text=_("Laisser vide pour le tarif revendeur par défaut (un seul)."),
    )
    coefficient = models.DecimalField(
        _("coefficient"),
        max_digits=6,
        decimal_places=3,
        default=Decimal("2.000"),
        validators=[MinValueValidator(Decimal("1.000"))],
        help_text=_("Prix HT revendeur = prix public HT ÷ coefficient, quand la variante n'a pas de prix."),
    )
    rounding = models.CharField(_("arrondi"), max_length=4, choices=Rounding.choices, default=Rounding.CENT)
    first_order_minimum = models.DecimalField(
        _("minimum de première commande (HT)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 : pas de minimum."),
    )
    reorder_minimum = models.DecimalField(
        _("minimum de réassort (HT)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Pour les commandes suivantes. 0 : pas de minimum."),
    )

    class Meta:
        ordering = ("price_group__name", "id")
        verbose_name = _("tarif revendeur")
        verbose_name_plural = _("tarifs revendeurs")
        constraints = [
            # Coalesce: one list without a group (the default) at most; NULLs would be distinct otherwise.
            models.UniqueConstraint(Coalesce("price_group", 0), name="price_list_one_per_group"),
            models.CheckConstraint(
                condition=models.Q(coefficient__gte=1), name="price_list_coefficient_sane"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_default(self) -> bool:
        return self.price_group_id is None

    def derived_net(self, *, retail_gross: Decimal, vat_rate: Decimal) -> Decimal:
        """HT drawn from the retail price: TTC ÷ (1 + VAT) ÷ coefficient, then the list's rounding."""
        return round_to_step(retail_gross / (1 + vat_rate) / self.coefficient, step=Decimal(self.rounding))


class PriceListItem(models.Model):
    price_list = models.ForeignKey(
        PriceList, on_delete=models.CASCADE, related_name="items", verbose_name=_("tarif")
    )
    variant = models.ForeignKey(
        Variant, on_delete=models.CASCADE, related_name="price_list_items", verbose_name=_("variante")
    )
    net_price = models.DecimalField(
        _("prix HT"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )

    class Meta:
        ordering = ("price_list_id", "variant_id")
        verbose_name = _("prix d'une variante")
        verbose_name_plural = _("prix des variantes")
        constraints = [
            models.UniqueConstraint(fields=["price_list", "variant"], name="price_list_item_unique"),
            models.CheckConstraint(condition=models.Q(net_price__gt=0), name="price_list_item_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.variant} — {self.net_price}"


class VolumeTier(models.Model):
    """From ``min_quantity`` pieces (of the product, or of any product when none is set), a discount."""

    price_list = models.ForeignKey(
        PriceList, on_delete=models.CASCADE, related_name="tiers", verbose_name=_("tarif")
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("produit"),
        help_text=_("Laisser vide : vaut pour tous les produits."),
    )
    min_quantity = models.PositiveIntegerField(_("à partir de (pièces)"), validators=[MinValueValidator(1)])
    discount_percent = models.DecimalField(
        _("remise (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        ordering = ("price_list_id", "product_id", "min_quantity")
        verbose_name = _("remise sur quantité")
        verbose_name_plural = _("remises sur quantité")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discount_percent__gt=0) & models.Q(discount_percent__lte=100),
                name="volume_tier_discount_sane",
            ),
            models.CheckConstraint(condition=models.Q(min_quantity__gte=1), name="volume_tier_quantity_sane"),
        ]

    def __str__(self) -> str:
        return f"≥ {self.min_quantity} : −{self.discount_percent} %"


# --- Sales and the retail price history (the boutique only: wholesale lists never go on sale) -----------


class SaleKind(models.TextChoices):
    PERCENTAGE = "percentage", _("Pourcentage de réduction")
    FIXED_PRICE = "fixed_price", _("Prix soldé TTC")


class Sale(TimeStampedModel):
    """A reduced boutique price for a period, on products and/or every product of collections.

    When several sales cover one piece at once, the lowest price wins. The struck-through price a
    customer sees is the lowest price of the 30 days before the sale started (``pricing.sales``).
    """

    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Pour vous seulement, par ex. « Soldes d'été ».")
    )
    kind = models.CharField(_("type"), max_length=12, choices=SaleKind.choices, default=SaleKind.PERCENTAGE)
    value = models.DecimalField(
        _("valeur"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Pourcentage (30 = −30 %) ou prix TTC en euros de chaque pièce concernée."),
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    products = models.ManyToManyField(
        Product, blank=True, related_name="sales", verbose_name=_("produits soldés")
    )
    collections = models.ManyToManyField(
        Collection,
        blank=True,
        related_name="sales",
        verbose_name=_("collections soldées"),
        help_text=_("Tous les produits de ces collections, y compris ceux ajoutés pendant la période."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Décocher arrête la vente tout de suite.")
    )

    class Meta:
        ordering = ("-starts_at", "-id")
        verbose_name = _("vente à prix réduit")
        verbose_name_plural = _("ventes à prix réduit")
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gt=0), name="sale_value_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind="percentage") | models.Q(value__lt=100),
                name="sale_percentage_below_100",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="sale_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["is_active", "starts_at", "ends_at"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("La fin doit suivre le début.")
        if self.kind == SaleKind.PERCENTAGE and self.value is not None and self.value >= 100:
            errors["value"] = _("Un pourcentage de réduction est inférieur à 100.")
        if errors:
            raise ValidationError(errors)


class RetailPriceRecord(models.Model):
    """A variant's public price (TTC) from ``recorded_at`` on: the history the reference price reads.

    Written by ``record_retail_prices`` around every write of a retail price (the admin, the stock
    catalogue sheet) and seeded by a migration; rows are never edited.
    """

    variant = models.ForeignKey(
        Variant, on_delete=models.CASCADE, related_name="retail_price_records", verbose_name=_("variante")
    )
    gross_price = models.DecimalField(_("prix TTC"), max_digits=12, decimal_places=2)
    recorded_at = models.DateTimeField(_("depuis le"))

    class Meta:
        ordering = ("variant_id", "recorded_at", "id")
        verbose_name = _("prix public passé")
        verbose_name_plural = _("historique des prix publics")
        indexes = [models.Index(fields=["variant", "recorded_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gross_price__gt=0), name="retail_price_record_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant_id} {self.gross_price} ({self.recorded_at:%Y-%m-%d})"

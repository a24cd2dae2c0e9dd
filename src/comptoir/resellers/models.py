"""Resellers: the shops that apply, the companies the founder approves and the people who buy for them.

A ``ResellerApplication`` is what a shop asks; a ``Company`` is what the founder approved (its legal
identity, its price group, its payment terms); a ``Buyer`` ties a user account to a company; a
``BuyerInvitation`` lets a company's admin bring a colleague in.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from comptoir.core.models import TimeStampedModel
from comptoir.pricing.taxes import TaxRegime as TaxRegime  # a company carries one; imported from here too

from .identifiers import (
    EU_COUNTRIES,
    HOME_COUNTRY,
    VatCheck,
    validate_company_number_for,
    validate_vat_number_for,
    vat_number_is_valid,
)


class ExpectedVolume(models.TextChoices):
    SMALL = "under_50", _("Moins de 50 pièces par saison")
    MEDIUM = "50_200", _("De 50 à 200 pièces par saison")
    LARGE = "over_200", _("Plus de 200 pièces par saison")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    APPROVED = "approved", _("Acceptée")
    REFUSED = "refused", _("Refusée")


class PaymentTerms(models.TextChoices):
    PREPAYMENT = "prepayment", _("Paiement à la commande")
    NET_30 = "net_30", _("30 jours net")
    EOM_45 = "eom_45", _("45 jours fin de mois")


class ResellerApplication(models.Model):
    shop_name = models.CharField(_("nom de la boutique"), max_length=120)
    legal_name = models.CharField(_("raison sociale"), max_length=160)
    # Checked by the country's rule in clean(): a SIREN/SIRET in France, the company's own number abroad.
    company_number = models.CharField(
        _("SIREN, SIRET ou numéro d'immatriculation"), max_length=20, blank=True
    )
    vat_number = models.CharField(_("numéro de TVA"), max_length=20, blank=True)
    vat_check = models.CharField(
        _("vérification VIES"),
        max_length=16,
        choices=VatCheck.choices,
        blank=True,
        default=VatCheck.NOT_ASKED,
    )
    line1 = models.CharField(_("adresse"), max_length=160)
    line2 = models.CharField(_("complément d'adresse"), max_length=160, blank=True)
    postcode = models.CharField(_("code postal"), max_length=16)
    city = models.CharField(_("ville"), max_length=80)
    country = CountryField(_("pays"), default="FR")
    website = models.CharField(_("site web ou Instagram"), max_length=200, blank=True)
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("adresse e-mail"))
    phone = models.CharField(_("téléphone"), max_length=32, blank=True)
    expected_volume = models.CharField(
        _("volume envisagé"), max_length=12, choices=ExpectedVolume.choices, default=ExpectedVolume.SMALL
    )
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("langue"), max_length=8, default="fr")
    status = models.CharField(
        _("statut"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    decision_message = models.TextField(_("message de décision"), blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidée par"),
    )
    company = models.OneToOneField(
        "Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("entreprise créée"),
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, editable=False)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("demande revendeur")
        verbose_name_plural = _("demandes revendeurs")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.shop_name} ({self.legal_name})"

    def clean(self) -> None:
        country = str(self.country or "")
        errors = {}
        for field, validate in (
            ("company_number", validate_company_number_for),
            ("vat_number", validate_vat_number_for),
        ):
            try:
                validate(getattr(self, field), country=country)
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    @property
    def contact_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Company(TimeStampedModel):
    legal_name = models.CharField(_("raison sociale"), max_length=160)
    shop_name = models.CharField(_("nom de la boutique"), max_length=120)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    # An EU company's intra-EU number, or a company abroad its own (checked by clean(), per country).
    vat_number = models.CharField(_("numéro de TVA"), max_length=20, blank=True)
    line1 = models.CharField(_("adresse"), max_length=160)
    line2 = models.CharField(_("complément d'adresse"), max_length=160, blank=True)
    postcode = models.CharField(_("code postal"), max_length=16)
    city = models.CharField(_("ville"), max_length=80)
    country = CountryField(_("pays"), default="FR")
    price_group = models.ForeignKey(
        "pricing.PriceGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="companies",
        verbose_name=_("groupe de prix"),
        help_text=_("Laisser vide : le tarif revendeur par défaut."),
    )
    payment_terms = models.CharField(
        _("conditions de paiement"),
        max_length=12,
        choices=PaymentTerms.choices,
        default=PaymentTerms.PREPAYMENT,
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("shop_name", "id")
        verbose_name = _("entreprise revendeuse")
        verbose_name_plural = _("entreprises revendeuses")

    def __str__(self) -> str:
        return self.shop_name or self.legal_name

    def clean(self) -> None:
        try:
            validate_vat_number_for(self.vat_number, country=self.country_code)
        except ValidationError as error:
            raise ValidationError({"vat_number": error}) from error

    @property
    def country_code(self) -> str:
        return str(self.country.code if hasattr(self.country, "code") else self.country).upper()

    @property
    def is_in_eu(self) -> bool:
        return self.country_code in EU_COUNTRIES

    @property
    def has_valid_vat_number(self) -> bool:
        return vat_number_is_valid(self.vat_number)

    @property
    def tax_regime(self) -> TaxRegime:
        """French VAT at home and for an EU company without a valid number; exempt otherwise."""
        if self.country_code == HOME_COUNTRY or (self.is_in_eu and not self.has_valid_vat_number):
            return TaxRegime.DOMESTIC
        return TaxRegime.INTRA_EU if self.is_in_eu else TaxRegime.EXPORT


class Buyer(TimeStampedModel):
    """A person who orders for a company. One company per person: a user buys for one shop."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="buyer",
        verbose_name=_("utilisateur"),
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="buyers", verbose_name=_("entreprise")
    )
    is_admin = models.BooleanField(
        _("administrateur"), default=False, help_text=_("Peut inviter d'autres acheteurs.")
    )

    class Meta:
        ordering = ("company_id", "id")
        verbose_name = _("acheteur")
        verbose_name_plural = _("acheteurs")

    def __str__(self) -> str:
        return f"{self.user} — {self.company}"


class BuyerInvitation(models.Model):
    """An invitation sent by email; only the token's SHA-256 is stored, so a database leak opens nothing."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("entreprise")
    )
    email = models.EmailField(_("adresse e-mail"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("invitation d'acheteur")
        verbose_name_plural = _("invitations d'acheteurs")

    def __str__(self) -> str:
        return self.email

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class DraftOrder(TimeStampedModel):
    """The company's order in progress, kept between visits and shared by its buyers (one per company)."""

    company = models.OneToOneField(
        Company, on_delete=models.CASCADE, related_name="draft_order", verbose_name=_("entreprise")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("commande en préparation")
        verbose_name_plural = _("commandes en préparation")

    def __str__(self) -> str:
        return str(self.company)


class DraftOrderLine(models.Model):
    draft = models.ForeignKey(DraftOrder, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        "catalog.Variant", on_delete=models.CASCADE, related_name="+", verbose_name=_("variante")
    )
    quantity = models.PositiveIntegerField(_("quantité"))

    class Meta:
        ordering = ("variant__product_id", "variant__colour__position", "variant__size__position", "pk")
        verbose_name = _("ligne de commande en préparation")
        verbose_name_plural = _("lignes de commande en préparation")
        constraints = [
            models.UniqueConstraint(fields=("draft", "variant"), name="draft_line_one_per_variant"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="draft_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.variant} × {self.quantity}"


class ProductOrderRule(models.Model):
    """How a product is sold to shops: a minimum of pieces per order and a pack multiple per size."""

    product = models.OneToOneField(
        "catalog.Product",
        on_delete=models.CASCADE,
        related_name="wholesale_rule",
        verbose_name=_("produit"),
    )
    minimum_quantity = models.PositiveIntegerField(
        _("minimum de pièces par commande"),
        default=1,
        help_text=_("Toutes tailles et couleurs du produit confondues."),
    )
    pack_multiple = models.PositiveIntegerField(
        _("multiple par taille"),
        default=1,
        help_text=_("Chaque taille se commande par ce nombre de pièces (2 : 2, 4, 6…)."),
    )

    class Meta:
        ordering = ("product_id",)
        verbose_name = _("règle de commande revendeur")
        verbose_name_plural = _("règles de commande revendeur")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_quantity__gte=1), name="order_rule_minimum_sane"
            ),
            models.CheckConstraint(condition=models.Q(pack_multiple__gte=1), name="order_rule_multiple_sane"),
        ]

    def __str__(self) -> str:
        return str(self.product)


class Prepack(models.Model):
    """A named size ratio sold by the pack (« Assortiment 1-2-2-1 » = 1 S, 2 M, 2 L, 1 XL), per colour.

    A pack only exists on the grid: ordered, it expands into plain variant lines, so stock, pick lists
    and invoices never see it.
    """

    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, related_name="prepacks", verbose_name=_("produit")
    )
    name = models.CharField(_("nom"), max_length=80)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    is_active = models.BooleanField(_("proposé"), default=True)

    class Meta:
        ordering = ("product_id", "position", "id")
        verbose_name = _("assortiment")
        verbose_name_plural = _("assortiments")

    def __str__(self) -> str:
        return self.name


class PrepackSize(models.Model):
    prepack = models.ForeignKey(Prepack, on_delete=models.CASCADE, related_name="sizes")
    size = models.ForeignKey(
        "catalog.Size", on_delete=models.PROTECT, related_name="+", verbose_name=_("taille")
    )
    quantity = models.PositiveIntegerField(_("pièces par assortiment"), default=1)

    class Meta:
        ordering = ("prepack_id", "size__position", "size_id")
        verbose_name = _("taille d'un assortiment")
        verbose_name_plural = _("tailles d'un assortiment")
        constraints = [
            models.UniqueConstraint(fields=("prepack", "size"), name="prepack_size_once"),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="prepack_size_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.size} × {self.quantity}"


class ApiKey(models.Model):
    """A key a company's system sends to the JSON API (``Authorization: Bearer cpt_<prefix>_<secret>``).

    Only the SHA-256 of the whole key is stored: the clear key is shown once, at creation, so a
    database leak opens nothing. The ``prefix`` finds the row; the hash, compared in constant time,
    proves the key. A key acts as the buyer who created it, while that person still buys for the company.
    """

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="api_keys", verbose_name=_("entreprise")
    )
    name = models.CharField(_("nom"), max_length=80)
    prefix = models.CharField(_("préfixe"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("clé d'API")
        verbose_name_plural = _("clés d'API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

"""The shop's own identity: its brand, its sender, its public address, its parcels' sender, the legal
pages' extras, its payment methods and whether it is open. One row, edited in the cockpit's setup.

The legal identity and the bank account stay in ``invoicing.SellerSettings`` (what invoices copy).
Environment variables set by an operator win over this row (``comptoir.shop.profile``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from comptoir.core.uploads import CheckedImageField

STRIPE_SECRET_PREFIXES = ("sk_live_", "sk_test_", "rk_live_", "rk_test_")
STRIPE_WEBHOOK_PREFIX = "whsec_"


class ShopProfile(models.Model):
    SINGLETON_PK = 1

    # The brand
    brand_name = models.CharField(_("nom de la boutique"), max_length=120, blank=True)
    tagline = models.CharField(
        _("phrase d'accroche"), max_length=200, blank=True, help_text=_("Une ligne, sous le nom.")
    )
    logo = CheckedImageField(_("logo"), upload_to="shop/", blank=True)
    favicon = CheckedImageField(
        _("icône d'onglet"),
        upload_to="shop/",
        blank=True,
        help_text=_("Un carré, 512 × 512 pixels idéalement."),
    )
    # Who signs the emails
    sender_name = models.CharField(_("nom de l'expéditeur des e-mails"), max_length=120, blank=True)
    sender_email = models.EmailField(_("adresse d'envoi des e-mails"), blank=True)
    # Where the shop is reached from outside: every link of an email, the feeds
    public_url = models.URLField(
        _("adresse publique de la boutique"),
        blank=True,
        help_text=_(
            "Par exemple https://www.ma-boutique.fr : les liens des e-mails et des flux la reprennent."
        ),
    )
    # Who sends the parcels: the packing slips' return address, the carrier files' sender
    shipper_company = models.CharField(_("expéditeur des colis"), max_length=120, blank=True)
    shipper_line1 = models.CharField(_("adresse"), max_length=120, blank=True)
    shipper_line2 = models.CharField(_("complément d'adresse"), max_length=120, blank=True)
    shipper_postcode = models.CharField(_("code postal"), max_length=12, blank=True)
    shipper_city = models.CharField(_("ville"), max_length=80, blank=True)
    shipper_country = CountryField(_("pays"), blank=True)
    shipper_email = models.EmailField(_("e-mail de l'atelier"), blank=True)
    shipper_phone = models.CharField(_("téléphone de l'atelier"), max_length=20, blank=True)
    packaging_grams = models.PositiveIntegerField(
        _("poids de l'emballage (g)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5000)],
        help_text=_("Ajouté au poids des articles sur les fichiers du transporteur."),
    )
    # What the legal pages name besides the seller
    publication_director = models.CharField(
        _("directrice ou directeur de la publication"), max_length=120, blank=True
    )
    host_name = models.CharField(_("hébergeur du site"), max_length=120, blank=True)
    host_address = models.TextField(_("adresse et téléphone de l'hébergeur"), blank=True)
    mediator = models.TextField(
        _("médiateur de la consommation"),
        blank=True,
        help_text=_("Son nom, son adresse postale et son site : celui auquel la boutique a adhéré."),
    )
    competent_court = models.CharField(
        _("tribunal compétent entre professionnels"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple « Tribunal des activités économiques de Paris »."),
    )
    # Payment methods
    bank_transfer_enabled = models.BooleanField(_("paiement par virement"), default=True)
    stripe_enabled = models.BooleanField(_("paiement par carte (Stripe)"), default=False)
    stripe_secret_key = models.CharField(_("clé secrète Stripe"), max_length=255, blank=True)
    stripe_webhook_secret = models.CharField(
        _("secret de signature des webhooks Stripe"), max_length=255, blank=True
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("identité de la boutique")
        verbose_name_plural = _("identité de la boutique")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="shop_profile_single_row")]

    def __str__(self) -> str:
        return self.brand_name or str(_("identité de la boutique"))

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.stripe_secret_key and not self.stripe_secret_key.startswith(STRIPE_SECRET_PREFIXES):
            errors["stripe_secret_key"] = _(
                "Une clé secrète Stripe commence par « sk_live_ » ou « sk_test_ »."
            )
        if self.stripe_webhook_secret and not self.stripe_webhook_secret.startswith(STRIPE_WEBHOOK_PREFIX):
            errors["stripe_webhook_secret"] = _("Un secret de webhook Stripe commence par « whsec_ ».")
        if self.stripe_enabled and not (self.stripe_secret_key and self.stripe_webhook_secret):
            errors["stripe_enabled"] = _(
                "Le paiement par carte a besoin de la clé secrète et du secret des webhooks Stripe."
            )
        if self.public_url and self.public_url.rstrip("/").count("/") > 2:
            errors["public_url"] = _(
                "L'adresse de la boutique seule, sans chemin : https://www.ma-boutique.fr"
            )
        if errors:
            raise ValidationError(errors)

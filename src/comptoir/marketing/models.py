"""The marketing the founder does without a marketing budget: alerts, a newsletter, one cart reminder.

Every address here is kept for one purpose, with the consent it was given for: a back-in-stock
alert is used for that alert only; the newsletter needs a confirmed sign-up (double opt-in), and
unsubscribing is one click, for good.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from comptoir.catalog.models import Variant
from comptoir.core.models import TimeStampedModel


class StockAlert(models.Model):
    """« Prévenez-moi » on a sold-out size: one email when it is back, then the address is done with."""

    variant = models.ForeignKey(
        Variant, on_delete=models.CASCADE, related_name="+", verbose_name=_("variante")
    )
    email = models.EmailField(_("adresse e-mail"))
    language = models.CharField(_("langue"), max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(_("prévenu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("alerte de retour en stock")
        verbose_name_plural = _("alertes de retour en stock")
        constraints = [
            models.UniqueConstraint(
                fields=("variant", "email"),
                condition=Q(notified_at__isnull=True),
                name="one_pending_alert_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.variant}"


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    CONFIRMED = "confirmed", _("Inscrit")
    UNSUBSCRIBED = "unsubscribed", _("Désinscrit")


class Subscriber(TimeStampedModel):
    email = models.EmailField(_("adresse e-mail"), unique=True)
    language = models.CharField(_("langue"), max_length=8, default="fr")
    status = models.CharField(
        _("statut"), max_length=16, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    # The consent, as the law asks it kept: when, where, and its confirmation.
    consent_source = models.CharField(_("inscrit depuis"), max_length=60, blank=True)
    asked_at = models.DateTimeField(_("demande reçue le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désinscrit le"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.email


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SENDING = "sending", _("En cours d'envoi")
    SENT = "sent", _("Envoyée")


class Campaign(TimeStampedModel):
    subject = models.CharField(_("objet"), max_length=150)
    language = models.CharField(_("langue"), max_length=8, default="fr")
    body = models.TextField(
        _("texte (Markdown)"),
        help_text=_(
            "Titres avec #, listes avec -, liens [texte](adresse). "
            "Un produit : [[produit:adresse-du-produit]]."
        ),
    )
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=CampaignStatus.choices,
        default=CampaignStatus.DRAFT,
        editable=False,
    )
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("lettre d'information")
        verbose_name_plural = _("lettres d'information")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.subject


class CampaignDelivery(models.Model):
    """One subscriber's copy of a campaign: sent once, whatever the retries."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("campaign", "subscriber"), name="one_delivery_per_subscriber")
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id} → {self.subscriber_id}"

"""Payments record facts: what a provider was asked, what it answered, what money moved.

An order may have several payments (a refused card, then a bank transfer); order services decide
what a fact means for the order. ``ProcessedWebhookEvent`` makes each provider event count once.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.core.models import TimeStampedModel
from comptoir.core.money import DEFAULT_CURRENCY, Money


class PaymentStatus(models.TextChoices):
    CREATED = "created", _("Créé")
    PENDING = "pending", _("En attente")
    PAID = "paid", _("Payé")
    FAILED = "failed", _("Échoué")
    REFUNDED = "refunded", _("Remboursé")


class Payment(TimeStampedModel):
    order = models.ForeignKey(
        "orders.Order", on_delete=models.PROTECT, related_name="payments", verbose_name=_("commande")
    )
    provider = models.CharField(_("moyen de paiement"), max_length=30)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=PaymentStatus.choices,
        default=PaymentStatus.CREATED,
        db_index=True,
    )
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)
    refunded_amount = models.DecimalField(
        _("montant remboursé"), max_digits=12, decimal_places=2, default=Decimal("0.00")
    )
    currency = models.CharField(_("devise"), max_length=3, default=DEFAULT_CURRENCY)
    # The provider's id for this attempt (Stripe: the Checkout Session "cs_..."), unique per provider.
    external_id = models.CharField(_("identifiant chez le prestataire"), max_length=255, blank=True)
    # The id money moves under (Stripe: the PaymentIntent "pi_..."), known once paid; refunds use it.
    provider_reference = models.CharField(_("référence du paiement"), max_length=255, blank=True)
    redirect_url = models.URLField(_("page de paiement"), max_length=2000, blank=True)
    paid_at = models.DateTimeField(_("payé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("paiement")
        verbose_name_plural = _("paiements")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_id"],
                condition=~models.Q(external_id=""),
                name="payment_unique_external_id",
            ),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="payment_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(refunded_amount__gte=0, refunded_amount__lte=models.F("amount")),
                name="payment_refund_within_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.amount} {self.currency} ({self.status})"

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)

    @property
    def is_open(self) -> bool:
        return self.status in (PaymentStatus.CREATED, PaymentStatus.PENDING)


class ProcessedWebhookEvent(models.Model):
    """A provider event already applied: a replay of the same event id finds it and does nothing."""

    provider = models.CharField(_("prestataire"), max_length=30)
    event_id = models.CharField(_("identifiant de l'événement"), max_length=255)
    event_type = models.CharField(_("type"), max_length=100, blank=True)
    outcome = models.CharField(_("résultat"), max_length=40, blank=True)
    received_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        verbose_name = _("événement de prestataire traité")
        verbose_name_plural = _("événements de prestataire traités")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="webhook_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"

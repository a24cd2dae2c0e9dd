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
        # Refunds, credit notes, payments received by hand and gift cards: the owner's only.
        permissions = [
            ("move_money", _("Rembourser, enregistrer un paiement, émettre un avoir ou une carte cadeau"))
        ]
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


# --- Gift cards ---------------------------------------------------------------------------------------
# A gift card is a multi-purpose voucher (EU VAT directive, art. 30a-30b; CGI art. 256 ter): what it
# may buy and where VAT will fall are not known when it is sold, so its sale carries no VAT. VAT is
# due on the goods it later pays for, which are invoiced as usual: the card is a means of payment,
# never a discount.

GIFT_CARD_PROVIDER = "gift_card"  # ``Payment.provider`` of the part of an order a card paid


class GiftCard(TimeStampedModel):
    code = models.CharField(_("code"), max_length=19, unique=True, editable=False)
    initial_amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)
    balance = models.DecimalField(_("solde"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("devise"), max_length=3, default=DEFAULT_CURRENCY)
    recipient_email = models.EmailField(_("e-mail du bénéficiaire"))
    sender_name = models.CharField(_("de la part de"), max_length=120, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=500)
    purchase_order = models.ForeignKey(
        "orders.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gift_cards_bought",
        verbose_name=_("commande d'achat"),
    )
    expires_at = models.DateTimeField(_("valable jusqu'au"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("carte cadeau")
        verbose_name_plural = _("cartes cadeaux")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(initial_amount__gt=0), name="gift_card_amount_positive"
            ),
            # The backstop of the row lock: a card is never spent below zero nor credited above its value.
            models.CheckConstraint(
                condition=models.Q(balance__gte=0, balance__lte=models.F("initial_amount")),
                name="gift_card_balance_within_amount",
            ),
        ]

    def __str__(self) -> str:
        return self.masked_code

    @property
    def masked_code(self) -> str:
        return f"••••-{self.code[-4:]}" if self.code else ""

    @property
    def money_balance(self) -> Money:
        return Money(self.balance, self.currency)


class GiftCardMovementKind(models.TextChoices):
    ISSUED = "issued", _("Émise")
    SPENT = "spent", _("Utilisée")
    CREDITED = "credited", _("Recréditée")


class GiftCardMovement(models.Model):
    """Every change of a card's balance: what, for which order, and the balance left after it."""

    gift_card = models.ForeignKey(
        GiftCard, on_delete=models.PROTECT, related_name="movements", verbose_name=_("carte cadeau")
    )
    kind = models.CharField(_("type"), max_length=10, choices=GiftCardMovementKind.choices)
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)  # spent: negative
    balance_after = models.DecimalField(_("solde après"), max_digits=12, decimal_places=2)
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gift_card_movements",
        verbose_name=_("commande"),
    )
    payment = models.ForeignKey(
        Payment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gift_card_movements",
        verbose_name=_("paiement"),
    )
    created_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        ordering = ("gift_card_id", "created_at", "pk")
        verbose_name = _("mouvement de carte cadeau")
        verbose_name_plural = _("mouvements de cartes cadeaux")

    def __str__(self) -> str:
        return f"{self.gift_card} {self.kind} {self.amount}"

"""Orders: a frozen copy of what was bought, and the one place its status changes.

Nothing outside ``orders/services/`` assigns ``Order.status``: every move is a named service that
checks ``ALLOWED_TRANSITIONS`` (orders/state.py), locks the row and records an ``OrderEvent``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.core.models import TimeStampedModel
from comptoir.core.money import DEFAULT_CURRENCY, Money, TaxedMoney
from comptoir.resellers.models import PaymentTerms, TaxRegime

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class OrderStatus(models.TextChoices):
    PLACED = "placed", _("Passée, en attente de paiement")
    # A reseller's order on payment terms: accepted for packing at once, paid by its due date.
    CONFIRMED = "confirmed", _("Acceptée, payable à échéance")
    PAID = "paid", _("Payée")
    PACKED = "packed", _("Emballée")
    # A reseller's order shipped in parts: some pieces left, the rest waits on backorder (still reserved).
    PARTLY_SHIPPED = "partly_shipped", _("Expédiée en partie, reliquat en attente")
    SHIPPED = "shipped", _("Expédiée")
    DELIVERED = "delivered", _("Livrée")
    CANCELLED = "cancelled", _("Annulée")
    RETURNED = "returned", _("Retournée")
    REFUNDED = "refunded", _("Remboursée")


class PaymentMethod(models.TextChoices):
    """``Order.payment_method``: how an order is paid, named as its documents print it. The codes are
    the payment providers' own (``payments/providers/``, which carry their checkout label, ledger account
    and capabilities); terms are not a provider: a reseller's order paid after delivery, by its due date.
    """

    BANK_TRANSFER = "bank_transfer", _("virement bancaire")
    STRIPE = "stripe", _("carte bancaire")
    DEMO = "demo", _("paiement de démonstration")
    ON_TERMS = "on_terms", _("paiement à échéance")


PAYMENT_ON_TERMS = PaymentMethod.ON_TERMS


def payment_method_label(code: str) -> str:
    """The method as invoices and exports print it; a code no longer known, as it was stored."""
    return str(PaymentMethod(code).label) if code in PaymentMethod.values else code


class Channel(models.TextChoices):
    BOUTIQUE = "boutique", _("Boutique")
    RESELLER = "reseller", _("Revendeurs")


def _amount(verbose_name: StrOrPromise) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2)


class Order(TimeStampedModel):
    number = models.CharField(_("numéro"), max_length=20, unique=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.PLACED, db_index=True
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("client"),
    )
    email = models.EmailField(_("adresse e-mail"))
    language = models.CharField(_("langue"), max_length=8, default="fr")
    # Frozen copies (see checkout's AddressSnapshot): later edits of an address book never change them.
    shipping_address = models.JSONField(_("adresse de livraison"))
    billing_address = models.JSONField(_("adresse de facturation"))

    shipping_method_name = models.CharField(_("mode de livraison"), max_length=120)
    shipping_carrier = models.CharField(_("transporteur"), max_length=40, blank=True)
    pickup_point = models.JSONField(_("point relais"), null=True, blank=True)
    shipping_gross = _amount(_("livraison TTC"))
    shipping_net = _amount(_("livraison HT"))
    shipping_vat_rate = models.DecimalField(_("taux de TVA de la livraison"), max_digits=5, decimal_places=4)

    subtotal_gross = _amount(_("sous-total TTC"))
    subtotal_net = _amount(_("sous-total HT"))
    # A discount code's reduction of the goods (free shipping shows in shipping_gross instead):
    # total = subtotal − discount + shipping.
    discount_code = models.CharField(_("code de réduction"), max_length=40, blank=True)
    discount_gross = models.DecimalField(
        _("remise TTC"), max_digits=12, decimal_places=2, default=Decimal("0")
    )
    discount_net = models.DecimalField(_("remise HT"), max_digits=12, decimal_places=2, default=Decimal("0"))
    customer_note = models.TextField(_("note du client"), blank=True)

    # The reseller door: a company's order, priced HT, on its payment terms, with its own PO reference.
    channel = models.CharField(_("canal"), max_length=10, choices=Channel.choices, default=Channel.BOUTIQUE)
    company = models.ForeignKey(
        "resellers.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("entreprise revendeuse"),
    )
    purchase_order_reference = models.CharField(
        _("référence de commande du client"), max_length=64, blank=True
    )
    payment_terms = models.CharField(_("conditions de paiement"), max_length=12, blank=True)
    payment_due_date = models.DateField(_("échéance de paiement"), null=True, blank=True)
    tax_regime = models.CharField(
        _("régime de TVA"), max_length=10, choices=TaxRegime.choices, default=TaxRegime.DOMESTIC
    )
    # A reseller's pre-order: delivered in this window, its pieces not taken from current stock until
    # it ships (``holds_stock`` False until then).
    preorder_ships_from = models.DateField(_("précommande : livraison à partir du"), null=True, blank=True)
    preorder_ships_until = models.DateField(
        _("précommande : livraison au plus tard le"), null=True, blank=True
    )
    holds_stock = models.BooleanField(
        _("stock réservé"),
        default=True,
        help_text=_("Faux pour une précommande : rien n'est pris au stock actuel."),
    )
    buyer_company_number = models.CharField(_("SIREN/SIRET de l'acheteur"), max_length=14, blank=True)
    buyer_vat_number = models.CharField(_("n° de TVA de l'acheteur"), max_length=20, blank=True)
    total_gross = _amount(_("total TTC"))
    total_net = _amount(_("total HT"))
    currency = models.CharField(_("devise"), max_length=3, default=DEFAULT_CURRENCY)
    prices_include_tax = models.BooleanField(_("prix TTC"), default=True)

    payment_method = models.CharField(_("moyen de paiement"), max_length=30)
    # The key the checkout form carries: a second submission of the same form finds this order.
    idempotency_key = models.CharField(_("clé d'idempotence"), max_length=64, unique=True)
    terms_accepted_at = models.DateTimeField(_("CGV acceptées le"))

    paid_at = models.DateTimeField(_("payée le"), null=True, blank=True)
    packed_at = models.DateTimeField(_("emballée le"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("expédiée le"), null=True, blank=True)
    tracking_number = models.CharField(_("numéro de suivi"), max_length=64, blank=True)
    delivered_at = models.DateTimeField(_("livrée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    withdrawal_requested_at = models.DateTimeField(_("rétractation demandée le"), null=True, blank=True)
    returned_at = models.DateTimeField(_("retour reçu le"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("remboursée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("commande")
        verbose_name_plural = _("commandes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(total_gross__gte=0), name="order_total_not_negative"),
            models.CheckConstraint(
                condition=models.Q(channel="boutique") | models.Q(company__isnull=False),
                name="reseller_order_has_company",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_reseller(self) -> bool:
        return self.channel == Channel.RESELLER

    @property
    def awaits_prepayment(self) -> bool:
        """A reseller's order paid in advance, not paid yet: by transfer, or by card from its page."""
        return (
            self.is_reseller and self.status == OrderStatus.PLACED and self.payment_method != PAYMENT_ON_TERMS
        )

    @property
    def is_preorder(self) -> bool:
        return self.preorder_ships_from is not None

    @property
    def payment_terms_label(self) -> str:
        return str(PaymentTerms(self.payment_terms).label) if self.payment_terms else ""

    @property
    def total(self) -> TaxedMoney:
        return TaxedMoney(
            net=Money(self.total_net, self.currency), gross=Money(self.total_gross, self.currency)
        )

    @property
    def subtotal(self) -> TaxedMoney:
        return TaxedMoney(
            net=Money(self.subtotal_net, self.currency), gross=Money(self.subtotal_gross, self.currency)
        )

    @property
    def discount(self) -> TaxedMoney:
        return TaxedMoney(
            net=Money(self.discount_net, self.currency), gross=Money(self.discount_gross, self.currency)
        )

    @property
    def shipping(self) -> TaxedMoney:
        return TaxedMoney(
            net=Money(self.shipping_net, self.currency), gross=Money(self.shipping_gross, self.currency)
        )


class OrderLine(models.Model):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("commande")
    )
    # Kept for stock moves and reporting; the snapshot below is what the order shows, forever.
    variant = models.ForeignKey(
        "catalog.Variant", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("variante")
    )
    product_name = models.CharField(_("produit"), max_length=200)
    options_label = models.CharField(_("options"), max_length=200, blank=True)
    sku = models.CharField(_("référence"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantité"))
    unit_gross = _amount(_("prix unitaire TTC"))
    unit_net = _amount(_("prix unitaire HT"))
    vat_rate = models.DecimalField(_("taux de TVA"), max_digits=5, decimal_places=4)
    total_gross = _amount(_("total TTC"))
    total_net = _amount(_("total HT"))
    # What left in parcels and what the founder gave up on (a cancelled backorder); the rest waits.
    # Changed only by the order's shipping services, under the order's row lock.
    quantity_shipped = models.PositiveIntegerField(_("quantité expédiée"), default=0)
    quantity_cancelled = models.PositiveIntegerField(_("quantité annulée"), default=0)

    class Meta:
        verbose_name = _("ligne de commande")
        verbose_name_plural = _("lignes de commande")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="order_line_quantity_positive"),
            # The backstop of partial shipments: never more pieces shipped (or cancelled) than ordered.
            models.CheckConstraint(
                condition=models.Q(
                    quantity__gte=models.F("quantity_shipped") + models.F("quantity_cancelled")
                ),
                name="order_line_never_ships_more_than_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"

    @property
    def quantity_backordered(self) -> int:
        """Pieces still to ship: ordered, not shipped, not cancelled."""
        return self.quantity - self.quantity_shipped - self.quantity_cancelled


class OrderEvent(models.Model):
    """Who did what to an order, and when: every transition, payment fact and note."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("commande")
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    kind = models.CharField(_("type"), max_length=40)
    from_status = models.CharField(_("statut précédent"), max_length=20, blank=True)
    to_status = models.CharField(_("nouveau statut"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("auteur")
    )
    # "customer", "system", "stripe"...: who acted when no staff user did.
    actor_label = models.CharField(_("origine"), max_length=40, blank=True)
    data = models.JSONField(_("détails"), default=dict, blank=True)

    class Meta:
        verbose_name = _("événement de commande")
        verbose_name_plural = _("événements de commande")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.order.number}: {self.kind}"

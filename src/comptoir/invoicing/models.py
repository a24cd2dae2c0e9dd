"""Invoices and credit notes: numbered without gap, frozen once issued, kept for years.

A document copies everything it states (seller, buyer, lines, VAT per rate) when it is issued, so
nothing that changes later (a price, an address, the shop's details) can alter it. Issued documents
cannot be changed or deleted by any path: ``save`` and ``delete`` refuse, the admin only reads. Its PDF
(with the Factur-X XML inside, for a company) is drawn once, just after issue, and kept in ``pdf``:
every later download serves those bytes (``invoicing.pdf``), never a new drawing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.fulfillment.models import Shipment
from comptoir.orders.models import Order
from comptoir.resellers.identifiers import validate_vat_number
from comptoir.resellers.models import PaymentTerms, TaxRegime

from .legal import late_payment_floor, validate_bic, validate_iban, validate_siret


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", _("Facture")
    CREDIT_NOTE = "credit_note", _("Avoir")


class DocumentSequence(models.Model):
    """The last number given per kind and year; locked by the issuing transaction (no gap, no reuse)."""

    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("kind", "year"), name="one_sequence_per_kind_and_year")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_number}"


class ImmutableDocument(Exception):
    """An issued invoice or credit note is never changed: correct it with a credit note."""


class _Frozen(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.pop("_first_write", False):
            from comptoir.core.audit import (
                record_refused_change,
            )  # here: models load before auditlog is ready

            record_refused_change(instance=self, deleting=False)
            raise ImmutableDocument(f"{type(self).__name__} {self.pk} is issued and cannot change.")
        kwargs.pop("_first_write", None)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        from comptoir.core.audit import record_refused_change

        record_refused_change(instance=self, deleting=True)
        raise ImmutableDocument(f"{type(self).__name__} {self.pk} is kept and cannot be deleted.")


_Document = TypeVar("_Document", bound=models.Model)


class WithoutPdf(models.Manager[_Document]):
    """Lists read documents without their kept PDF bytes (read on demand: ``document.pdf``)."""

    def get_queryset(self) -> models.QuerySet[_Document]:
        return super().get_queryset().defer("pdf")


class Invoice(_Frozen):
    number = models.CharField(_("numéro"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField()
    sequence_number = models.PositiveIntegerField()
    # One invoice per order, or, for a reseller's order shipped in parts, one per parcel (French law
    # allows an invoice per delivery); the constraints below keep each of those unique.
    order = models.ForeignKey(
        Order,
        on_delete=models.PROTECT,
        related_name="invoices",
        verbose_name=_("commande"),
        null=True,
        blank=True,
    )
    shipment = models.OneToOneField(
        Shipment,
        on_delete=models.PROTECT,
        related_name="invoice",
        verbose_name=_("colis"),
        null=True,
        blank=True,
    )
    issued_at = models.DateTimeField(_("émise le"))
    delivery_date = models.DateField(_("date de livraison"), null=True, blank=True)
    language = models.CharField(max_length=8, default="fr")
    seller = models.JSONField(_("vendeur"))
    buyer = models.JSONField(_("acheteur"))
    delivery_address = models.JSONField(_("adresse de livraison"), null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR")
    total_net = models.DecimalField(_("total HT"), max_digits=12, decimal_places=2)
    total_vat = models.DecimalField(_("TVA"), max_digits=12, decimal_places=2)
    total_gross = models.DecimalField(_("total TTC"), max_digits=12, decimal_places=2)
    vat_breakdown = models.JSONField(_("TVA par taux"))
    mentions = models.JSONField(_("mentions"), default=list)
    payment_method = models.CharField(_("moyen de paiement"), max_length=30, blank=True)
    # A company's invoice (a reseller order): its terms, its PO reference, how VAT applied.
    buyer_is_company = models.BooleanField(_("acheteur professionnel"), default=False)
    tax_regime = models.CharField(
        _("régime de TVA"), max_length=10, choices=TaxRegime.choices, default=TaxRegime.DOMESTIC
    )
    purchase_order_reference = models.CharField(
        _("référence de commande du client"), max_length=64, blank=True
    )
    payment_terms = models.CharField(_("conditions de paiement"), max_length=12, blank=True)
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    # Issued before its goods left (a prepaid order), the invoice states the period they leave in
    # (EN 16931 BG-14; an intra-EU supply must state it or the delivery date, BR-IC-11).
    period_start = models.DateField(_("période de livraison : début"), null=True, blank=True)
    period_end = models.DateField(_("période de livraison : fin"), null=True, blank=True)
    # Paid when issued (a prepaid order): the invoice says so (BT-113). A later payment belongs to the
    # order page: the invoice, issued, never changes.
    paid_when_issued = models.BooleanField(_("réglée à l'émission"), default=False)
    pdf = models.BinaryField(_("PDF émis"), null=True, blank=True, editable=False)

    objects = WithoutPdf["Invoice"]()

    class Meta:
        verbose_name = _("facture")
        verbose_name_plural = _("factures")
        ordering = ("-year", "-sequence_number")
        constraints = [
            models.UniqueConstraint(fields=("year", "sequence_number"), name="invoice_number_once_per_year"),
            models.UniqueConstraint(
                fields=("order",),
                condition=models.Q(shipment__isnull=True),
                name="one_whole_invoice_per_order",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class CreditNote(_Frozen):
    number = models.CharField(_("numéro"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField()
    sequence_number = models.PositiveIntegerField()
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes")
    issued_at = models.DateTimeField(_("émis le"))
    reason = models.CharField(_("motif"), max_length=200)
    total_net = models.DecimalField(_("total HT"), max_digits=12, decimal_places=2)
    total_vat = models.DecimalField(_("TVA"), max_digits=12, decimal_places=2)
    total_gross = models.DecimalField(_("total TTC"), max_digits=12, decimal_places=2)
    vat_breakdown = models.JSONField(_("TVA par taux"))
    pdf = models.BinaryField(_("PDF émis"), null=True, blank=True, editable=False)

    objects = WithoutPdf["CreditNote"]()

    class Meta:
        verbose_name = _("avoir")
        verbose_name_plural = _("avoirs")
        ordering = ("-year", "-sequence_number")
        constraints = [
            models.UniqueConstraint(
                fields=("year", "sequence_number"), name="credit_note_number_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.number


class LineKind(models.TextChoices):
    GOODS = "goods", _("Marchandise")
    SHIPPING = "shipping", _("Frais de port")
    DISCOUNT = "discount", _("Réduction")


class DocumentLine(_Frozen):
    """One line of an invoice or a credit note, as it was stated."""

    kind = models.CharField(max_length=10, choices=LineKind.choices, default=LineKind.GOODS)

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="lines", null=True, blank=True
    )
    credit_note = models.ForeignKey(
        CreditNote, on_delete=models.PROTECT, related_name="lines", null=True, blank=True
    )
    position = models.PositiveSmallIntegerField()
    description = models.CharField(_("désignation"), max_length=250)
    sku = models.CharField(_("référence"), max_length=64, blank=True)
    quantity = models.IntegerField(_("quantité"))
    unit_net = models.DecimalField(_("prix unitaire HT"), max_digits=12, decimal_places=2)
    vat_rate = models.DecimalField(_("taux de TVA"), max_digits=5, decimal_places=4)
    total_net = models.DecimalField(_("total HT"), max_digits=12, decimal_places=2)
    total_gross = models.DecimalField(_("total TTC"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ("position", "id")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(invoice__isnull=False, credit_note__isnull=True)
                | models.Q(invoice__isnull=True, credit_note__isnull=False),
                name="line_belongs_to_one_document",
            )
        ]

    def __str__(self) -> str:
        return self.description


class SellerSettings(models.Model):
    """The seller's legal identity and invoicing terms: one row, edited on the cockpit's settings page.

    Until the owner saves the page, ``invoicing.seller.current_seller()`` reads ``COMPTOIR_SELLER_*``
    (the demo's values). Invoices copy what this row says when they are issued: editing it later
    changes no issued invoice.
    """

    SINGLETON_PK = 1

    legal_name = models.CharField(_("raison sociale"), max_length=160)
    legal_form = models.CharField(_("forme juridique"), max_length=40, help_text=_("SAS, SARL, EI…"))
    share_capital = models.DecimalField(
        _("capital social (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    address = models.TextField(_("adresse du siège"))
    siret = models.CharField(_("SIRET du siège"), max_length=14, validators=[validate_siret])
    rcs = models.CharField(_("RCS"), max_length=80, blank=True, help_text=_("Par exemple « RCS Paris »."))
    vat_number = models.CharField(
        _("numéro de TVA intracommunautaire"), max_length=20, validators=[validate_vat_number]
    )
    vat_on_debits = models.BooleanField(
        _("option pour le paiement de la TVA d'après les débits"), default=False
    )
    invoice_footer = models.TextField(_("pied de facture"), blank=True)
    late_payment_rate = models.DecimalField(
        _("taux des pénalités de retard (% par an)"), max_digits=5, decimal_places=2
    )
    default_payment_terms = models.CharField(
        _("conditions de paiement par défaut"), max_length=12, choices=PaymentTerms.choices
    )
    bank_holder = models.CharField(_("titulaire du compte"), max_length=120)
    iban = models.CharField(_("IBAN"), max_length=42, validators=[validate_iban])
    bic = models.CharField(_("BIC"), max_length=11, validators=[validate_bic])
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("paramètres du vendeur")
        verbose_name_plural = _("paramètres du vendeur")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="seller_settings_single_row")]

    def __str__(self) -> str:
        return self.legal_name

    def clean(self) -> None:
        floor = late_payment_floor()
        if self.late_payment_rate is not None and self.late_payment_rate < floor:
            raise ValidationError(
                {
                    "late_payment_rate": _(
                        "La loi interdit un taux inférieur à trois fois le taux d'intérêt légal : "
                        "%(floor)s %% au minimum."
                    )
                    % {"floor": f"{floor:.2f}".replace(".", ",")}
                }
            )

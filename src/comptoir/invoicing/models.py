"""Invoices and credit notes: numbered without gap, frozen once issued, kept for years.

A document copies everything it states (seller, buyer, lines, VAT per rate) when it is issued, so
nothing that changes later (a price, an address, the shop's details) can alter it. Issued documents
cannot be changed or deleted by any path: ``save`` and ``delete`` refuse, the admin only reads.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.orders.models import Order


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
            raise ImmutableDocument(f"{type(self).__name__} {self.pk} is issued and cannot change.")
        kwargs.pop("_first_write", None)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableDocument(f"{type(self).__name__} {self.pk} is kept and cannot be deleted.")


class Invoice(_Frozen):
    number = models.CharField(_("numéro"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField()
    sequence_number = models.PositiveIntegerField()
    order = models.OneToOneField(
        Order,
        on_delete=models.PROTECT,
        related_name="invoice",
        verbose_name=_("commande"),
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

    class Meta:
        verbose_name = _("facture")
        verbose_name_plural = _("factures")
        ordering = ("-year", "-sequence_number")
        constraints = [
            models.UniqueConstraint(fields=("year", "sequence_number"), name="invoice_number_once_per_year")
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


class DocumentLine(_Frozen):
    """One line of an invoice or a credit note, as it was stated."""

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

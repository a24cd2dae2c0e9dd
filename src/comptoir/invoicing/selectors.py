"""Reads of issued documents: an order's invoices, a customer's or a reseller company's invoices and
credit notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from comptoir.accounts.models import User
from comptoir.fulfillment.models import Shipment
from comptoir.orders.models import Order
from comptoir.resellers.models import Company

from .models import CreditNote, DocumentKind, Invoice


def invoices_of_order(*, order: Order) -> QuerySet[Invoice]:
    """The order's invoices, newest first: one when it was invoiced whole, one per parcel otherwise."""
    return Invoice.objects.filter(order=order)


def latest_invoice_of_order(*, order: Order) -> Invoice | None:
    """The order's newest invoice (its only one, or the last parcel's); None before it is invoiced."""
    return invoices_of_order(order=order).first()


@dataclass(frozen=True)
class IssuedDocument:
    kind: str  # DocumentKind
    number: str
    issued_at: dt.datetime
    total_gross: Decimal
    currency: str
    order_number: str
    invoice_number: str  # the invoice a credit note corrects; the invoice's own number otherwise

    @property
    def is_credit_note(self) -> bool:
        return self.kind == DocumentKind.CREDIT_NOTE


def _documents(invoices: list[Invoice], credit_notes: list[CreditNote]) -> list[IssuedDocument]:
    rows = [
        IssuedDocument(
            kind=DocumentKind.INVOICE,
            number=invoice.number,
            issued_at=invoice.issued_at,
            total_gross=invoice.total_gross,
            currency=invoice.currency,
            order_number=invoice.order.number if invoice.order else "",
            invoice_number=invoice.number,
        )
        for invoice in invoices
    ] + [
        IssuedDocument(
            kind=DocumentKind.CREDIT_NOTE,
            number=note.number,
            issued_at=note.issued_at,
            total_gross=note.total_gross,
            currency=note.invoice.currency,
            order_number=note.invoice.order.number if note.invoice.order else "",
            invoice_number=note.invoice.number,
        )
        for note in credit_notes
    ]
    return sorted(rows, key=lambda row: (row.issued_at, row.number), reverse=True)


def documents_of_customer(*, user: User) -> list[IssuedDocument]:
    """A boutique customer's invoices and credit notes (her own orders, newest first)."""
    invoices = list(
        Invoice.objects.filter(order__customer=user, order__company__isnull=True).select_related("order")
    )
    notes = list(
        CreditNote.objects.filter(
            invoice__order__customer=user, invoice__order__company__isnull=True
        ).select_related("invoice__order")
    )
    return _documents(invoices, notes)


def documents_of_company(*, company: Company) -> list[IssuedDocument]:
    """A reseller company's invoices and credit notes, whichever of its buyers placed the order."""
    invoices = list(Invoice.objects.filter(order__company=company).select_related("order"))
    notes = list(CreditNote.objects.filter(invoice__order__company=company).select_related("invoice__order"))
    return _documents(invoices, notes)


def customer_invoice(*, user: User, number: str) -> Invoice | None:
    return Invoice.objects.filter(order__customer=user, order__company__isnull=True, number=number).first()


def customer_credit_note(*, user: User, number: str) -> CreditNote | None:
    return (
        CreditNote.objects.filter(
            invoice__order__customer=user, invoice__order__company__isnull=True, number=number
        )
        .select_related("invoice")
        .first()
    )


def company_invoice(*, company: Company, number: str) -> Invoice | None:
    return Invoice.objects.filter(order__company=company, number=number).first()


def company_credit_note(*, company: Company, number: str) -> CreditNote | None:
    return (
        CreditNote.objects.filter(invoice__order__company=company, number=number)
        .select_related("invoice")
        .first()
    )


@dataclass(frozen=True)
class Parcel:
    """One parcel of an order shipped in parts, with its invoice (None when the order was invoiced whole)."""

    shipment: Shipment
    invoice: Invoice | None


def parcels_of_order(*, order_id: int) -> list[Parcel]:
    shipments = list(
        Shipment.objects.filter(order_id=order_id)
        .select_related("order", "shipped_by")
        .prefetch_related("lines__order_line")
        .order_by("position")
    )
    invoices = {
        invoice.shipment_id: invoice
        for invoice in Invoice.objects.filter(order_id=order_id, shipment__isnull=False)
    }
    return [Parcel(shipment=shipment, invoice=invoices.get(shipment.pk)) for shipment in shipments]

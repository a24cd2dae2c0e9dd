"""Issue the invoice of a paid boutique order: a frozen copy of the order, to the cent.

Called by the payment that settles the order, in the same transaction: the invoice exists if and
only if the payment was recorded. Amounts are the order's own (already rounded per line, the
shop's one rounding rule): the invoice total equals the order total exactly.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.core.addresses import PostalAddress
from comptoir.orders.models import Order

from ..models import DocumentKind, DocumentLine, Invoice
from ..seller import seller_identity
from .numbering import next_number

ZERO = Decimal("0.00")


def _buyer(order: Order) -> dict[str, str]:
    billing = PostalAddress.from_dict(order.billing_address or order.shipping_address or {})
    return {
        "name": billing.full_name,
        "company": billing.company,
        "address": "\n".join(billing.as_lines()),
        "email": order.email,
    }


def vat_breakdown(lines: list[DocumentLine]) -> list[dict[str, str]]:
    """Net, VAT and gross per VAT rate, as the totals of the lines at that rate."""
    by_rate: dict[Decimal, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for line in lines:
        by_rate[line.vat_rate][0] += line.total_net
        by_rate[line.vat_rate][1] += line.total_gross
    return [
        {"rate": str(rate), "net": str(net), "vat": str(gross - net), "gross": str(gross)}
        for rate, (net, gross) in sorted(by_rate.items())
    ]


def issue_invoice_for_order(*, order: Order) -> Invoice:
    """The order's invoice; issuing twice returns the first one (a replayed payment)."""
    with transaction.atomic():
        existing = Invoice.objects.filter(order=order).first()
        if existing is not None:
            return existing
        issued_at = timezone.now()
        number, sequence_number = next_number(kind=DocumentKind.INVOICE, year=issued_at.year)
        lines = _lines_of(order)
        shipping = PostalAddress.from_dict(order.shipping_address or {})
        billing = PostalAddress.from_dict(order.billing_address or {})
        invoice = Invoice(
            number=number,
            year=issued_at.year,
            sequence_number=sequence_number,
            order=order,
            issued_at=issued_at,
            delivery_date=None,
            language=order.language,
            seller=seller_identity(),
            buyer=_buyer(order),
            delivery_address=shipping.to_dict() if shipping.to_dict() != billing.to_dict() else None,
            currency=order.currency,
            total_net=order.total_net,
            total_vat=order.total_gross - order.total_net,
            total_gross=order.total_gross,
            vat_breakdown=vat_breakdown(lines),
            mentions=[],
            payment_method=order.payment_method,
        )
        invoice.save(_first_write=True)
        for line in lines:
            line.invoice = invoice
            line.save(_first_write=True)
        _check_totals(invoice, lines)
    return invoice


def _lines_of(order: Order) -> list[DocumentLine]:
    lines = []
    with translation.override(order.language):
        for position, line in enumerate(order.lines.all().order_by("pk"), start=1):
            description = (
                f"{line.product_name} ({line.options_label})" if line.options_label else line.product_name
            )
            lines.append(
                DocumentLine(
                    position=position,
                    description=description,
                    sku=line.sku,
                    quantity=line.quantity,
                    unit_net=line.unit_net,
                    vat_rate=line.vat_rate,
                    total_net=line.total_net,
                    total_gross=line.total_gross,
                )
            )
        if order.discount_gross:
            rate = lines[0].vat_rate if lines else Decimal("0.2000")
            lines.append(
                DocumentLine(
                    position=len(lines) + 1,
                    description=_("Réduction (%(code)s)") % {"code": order.discount_code},
                    quantity=1,
                    unit_net=-order.discount_net,
                    vat_rate=rate,
                    total_net=-order.discount_net,
                    total_gross=-order.discount_gross,
                )
            )
        lines.append(
            DocumentLine(
                position=len(lines) + 1,
                description=_("Livraison : %(method)s") % {"method": order.shipping_method_name},
                quantity=1,
                unit_net=order.shipping_net,
                vat_rate=order.shipping_vat_rate,
                total_net=order.shipping_net,
                total_gross=order.shipping_gross,
            )
        )
    return lines


def _check_totals(invoice: Invoice, lines: list[DocumentLine]) -> None:
    """The invoice states exactly what the order was charged: a difference is a bug, never issued."""
    net = sum((line.total_net for line in lines), ZERO)
    gross = sum((line.total_gross for line in lines), ZERO)
    if (net, gross) != (invoice.total_net, invoice.total_gross):
        raise ValueError(
            f"Invoice {invoice.number}: lines add up to {net}/{gross}, the order to "
            f"{invoice.total_net}/{invoice.total_gross}."
        )

"""Issue an order's invoice: a frozen copy of the order, to the cent, with the mentions French law asks.

A boutique order is invoiced by the payment that settles it, in the same transaction: the invoice
exists if and only if the payment was recorded. A reseller order is invoiced when it ships (or when
paid, for prepayment): ``invoice_on_shipment`` and the payment call ``issue_invoice_for_order``. A
reseller order shipped in parts gets one invoice per parcel (``issue_invoice_for_shipment``), for exactly
the pieces that parcel held, through the same numbering, mentions and VAT breakdown.

Rounding (the shop's one rule, core.money): every order line is rounded to the cent once, when the
order is placed; the invoice copies those lines. Priced HT (a reseller's order), the VAT is rounded once
per rate, on the invoice's total HT at that rate, as the order's was: the invoice equals the order to the
cent and each VAT row is its base × rate (EN 16931 BR-CO-17). Priced TTC (the boutique), a rate's TTC is
the sum of its lines' TTC, as charged, and its VAT is that TTC minus its HT.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.core.addresses import PostalAddress
from comptoir.core.money import quantize, vat_of
from comptoir.fulfillment.models import Shipment, ShipmentLine
from comptoir.orders.models import Order, OrderLine
from comptoir.resellers.identifiers import siren_of
from comptoir.resellers.models import PaymentTerms, TaxRegime

from ..legal import RECOVERY_FEE
from ..models import DocumentKind, DocumentLine, Invoice, LineKind
from ..pdf import keep_pdf_after_commit
from ..selectors import invoices_of_order, latest_invoice_of_order
from ..seller import seller_identity
from .numbering import next_number

ZERO = Decimal("0.00")


def _buyer(order: Order) -> dict[str, Any]:
    billing = PostalAddress.from_dict(order.billing_address or order.shipping_address or {})
    buyer = {
        "name": billing.full_name,
        "company": billing.company,
        "address": "\n".join(billing.as_lines()),
        "email": order.email,
        "country": billing.country,
        "postal": billing.to_dict(),
    }
    if order.is_reseller and order.company is not None:
        company = order.company
        contact = billing.full_name
        lines = [
            company.legal_name,
            contact,
            billing.line1,
            billing.line2,
            f"{billing.postcode} {billing.city}",
        ]
        buyer.update(
            company=company.legal_name,
            address="\n".join(line for line in [*lines, billing.country] if line),
            siren=siren_of(order.buyer_company_number) if order.buyer_company_number else "",
            siret=order.buyer_company_number if len(order.buyer_company_number) == 14 else "",
            vat_number=order.buyer_vat_number,
            company_id=str(company.pk),
        )
    return buyer


def vat_breakdown(lines: list[DocumentLine], *, prices_include_tax: bool) -> list[dict[str, str]]:
    """Net, VAT and gross per VAT rate. Priced HT: the lines' net at that rate, its VAT rounded once
    (core.money.vat_of). Priced TTC: the lines' TTC at that rate as charged, its VAT the TTC minus the HT."""
    by_rate: dict[Decimal, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for line in lines:
        by_rate[line.vat_rate][0] += line.total_net
        by_rate[line.vat_rate][1] += line.total_gross
    rows = []
    for rate, (net, gross) in sorted(by_rate.items()):
        vat = gross - net if prices_include_tax else vat_of(net, rate)
        rows.append({"rate": str(rate), "net": str(net), "vat": str(vat), "gross": str(net + vat)})
    return rows


def breakdown_totals(breakdown: list[dict[str, str]]) -> tuple[Decimal, Decimal]:
    """(net, gross) of a document: the sums of its VAT rows."""
    net = sum((Decimal(row["net"]) for row in breakdown), ZERO)
    return net, sum((Decimal(row["gross"]) for row in breakdown), ZERO)


# A company's order paid in advance is invoiced with its payment, before its goods leave: the invoice
# states the period they leave in, the shop's commitment (BG-14; BR-IC-11 for an intra-EU supply).
PREPAID_DISPATCH_DAYS = 7


def delivery_period(order: Order, issued_on: date) -> tuple[date, date]:
    """When the goods of an order invoiced before they leave will leave: a pre-order's window, else
    within ``PREPAID_DISPATCH_DAYS`` of the invoice."""
    start = max(issued_on, order.preorder_ships_from or issued_on)
    end = order.preorder_ships_until or start + timedelta(days=PREPAID_DISPATCH_DAYS)
    return start, max(start, end)


def due_date_for(*, terms: str, issued_on: date) -> date:
    """The payment deadline, counted from the invoice's date (Code de commerce L441-10).

    « 45 jours fin de mois »: 45 days after the invoice, then the end of that month.
    """
    if terms == PaymentTerms.NET_30:
        return issued_on + timedelta(days=30)
    if terms == PaymentTerms.EOM_45:
        later = issued_on + timedelta(days=45)
        return later.replace(day=calendar.monthrange(later.year, later.month)[1])
    return issued_on


def issue_invoice_for_order(*, order: Order, payment_method: str = "", paid: bool = False) -> Invoice:
    """The order's invoice; issuing twice returns the first one (a replayed payment, a second ship).

    ``payment_method``: how it was paid, when it differs from the order's (a company paying in
    advance by card rather than by the transfer its order expected). ``paid``: issued by the payment
    that settles it (the order is marked paid just after, in the same transaction).
    """
    with transaction.atomic():
        existing = latest_invoice_of_order(order=order)
        if existing is not None:
            return existing
        lines = _lines_of(order)
        return _issue(
            order=order,
            lines=lines,
            shipment=None,
            totals=(order.total_net, order.total_gross),
            payment_method=payment_method,
            paid=paid,
        )


def issue_invoice_for_shipment(*, shipment: Shipment) -> Invoice | None:
    """One parcel's invoice, for exactly the pieces it held (an order shipped in parts).

    None when the order was already invoiced whole (paid in advance: invoiced with its payment).
    Issuing twice returns the first one.
    """
    order = shipment.order
    with transaction.atomic():
        existing = Invoice.objects.filter(shipment=shipment).first()
        if existing is not None:
            return existing
        if invoices_of_order(order=order).filter(shipment__isnull=True).exists():
            return None
        lines = _lines_of(order, shipment=shipment)
        invoice = _issue(order=order, lines=lines, shipment=shipment, totals=None)
        _check_order_not_exceeded(order)
    return invoice


def _issue(
    *,
    order: Order,
    lines: list[DocumentLine],
    shipment: Shipment | None,
    totals: tuple[Decimal, Decimal] | None,
    payment_method: str = "",
    paid: bool = False,
) -> Invoice:
    """Number, freeze and save one invoice of ``order`` stating ``lines`` (inside the caller's atomic).

    ``totals`` (net, gross) is what the lines must add up to: the order's, for a whole-order invoice.
    """
    issued_at = timezone.now()
    year = timezone.localdate(issued_at).year  # the shop's calendar year, not UTC's
    number, sequence_number = next_number(kind=DocumentKind.INVOICE, year=year)
    shipping = PostalAddress.from_dict(order.shipping_address or {})
    billing = PostalAddress.from_dict(order.billing_address or {})
    seller = seller_identity()
    terms = order.payment_terms if order.is_reseller else ""
    # Terms run per invoice: each parcel's from its own invoice's date.
    due_date = due_date_for(terms=terms, issued_on=timezone.localdate(issued_at)) if terms else None
    is_first = not invoices_of_order(order=order).exists()
    shipped_at = shipment.shipped_at if shipment is not None else order.shipped_at
    breakdown = vat_breakdown(lines, prices_include_tax=order.prices_include_tax)
    total_net, total_gross = totals if totals is not None else breakdown_totals(breakdown)
    issued_on = timezone.localdate(issued_at)
    period = (None, None) if shipped_at or not order.is_reseller else delivery_period(order, issued_on)
    invoice = Invoice(
        number=number,
        year=year,
        sequence_number=sequence_number,
        order=order,
        shipment=shipment,
        issued_at=issued_at,
        delivery_date=timezone.localdate(shipped_at) if shipped_at else None,
        language=order.language,
        seller=seller,
        buyer=_buyer(order),
        delivery_address=shipping.to_dict() if shipping.to_dict() != billing.to_dict() else None,
        currency=order.currency,
        total_net=total_net,
        total_vat=total_gross - total_net,
        total_gross=total_gross,
        vat_breakdown=breakdown,
        mentions=_mentions(order=order, seller=seller),
        payment_method=payment_method or order.payment_method,
        buyer_is_company=order.is_reseller,
        tax_regime=order.tax_regime,
        purchase_order_reference=order.purchase_order_reference,
        payment_terms=terms,
        due_date=due_date,
        period_start=period[0],
        period_end=period[1],
        paid_when_issued=paid or order.paid_at is not None,
    )
    invoice.save(_first_write=True)
    for line in lines:
        line.invoice = invoice
        line.save(_first_write=True)
    _check_totals(invoice, lines)
    keep_pdf_after_commit(invoice=invoice)
    if is_first and due_date is not None and due_date != order.payment_due_date:
        # The invoice's due date is the one that binds (terms run from the invoice): the order
        # follows its first invoice, so the cockpit's overdue count and the reminders read it.
        Order.objects.filter(pk=order.pk).update(payment_due_date=due_date)
        order.payment_due_date = due_date
    return invoice


def invoice_on_shipment(*, order: Order) -> Invoice | None:
    """A reseller order is invoiced when its parcel leaves; a boutique order already was, when paid."""
    if not order.is_reseller:
        return None
    return issue_invoice_for_order(order=order)


def _mentions(*, order: Order, seller: dict[str, str]) -> list[str]:
    """The legal mentions, written once in the buyer's language and frozen with the invoice."""
    mentions = []
    with translation.override(order.language):
        mentions.append(_("Livraison de biens"))
        if order.tax_regime == TaxRegime.INTRA_EU:
            mentions.append(
                _(
                    "Exonération de TVA, article 262 ter I du CGI. N° de TVA du vendeur : %(seller)s ; "
                    "n° de TVA de l'acquéreur : %(buyer)s."
                )
                % {"seller": seller.get("vat_number", ""), "buyer": order.buyer_vat_number}
            )
        elif order.tax_regime == TaxRegime.EXPORT:
            mentions.append(_("Exonération de TVA, article 262 I du CGI"))
        if order.lines.filter(variant__product__is_gift_card=True).exists():
            mentions.append(
                _(
                    "Cartes cadeaux : bons à usages multiples, hors du champ de la TVA à leur vente ; "
                    "la TVA est due sur les biens qu'ils paieront."
                )
            )
        if seller.get("vat_on_debits"):
            mentions.append(_("Option pour le paiement de la taxe d'après les débits"))
        if order.is_reseller:
            rate = Decimal(seller.get("late_payment_rate") or "0")
            mentions.append(
                _(
                    "Pénalités de retard : taux annuel de %(rate)s %%, exigibles dès le lendemain de "
                    "l'échéance (article L441-10 du Code de commerce)."
                )
                % {"rate": _decimal_text(rate)}
            )
            mentions.append(
                _(
                    "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : "
                    "%(fee)s € (article D441-5 du Code de commerce)."
                )
                % {"fee": _decimal_text(RECOVERY_FEE).removesuffix(",00").removesuffix(".00")}
            )
            mentions.append(_("Pas d'escompte pour paiement anticipé."))
    return mentions


def _decimal_text(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",") if translation.get_language() == "fr" else f"{amount:.2f}"


def _goods(order: Order, shipment: Shipment | None) -> list[tuple[OrderLine, int, Decimal, Decimal]]:
    """(line, quantity, total net, total gross) of each order line the invoice states.

    A parcel's share of a line is cut by cumulative rounding: the amount for the pieces shipped up to
    and including this parcel, minus the amount for those shipped before it, each rounded to the cent.
    The parcels of a line therefore add up to the line's frozen totals exactly, whatever the split.
    """
    if shipment is None:
        return [
            (line, line.quantity, line.total_net, line.total_gross) for line in order.lines.order_by("pk")
        ]
    earlier = dict(
        ShipmentLine.objects.filter(shipment__order=order, shipment__position__lt=shipment.position)
        .values_list("order_line_id")
        .annotate(pieces=Sum("quantity"))
    )
    goods = []
    for part in shipment.lines.select_related("order_line").order_by("order_line_id"):
        line = part.order_line
        before = earlier.get(line.pk, 0)

        def share(total: Decimal, pieces: int, *, line: OrderLine = line) -> Decimal:
            return quantize(total * pieces / line.quantity)

        goods.append(
            (
                line,
                part.quantity,
                share(line.total_net, before + part.quantity) - share(line.total_net, before),
                share(line.total_gross, before + part.quantity) - share(line.total_gross, before),
            )
        )
    return goods


def _lines_of(order: Order, *, shipment: Shipment | None = None) -> list[DocumentLine]:
    lines = []
    # An order's discount and transport are stated once: whole, or on its first parcel's invoice.
    with_order_charges = shipment is None or shipment.position == 1
    with translation.override(order.language):
        for position, (line, quantity, total_net, total_gross) in enumerate(_goods(order, shipment), start=1):
            description = (
                f"{line.product_name} ({line.options_label})" if line.options_label else line.product_name
            )
            lines.append(
                DocumentLine(
                    position=position,
                    kind=LineKind.GOODS,
                    description=description,
                    sku=line.sku,
                    quantity=quantity,
                    unit_net=line.unit_net,
                    vat_rate=line.vat_rate,
                    total_net=total_net,
                    total_gross=total_gross,
                )
            )
        if with_order_charges and order.discount_gross:
            rate = lines[0].vat_rate if lines else Decimal("0.2000")
            lines.append(
                DocumentLine(
                    position=len(lines) + 1,
                    kind=LineKind.DISCOUNT,
                    description=_("Réduction (%(code)s)") % {"code": order.discount_code},
                    quantity=1,
                    unit_net=-order.discount_net,
                    vat_rate=rate,
                    total_net=-order.discount_net,
                    total_gross=-order.discount_gross,
                )
            )
        if with_order_charges and (order.shipping_gross or not order.is_reseller):
            lines.append(
                DocumentLine(
                    position=len(lines) + 1,
                    kind=LineKind.SHIPPING,
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
    net, gross = breakdown_totals(invoice.vat_breakdown)
    if net != sum((line.total_net for line in lines), ZERO) or (net, gross) != (
        invoice.total_net,
        invoice.total_gross,
    ):
        raise ValueError(
            f"Invoice {invoice.number}: lines add up to {net}/{gross}, the order to "
            f"{invoice.total_net}/{invoice.total_gross}."
        )


def _check_order_not_exceeded(order: Order) -> None:
    """The parcels' invoices never state more than the order was charged: a difference is a bug.

    Each parcel's invoice rounds its own VAT once per rate (it must be right on its own, BR-CO-17), so
    priced HT their VAT may add up to a cent per invoice more or less than the order's: the HT never."""
    invoices = invoices_of_order(order=order)
    stated = invoices.aggregate(net=Sum("total_net"), gross=Sum("total_gross"))
    slack = ZERO if order.prices_include_tax else Decimal("0.01") * invoices.count()
    if stated["net"] > order.total_net or stated["gross"] > order.total_gross + slack:
        raise ValueError(f"Order {order.number}: its invoices state more than its total.")

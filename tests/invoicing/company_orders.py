"""Reseller orders as the reseller checkout leaves them: HT prices, the buyer's identifiers, terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from comptoir.core.money import Money, TaxedMoney, total_by_rate
from comptoir.orders.models import Channel, Order, OrderLine, OrderStatus
from comptoir.pricing.quotes import PriceQuote
from comptoir.resellers.models import PaymentTerms, TaxRegime
from tests.factories.payments import OrderFactory
from tests.factories.resellers import CompanyFactory

COMPANIES = {
    TaxRegime.DOMESTIC: {"country": "FR", "vat_number": "FR40303265045", "siren": "303265045"},
    TaxRegime.INTRA_EU: {"country": "DE", "vat_number": "DE136695976", "siren": "", "city": "Berlin"},
    TaxRegime.EXPORT: {"country": "CH", "vat_number": "", "siren": "", "city": "Genève"},
}


def company_order(
    *,
    regime: str = TaxRegime.DOMESTIC,
    lines: list[tuple[int, str]] | None = None,
    status: str = OrderStatus.PACKED,
    terms: str = PaymentTerms.NET_30,
    **fields: Any,
) -> Order:
    """A reseller order: ``lines`` are (quantity, unit price HT); VAT 20 % at home, none otherwise."""
    company = CompanyFactory(**COMPANIES[regime])
    rate = Decimal("0.2000") if regime == TaxRegime.DOMESTIC else Decimal("0.0000")
    address = {
        "first_name": "Claire",
        "last_name": "Martin",
        "company": company.shop_name,
        "line1": company.line1,
        "postcode": company.postcode,
        "city": company.city,
        "country": COMPANIES[regime]["country"],
    }
    rows = []
    for quantity, unit in lines or [(12, "40.00")]:
        total = PriceQuote(
            unit=TaxedMoney.from_net(Money(unit), vat_rate=rate),
            quantity=quantity,
            vat_rate=rate,
            prices_include_tax=False,
        ).total  # a line as the reseller checkout prices it
        rows.append((quantity, Decimal(unit), total.net.amount, total.gross.amount))
    order_total = total_by_rate((row[2], rate) for row in rows)  # the VAT once per rate, as checkout
    net_total, gross_total = order_total.net.amount, order_total.gross.amount
    fields.setdefault("payment_method", "bank_transfer")
    order = OrderFactory(
        status=status,
        with_line=False,
        channel=Channel.RESELLER,
        company=company,
        prices_include_tax=False,
        tax_regime=regime,
        payment_terms=terms,
        purchase_order_reference="BC-2026-117",
        buyer_company_number="30326504500017" if regime == TaxRegime.DOMESTIC else "",
        buyer_vat_number=COMPANIES[regime]["vat_number"],
        shipping_address=address,
        billing_address=address,
        shipping_gross=Decimal("0.00"),
        shipping_net=Decimal("0.00"),
        shipping_vat_rate=rate,
        subtotal_net=net_total,
        subtotal_gross=gross_total,
        total_net=net_total,
        total_gross=gross_total,
        shipped_at=dt.datetime(2026, 9, 14, 9, 0, tzinfo=dt.UTC) if status == OrderStatus.SHIPPED else None,
        **fields,
    )
    for position, (quantity, unit, net, gross) in enumerate(rows, start=1):
        OrderLine.objects.create(
            order=order,
            product_name=f"Chemise {position}",
            options_label="Blanc · 40",
            sku=f"CHM-{position:03d}",
            quantity=quantity,
            unit_net=unit,
            unit_gross=(unit * (1 + rate)).quantize(Decimal("0.01")),
            vat_rate=rate,
            total_net=net,
            total_gross=gross,
        )
    return order

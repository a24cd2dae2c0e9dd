"""A reseller's order shipped in two parcels, each with its invoice, then returned and refunded: each
invoice gets its own credit note, and the credit notes add up to the refund to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.invoicing.models import CreditNote
from comptoir.orders.models import PAYMENT_ON_TERMS, OrderStatus
from comptoir.orders.services.accept_return import accept_return
from comptoir.workflow.services.record_terms_payment import record_terms_payment
from comptoir.workflow.services.refund_order_payments import refunded_with_credit_note
from comptoir.workflow.services.ship_and_invoice import ship_part_and_invoice
from tests.factories.parcels import quantities, reseller_order_with_stock

pytestmark = pytest.mark.django_db


def test_each_parcel_invoice_is_credited_and_the_credit_notes_add_up_to_the_refund():
    # 3 × 33,33 HT and 5 × 12,10 HT, VAT 20 %: 160,49 HT, 192,59 TTC.
    # Parcel 1: 1 × 33,33 → 40,00 TTC and 2 × 12,10 = 24,20 → 29,04 TTC: 57,53 HT, 69,04 TTC.
    # Parcel 2: the rest, 66,66 → 79,99 TTC and 36,30 → 43,56 TTC: 102,96 HT, 123,55 TTC.
    order = reseller_order_with_stock(lines=[(3, "33.33"), (5, "12.10")], payment_method=PAYMENT_ON_TERMS)
    first = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 2), tracking_number="6A001", actor=None
    ).invoice
    second = ship_part_and_invoice(
        order=order, quantities=quantities(order, 2, 3), tracking_number="6A002", actor=None
    ).invoice
    payment = record_terms_payment(order=order, actor=None, reference="VIR-1")
    assert payment is not None and payment.amount == Decimal("192.59")
    accept_return(order=order, actor_label="staff")

    refunded_with_credit_note(order=order, actor=None, actor_label="staff")

    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    notes = {note.invoice_id: note for note in CreditNote.objects.filter(invoice__order=order)}
    assert set(notes) == {first.pk, second.pk}
    assert (notes[first.pk].total_net, notes[first.pk].total_vat, notes[first.pk].total_gross) == (
        Decimal("-57.53"),
        Decimal("-11.51"),
        Decimal("-69.04"),
    )
    assert (notes[second.pk].total_net, notes[second.pk].total_vat, notes[second.pk].total_gross) == (
        Decimal("-102.96"),
        Decimal("-20.59"),
        Decimal("-123.55"),
    )
    assert [(line.quantity, line.total_gross) for line in notes[second.pk].lines.order_by("position")] == [
        (-2, Decimal("-79.99")),
        (-3, Decimal("-43.56")),
    ]
    assert notes[first.pk].total_gross + notes[second.pk].total_gross == -payment.amount


def test_refunding_twice_credits_each_invoice_once():
    order = reseller_order_with_stock(lines=[(3, "33.33"), (5, "12.10")])
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 2), tracking_number="6A001", actor=None
    )
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 2, 3), tracking_number="6A002", actor=None
    )
    accept_return(order=order, actor_label="staff")

    refunded_with_credit_note(order=order, actor=None, actor_label="staff")
    refunded_with_credit_note(order=order, actor=None, actor_label="staff")

    assert sorted(CreditNote.objects.filter(invoice__order=order).values_list("total_gross", flat=True)) == [
        Decimal("-123.55"),
        Decimal("-69.04"),
    ]

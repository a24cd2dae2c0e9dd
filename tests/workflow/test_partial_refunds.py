"""Any refund, whole or partial, gets its credit note: invoices minus credit notes = money kept, to the cent.

The order: a shirt 95,00 TTC (79,17 HT) and shipping 5,90 TTC (4,92 HT) at 20 %, a book 10,55 TTC
(10,00 HT) at 5,5 %: 111,45 TTC, 94,09 HT. A partial credit note is split over the two rates pro rata
of what is left at each (100,90 and 10,55 of 111,45), the 5,5 % share rounded, the 20 % share taking
the rest.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from comptoir.accounting.ledger import sales_entries
from comptoir.invoicing.models import CreditNote, Invoice
from comptoir.invoicing.services.issue_credit_note import CreditNoteRefused, issue_partial_credit_note
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import Order, OrderLine
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.workflow.services.pay_order import mark_payment_paid
from comptoir.workflow.services.refund_amount import RefundRefused, refund_amount
from comptoir.workflow.services.refund_order_payments import refund_order_payments
from tests.factories.payments import OrderFactory
from tests.payments.stripe_helpers import post_event, recording, stripe_event

pytestmark = pytest.mark.django_db

PAYMENT_INTENT = "pi_3PqRsTuVwXyZ0001"


def paid_order(*, provider: str = "stripe") -> tuple[Order, Payment, Invoice]:
    order = OrderFactory(
        payment_method=provider,
        subtotal_gross=Decimal("105.55"),
        subtotal_net=Decimal("89.17"),
        total_gross=Decimal("111.45"),
        total_net=Decimal("94.09"),
    )
    OrderLine.objects.create(
        order=order,
        product_name="Carnet de coupe",
        sku="CARNET",
        quantity=1,
        unit_gross=Decimal("10.55"),
        unit_net=Decimal("10.00"),
        vat_rate=Decimal("0.0550"),
        total_gross=Decimal("10.55"),
        total_net=Decimal("10.00"),
    )
    payment = Payment.objects.create(
        order=order,
        provider=provider,
        status=PaymentStatus.PENDING,
        amount=Decimal("111.45"),
        external_id="cs_test_a1B2c3D4e5F6g7H8i9J0" if provider == "stripe" else "",
    )
    mark_payment_paid(
        payment_id=payment.pk,
        provider_reference=PAYMENT_INTENT if provider == "stripe" else "",
        actor_label="test",
    )
    invoice = Invoice.objects.get(order=order)
    assert (invoice.total_gross, invoice.total_net) == (Decimal("111.45"), Decimal("94.09"))
    return order, payment, invoice


def totals(note: CreditNote) -> tuple[Decimal, Decimal, Decimal]:
    return note.total_net, note.total_vat, note.total_gross


def by_rate(note: CreditNote) -> list[tuple[Decimal, Decimal, Decimal]]:
    return [(line.vat_rate, line.total_net, line.total_gross) for line in note.lines.order_by("position")]


def charge_refunded(event_id: str, cents: int) -> dict:
    return stripe_event(
        "event_charge_refunded",
        event_id=event_id,
        amount=11145,
        amount_captured=11145,
        amount_refunded=cents,
        refunded=cents == 11145,
    )


def test_a_partial_refund_in_stripes_dashboard_is_credited_once_then_the_rest_completes_the_invoice(
    client, stripe_settings
):
    _order, payment, invoice = paid_order()

    first = post_event(client, charge_refunded("evt_refund_1", 3000))
    replayed = post_event(client, charge_refunded("evt_refund_1", 3000))
    same_total_again = post_event(client, charge_refunded("evt_refund_2", 3000))

    assert [first.json()["outcome"], replayed.json()["outcome"], same_total_again.json()["outcome"]] == [
        "partially_refunded",
        "duplicate",
        "partially_refunded",
    ]
    [note] = CreditNote.objects.filter(invoice=invoice)
    # 5,5 %: 30 × 10,55 / 111,45 = 2,84 TTC → 2,69 HT; 20 %: 27,16 TTC → 22,63 HT.
    assert totals(note) == (Decimal("-25.32"), Decimal("-4.68"), Decimal("-30.00"))
    assert by_rate(note) == [
        (Decimal("0.0550"), Decimal("-2.69"), Decimal("-2.84")),
        (Decimal("0.2000"), Decimal("-22.63"), Decimal("-27.16")),
    ]
    assert note.reason == "Remboursement Stripe"
    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.PAID, Decimal("30.00"))

    post_event(client, charge_refunded("evt_refund_3", 11145))

    last = CreditNote.objects.filter(invoice=invoice).exclude(pk=note.pk).get()
    # What is left at each rate, exactly: 7,31 HT / 7,71 TTC and 61,46 HT / 73,74 TTC.
    assert by_rate(last) == [
        (Decimal("0.0550"), Decimal("-7.31"), Decimal("-7.71")),
        (Decimal("0.2000"), Decimal("-61.46"), Decimal("-73.74")),
    ]
    assert totals(last) == (Decimal("-68.77"), Decimal("-12.68"), Decimal("-81.45"))
    assert totals(note)[0] + totals(last)[0] == -invoice.total_net
    assert totals(note)[1] + totals(last)[1] == -invoice.total_vat
    today = dt.date.today()
    entries = sales_entries(start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=1))
    assert [(entry.reference, entry.debit, entry.is_balanced) for entry in entries] == [
        (invoice.number, Decimal("111.45"), True),
        (note.number, Decimal("30.00"), True),
        (last.number, Decimal("81.45"), True),
    ]


def test_a_goodwill_refund_by_amount_goes_through_stripe_and_is_credited_at_the_vat_split(stripe_http):
    order, _payment, _invoice = paid_order()
    stripe_http.responses.append((200, recording("refund_created") | {"amount": 1000}))

    [note] = refund_amount(order=order, amount=Decimal("10.00"), reason="Geste commercial : bouton manquant")

    assert stripe_http.requests[0]["form"] == {"payment_intent": PAYMENT_INTENT, "amount": "1000"}
    # 5,5 %: 10 × 10,55 / 111,45 = 0,95 TTC → 0,90 HT; 20 %: 9,05 TTC → 7,54 HT.
    assert by_rate(note) == [
        (Decimal("0.0550"), Decimal("-0.90"), Decimal("-0.95")),
        (Decimal("0.2000"), Decimal("-7.54"), Decimal("-9.05")),
    ]
    assert totals(note) == (Decimal("-8.44"), Decimal("-1.56"), Decimal("-10.00"))
    assert note.reason == "Geste commercial : bouton manquant"


def test_over_refunding_is_refused_and_changes_nothing(stripe_http):
    order, payment, invoice = paid_order()
    stripe_http.responses.append((200, recording("refund_created") | {"amount": 3000}))
    refund_amount(order=order, amount=Decimal("30.00"), reason="Geste")

    with pytest.raises(RefundRefused) as refused:
        refund_amount(order=order, amount=Decimal("81.46"), reason="Geste")

    assert refused.value.message == (
        "Remboursement de 81,46\xa0€ refusé : il reste 81,45\xa0€ remboursables "
        f"sur la commande {order.number}."
    )
    assert len(stripe_http.requests) == 1
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("30.00")
    assert CreditNote.objects.filter(invoice=invoice).count() == 1


def test_the_credit_notes_of_an_invoice_never_exceed_it():
    _order, _payment, invoice = paid_order(provider="bank_transfer")
    issue_partial_credit_note(invoice=invoice, amount=Decimal("111.00"), reason="Geste")

    with pytest.raises(CreditNoteRefused) as refused:
        issue_partial_credit_note(invoice=invoice, amount=Decimal("0.46"), reason="Geste")

    assert refused.value.message == (
        f"Impossible de créditer 0,46\xa0€ sur la facture {invoice.number} : "
        "il n'en reste que 0,45\xa0€ à créditer."
    )
    assert CreditNote.objects.filter(invoice=invoice).count() == 1


def test_a_transfer_refunded_by_hand_in_part_then_in_full_is_credited_to_the_cent():
    order, payment, _invoice = paid_order(provider="bank_transfer")

    [first] = refund_amount(order=order, amount=Decimal("20.00"), reason="Virement renvoyé")
    with pytest.raises(OrderTransitionRefused):  # a transfer goes back from the bank, never by the shop
        refund_order_payments(order=order)
    [second] = refund_amount(order=order, amount=Decimal("91.45"), reason="Virement renvoyé")

    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("111.45"))
    assert totals(first)[2] + totals(second)[2] == Decimal("-111.45")
    assert totals(first)[0] + totals(second)[0] == Decimal("-94.09")


def test_a_full_refund_after_a_partial_one_credits_only_what_is_left(stripe_http):
    order, _payment, invoice = paid_order()
    Order.objects.filter(pk=order.pk).update(status="cancelled")
    stripe_http.responses.append((200, recording("refund_created") | {"amount": 3000}))
    refund_amount(order=order, amount=Decimal("30.00"), reason="Geste")
    stripe_http.responses.append((200, recording("refund_created") | {"id": "re_2", "amount": 8145}))

    refund_order_payments(order=order)

    notes = CreditNote.objects.filter(invoice=invoice)
    assert sum(note.total_gross for note in notes) == Decimal("-111.45")
    assert sum(note.total_net for note in notes) == Decimal("-94.09")
    assert stripe_http.requests[1]["form"]["amount"] == "8145"


def test_the_founder_refunds_an_amount_from_the_order_admin(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    order, payment, invoice = paid_order(provider="bank_transfer")
    changelist = "/fr/admin/orders/order/"

    step = client.post(changelist, {"action": "refund_an_amount", "_selected_action": [order.pk]})
    assert step.status_code == 200
    assert "111,45\xa0€ peuvent encore être remboursés" in step.content.decode()

    done = client.post(
        changelist,
        {
            "action": "refund_an_amount",
            "_selected_action": [order.pk],
            "apply": "1",
            "amount": "12.50",
            "reason": "Bouton manquant",
        },
        follow=True,
    )

    [note] = CreditNote.objects.filter(invoice=invoice)
    assert f"Remboursement enregistré ; avoir {note.number}." in done.content.decode()
    assert (note.total_gross, note.reason) == (Decimal("-12.50"), "Bouton manquant")
    payment.refresh_from_db()
    assert payment.refunded_amount == Decimal("12.50")

"""A buyer turns the company's draft into an order: HT prices, its VAT, its terms, its PO reference."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from comptoir.checkout.errors import EmptyCart, MissingPurchaseOrderReference, OutOfStock
from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Channel, Order, OrderStatus
from comptoir.resellers.models import DraftOrderLine, PaymentTerms, TaxRegime
from comptoir.resellers.services.draft_orders import set_grid_quantities
from comptoir.resellers.terms import payment_due_date
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


def reserved(variant):
    return StockRecord.objects.get(variant=variant).reserved


def order_draft(buyer, run, quantities, **kwargs):
    _price_list, product, variants = run
    set_grid_quantities(
        buyer=buyer, product=product, quantities={variants[i].pk: q for i, q in enumerate(quantities)}
    )
    options = {"purchase_order_reference": "BC-2026-117", "idempotency_key": "k1", "language": "fr"}
    options.update(kwargs)
    [order] = place_reseller_order(buyer=buyer, **options)
    return order


def test_a_french_company_on_30_days_net_gets_an_order_ht_with_french_vat(
    run, django_capture_on_commit_callbacks, mailoutbox
):
    buyer = BuyerFactory(company__payment_terms=PaymentTerms.NET_30, user__email="achat@mercerie.example")
    with django_capture_on_commit_callbacks(execute=True):
        order = order_draft(buyer, run, [2, 4, 4, 2])
    assert order.channel == Channel.RESELLER
    assert order.company == buyer.company
    assert order.status == OrderStatus.CONFIRMED  # on terms: ready to pack before it is paid
    assert order.purchase_order_reference == "BC-2026-117"
    assert order.prices_include_tax is False
    assert (order.subtotal_net, order.total_net, order.total_gross) == (
        Decimal("600.00"),
        Decimal("600.00"),
        Decimal("720.00"),
    )
    assert order.tax_regime == TaxRegime.DOMESTIC
    assert order.payment_terms == PaymentTerms.NET_30
    assert order.payment_method == "on_terms"
    assert order.payment_due_date == timezone.localdate() + (date(2026, 1, 31) - date(2026, 1, 1))
    assert order.buyer_vat_number == "FR40303265045"
    assert [line.quantity for line in order.lines.all()] == [2, 4, 4, 2]
    assert {line.unit_net for line in order.lines.all()} == {Decimal("50.00")}
    _price_list, _product, variants = run
    assert [reserved(variant) for variant in variants] == [2, 4, 4, 2]
    assert DraftOrderLine.objects.count() == 0
    assert mailoutbox[-1].to == ["achat@mercerie.example"]
    assert "BC-2026-117" in mailoutbox[-1].body
    assert "30 jours net" in mailoutbox[-1].body


def test_an_eu_company_with_a_valid_vat_number_buys_without_vat(run):
    buyer = BuyerFactory(company__country="DE", company__vat_number="DE136695976")
    order = order_draft(buyer, run, [1, 1, 0, 0])
    assert order.tax_regime == TaxRegime.INTRA_EU
    assert order.total_net == order.total_gross == Decimal("100.00")


def test_a_company_outside_the_eu_is_an_export_without_vat(run):
    buyer = BuyerFactory(company__country="CH", company__vat_number="")
    order = order_draft(buyer, run, [1, 0, 0, 0])
    assert order.tax_regime == TaxRegime.EXPORT
    assert order.total_gross == Decimal("50.00")


def test_prepayment_waits_for_a_bank_transfer_with_no_due_date(
    run, django_capture_on_commit_callbacks, mailoutbox
):
    buyer = BuyerFactory(company__payment_terms=PaymentTerms.PREPAYMENT)
    with django_capture_on_commit_callbacks(execute=True):
        order = order_draft(buyer, run, [1, 0, 0, 0])
    assert order.payment_method == "bank_transfer"
    assert order.payment_due_date is None
    assert "IBAN" in mailoutbox[-1].body


@pytest.mark.parametrize(
    ("terms", "placed_on", "due"),
    [
        (PaymentTerms.NET_30, date(2026, 1, 15), date(2026, 2, 14)),
        (PaymentTerms.EOM_45, date(2026, 1, 10), date(2026, 2, 28)),
        (PaymentTerms.EOM_45, date(2026, 1, 20), date(2026, 3, 31)),
        (PaymentTerms.EOM_45, date(2027, 12, 20), date(2028, 2, 29)),
        (PaymentTerms.PREPAYMENT, date(2026, 1, 15), None),
    ],
)
def test_payment_due_dates(terms, placed_on, due):
    assert payment_due_date(terms=terms, placed_on=placed_on) == due


def test_the_same_key_places_one_order(run):
    buyer = BuyerFactory()
    first = order_draft(buyer, run, [1, 0, 0, 0])
    [again] = place_reseller_order(
        buyer=buyer, purchase_order_reference="BC-2026-117", idempotency_key="k1", language="fr"
    )
    assert again == first
    assert Order.objects.count() == 1
    _price_list, _product, variants = run
    assert reserved(variants[0]) == 1


def test_a_purchase_order_reference_is_required_and_nothing_changes(run):
    buyer = BuyerFactory()
    with pytest.raises(MissingPurchaseOrderReference):
        order_draft(buyer, run, [1, 0, 0, 0], purchase_order_reference="  ")
    assert Order.objects.count() == 0
    assert DraftOrderLine.objects.count() == 1


def test_an_empty_draft_is_refused(run):
    with pytest.raises(EmptyCart):
        place_reseller_order(
            buyer=BuyerFactory(), purchase_order_reference="X", idempotency_key="k", language="fr"
        )


def test_stock_sold_in_between_refuses_the_whole_order(run):
    buyer = BuyerFactory()
    _price_list, product, variants = run
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 3, variants[1].pk: 2})
    StockRecord.objects.filter(variant=variants[0]).update(reserved=9)
    with pytest.raises(OutOfStock):
        place_reseller_order(buyer=buyer, purchase_order_reference="X", idempotency_key="k", language="fr")
    assert Order.objects.count() == 0
    assert reserved(variants[1]) == 0
    assert DraftOrderLine.objects.count() == 2


def test_the_buyer_orders_from_the_draft_page_and_finds_the_order_in_the_list(client, run):
    buyer = BuyerFactory(company__payment_terms=PaymentTerms.EOM_45)
    colleague = BuyerFactory(company=buyer.company)
    _price_list, product, variants = run
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[1].pk: 6})
    client.force_login(buyer.user)
    page = client.get("/fr/pro/commande/").content.decode()
    assert 'name="purchase_order_reference"' in page
    refused = client.post(
        "/fr/pro/commande/passer/", {"purchase_order_reference": "", "idempotency_key": "a"}
    )
    assert refused.status_code == 400
    assert Order.objects.count() == 0
    response = client.post(
        "/fr/pro/commande/passer/", {"purchase_order_reference": "PO-77", "idempotency_key": "a"}
    )
    order = Order.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/pro/commandes/{order.number}/"
    detail = client.get(response["Location"]).content.decode()
    assert "PO-77" in detail
    assert "45 jours fin de mois" in detail
    client.force_login(colleague.user)
    listing = client.get("/fr/pro/commandes/").content.decode()
    assert order.number in listing
    assert "PO-77" in listing


def test_company_a_cannot_read_company_b_orders(client, run):
    theirs = BuyerFactory()
    order = order_draft(theirs, run, [1, 0, 0, 0], purchase_order_reference="SECRET-PO")
    client.force_login(BuyerFactory().user)
    assert client.get(f"/fr/pro/commandes/{order.number}/").status_code == 404
    listing = client.get("/fr/pro/commandes/").content.decode()
    assert order.number not in listing
    assert "SECRET-PO" not in listing


def test_a_colleague_key_cannot_reach_another_company_order(run):
    theirs, mine = BuyerFactory(), BuyerFactory()
    order_draft(theirs, run, [1, 0, 0, 0])
    mine_order = order_draft(mine, run, [1, 0, 0, 0])  # the same client key "k1"
    assert mine_order.company == mine.company
    assert Order.objects.count() == 2

"""« Retirer la démo » removes what the demo build created, documents included, and nothing of hers."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from comptoir.catalog.models import Product
from comptoir.golive.models import DemoRow
from comptoir.golive.services.demo_rows import recording_demo_rows, remove_demo
from comptoir.invoicing.models import DocumentSequence, Invoice
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import Payment
from comptoir.resellers.models import Company
from comptoir.workflow.services.pay_order import pay_order
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.orders import order_with_stock
from tests.factories.payments import OrderFactory
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db


def test_the_demo_goes_with_its_paid_invoiced_orders_and_her_own_product_stays(
    django_capture_on_commit_callbacks,
):
    with recording_demo_rows():
        demo_order = OrderFactory(status=OrderStatus.PLACED)
        with django_capture_on_commit_callbacks(execute=True):
            pay_order(order=demo_order, actor=None, actor_label="demo", payment_reference="demo_1")
        CompanyFactory(legal_name="Boutique Démo")
        UserFactory(email="client@comptoir.example")
    # Hers, even named like a demo product.
    hers = ProductFactory(name_fr="Chemise Oxford")
    founder = UserFactory(is_staff=True, is_superuser=True, email="jeanne@atelier-orme.fr")
    assert Invoice.objects.count() == 1 and DemoRow.objects.count() >= 3

    removal = remove_demo(keep_user_ids=frozenset({founder.pk}))

    assert list(Product.objects.values_list("pk", flat=True)) == [hers.pk]
    assert (Order.objects.count(), Payment.objects.count(), Invoice.objects.count()) == (0, 0, 0)
    assert Company.objects.count() == 0
    assert list(get_user_model().objects.values_list("email", flat=True)) == ["jeanne@atelier-orme.fr"]
    # Only the fingerprints of the one-row settings the demo filled stay: they are hers now.
    assert DemoRow.objects.filter(fingerprint="").count() == 0
    assert DocumentSequence.objects.count() == 0  # her first invoice will be number 1
    assert removal.kept == 0
    assert removal.removed["commandes"] == 1


def test_her_order_of_a_demo_shirt_stays_with_its_frozen_line():
    with recording_demo_rows():
        demo_variant = VariantFactory(sku="ML-OXF-BLEU-M", on_hand=10)
    her_order = order_with_stock(variant=demo_variant)  # placed in the shop she tried, after the demo

    remove_demo()

    assert Order.objects.get() == her_order
    assert list(her_order.lines.values_list("sku", "quantity")) == [("ML-OXF-BLEU-M", 2)]
    assert Product.objects.count() == 0


def test_a_demo_company_her_order_needs_stays_as_hers():
    with recording_demo_rows():
        company = CompanyFactory(legal_name="Boutique Démo")
    her_order = OrderFactory(company=company)

    removal = remove_demo()

    assert Order.objects.get() == her_order and Company.objects.get() == company
    assert removal.kept == 1
    # Hers from now on: the checklist item turns green.
    assert DemoRow.objects.filter(fingerprint="").count() == 0


def test_the_identity_the_demo_saved_counts_as_missing_until_she_changes_it():
    from comptoir.golive.shop_facts import missing_identity_fields, real_payment_methods
    from comptoir.invoicing.models import SellerSettings

    with recording_demo_rows():
        SellerSettings.objects.create(
            pk=1, legal_name="Maison Lavande SAS", legal_form="SAS", address="12 rue Oberkampf\n75011 Paris",
            siret="73282932000017", vat_number="FR44732829320", bank_holder="Maison Lavande",
            iban="FR7630006000011234567890189", bic="AGRIFRPP882", late_payment_rate=Decimal("12.15"),
        )  # fmt: skip
    assert len(missing_identity_fields()) == 5 and real_payment_methods() == []

    remove_demo()

    seller = SellerSettings.objects.get()  # the shop's settings stay: she edits them, nothing is lost
    assert len(missing_identity_fields()) == 5
    seller.legal_name, seller.siret = "Atelier Orme SARL", "55208131766522"
    seller.vat_number = "FR03552081317"
    seller.iban = "FR1420041010050500013M02606"
    seller.save()
    assert missing_identity_fields() == [] and real_payment_methods() == ["bank_transfer"]

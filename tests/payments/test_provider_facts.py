"""Each payment provider carries its own facts; the books and documents ask it (or the method's name)."""

from comptoir.accounting.ledger import OTHER_TREASURY, treasury_account
from comptoir.orders.models import PaymentMethod, payment_method_label
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from comptoir.payments.providers.demo import DemoProvider
from comptoir.payments.providers.registry import provider_class
from comptoir.payments.providers.stripe_checkout import StripeProvider


def test_each_provider_names_its_code_ledger_account_and_refunds():
    facts = [
        (provider.code, provider.ledger_account.number, provider.refunds_by_api)
        for provider in (BankTransferProvider, StripeProvider, DemoProvider)
    ]
    assert facts == [("bank_transfer", "512000", False), ("stripe", "511500", True), ("demo", "471000", True)]
    assert provider_class("stripe") is StripeProvider
    assert provider_class("gift_card") is None


def test_the_books_take_the_providers_accounts_and_park_the_unknown():
    assert treasury_account("bank_transfer") == ("512000", "Banque")
    assert treasury_account("stripe") == ("511500", "Stripe : encaissements à virer")
    assert treasury_account("gift_card") == OTHER_TREASURY == ("471100", "Encaissements à classer")


def test_documents_print_the_method_by_its_name():
    assert [payment_method_label(code) for code in PaymentMethod.values] == [
        "virement bancaire",
        "carte bancaire",
        "paiement de démonstration",
        "paiement à échéance",
    ]
    assert payment_method_label("cheque") == "cheque"

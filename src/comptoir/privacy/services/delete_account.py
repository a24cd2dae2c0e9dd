"""A customer closes their account (GDPR art. 17): what the law lets us erase is erased.

Kept, anonymised: their orders (the shop's sales records: amounts, products, dates, the delivery
country for VAT) without name, email, phone or street. Kept as they are: the invoices, which are
frozen copies with the buyer's name and address, an accounting record the shop must keep 10 years
(Code de commerce L123-22). Erased: the account, its address book, newsletter consent, stock
alerts and event registrations; comments and reviews stay published under « Anonyme ».
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.community.models import Comment, Registration
from comptoir.marketing.models import StockAlert, Subscriber
from comptoir.orders.models import Order
from comptoir.orders.state import IN_PROGRESS
from comptoir.resellers.models import Buyer
from comptoir.reviews.models import Review

ANONYMOUS_EMAIL = "anonyme@compte-supprime.invalid"


class AccountDeletionRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _country_only(address: object) -> dict[str, str]:
    return {"country": str(address.get("country", ""))} if isinstance(address, dict) else {}


def delete_account(*, customer: User) -> None:
    if customer.is_staff or customer.is_superuser:
        raise AccountDeletionRefused(_("Un compte de l'équipe se ferme depuis l'administration."))
    if Buyer.objects.filter(user=customer).exists():
        raise AccountDeletionRefused(
            _("Ce compte achète pour une entreprise revendeuse : écrivez-nous pour le fermer.")
        )
    if Order.objects.filter(customer=customer, status__in=IN_PROGRESS).exists():
        raise AccountDeletionRefused(
            _("Une commande est encore en cours : vous pourrez fermer votre compte une fois livrée.")
        )
    email = customer.email
    with transaction.atomic():
        orders = Order.objects.select_for_update().filter(customer=customer).order_by("pk")
        for order in orders:
            order.customer = None
            order.email = ANONYMOUS_EMAIL
            order.shipping_address = _country_only(order.shipping_address)
            order.billing_address = _country_only(order.billing_address)
            order.customer_note = ""
            order.save(
                update_fields=["customer", "email", "shipping_address", "billing_address", "customer_note"]
            )
        anonymous = _("Anonyme")
        Review.objects.filter(order__in=[order.pk for order in orders]).update(name=anonymous)
        Comment.objects.filter(email__iexact=email).update(name=anonymous, email=ANONYMOUS_EMAIL, website="")
        Registration.objects.filter(email__iexact=email).delete()
        Subscriber.objects.filter(email__iexact=email).delete()
        StockAlert.objects.filter(email__iexact=email).delete()
        customer.delete()  # the address book, carts and allauth's email addresses go with it

"""The admin's actions and custom views, POSTed by each staff role with a valid CSRF token.

The admin is the owner's (config/admin_site.py): packing staff never get in. A staff member let in
(`accounts.open_admin`) with every other permission still cannot move money: refunds, credit notes,
payments recorded by hand and gift cards need `payments.move_money`, which only the owner holds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from comptoir.invoicing.models import CreditNote, Invoice
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Channel, Order, OrderEvent, OrderStatus
from comptoir.payments.models import GiftCard, Payment, PaymentStatus
from tests.factories import UserFactory
from tests.factories.orders import order_with_stock
from tests.factories.payments import OrderFactory, PaymentFactory
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db

# Every admin action, with the permission it must declare. A new action fails
# test_every_admin_action_and_custom_view_is_classified until it is written here.
ACTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("orders.order", "pack"): ("change",),
    ("orders.order", "ship"): ("change",),
    ("orders.order", "mark_delivered"): ("change",),
    ("orders.order", "cancel"): ("change",),
    ("orders.order", "accept_return"): ("change",),
    ("orders.order", "terms_payment_received"): ("move_money",),
    ("orders.order", "refund_through_provider"): ("move_money",),
    ("orders.order", "refunded_by_hand"): ("move_money",),
    ("orders.order", "refund_an_amount"): ("move_money",),
    ("payments.payment", "confirm_bank_transfer"): ("move_money",),
    ("marketing.subscriber", "export_csv"): ("view",),
    ("marketing.campaign", "send_test"): ("change",),
    ("marketing.campaign", "send_now"): ("change",),
    ("reviews.review", "approve"): ("change",),
    ("reviews.review", "reject"): ("change",),
    ("community.comment", "approve"): ("change",),
    ("community.comment", "reject"): ("change",),
    ("community.comment", "mark_spam"): ("change",),
    ("community.event", "export_attendees"): ("view",),
    ("community.event", "send_messages"): ("change",),
    ("account.emailaddress", "make_verified"): ("change",),
}
MONEY_ACTIONS = [key for key, permissions in ACTIONS.items() if "move_money" in permissions]

# The admin's own views beyond list, add, change, delete and history, with what they check.
CUSTOM_VIEWS = {
    "invoicing_invoice_pdf": "view",
    "content_preview": "add or change",
    "resellers_resellerapplication_approve": "change",
    "resellers_resellerapplication_refuse": "change",
    "otp_totp_totpdevice_config": "never (OTP_ADMIN_HIDE_SENSITIVE_DATA)",
    "otp_totp_totpdevice_qrcode": "never (OTP_ADMIN_HIDE_SENSITIVE_DATA)",
}
STANDARD_VIEWS = ("_changelist", "_add", "_change", "_delete", "_history")

STAFF_ROLES = ("packer", "clerk", "owner")


def test_every_admin_action_and_custom_view_is_classified():
    found_actions: dict[tuple[str, str], tuple[str, ...]] = {}
    found_views = set()
    for model, model_admin in admin.site._registry.items():
        for action in model_admin.actions or ():
            function = getattr(model_admin, action) if isinstance(action, str) else action
            name = action if isinstance(action, str) else action.__name__
            found_actions[(model._meta.label_lower, name)] = tuple(
                getattr(function, "allowed_permissions", ())
            )
        found_views |= {
            pattern.name
            for pattern in model_admin.get_urls()
            if pattern.name and not pattern.name.endswith(STANDARD_VIEWS)
        }
    assert found_actions == ACTIONS
    assert found_views == set(CUSTOM_VIEWS)


def _staff(role: str):
    if role == "packer":
        packer = UserFactory(is_staff=True)
        packer.groups.add(Group.objects.get(name="Préparation des colis"))
        return packer
    if role == "clerk":  # let into the admin with every permission but money's
        clerk = UserFactory(is_staff=True)
        clerk.user_permissions.set(Permission.objects.exclude(codename="move_money"))
        return clerk
    return UserFactory(is_staff=True, is_superuser=True)


def _client_with_csrf(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.cookies["csrftoken"] = _get_new_csrf_string()
    return client


def _post(client: Client, path: str, data: dict[str, Any]):
    return client.post(path, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def _money_world() -> dict[str, Any]:
    returned = OrderFactory(status=OrderStatus.RETURNED)
    on_terms = order_with_stock(
        status=OrderStatus.CONFIRMED,
        channel=Channel.RESELLER,
        company=CompanyFactory(payment_terms="net_30"),
        payment_method="on_terms",
        payment_terms="net_30",
        payment_due_date=dt.date.today() - dt.timedelta(days=1),
    )
    return {
        "returned": returned,
        "invoice": issue_invoice_for_order(order=returned),
        "on_terms": on_terms,
        "transfer": PaymentFactory(provider="bank_transfer", external_id="", redirect_url=""),
    }


def _money_state() -> tuple[Any, ...]:
    return (
        sorted(Order.objects.values_list("pk", "status", "paid_at")),
        sorted(Payment.objects.values_list("pk", "status", "amount", "refunded_amount")),
        CreditNote.objects.count(),
        Invoice.objects.count(),
        GiftCard.objects.count(),
        OrderEvent.objects.count(),
    )


MONEY_POSTS = {
    "terms_payment_received": ("/fr/admin/orders/order/", "on_terms"),
    "refund_through_provider": ("/fr/admin/orders/order/", "returned"),
    "refunded_by_hand": ("/fr/admin/orders/order/", "returned"),
    "confirm_bank_transfer": ("/fr/admin/payments/payment/", "transfer"),
}
GIFT_CARD = {
    "initial_amount": "50.00",
    "recipient_email": "amie@example.com",
    "sender_name": "Mallory",
    "message": "",
    "expires_at_0": "",
    "expires_at_1": "",
    "movements-TOTAL_FORMS": "0",
    "movements-INITIAL_FORMS": "0",
}


@pytest.mark.parametrize("role", ["packer", "clerk"])
@pytest.mark.parametrize("action", sorted(MONEY_POSTS))
def test_only_the_owner_moves_money_a_refused_post_changes_nothing(role, action, mailoutbox):
    world = _money_world()
    person = _staff(role)
    client = _client_with_csrf(person)
    before = _money_state()
    path, target = MONEY_POSTS[action]

    response = _post(client, path, {"action": action, "_selected_action": [world[target].pk]})

    if role == "packer":  # not let into the admin at all: sent to its sign-in page
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/admin/login/")
    else:  # the action is not offered to the clerk: « no action selected », nothing run
        assert response.status_code in (200, 302)
    assert _money_state() == before
    assert LogEntry.objects.filter(actor=person).count() == 0
    assert mailoutbox == []


@pytest.mark.parametrize("role", ["packer", "clerk"])
def test_only_the_owner_issues_a_gift_card(role):
    person = _staff(role)
    response = _post(_client_with_csrf(person), "/fr/admin/payments/giftcard/add/", GIFT_CARD)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"].startswith("/fr/admin/login/")
    assert GiftCard.objects.count() == 0
    assert LogEntry.objects.filter(actor=person).count() == 0


def test_the_owner_moves_money_with_the_same_posts(django_capture_on_commit_callbacks):
    world = _money_world()
    client = _client_with_csrf(_staff("owner"))
    with django_capture_on_commit_callbacks(execute=True):
        for action in ("terms_payment_received", "refunded_by_hand", "confirm_bank_transfer"):
            path, target = MONEY_POSTS[action]
            response = _post(client, path, {"action": action, "_selected_action": [world[target].pk]})
            assert response.status_code == 302
        assert _post(client, "/fr/admin/payments/giftcard/add/", GIFT_CARD).status_code == 302

    world["returned"].refresh_from_db()
    world["on_terms"].refresh_from_db()
    world["transfer"].refresh_from_db()
    [credit_note] = world["invoice"].credit_notes.all()
    assert world["returned"].status == OrderStatus.REFUNDED
    assert credit_note.total_gross == -world["invoice"].total_gross
    assert world["on_terms"].paid_at is not None
    assert Payment.objects.get(order=world["on_terms"]).status == PaymentStatus.PAID
    assert world["transfer"].status == PaymentStatus.PAID
    assert GiftCard.objects.get().initial_amount == Decimal("50.00")


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_action_posted_by_a_packer_is_refused_and_only_the_owner_reaches_money(role):
    """Each action of the table, POSTed to its list by each staff role."""
    world = _money_world()
    person = _staff(role)
    client = _client_with_csrf(person)
    for (label, action), permissions in ACTIONS.items():
        app_label, model_name = label.split(".")
        before = _money_state()
        response = _post(
            client,
            f"/fr/admin/{app_label}/{model_name}/",
            {"action": action, "_selected_action": [world["returned"].pk]},
        )
        if role == "packer":
            assert response.status_code == 302, (label, action)
            assert response["Location"].startswith("/fr/admin/login/"), (label, action)
        if role != "owner" and "move_money" in permissions:
            assert _money_state() == before, (label, action)
    if role == "packer":
        assert LogEntry.objects.filter(actor=person).count() == 0


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_the_invoice_pdf_opens_to_whoever_may_read_invoices_only(role):
    order = OrderFactory(status=OrderStatus.PAID)
    invoice = issue_invoice_for_order(order=order)
    client = Client()
    client.force_login(_staff(role))
    response = client.get(f"/fr/admin/invoicing/invoice/{invoice.pk}/pdf/")
    if role == "packer":
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/admin/login/")
    else:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"


def test_a_clerk_without_the_invoice_permission_gets_403_for_its_pdf():
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.set(Permission.objects.filter(codename="open_admin"))
    client = Client()
    client.force_login(clerk)
    assert client.get(f"/fr/admin/invoicing/invoice/{invoice.pk}/pdf/").status_code == 403


def test_packing_staff_see_nothing_of_the_admin_not_even_its_index():
    client = Client()
    client.force_login(_staff("packer"))
    response = client.get("/fr/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/admin/login/")
    assert client.get("/fr/admin/orders/order/").status_code == 302


@pytest.mark.parametrize("view", ["config", "qrcode"])
def test_no_one_reads_a_staff_members_totp_secret_in_the_admin_known_device_or_not(view):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    owner = _staff("owner")
    device = TOTPDevice.objects.create(user=_staff("clerk"), name="Téléphone", confirmed=True)
    client = Client()
    client.force_login(owner)
    assert client.get(f"/fr/admin/otp_totp/totpdevice/{device.pk}/{view}/").status_code == 403
    assert client.get(f"/fr/admin/otp_totp/totpdevice/{device.pk + 99}/{view}/").status_code == 404
    page = client.get(f"/fr/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in page

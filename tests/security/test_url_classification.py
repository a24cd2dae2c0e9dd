"""Every address of the project is classified, and each class answers each kind of person as it should.

The addresses are walked from Django's resolver (every include, both language prefixes), so a view
added later without a line in ``ROUTES`` fails ``test_every_address_is_classified``: it cannot be
forgotten. To classify a new page, add one line to ``ROUTES`` (and, if its path has parameters, how
to fill them from the ``World``).

What each class promises (the roles are those of ``World``):

=================  ============================================================================
public             no one is sent to sign in nor refused; never a 500
sign-in step       the sign-in pages themselves: anyone; a step taken out of order goes back to sign in
signed link        whoever holds the signed token; a forged token finds nothing (404 or 400, or a
                   page saying the link is dead that shows none of anyone's data)
customer           a signed-in person (any role); a visitor is sent to sign in
owner              the customer who owns the object; anyone else signed in gets 404 (never 403:
                   a 403 would confirm that the order exists); a visitor is sent to sign in
reseller           buyers of an approved company; consumers and pending applicants are sent to
                   the application page; a visitor is sent to sign in
reseller object    the buyers of the company that owns it; a buyer of another company gets 404
staff              the cockpit: packing staff and the owner; anyone else is sent to the staff sign-in
backoffice owner   the owner only: packing staff get 403
admin              Django's admin: staff only (each model page then checks its own permission)
webhook            no session counts: an unsigned call is refused (400) whoever sends it
api                a reseller's API key; no key, 401
=================  ============================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from comptoir.fulfillment.models import Batch
from comptoir.fulfillment.services.ship_part import ship_part
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Channel, OrderStatus
from comptoir.resellers.services.api_keys import create_api_key
from tests.factories import UserFactory, VariantFactory
from tests.factories.accounts import AddressFactory
from tests.factories.community import EventFactory
from tests.factories.content import CategoryFactory, PageFactory, PostFactory, TagFactory
from tests.factories.orders import order_with_stock
from tests.factories.parcels import quantities, reseller_order_with_stock
from tests.factories.payments import OrderFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory, ResellerApplicationFactory

LANGUAGES = ("fr", "en")
FORGED = "Zm9yZ2Vk:1abcde:forged-signature"


class Access(Enum):
    PUBLIC = "public"
    SIGN_IN = "sign-in step"
    SIGNED_LINK = "signed link"
    CUSTOMER = "customer"
    OWNER = "owner"
    RESELLER = "reseller"
    RESELLER_OBJECT = "reseller object"
    STAFF = "staff"
    BACKOFFICE_OWNER = "backoffice owner"
    ADMIN = "admin"
    WEBHOOK = "webhook"
    API = "api"


@dataclass
class World:
    """One of each kind of person, and the objects the customer and company A own."""

    people: dict[str, Any]
    order: Any
    address: Any
    invoice: Any
    company_order: Any
    company_invoice: Any
    product: Any
    variant: Any
    post: Any
    category: Any
    tag: Any
    page: Any
    event: Any
    batch: Any
    shipment: Any  # a parcel of a reseller order shipped in parts
    api_key: Any


@dataclass(frozen=True)
class Route:
    access: Access
    # How to fill the path's parameters (evaluated in each language, so slugs are translated).
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})


def _slug(attribute: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"slug": getattr(world, attribute).slug}


ORDER = lambda world: {"number": world.order.number}  # noqa: E731
ORDER_PRODUCT = lambda world: {"number": world.order.number, "product_id": world.product.pk}  # noqa: E731
ADDRESS = lambda world: {"address_id": world.address.pk}  # noqa: E731
TOKEN = lambda world: {"token": FORGED}  # noqa: E731
COMPANY_ORDER = lambda world: {"number": world.company_order.number}  # noqa: E731

# The one table: every named address of the project (unnamed ones by their route), and its class.
ROUTES: dict[str, Route] = {
    # Outside the language prefixes.
    "set_language": Route(Access.PUBLIC),
    "stripe_webhook": Route(Access.WEBHOOK),
    "robots_txt": Route(Access.PUBLIC),
    "sitemap.xml": Route(Access.PUBLIC),
    "sitemap_section": Route(Access.PUBLIC, lambda world: {"section": "produits"}),
    "merchant_feed": Route(Access.PUBLIC, lambda world: {"language": "fr"}),
    # The resellers' JSON API: its description and Swagger UI are public, every endpoint needs a key.
    "api:openapi-json": Route(Access.PUBLIC),
    "api:openapi-view": Route(Access.PUBLIC),
    "api:api-root": Route(Access.PUBLIC),
    "api:catalogue": Route(Access.API),
    "api:orders": Route(Access.API),
    "api:order": Route(Access.API, COMPANY_ORDER),
    "api:invoices": Route(Access.API),
    "api:invoice_pdf": Route(Access.API, lambda world: {"number": world.company_invoice.number}),
    "media/<path:path>": Route(Access.PUBLIC, lambda world: {"path": "nothing-here.jpg"}),
    # The boutique.
    "storefront:home": Route(Access.PUBLIC),
    "storefront:collection": Route(Access.PUBLIC, lambda world: {"slug": "no-such-collection"}),
    "storefront:product": Route(Access.PUBLIC, _slug("product")),
    "storefront:search": Route(Access.PUBLIC),
    "storefront:cart": Route(Access.PUBLIC),
    "storefront:cart_add": Route(Access.PUBLIC),
    # A cart line is found in the visitor's own cart only: someone else's line id is a 404 for all.
    "storefront:cart_line": Route(Access.PUBLIC, lambda world: {"line_id": 999_999}),
    "storefront:checkout": Route(Access.PUBLIC),
    "storefront:terms": Route(Access.PUBLIC),
    "storefront:consent": Route(Access.PUBLIC),
    "storefront:journal": Route(Access.PUBLIC),
    "storefront:journal_rss": Route(Access.PUBLIC),
    "storefront:journal_atom": Route(Access.PUBLIC),
    "storefront:journal_category": Route(Access.PUBLIC, _slug("category")),
    "storefront:journal_tag": Route(Access.PUBLIC, _slug("tag")),
    "storefront:journal_post": Route(Access.PUBLIC, _slug("post")),
    "storefront:journal_comment": Route(Access.PUBLIC, _slug("post")),
    "storefront:page": Route(Access.PUBLIC, _slug("page")),
    "storefront:events": Route(Access.PUBLIC),
    "storefront:events_calendar": Route(Access.PUBLIC),
    "storefront:event": Route(Access.PUBLIC, _slug("event")),
    "storefront:newsletter_signup": Route(Access.PUBLIC),
    "storefront:stock_alert": Route(Access.PUBLIC),
    "storefront:account_home": Route(Access.CUSTOMER),
    "storefront:account_orders": Route(Access.CUSTOMER),
    "storefront:account_addresses": Route(Access.CUSTOMER),
    "storefront:account_address_add": Route(Access.CUSTOMER),
    "storefront:account_profile": Route(Access.CUSTOMER),
    "storefront:account_documents": Route(Access.CUSTOMER),
    "storefront:account_document": Route(Access.OWNER, lambda world: {"number": world.invoice.number}),
    "storefront:gift_card_balance": Route(Access.PUBLIC),
    "storefront:account_data": Route(Access.CUSTOMER),
    "storefront:account_data_export": Route(Access.CUSTOMER),
    "storefront:account_delete": Route(Access.CUSTOMER),
    "storefront:account_order": Route(Access.OWNER, ORDER),
    "storefront:account_order_withdrawal": Route(Access.OWNER, ORDER),
    "storefront:account_order_pay_again": Route(Access.OWNER, ORDER),
    "storefront:account_order_cancel": Route(Access.OWNER, ORDER),
    "storefront:account_order_review": Route(Access.OWNER, ORDER_PRODUCT),
    "storefront:account_order_invoice": Route(Access.OWNER, ORDER),
    "storefront:account_address_edit": Route(Access.OWNER, ADDRESS),
    "storefront:account_address_delete": Route(Access.OWNER, ADDRESS),
    "storefront:account_address_default": Route(Access.OWNER, ADDRESS),
    "storefront:order_status": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:order_status_withdrawal": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:order_status_pay_again": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:order_status_cancel": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:order_status_review": Route(
        Access.SIGNED_LINK, lambda world: {"token": FORGED, "product_id": world.product.pk}
    ),
    "storefront:order_status_invoice": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:journal_preview": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:event_cancel": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:newsletter_confirm": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:newsletter_unsubscribe": Route(Access.SIGNED_LINK, TOKEN),
    "storefront:demo_payment": Route(Access.SIGNED_LINK, TOKEN),
    # Sign-in, sign-up, password reset (allauth).
    "account_login": Route(Access.SIGN_IN),
    "account_logout": Route(Access.SIGN_IN),
    "account_inactive": Route(Access.SIGN_IN),
    "account_signup": Route(Access.SIGN_IN),
    "account_confirm_login_code": Route(Access.SIGN_IN),
    "account_email_verification_sent": Route(Access.SIGN_IN),
    "account_reset_password": Route(Access.SIGN_IN),
    "account_reset_password_done": Route(Access.SIGN_IN),
    "account_reset_password_from_key_done": Route(Access.SIGN_IN),
    "admin:login": Route(Access.SIGN_IN),
    "admin:logout": Route(Access.SIGN_IN),
    "account_reauthenticate": Route(Access.CUSTOMER),
    "account_request_reauthentication_code": Route(Access.CUSTOMER),
    "account_confirm_reauthentication_code": Route(Access.CUSTOMER),
    "account_email": Route(Access.CUSTOMER),
    "account_change_password": Route(Access.CUSTOMER),
    "account_set_password": Route(Access.CUSTOMER),
    "account_confirm_email": Route(Access.SIGNED_LINK, lambda world: {"key": "forged-key"}),
    "account_reset_password_from_key": Route(
        Access.SIGNED_LINK, lambda world: {"uidb36": "1", "key": "forged-key"}
    ),
    # The reseller space.
    "reseller_portal:apply": Route(Access.PUBLIC),
    "reseller_portal:apply_thanks": Route(Access.PUBLIC),
    "reseller_portal:set_password": Route(
        Access.SIGNED_LINK, lambda world: {"uidb64": "MQ", "token": "forged-token"}
    ),
    "reseller_portal:accept_invitation": Route(Access.SIGNED_LINK, TOKEN),
    "reseller_portal:home": Route(Access.RESELLER),
    "reseller_portal:catalogue": Route(Access.RESELLER),
    "reseller_portal:product": Route(Access.RESELLER, _slug("product")),
    "reseller_portal:draft": Route(Access.RESELLER),
    "reseller_portal:team": Route(Access.RESELLER),
    "reseller_portal:api_keys": Route(Access.RESELLER),
    "reseller_portal:api_key_revoke": Route(
        Access.RESELLER_OBJECT, lambda world: {"key_id": world.api_key.pk}
    ),
    "reseller_portal:orders": Route(Access.RESELLER),
    "reseller_portal:place_order": Route(Access.RESELLER),
    "reseller_portal:quick_order": Route(Access.RESELLER),
    "reseller_portal:order": Route(Access.RESELLER_OBJECT, COMPANY_ORDER),
    "reseller_portal:reorder": Route(Access.RESELLER_OBJECT, COMPANY_ORDER),
    "reseller_portal:pay": Route(Access.RESELLER_OBJECT, COMPANY_ORDER),
    "reseller_portal:documents": Route(Access.RESELLER),
    "reseller_portal:line_sheet": Route(Access.RESELLER),
    "reseller_portal:line_sheet_csv": Route(Access.RESELLER),
    "reseller_portal:document": Route(
        Access.RESELLER_OBJECT, lambda world: {"number": world.company_invoice.number}
    ),
    # The founder's cockpit.
    "backoffice:today": Route(Access.STAFF),
    "backoffice:to_pack": Route(Access.STAFF),
    "backoffice:to_ship": Route(Access.STAFF),
    "backoffice:packing": Route(Access.STAFF, lambda world: {"order_id": world.order.pk}),
    "backoffice:ship_part": Route(Access.STAFF, lambda world: {"order_id": world.shipment.order_id}),
    "backoffice:cancel_backorder": Route(Access.STAFF, lambda world: {"order_id": world.shipment.order_id}),
    "backoffice:shipment_slip": Route(
        Access.STAFF, lambda world: {"order_id": world.shipment.order_id, "position": world.shipment.position}
    ),
    "backoffice:shipment_csv": Route(
        Access.STAFF, lambda world: {"order_id": world.shipment.order_id, "position": world.shipment.position}
    ),
    "backoffice:batch": Route(Access.STAFF, lambda world: {"batch_id": world.batch.pk}),
    "backoffice:batch_document": Route(
        Access.STAFF, lambda world: {"batch_id": world.batch.pk, "document": "commandes.csv"}
    ),
    "backoffice:coliship_format": Route(Access.STAFF),
    "backoffice:seo_audit": Route(Access.BACKOFFICE_OWNER),
    "backoffice:stock_sheet": Route(Access.BACKOFFICE_OWNER),
    "backoffice:dashboard": Route(Access.BACKOFFICE_OWNER),
    "backoffice:preorders": Route(Access.BACKOFFICE_OWNER),
    "backoffice:seller_settings": Route(Access.BACKOFFICE_OWNER),
    "backoffice:accounting": Route(Access.BACKOFFICE_OWNER),
    "backoffice:stock": Route(Access.BACKOFFICE_OWNER),
    "backoffice:stock_variant": Route(
        Access.BACKOFFICE_OWNER, lambda world: {"variant_id": world.variant.pk}
    ),
    "backoffice:stock_labels": Route(Access.BACKOFFICE_OWNER),
    "backoffice:journal": Route(Access.BACKOFFICE_OWNER),
    "backoffice:chores": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_brand": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_identity": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_bank": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_shipper": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_delivery": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_payments": Route(Access.BACKOFFICE_OWNER),
    "backoffice:setup_address": Route(Access.BACKOFFICE_OWNER),
    "backoffice:go_live": Route(Access.BACKOFFICE_OWNER),
    "backoffice:go_live_remove_demo": Route(Access.BACKOFFICE_OWNER),
    "backoffice:go_live_send_email": Route(Access.BACKOFFICE_OWNER),
    "backoffice:go_live_write_legal_pages": Route(Access.BACKOFFICE_OWNER),
    "backoffice:go_live_open": Route(Access.BACKOFFICE_OWNER),
    # The test email's link: she may open it on her phone, signed out; its signature is the proof.
    "backoffice:go_live_confirm_email": Route(Access.SIGNED_LINK, TOKEN),
    "backoffice:two_factor": Route(Access.STAFF),
    "backoffice:two_factor_verify": Route(Access.STAFF),
}

# Django's admin wraps every one of its views in ``AdminSite.admin_view`` (staff only): its pages are
# classified as a whole, and the test below still requests every one of them.
ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class Address:
    key: str  # the URL name with its namespaces, or the route for an unnamed pattern
    route: str  # the path as Django matches it, with the language prefix
    name: str | None
    language: str | None  # None: outside i18n_patterns


def _walk(patterns: list[Any], route: str = "", namespace: str = "") -> Iterator[tuple[str, str | None]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield route + str(pattern.pattern), name


def every_address() -> list[Address]:
    addresses: dict[tuple[str, str | None], Address] = {}
    for language in LANGUAGES:
        with translation.override(language):
            for route, name in _walk(get_resolver().url_patterns):
                in_language = route.startswith(f"{language}/")
                key = name or (route.removeprefix(f"{language}/") if in_language else route)
                found = Address(key, route, name, language if in_language else None)
                addresses.setdefault((key if name else route, found.language), found)
    return list(addresses.values())


def access_of(address: Address) -> Access | None:
    if address.key in ROUTES:
        return ROUTES[address.key].access
    if address.key.startswith("admin:") or address.key.startswith(ADMIN_PREFIX):
        return Access.ADMIN
    return None


ADDRESSES = every_address()


def test_every_address_is_classified():
    unclassified = sorted({address.key for address in ADDRESSES if access_of(address) is None})
    assert not unclassified, (
        f"Add these addresses to ROUTES in tests/security/test_url_classification.py: {unclassified}"
    )


def test_the_table_names_no_address_that_is_gone():
    keys = {address.key for address in ADDRESSES}
    assert sorted(set(ROUTES) - keys) == []


def test_both_languages_are_walked():
    languages = {address.language for address in ADDRESSES if address.key == "storefront:account_order"}
    assert languages == {"fr", "en"}
    assert len([a for a in ADDRESSES if access_of(a) is Access.ADMIN]) > 100


# --- Who is who ------------------------------------------------------------------------------------

ROLES = (
    "anonymous",
    "customer",
    "other_customer",
    "applicant",
    "buyer_a",
    "buyer_b",
    "packer",
    "owner",
)
SIGNED_IN = ROLES[1:]
STAFF_ROLES = ("packer", "owner")
BUYERS = ("buyer_a", "buyer_b")


def build_world() -> World:
    customer = UserFactory(email="camille@example.com")
    applicant = UserFactory(email="candidate@revendeur.example")
    ResellerApplicationFactory(email=applicant.email)
    PriceListFactory()  # the default wholesale list, without which the reseller space is closed
    packer = UserFactory(is_staff=True)
    packer.groups.add(Group.objects.get(name="Préparation des colis"))
    people = {
        "customer": customer,
        "other_customer": UserFactory(),
        "applicant": applicant,
        "buyer_a": BuyerFactory().user,
        "buyer_b": BuyerFactory().user,
        "packer": packer,
        "owner": UserFactory(is_staff=True, is_superuser=True),
    }
    variant = VariantFactory(on_hand=10)
    product = variant.product
    order = order_with_stock(
        status=OrderStatus.DELIVERED, variant=variant, quantity=1, customer=customer, email=customer.email
    )
    invoice = issue_invoice_for_order(order=order)
    buyer_a = people["buyer_a"]
    company_order = OrderFactory(
        channel=Channel.RESELLER, company=buyer_a.buyer.company, customer=buyer_a, email=buyer_a.email
    )
    company_invoice = issue_invoice_for_order(order=company_order)
    batch = Batch.objects.create()
    batch.orders.add(order)
    in_parts = reseller_order_with_stock()
    shipment = ship_part(
        order=in_parts, quantities=quantities(in_parts, 1, 0), tracking_number="6A001", actor=None
    )
    return World(
        people=people,
        order=order,
        address=AddressFactory(customer=customer),
        invoice=invoice,
        company_order=company_order,
        company_invoice=company_invoice,
        product=product,
        variant=variant,
        post=PostFactory(),
        category=CategoryFactory(),
        tag=TagFactory(),
        page=PageFactory(),
        event=EventFactory(),
        batch=batch,
        shipment=shipment,
        api_key=create_api_key(buyer=buyer_a.buyer, name="Site web").api_key,
    )


def clients_for(world: World) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    for role in SIGNED_IN:
        clients[role] = Client()
        clients[role].force_login(world.people[role])
    return clients


# --- What an answer means ----------------------------------------------------------------------------


def sign_in_paths(language: str | None) -> set[str]:
    with translation.override(language or "fr"):
        return {reverse("account_login"), reverse("admin:login")}


def outcome(response: Any, language: str | None) -> str:
    """OK, LOGIN (sent to a sign-in page), REFUSED (403, or sent to apply), NOT_FOUND, ERROR."""
    status = response.status_code
    if status >= 500:
        return "ERROR"
    if status == 404:
        return "NOT_FOUND"
    if status == 403:
        return "REFUSED"
    if status == 405:
        return "METHOD"  # the method is refused before anything is read: nothing is shown
    if status in (301, 302, 303, 307, 308):
        target = response["Location"].split("?")[0]
        if target in sign_in_paths(language):
            return "LOGIN"
        with translation.override(language or "fr"):
            if target == reverse("reseller_portal:apply"):
                return "REFUSED"
    return "OK"


def expected(access: Access, role: str) -> set[str]:
    """The outcomes a role may get from a class of address (GET)."""
    anonymous = role == "anonymous"
    if access is Access.PUBLIC:
        return {"OK", "NOT_FOUND"}  # some public paths are filled with objects that do not exist
    if access is Access.SIGN_IN:
        return {"OK", "LOGIN"}
    if access is Access.SIGNED_LINK:
        return {"NOT_FOUND", "BAD_LINK", "NOTHING_SHOWN"}
    if access is Access.CUSTOMER:
        return {"LOGIN"} if anonymous else {"OK"}
    if access is Access.OWNER:
        return {"LOGIN"} if anonymous else {"OK"} if role == "customer" else {"NOT_FOUND"}
    if access is Access.RESELLER:
        return {"LOGIN"} if anonymous else {"OK"} if role in BUYERS else {"REFUSED"}
    if access is Access.RESELLER_OBJECT:
        if anonymous:
            return {"LOGIN"}
        return {"OK"} if role == "buyer_a" else {"NOT_FOUND"} if role == "buyer_b" else {"REFUSED"}
    if access is Access.STAFF:
        return {"OK"} if role in STAFF_ROLES else {"LOGIN"}
    if access is Access.BACKOFFICE_OWNER:
        return {"OK"} if role == "owner" else {"REFUSED"} if role == "packer" else {"LOGIN"}
    if access is Access.ADMIN:
        # The admin is the owner's (config/admin_site.py): packing staff are sent to its sign-in page
        # like everyone else; each page then checks the model's permission.
        return {"OK", "REFUSED", "NOT_FOUND"} if role == "owner" else {"LOGIN"}
    if access is Access.WEBHOOK:
        return {"BAD_LINK"}
    if access is Access.API:
        return {"UNAUTHORIZED"}
    raise AssertionError(access)


def private_markers(world: World) -> list[str]:
    """What only the customer and company A may see: none of it may appear behind a forged link."""
    return [
        world.people["customer"].email,
        world.order.number,
        world.address.line1,
        world.people["buyer_a"].buyer.company.legal_name,
    ]


def refine(found: str, response: Any, access: Access, world: World) -> str:
    # A signed link that does not verify answers 400 "this link has expired" on some pages: no entry.
    if access in (Access.SIGNED_LINK, Access.WEBHOOK) and response.status_code in (400, 404, 405, 410):
        return "BAD_LINK" if response.status_code != 404 else "NOT_FOUND"
    if access is Access.SIGNED_LINK and found == "OK":
        # allauth answers a dead reset or confirmation key with a page that says so.
        body = response.content.decode(errors="replace")
        if not any(marker in body for marker in private_markers(world)):
            return "NOTHING_SHOWN"
    if access is Access.API and response.status_code == 401:
        return "UNAUTHORIZED"
    return found


def acceptable(answer: str, expected: set[str]) -> bool:
    # A GET on a POST-only page is refused before anything is read (405); the POST test covers it.
    return answer in expected or (answer == "METHOD" and expected != {"LOGIN"})


def path_of(address: Address, world: World) -> str:
    route = ROUTES.get(address.key)
    with translation.override(address.language or "fr"):
        kwargs = route.kwargs(world) if route else {}
        if address.name:
            return reverse(address.name, kwargs=kwargs)
    raise AssertionError(f"unnamed address {address.route}: give it a name or a path in ROUTES")


UNNAMED_PATHS = {"sitemap.xml": "/sitemap.xml", "media/<path:path>": "/media/nothing-here.jpg"}


def _path(address: Address, world: World) -> str:
    if address.name is None:
        if address.key in UNNAMED_PATHS:
            return UNNAMED_PATHS[address.key]
        if access_of(address) is Access.ADMIN:  # the admin's unnamed patterns: an object's bare address
            return f"/{address.language}/admin/auth/group/1/"
    return path_of(address, world)


CLASSIFIED = sorted(
    (address for address in ADDRESSES if access_of(address) not in (None, Access.ADMIN)),
    key=lambda address: (address.key, address.language or ""),
)


def _answers(address: Address, world: World, clients: dict[str, Client], method: str) -> dict[str, str]:
    access = access_of(address)
    assert access is not None
    path = _path(address, world)
    answers = {}
    for role in ROLES:
        response = getattr(clients[role], method)(path)
        answers[role] = refine(outcome(response, address.language), response, access, world)
    return answers


@pytest.fixture
def _fast_passwords(settings):
    # Eight people per test: hashing their passwords the production way would be most of the time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _classes_and_languages() -> list[Any]:
    pairs = sorted({(access_of(address), address.language or "") for address in CLASSIFIED}, key=str)
    return [
        pytest.param(access, language, id=f"{access.value}-{language or 'no-prefix'}")
        for access, language in pairs
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("_fast_passwords")
@pytest.mark.parametrize(("access", "language"), _classes_and_languages())
def test_each_role_gets_what_its_class_promises(access, language):
    world = build_world()
    clients = clients_for(world)
    wrong = []
    addresses = [a for a in CLASSIFIED if access_of(a) is access and (a.language or "") == language]
    for address in addresses:
        for role, answer in _answers(address, world, clients, "get").items():
            if not acceptable(answer, expected(access, role)):
                wrong.append((address.route, role, answer, sorted(expected(access, role))))
    assert not wrong, "\n".join(map(str, wrong))


REFUSING = (
    Access.CUSTOMER,
    Access.OWNER,
    Access.RESELLER,
    Access.RESELLER_OBJECT,
    Access.STAFF,
    Access.BACKOFFICE_OWNER,
)


@pytest.mark.django_db
@pytest.mark.usefixtures("_fast_passwords")
def test_a_post_from_someone_refused_is_refused_and_changes_nothing():
    world = build_world()
    clients = clients_for(world)
    wrong = []
    for address in CLASSIFIED:
        access = access_of(address)
        if access not in REFUSING or address.language != "fr":
            continue
        path = _path(address, world)
        for role in ROLES:
            refused = expected(access, role) - {"OK"}
            if not refused:
                continue
            response = clients[role].post(
                path, {"quantity": "1", "first_name": "Mallory", "email": "m@x.example"}
            )
            answer = refine(outcome(response, "fr"), response, access, world)
            if answer not in refused and answer != "METHOD":  # 405: a GET-only page, nothing done
                wrong.append((path, role, answer))
    assert not wrong, "\n".join(map(str, wrong))
    world.address.refresh_from_db()
    world.order.refresh_from_db()
    assert world.address.first_name == "Camille"
    assert world.address.is_default is False
    assert world.order.status == OrderStatus.DELIVERED
    assert world.people["customer"].email == "camille@example.com"
    world.api_key.refresh_from_db()
    assert world.api_key.revoked_at is None  # company B's buyer could not revoke company A's key


@pytest.mark.django_db
@pytest.mark.usefixtures("_fast_passwords")
def test_every_admin_page_is_closed_to_anyone_but_staff():
    world = build_world()
    clients = clients_for(world)
    admin_addresses = [address for address in ADDRESSES if access_of(address) is Access.ADMIN]
    wrong = []
    for address in admin_addresses:
        if address.name is None:
            path = _path(address, world)
        else:
            kwargs = _admin_kwargs(address)
            with translation.override(address.language or "fr"):
                path = reverse(address.name, kwargs=kwargs)
        for role in ("anonymous", "customer", "buyer_a", "applicant"):
            found = outcome(clients[role].get(path), address.language)
            if found != "LOGIN":
                wrong.append((path, role, found))
    assert not wrong, "\n".join(map(str, wrong))


def _admin_kwargs(address: Address) -> dict[str, str]:
    values = {"object_id": "1", "app_label": "orders", "content_type_id": "1", "url": "x"}
    parameters = [part.split(">")[0].split(":")[-1] for part in address.route.split("<")[1:]]
    return {name: values.get(name, "1") for name in parameters}


def test_a_genuine_order_link_opens_for_anyone_who_holds_it(client, db):
    order = OrderFactory()
    response = client.get(
        reverse("storefront:order_status", kwargs={"token": order_access_token(order=order)})
    )
    assert response.status_code == 200

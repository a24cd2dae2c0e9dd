"""The journal of changes: an admin edit is recorded with who, before and after, and the owner reads it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from comptoir.core.audit import AuditMiddleware
from comptoir.core.page_cache import pages_generation
from comptoir.invoicing.models import ImmutableDocument
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from tests.admin_forms import change_form_data
from tests.backoffice.conftest import packer_user
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.orders import order_with_stock
from tests.factories.resellers import CompanyFactory, PriceGroupFactory, PriceListFactory

pytestmark = pytest.mark.django_db

JOURNAL = "/fr/atelier/journal/"


@pytest.fixture
def owner(client):
    user = UserFactory(is_staff=True, is_superuser=True, first_name="Inès", last_name="Marchand")
    client.force_login(user)
    return user


def journal(client, **filters: str) -> str:
    """The journal's list (below the title: the admin's flash message also names the object)."""
    return client.get(JOURNAL, filters).content.decode().split("<h1>", 1)[1]


def edit_in_admin(client, path: str, **changes: str):
    data = change_form_data(client.get(path))
    data.update(changes)
    response = client.post(path, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    return response


def test_an_admin_edit_of_a_company_price_group_records_who_before_and_after(client, owner):
    wholesale, key_accounts = PriceGroupFactory(name="Revendeurs"), PriceGroupFactory(name="Grands comptes")
    PriceListFactory(price_group=key_accounts)
    company = CompanyFactory(shop_name="Le Petit Atelier", price_group=wholesale)

    path = f"/fr/admin/resellers/company/{company.pk}/change/"
    link = f"{JOURNAL}?type=resellers.company&amp;object={company.pk}"
    assert link in client.get(path).content.decode()  # the admin page links to its own history
    edit_in_admin(client, path, price_group=str(key_accounts.pk))

    company.refresh_from_db()
    assert company.price_group == key_accounts
    entry = LogEntry.objects.get_for_object(company).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == owner
    assert entry.changes["price_group"] == ["Revendeurs", "Grands comptes"]

    page = client.get(JOURNAL).content.decode()
    assert "Inès Marchand" in page and "Le Petit Atelier" in page
    assert "Groupe de prix" in page
    assert "<del>Revendeurs</del>" in page and "<ins>Grands comptes</ins>" in page


def test_an_admin_edit_of_a_product_price_records_who_before_and_after(client, owner):
    product = ProductFactory(name_fr="Chemise Oxford", retail_price=Decimal("95.00"))
    VariantFactory(product=product)

    edit_in_admin(client, f"/fr/admin/catalog/product/{product.pk}/change/", retail_price="89.00")

    entry = LogEntry.objects.get_for_object(product).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == owner
    assert entry.changes["retail_price"] == ["95.00", "89.00"]
    page = client.get(JOURNAL, {"type": "catalog.product"}).content.decode()
    assert "Chemise Oxford" in page and "<del>95,00</del>" in page and "<ins>89,00</ins>" in page


def test_the_journal_reads_in_english_too(client, owner):
    company = CompanyFactory(shop_name="Le Petit Atelier", city="Bordeaux")
    edit_in_admin(client, f"/en/admin/resellers/company/{company.pk}/change/", city="Nantes")
    with translation.override("en"):
        page = client.get(reverse("backoffice:journal")).content.decode()
    assert "<dt>City</dt>" in page and "<del>Bordeaux</del>" in page and "<ins>Nantes</ins>" in page


def test_the_journal_filters_by_type_person_and_date(client, owner):
    company = CompanyFactory(shop_name="Le Petit Atelier")
    product = ProductFactory(name_fr="Chemise Oxford")
    VariantFactory(product=product)
    edit_in_admin(client, f"/fr/admin/resellers/company/{company.pk}/change/", city="Nantes")
    edit_in_admin(client, f"/fr/admin/catalog/product/{product.pk}/change/", retail_price="70.00")

    companies = journal(client, type="resellers.company")
    assert "Le Petit Atelier" in companies and "Chemise Oxford" not in companies
    mine = journal(client, person=str(owner.pk))
    assert "Le Petit Atelier" in mine and "Chemise Oxford" in mine
    long_ago = journal(client, start="2001-01-01", end="2001-12-31")
    assert "Le Petit Atelier" not in long_ago and "Aucune modification ne correspond." in long_ago
    one = journal(client, type="resellers.company", object=str(company.pk))
    assert "Nantes" in one


def test_packing_staff_get_403_and_customers_are_sent_to_sign_in(client):
    client.force_login(packer_user())
    assert client.get(JOURNAL).status_code == 403
    client.force_login(UserFactory())
    assert client.get(JOURNAL).status_code == 302


def test_only_staff_requests_record_their_changes(rf):
    """The boutique's own writes (a customer's order, a reseller's draft) are not the back-office's:
    they record nothing and cost no query; a staff member's are recorded under her name."""
    customer, staff = UserFactory(), UserFactory(is_staff=True)
    before = LogEntry.objects.count()
    for person in (customer, staff):
        request = rf.post("/")
        request.user = person
        AuditMiddleware(lambda request: CompanyFactory(shop_name=f"Chez {request.user.pk}") and None)(request)
    entries = LogEntry.objects.order_by("pk")[before:]
    assert [(entry.object_repr, entry.actor) for entry in entries] == [(f"Chez {staff.pk}", staff)]


def test_a_log_entry_does_not_retire_the_cached_boutique_pages(client, owner):
    company = CompanyFactory()
    before = pages_generation()
    LogEntry.objects.log_create(company, force_log=True, action=LogEntry.Action.UPDATE, changes={})
    assert pages_generation() == before


def test_an_attempt_to_change_an_issued_invoice_is_recorded_and_refused():
    variant = VariantFactory(on_hand=5)
    invoice = issue_invoice_for_order(
        order=order_with_stock(status=OrderStatus.DELIVERED, variant=variant, quantity=1)
    )
    invoice.total_gross = Decimal("1.00")
    with pytest.raises(ImmutableDocument):
        invoice.save()
    with pytest.raises(ImmutableDocument):
        invoice.delete()
    refused = LogEntry.objects.get_for_object(invoice).filter(additional_data__refused=True)
    actions = sorted(refused.values_list("action", flat=True))
    assert actions == [LogEntry.Action.UPDATE, LogEntry.Action.DELETE]

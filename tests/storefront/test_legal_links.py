"""Every footer (boutique and reseller space) and the checkout lead to the founder's legal pages."""

import re

import pytest
from django.urls import reverse

from comptoir.content.models import LegalRole, Page
from comptoir.demo.services.content import DEMO_CONTACT_EMAIL, ensure_legal_pages
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.invoicing.seller import seller_identity
from comptoir.resellers.services.draft_orders import set_grid_quantities
from tests.factories import ProductFactory, VariantFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db

ODR = "ec.europa.eu/consumers/odr"


@pytest.fixture
def legal_pages():
    ensure_legal_pages(seller={**seller_identity(), "email": DEMO_CONTACT_EMAIL})
    return {role: Page.objects.get(legal_role=role) for role in LegalRole}


def hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_boutique_footer_links_every_legal_page_in_the_visitor_language(client, legal_pages, language):
    links = hrefs(client.get(f"/{language}/").content.decode())
    for legal in legal_pages.values():
        slug = getattr(legal, f"slug_{language}")
        assert any(href.startswith(f"/{language}/") and href.endswith(f"/{slug}/") for href in links), slug


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_legal_page_reads_in_both_languages_without_the_closed_eu_platform(
    client, legal_pages, language
):
    for legal in legal_pages.values():
        with_language = client.get(f"/{language}/").content.decode()
        href = next(h for h in hrefs(with_language) if h.endswith(f"/{getattr(legal, f'slug_{language}')}/"))
        response = client.get(href)
        assert response.status_code == 200
        assert getattr(legal, f"title_{language}") in response.content.decode()
        assert ODR not in response.content.decode()


def test_the_old_terms_address_leads_to_the_editable_terms(client, legal_pages):
    response = client.get("/fr/conditions-generales-de-vente/", follow=True)
    assert response.redirect_chain
    page = response.content.decode()
    assert "médiateur" in page and "garantie légale de conformité" in page and "rétractation" in page


def test_the_checkout_links_the_editable_terms(client, legal_pages, settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["bank_transfer"]
    ensure_demo_shipping()
    variant = VariantFactory(product=ProductFactory(), on_hand=3)
    client.post(reverse("storefront:cart_add"), {"variant": variant.pk, "quantity": "1"})
    page = client.get(reverse("storefront:checkout")).content.decode()
    assert legal_pages[LegalRole.TERMS_OF_SALE].get_absolute_url() in hrefs(page)


def test_the_reseller_space_links_its_terms_from_the_footer_and_the_order(client, legal_pages):
    PriceListFactory()  # the wholesale list that prices the order's line
    buyer = BuyerFactory()
    variant = VariantFactory(product=ProductFactory(), on_hand=20)
    set_grid_quantities(buyer=buyer, product=variant.product, quantities={variant.pk: 1})
    client.force_login(buyer.user)
    page = client.get("/fr/pro/commande/").content.decode()
    reseller_terms = legal_pages[LegalRole.RESELLER_TERMS].get_absolute_url()
    assert page.count(f'href="{reseller_terms}"') == 2  # the footer and the order
    for legal in legal_pages.values():
        assert legal.get_absolute_url() in hrefs(page)
    response = client.get(reseller_terms)
    assert "40 €" in response.content.decode()
    assert "réserve de propriété" in response.content.decode().lower()


def test_the_footer_falls_back_to_the_builtin_terms_in_a_shop_without_pages(client):
    assert 'href="/fr/conditions-generales-de-vente/"' in client.get("/fr/").content.decode()

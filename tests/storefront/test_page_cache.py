"""Anonymous boutique pages come from the cache, and never show a stale price, stock or token."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.utils import timezone

from comptoir.analytics.models import PageView
from comptoir.analytics.services.record_page_view import flush_page_views
from comptoir.cart.models import Cart, CartLine
from comptoir.catalog.models import ProductStatus
from comptoir.checkout.services.place_order import place_order
from comptoir.storefront.page_cache import CACHE_STATUS_HEADER
from tests.checkout.conftest import PARIS, colissimo_option
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    UserFactory,
    VariantFactory,
)
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db

PRODUCT_URL = "/fr/produits/chemise-oxford/"
COLLECTION_URL = "/fr/collections/ete-2027/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def shirt():
    collection = CollectionFactory(slug_fr="ete-2027", is_featured=True, name_fr="Été 2027")
    product = ProductFactory(
        name_fr="Chemise Oxford",
        slug_fr="chemise-oxford",
        retail_price=Decimal("95.00"),
        in_collections=[collection],
        is_new=True,
    )
    blue = ColourFactory(slug="bleu", name_fr="Bleu")
    for label, on_hand in (("38", 10), ("39", 1)):
        VariantFactory(
            product=product, colour=blue, size=SizeFactory(label=label, slug=f"col-{label}"), on_hand=on_hand
        )
    ProductImageFactory(product=product, colour=blue)
    return product


def buy(variant, *, key: str, shipping=None) -> None:
    """A guest orders one piece through the order placement service (a new delivery rate if none is given)."""
    cart = Cart.objects.create()
    CartLine.objects.create(cart=cart, variant=variant, quantity=1)
    place_order(
        cart=cart,
        customer=None,
        email="camille@example.com",
        shipping_address=PARIS,
        billing_address=None,
        shipping_option=shipping or colissimo_option(),
        payment_method="bank_transfer",
        idempotency_key=key,
        language="fr",
        terms_accepted=True,
    )


def page(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_second_visitor_gets_the_cached_page_with_her_own_valid_token(shirt):
    first, second = Client(), Client()
    served_first, html_first = page(first, PRODUCT_URL)
    served_second, html_second = page(second, PRODUCT_URL)

    assert (served_first[CACHE_STATUS_HEADER], served_second[CACHE_STATUS_HEADER]) == ("miss", "hit")
    tokens_first, tokens_second = set(TOKEN.findall(html_first)), set(TOKEN.findall(html_second))
    assert len(tokens_first) == len(tokens_second) == 1  # one token per page, in every form
    assert tokens_first != tokens_second
    assert "__comptoir_csrf_token__" not in html_second
    assert _does_token_match(tokens_second.pop(), second.cookies["csrftoken"].value)
    assert not _does_token_match(tokens_first.pop(), second.cookies["csrftoken"].value)


def test_a_cached_page_s_form_is_accepted_by_the_csrf_check(shirt):
    Client().get(PRODUCT_URL)  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    served, html = page(visitor, PRODUCT_URL)
    assert served[CACHE_STATUS_HEADER] == "hit"
    variant = shirt.variants.get(size__label="38")
    added = visitor.post(
        "/fr/panier/ajouter/",
        {"csrfmiddlewaretoken": TOKEN.search(html).group(1), "variant": variant.pk, "quantity": 1},
    )
    assert added.status_code == 302
    # Her bag now shows in the header: her pages are rendered for her, not taken from the cache.
    served, html = page(visitor, PRODUCT_URL)
    assert CACHE_STATUS_HEADER not in served
    assert served.context["cart_count"] == 1


def test_a_signed_in_customer_never_gets_a_cached_page(shirt):
    Client().get("/fr/")
    customer = Client()
    customer.force_login(UserFactory())
    served, html = page(customer, "/fr/")
    assert CACHE_STATUS_HEADER not in served
    assert "Mon compte" in html
    assert "Mon compte" not in page(Client(), "/fr/")[1]


def test_a_message_is_shown_to_its_visitor_and_never_cached(shirt):
    visitor = Client()
    visitor.get("/fr/")
    signed_up = visitor.post("/fr/lettre/", {"email": "camille@example.com", "back": "/fr/"}, follow=True)
    assert signed_up.redirect_chain[-1][0] == "/fr/"
    assert CACHE_STATUS_HEADER not in signed_up
    assert "flash" in signed_up.content.decode()
    served, html = page(Client(), "/fr/")
    assert served[CACHE_STATUS_HEADER] == "hit"
    assert "flash" not in html


def test_a_price_change_shows_on_the_next_anonymous_request(shirt):
    visitor = Client()
    assert "95,00" in page(visitor, PRODUCT_URL)[1]
    assert "95,00" in page(visitor, COLLECTION_URL)[1]
    assert "95,00" in page(visitor, "/fr/")[1]
    shirt.retail_price = Decimal("79.00")
    shirt.save()
    for url in (PRODUCT_URL, COLLECTION_URL, "/fr/"):
        served, html = page(visitor, url)
        assert served[CACHE_STATUS_HEADER] == "miss"
        assert "79,00" in html
        assert "95,00" not in html


def test_a_new_shipping_rate_shows_in_the_product_s_structured_data_on_the_next_request(shirt):
    option = colissimo_option(price="5.90")
    visitor = Client()
    assert '"value": "5.90"' in page(visitor, PRODUCT_URL)[1]  # the offer's shipping rate, for search engines
    band = option.method.bands.get()
    band.price = Decimal("6.50")
    band.save()
    served, html = page(visitor, PRODUCT_URL)
    assert served[CACHE_STATUS_HEADER] == "miss"
    assert '"value": "6.50"' in html
    assert '"value": "5.90"' not in html


def test_a_sale_shows_from_the_minute_it_starts_and_its_price_goes_the_minute_it_ends(shirt, settings):
    settings.COMPTOIR_PAGE_CACHE_SECONDS = 3600  # longer than the sale: time alone must retire the pages
    sale = make_sale(products=[shirt], value="30", starts=2 / 1440, ends=12 / 1440)  # in 2 minutes, for 10
    starts = sale.starts_at
    visitor = Client()
    with time_machine.travel(starts - timedelta(minutes=1)):
        assert "66,50" not in page(visitor, PRODUCT_URL)[1]
        assert page(visitor, PRODUCT_URL)[0][CACHE_STATUS_HEADER] == "hit"
    with time_machine.travel(starts + timedelta(seconds=1)):
        served, html = page(visitor, PRODUCT_URL)
        assert served[CACHE_STATUS_HEADER] == "miss"
        assert "66,50" in html  # 95,00 less 30 %
    with time_machine.travel(starts + timedelta(minutes=10, seconds=1)):
        served, html = page(visitor, PRODUCT_URL)
        assert served[CACHE_STATUS_HEADER] == "miss"
        assert "66,50" not in html  # never a price the checkout no longer honours


def test_a_scheduled_post_appears_in_the_journal_at_its_time(client, settings):
    from tests.factories.content import PostFactory

    settings.COMPTOIR_PAGE_CACHE_SECONDS = 3600
    appears = timezone.now() + timedelta(minutes=5)
    PostFactory(title_fr="Le lin, de la graine à la chemise", publish_at=appears)
    visitor = Client()
    with time_machine.travel(appears - timedelta(minutes=1)):
        assert "Le lin, de la graine" not in page(visitor, "/fr/journal/")[1]
    with time_machine.travel(appears + timedelta(seconds=1)):
        assert "Le lin, de la graine" in page(visitor, "/fr/journal/")[1]


def test_a_size_sold_out_by_an_order_shows_sold_out_on_the_next_request(shirt):
    visitor = Client()
    last_piece = shirt.variants.get(size__label="39")
    assert "Épuisé dans cette taille" not in page(visitor, f"{PRODUCT_URL}?colour=bleu&size=col-39")[1]

    buy(last_piece, key="page-cache-last-piece-0001")

    served, html = page(visitor, f"{PRODUCT_URL}?colour=bleu&size=col-39")
    assert served[CACHE_STATUS_HEADER] == "miss"
    assert "Épuisé dans cette taille" in html


def test_an_order_of_a_low_size_shows_the_new_count_of_pieces_left(shirt):
    visitor = Client()
    low = shirt.variants.get(size__label="38")
    low.stock.on_hand = 3
    low.stock.save()
    assert "Plus que 3 pièces" in page(visitor, f"{PRODUCT_URL}?colour=bleu&size=col-38")[1]
    buy(low, key="page-cache-low-size-0001")
    assert "Plus que 2 pièces" in page(visitor, f"{PRODUCT_URL}?colour=bleu&size=col-38")[1]


def test_an_order_that_leaves_every_size_as_it_was_keeps_the_cache(shirt):
    shipping = colissimo_option()
    visitor = Client()
    page(visitor, PRODUCT_URL)
    buy(shirt.variants.get(size__label="38"), key="page-cache-one-of-ten-0001", shipping=shipping)  # 10 → 9
    assert page(visitor, PRODUCT_URL)[0][CACHE_STATUS_HEADER] == "hit"


def test_an_archived_product_leaves_its_collection_and_its_page_at_once(shirt):
    visitor = Client()
    assert "Chemise Oxford" in page(visitor, COLLECTION_URL)[1]
    page(visitor, PRODUCT_URL)
    shirt.status = ProductStatus.ARCHIVED
    shirt.save()
    assert "Chemise Oxford" not in page(visitor, COLLECTION_URL)[1]
    assert visitor.get(PRODUCT_URL).status_code in (301, 404)


def test_a_browser_holding_the_page_gets_304_until_it_changes(shirt):
    visitor = Client()
    served, _html = page(visitor, PRODUCT_URL)
    assert served["Cache-Control"] == "private, no-cache"
    assert served["Last-Modified"]
    again = visitor.get(PRODUCT_URL, headers={"If-None-Match": served["ETag"]})
    assert again.status_code == 304
    assert again.content == b""

    # Another visitor's ETag is not hers: her copy would carry someone else's token.
    assert Client().get(PRODUCT_URL, headers={"If-None-Match": served["ETag"]}).status_code == 200

    shirt.retail_price = Decimal("79.00")
    shirt.save()
    changed = visitor.get(PRODUCT_URL, headers={"If-None-Match": served["ETag"]})
    assert changed.status_code == 200
    assert "79,00" in changed.content.decode()


def test_htmx_fragments_and_languages_are_cached_apart(shirt):
    visitor = Client()
    _whole, _html = page(visitor, PRODUCT_URL)
    fragment, fragment_html = page(
        visitor, f"{PRODUCT_URL}?colour=bleu", **{"HX-Request": "true", "HX-Target": "purchase"}
    )
    assert "<html" not in fragment_html
    assert fragment[CACHE_STATUS_HEADER] == "miss"
    assert "<html" in page(visitor, f"{PRODUCT_URL}?colour=bleu")[1]
    assert page(visitor, "/en/")[0][CACHE_STATUS_HEADER] == "miss"
    assert page(visitor, "/fr/")[1] != page(visitor, "/en/")[1]


def test_a_new_journal_post_shows_on_the_next_request(client):
    from tests.factories.content import PostFactory

    _first, html = page(client, "/fr/journal/")
    PostFactory(title_fr="Le lin, cet été")
    served, html = page(client, "/fr/journal/")
    assert served[CACHE_STATUS_HEADER] == "miss"
    assert "Le lin, cet été" in html


def test_the_page_cache_can_be_turned_off(shirt, settings):
    settings.COMPTOIR_PAGE_CACHE_SECONDS = 0
    visitor = Client()
    page(visitor, "/fr/")
    assert CACHE_STATUS_HEADER not in page(visitor, "/fr/")[0]


def test_a_page_from_the_cache_costs_no_database_query(shirt, django_assert_num_queries):
    """Not even for the audience count: a person's page read is buffered (analytics/visit_buffer.py)."""
    firefox = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}
    returning = Client(**firefox)
    for url in ("/fr/", COLLECTION_URL, PRODUCT_URL):
        page(returning, url)  # rendered and cached (the day's salt for the audience count made too)
        for visitor in (Client(**firefox), returning):  # a first visit; a visitor holding her CSRF cookie
            with django_assert_num_queries(0):
                served, _html = page(visitor, url)
            assert served[CACHE_STATUS_HEADER] == "hit"
    assert PageView.objects.count() == 0
    flush_page_views()
    assert PageView.objects.count() == 9

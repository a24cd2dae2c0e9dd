"""Reviews come only from buyers of a delivered order, are moderated, dated, and rated in JSON-LD."""

from __future__ import annotations

import extruct
import pytest
from django.urls import reverse

from comptoir.orders.access import order_access_token
from comptoir.orders.models import OrderStatus
from comptoir.reviews.models import Review, ReviewStatus
from comptoir.reviews.services.write_review import ReviewRefused, moderate_reviews, write_review
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.content import PageFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    return VariantFactory(
        product=ProductFactory(name_fr="Chemise Oxford", slug_fr="chemise-oxford"), on_hand=10
    )


def review_url(order, product, token: str | None = None) -> str:
    token = token or order_access_token(order=order)
    return reverse("storefront:order_status_review", args=[token, product.pk])


def test_only_a_delivered_order_opens_a_review_once_per_product(shirt):
    placed = order_with_stock(status=OrderStatus.PAID, variant=shirt)
    with pytest.raises(ReviewRefused):
        write_review(order=placed, product_id=shirt.product_id, rating=5, body="Parfaite.", name="Camille")
    delivered = order_with_stock(status=OrderStatus.DELIVERED, variant=shirt)
    write_review(order=delivered, product_id=shirt.product_id, rating=5, body="Parfaite.", name="Camille")
    with pytest.raises(ReviewRefused):
        write_review(order=delivered, product_id=shirt.product_id, rating=4, body="Encore.", name="Camille")
    other = ProductFactory()
    with pytest.raises(ReviewRefused):  # a product she did not buy
        write_review(order=delivered, product_id=other.pk, rating=5, body="Jamais portée.", name="Camille")
    assert Review.objects.count() == 1


@pytest.mark.parametrize("rating", [0, 6, "cinq", "", -1])
def test_a_rating_must_be_one_to_five(shirt, rating):
    order = order_with_stock(status=OrderStatus.DELIVERED, variant=shirt)
    with pytest.raises(ReviewRefused, match="note de 1 à 5"):
        write_review(order=order, product_id=shirt.product_id, rating=rating, body="Bien.", name="")


def test_the_order_page_offers_the_review_and_the_review_waits_for_moderation(client, shirt):
    order = order_with_stock(status=OrderStatus.DELIVERED, variant=shirt)
    token = order_access_token(order=order)  # signed with the time: one link for the whole visit
    status_url = reverse("storefront:order_status", args=[token])
    assert "Donner mon avis" in client.get(status_url).content.decode()

    response = client.post(
        review_url(order, shirt.product, token),
        {"rating": "4", "body": "Belle coupe <b>vraiment</b>.", "name": "Camille"},
    )
    assert response["Location"] == status_url
    review = Review.objects.get()
    assert (review.status, review.rating, review.purchased_at) == (ReviewStatus.PENDING, 4, order.created_at)
    assert "Belle coupe" not in client.get("/fr/produits/chemise-oxford/").content.decode()
    assert "Donner mon avis" not in client.get(status_url).content.decode()  # once per product
    assert client.get(review_url(order, shirt.product)).status_code == 404


def test_someone_else_s_order_cannot_be_reviewed_from_an_account(client, shirt):
    order = order_with_stock(status=OrderStatus.DELIVERED, variant=shirt, customer=UserFactory())
    client.force_login(UserFactory())
    url = reverse("storefront:account_order_review", args=[order.number, shirt.product_id])
    assert client.get(url).status_code == 404


def test_published_reviews_show_with_their_dates_average_policy_and_json_ld(client, shirt):
    PageFactory(title_fr="Politique des avis", slug_fr="politique-des-avis")
    for rating, body in ((5, "Superbe popeline."), (4, "Taille un peu grand <script>x</script>")):
        order = order_with_stock(status=OrderStatus.DELIVERED, variant=shirt)
        write_review(order=order, product_id=shirt.product_id, rating=rating, body=body, name="Camille")
    moderate_reviews(
        review_ids=list(Review.objects.values_list("pk", flat=True)), status=ReviewStatus.APPROVED
    )

    page = client.get("/fr/produits/chemise-oxford/").content.decode()
    assert "Superbe popeline." in page and "&lt;script&gt;x" in page and "<script>x" not in page
    assert "4,5/5 sur 2 avis" in page or "4.5/5 sur 2 avis" in page
    assert "acheté le" in page and "relus avant publication" in page
    assert 'href="/fr/infos/politique-des-avis/"' in page
    blocks = extruct.extract(page, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    [group] = [block for block in blocks if block["@type"] == "ProductGroup"]
    assert group["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": "4.5", "reviewCount": 2}


def test_no_rating_in_json_ld_before_any_review(client, shirt):
    page = client.get("/fr/produits/chemise-oxford/").content.decode()
    blocks = extruct.extract(page, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    [group] = [block for block in blocks if block["@type"] == "ProductGroup"]
    assert "aggregateRating" not in group

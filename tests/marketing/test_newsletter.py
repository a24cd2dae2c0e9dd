"""The newsletter: double opt-in, one-click unsubscribe, campaigns sent once to confirmed readers."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from comptoir.marketing.models import Campaign, CampaignStatus, Subscriber, SubscriberStatus
from comptoir.marketing.services.newsletter import send_campaign, send_campaign_batch
from tests.factories import ProductFactory, ProductImageFactory, UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


def link_in(body: str) -> str:
    return re.search(r"https?://\S+/(?:fr|en)/\S+/", body).group(0)


def sign_up(client, email="camille@example.com"):
    return client.post(reverse("storefront:newsletter_signup"), {"email": email, "back": "/fr/"})


def test_signing_up_needs_a_confirmation_before_anything_is_sent(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)
    assert response["Location"] == "/fr/"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING and subscriber.asked_at is not None
    [confirmation] = mailoutbox
    assert confirmation.subject == "Confirmez votre inscription à la lettre"

    page = client.get(link_in(confirmation.body).replace("http://127.0.0.1:8000", ""))
    assert "Votre inscription est confirmée." in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED and subscriber.confirmed_at is not None


def test_a_forged_or_foreign_link_confirms_nothing(client):
    Subscriber.objects.create(email="camille@example.com")
    response = client.get(reverse("storefront:newsletter_confirm", args=["faux-jeton"]))
    assert response.status_code == 400
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


@pytest.fixture
def campaign():
    product = ProductFactory(name_fr="Chemise Oxford", slug_fr="chemise-oxford")
    VariantFactory(product=product)
    ProductImageFactory(product=product)
    return Campaign.objects.create(
        subject="Les nouveautés d'été",
        body=(
            "# L'été arrive\n\nVoici la pièce du mois :\n\n"
            "[[produit:chemise-oxford]]\n\n<script>alert(1)</script>"
        ),
    )


def test_a_campaign_goes_once_to_confirmed_readers_with_a_one_click_unsubscribe(
    client, campaign, mailoutbox, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="lu@example.com", status=SubscriberStatus.CONFIRMED)
    Subscriber.objects.create(email="pas-encore@example.com", status=SubscriberStatus.PENDING)
    Subscriber.objects.create(email="parti@example.com", status=SubscriberStatus.UNSUBSCRIBED)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_campaign(campaign_id=campaign.pk) == 1
        assert send_campaign(campaign_id=campaign.pk) == 0  # already sent
    send_campaign_batch(
        delivery_ids=list(campaign.deliveries.values_list("pk", flat=True))
    )  # a retried batch

    [email] = mailoutbox
    assert email.to == ["lu@example.com"]
    html = email.alternatives[0][0]
    assert "<h1>L&#x27;été arrive</h1>" in html or "<h1>L'été arrive</h1>" in html
    assert "Chemise Oxford" in html and "/fr/produits/chemise-oxford/" in html
    assert "<script>alert(1)" not in html  # raw HTML in the Markdown is shown as text, never run
    unsubscribe = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT

    client.post(unsubscribe.replace("http://127.0.0.1:8000", ""))  # the mail client's one click
    assert Subscriber.objects.get(email="lu@example.com").status == SubscriberStatus.UNSUBSCRIBED


def test_the_founder_previews_tests_and_exports_from_the_back_office(client, campaign, mailoutbox):
    founder = UserFactory(email="fondatrice@example.com", is_staff=True, is_superuser=True)
    client.force_login(founder)
    page = client.get(f"/fr/admin/marketing/campaign/{campaign.pk}/change/").content.decode()
    assert "Chemise Oxford" in page  # the product block in the preview

    client.post("/fr/admin/marketing/campaign/", {"action": "send_test", "_selected_action": [campaign.pk]})
    assert mailoutbox[0].to == ["fondatrice@example.com"] and mailoutbox[0].subject.startswith("[Test]")

    Subscriber.objects.create(email="lu@example.com", status=SubscriberStatus.CONFIRMED)
    export = client.post(
        "/fr/admin/marketing/subscriber/",
        {"action": "export_csv", "_selected_action": list(Subscriber.objects.values_list("pk", flat=True))},
    )
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("email;statut;langue")
    assert lines[1].startswith("lu@example.com;confirmed;fr")

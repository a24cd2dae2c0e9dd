"""The API answers a company's key only: no key, a wrong one or a revoked one is a 401 in JSON."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from comptoir.resellers.models import ApiKey
from comptoir.resellers.services.api_keys import revoke_api_key

pytestmark = pytest.mark.django_db

CATALOGUE = "/api/v1/catalogue"


def assert_unauthorized(response):
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["code"] == "unauthorized"
    assert "Authorization: Bearer" in body["detail"]


def test_without_a_key_the_api_answers_401_in_json(company_a):
    assert_unauthorized(Client().get(CATALOGUE))


@pytest.mark.parametrize(
    "header",
    [
        "Bearer nothing",
        "Bearer cpt_00000000_forged",
        "Basic Y2FtaWxsZTpzZWNyZXQ=",
        "Bearer ",
    ],
)
def test_a_forged_or_malformed_key_is_a_401(company_a, header):
    assert_unauthorized(Client().get(CATALOGUE, HTTP_AUTHORIZATION=header))


def test_the_right_prefix_with_a_wrong_secret_is_a_401(company_a):
    prefix = ApiKey.objects.get().prefix
    assert_unauthorized(Client().get(CATALOGUE, HTTP_AUTHORIZATION=f"Bearer cpt_{prefix}_wrong-secret"))


def test_a_revoked_key_is_a_401(company_a):
    assert company_a.get(CATALOGUE).status_code == 200
    revoke_api_key(buyer=company_a.buyer, key_id=ApiKey.objects.get().pk)
    assert_unauthorized(company_a.get(CATALOGUE))


def test_a_key_of_an_inactive_company_is_a_401(company_a):
    company = company_a.buyer.company
    company.is_active = False
    company.save()
    assert_unauthorized(company_a.get(CATALOGUE))


def test_a_key_stops_working_when_its_buyer_leaves_the_company(company_a):
    company_a.buyer.delete()
    assert_unauthorized(company_a.get(CATALOGUE))


def test_a_session_of_a_signed_in_buyer_does_not_open_the_api(company_a):
    client = Client()
    client.force_login(company_a.buyer.user)
    assert_unauthorized(client.get(CATALOGUE))


def test_a_call_records_when_the_key_was_last_used(company_a):
    assert ApiKey.objects.get().last_used_at is None
    company_a.get(CATALOGUE)
    used = ApiKey.objects.get().last_used_at
    assert used is not None and timezone.now() - used < timedelta(minutes=1)


def test_past_the_limit_a_key_gets_429_with_retry_after_and_another_key_is_not_slowed(
    settings, company_a, company_b
):
    settings.COMPTOIR_API_REQUESTS_PER_MINUTE = 3
    answers = [company_a.get(CATALOGUE).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = company_a.get(CATALOGUE)
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert limited.json()["code"] == "rate_limited"
    assert company_b.get(CATALOGUE).status_code == 200


def test_messages_follow_the_request_language(company_a):
    response = Client().get(CATALOGUE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response["Content-Language"] == "en"


def test_the_openapi_description_is_public_and_shows_no_price(company_a):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"] == {"type": "http", "scheme": "bearer"}
    assert {"/api/v1/catalogue", "/api/v1/orders", "/api/v1/orders/{number}", "/api/v1/invoices"} <= set(
        schema["paths"]
    )
    assert "43.21" not in response.content.decode()

"""schemathesis walks every operation of /api/openapi.json with a reseller's key: no 500, and every
answer (status, content type, headers, body) is one the description promises.

Bounded and reproducible: a few derandomized examples per operation, through the WSGI application
(no network, no server), on SQLite and PostgreSQL alike. The check that « valid data is accepted » is
left out on purpose: a well-formed order for a SKU that does not exist is refused (422), by design.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from comptoir.config.wsgi import application
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Channel
from comptoir.resellers.services.api_keys import create_api_key
from tests.factories import ProductFactory, VariantFactory
from tests.factories.payments import OrderFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def _connection_kept_open():
    """Django's WSGI handler closes the database connection after each request; inside the test's
    transaction that would end it (PostgreSQL). Django's test client unhooks the same signal."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def reseller_key(db, settings, _connection_kept_open):
    settings.COMPTOIR_API_REQUESTS_PER_MINUTE = 100_000  # the limit has its own test
    PriceListFactory(coefficient=Decimal("2.5"))
    VariantFactory(product=ProductFactory(retail_price=Decimal("120.00")), on_hand=30)
    buyer = BuyerFactory()
    order = OrderFactory(
        channel=Channel.RESELLER, company=buyer.company, customer=buyer.user, email=buyer.user.email
    )
    issue_invoice_for_order(order=order)
    return create_api_key(buyer=buyer, name="schemathesis").clear_key


# Loaded at collection, as a client would: the description is public and reads no database.
# (schemathesis.pytest.from_fixture would load it per test, but reads a node attribute pytest 9 dropped.)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@schema.parametrize()
@hypothesis_settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_description_says(case, reseller_key):
    # Answers are gzipped for clients that ask (GZipMiddleware); the WSGI transport would not unzip them.
    headers = {"Authorization": f"Bearer {reseller_key}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS)

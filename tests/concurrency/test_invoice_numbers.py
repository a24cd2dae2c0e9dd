"""Thirty invoices issued at the same instant get thirty consecutive numbers, none shared or skipped."""

from __future__ import annotations

import pytest

from comptoir.invoicing.models import Invoice
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from tests.concurrency.helpers import run_at_once
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db(transaction=True)

ORDERS = 30


def test_thirty_invoices_at_once_are_numbered_one_to_thirty(threads_database):
    orders = [OrderFactory(status=OrderStatus.PAID) for _ in range(ORDERS)]

    outcomes = run_at_once(lambda index: issue_invoice_for_order(order=orders[index]).number, threads=ORDERS)

    assert [repr(o.error) for o in outcomes if o.error] == []
    numbers = sorted(Invoice.objects.values_list("sequence_number", flat=True))
    assert numbers == list(range(1, ORDERS + 1))
    assert len({o.result for o in outcomes}) == ORDERS

"""The founder confirms a received bank transfer from the admin."""

import pytest

from comptoir.payments.models import PaymentStatus
from tests.factories import UserFactory
from tests.factories.payments import PaymentFactory

pytestmark = pytest.mark.django_db


def test_the_admin_action_marks_a_bank_transfer_paid_once(client, order_paid_calls):
    founder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(founder)
    transfer = PaymentFactory(provider="bank_transfer", external_id="", redirect_url="")
    card = PaymentFactory(external_id="cs_test_card")

    for _ in range(2):
        response = client.post(
            "/fr/admin/payments/payment/",
            {"action": "confirm_bank_transfer", "_selected_action": [transfer.pk, card.pk]},
        )
        assert response.status_code == 302

    transfer.refresh_from_db()
    card.refresh_from_db()
    assert transfer.status == PaymentStatus.PAID
    assert card.status == PaymentStatus.PENDING  # a card payment is Stripe's to confirm
    assert order_paid_calls == [
        {
            "order": transfer.order,
            "actor": founder,
            "actor_label": "staff",
            "payment_reference": f"bank_transfer-{transfer.pk}",
        }
    ]

"""The founder's morning email lists what is running out, and stays silent when nothing is."""

import pytest
from django.core import mail
from django.core.management import call_command

from comptoir.inventory.models import StockRecord
from tests.factories import UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(is_superuser=True, is_staff=True, email="fondatrice@example.com")


def test_the_digest_lists_low_and_sold_out_sizes_counting_what_orders_hold(owner):
    VariantFactory(sku="OX-40", on_hand=20)  # plenty
    low = VariantFactory(sku="OX-41", on_hand=6)
    StockRecord.objects.filter(variant=low).update(reserved=4)  # 2 left to sell: under the threshold of 3
    VariantFactory(sku="OX-42", on_hand=0)
    call_command("send_low_stock_digest")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fondatrice@example.com"]
    assert message.subject == "Stock bas : 2 variantes à réassortir"
    assert "OX-41" in message.body and "OX-42" in message.body and "OX-40" not in message.body
    assert "2 disponibles" in message.body and "épuisé" in message.body
    assert "/fr/atelier/stock/?state=low" in message.body


def test_no_email_when_nothing_is_low(owner):
    VariantFactory(on_hand=20)
    call_command("send_low_stock_digest")
    assert mail.outbox == []

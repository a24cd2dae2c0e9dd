"""Order emails: sent in the customer's language, text and HTML, with what the customer needs."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation

from comptoir.orders.access import order_number_from_token
from comptoir.orders.emails import queue_order_email
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def sent_parts():
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    return message, message.body, html


def test_the_confirmation_in_french_carries_number_lines_totals_vat_address_and_link(settings):
    settings.COMPTOIR_PUBLIC_URL = "https://boutique.example"
    order = OrderFactory(language="fr", number="C-2026-00042", payment_method="stripe")

    queue_order_email(order_id=order.pk, kind="confirmation")

    message, text, html = sent_parts()
    assert message.to == [order.email]
    assert message.subject == "Votre commande C-2026-00042 est enregistrée"
    for part in (text, html):
        assert "C-2026-00042" in part
        assert "Chemise Oxford" in part
        assert "Bleu ciel · 39 · Ajustée" in part
        assert "95,00\xa0€" in part  # line and subtotal, French format
        assert "5,90\xa0€" in part
        assert "100,90\xa0€" in part  # total TTC
        assert "16,81\xa0€" in part  # VAT contained: 100.90 - 84.09
        assert "12 rue des Lilas" in part
        assert "75011 Paris" in part
        assert "https://boutique.example/fr/" in part
        assert "IBAN" not in part  # paid by card: no bank instructions
    assert "Total TTC : 100,90\xa0€" in text
    assert "dont TVA : 16,81\xa0€" in text
    assert '<html lang="fr">' in html
    assert "style=" in html  # inline CSS: mail clients drop <style> sheets


def test_the_confirmation_link_is_signed_for_this_order(settings):
    settings.COMPTOIR_PUBLIC_URL = "https://boutique.example"
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="confirmation")

    _, text, _ = sent_parts()
    # The link's token is read out of the email: a token signed again here could carry the next second.
    link = next(word for word in text.split() if word.startswith("https://boutique.example/"))
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert order_number_from_token(token=token) == order.number
    assert order_number_from_token(token=token[:-2] + "xx") is None
    assert order_number_from_token(token=token, max_age=dt.timedelta(seconds=-1)) is None


def test_the_confirmation_of_a_bank_transfer_gives_the_bank_details(settings):
    settings.COMPTOIR_BANK_HOLDER = "Maison Lavande SAS"
    settings.COMPTOIR_BANK_IBAN = "FR76 1234 5678 9012 3456 7890 123"
    settings.COMPTOIR_BANK_BIC = "TESTFRPPXXX"
    order = OrderFactory(payment_method="bank_transfer", number="C-2026-00077")

    queue_order_email(order_id=order.pk, kind="confirmation")

    _, text, html = sent_parts()
    for part in (text, html):
        assert "Maison Lavande SAS" in part
        assert "FR76 1234 5678 9012 3456 7890 123" in part
        assert "TESTFRPPXXX" in part
        assert "Merci de virer 100,90\xa0€" in part
    assert "Référence : C-2026-00077" in text


def test_an_english_order_gets_english_amounts_dates_and_link(settings):
    settings.COMPTOIR_PUBLIC_URL = "https://boutique.example"
    order = OrderFactory(language="en", number="C-2026-00043")

    queue_order_email(order_id=order.pk, kind="paid")

    _, text, html = sent_parts()
    for part in (text, html):
        assert "C-2026-00043" in part
        assert "€100.90" in part
        assert "€16.81" in part
        assert "100,90" not in part
        assert "https://boutique.example/en/" in part
    assert '<html lang="en">' in html


def test_an_english_order_gets_english_words():
    order = OrderFactory(language="en", number="C-2026-00044")

    queue_order_email(order_id=order.pk, kind="paid")

    message, text, html = sent_parts()
    assert "C-2026-00044" in message.subject
    assert "commande" not in message.subject
    assert "Total TTC" not in text
    assert "Suivre ma commande" not in html


def test_the_email_language_is_the_orders_not_the_current_one():
    order = OrderFactory(language="fr")

    with translation.override("en"):
        queue_order_email(order_id=order.pk, kind="cancelled")

    message, text, _ = sent_parts()
    assert message.subject == f"Votre commande {order.number} est annulée"
    assert "100,90\xa0€" in text
    assert translation.get_language() == "fr"


def test_the_withdrawal_acknowledgement_states_when_the_request_was_received():
    received = dt.datetime(2026, 7, 3, 12, 34, tzinfo=dt.UTC)  # 14 h 34 in Paris (summer time)
    order = OrderFactory(number="C-2026-00050", withdrawal_requested_at=received)

    queue_order_email(order_id=order.pk, kind="withdrawal_acknowledged")

    message, text, html = sent_parts()
    assert message.subject == "Accusé de réception de votre rétractation, commande C-2026-00050"
    for part in (text, html):
        assert "rétractation pour la commande C-2026-00050, reçue le 3 juillet 2026 14:34" in part


def test_an_unknown_kind_is_refused_before_anything_is_sent():
    order = OrderFactory()

    with pytest.raises(ValueError, match="Unknown order email"):
        queue_order_email(order_id=order.pk, kind="shipped-by-owl")

    assert mail.outbox == []


def test_the_delivered_email_invites_a_review_and_recalls_the_withdrawal_right(settings):
    from comptoir.orders.emails import build_order_email
    from tests.factories.payments import OrderFactory

    order = OrderFactory(number="ML-26-000777", language="fr")
    message = build_order_email(order=order, kind="delivered")
    assert message.subject == "Votre commande ML-26-000777 est arrivée"
    assert "dites-nous ce que vous en pensez" in message.body
    assert "Renoncer au contrat ici" in message.body
    assert "/fr/commande/" in message.body  # the order page, where the review links are


def test_the_shipped_email_carries_the_tracking_link_of_the_carrier():
    from comptoir.orders.emails import build_order_email
    from tests.factories.payments import OrderFactory

    order = OrderFactory(number="ML-26-000888", tracking_number="6A12345678901", shipping_carrier="colissimo")
    message = build_order_email(order=order, kind="shipped")
    assert message.subject == "Votre commande ML-26-000888 est en route"
    assert "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" in message.body
    assert "6A12345678901" in message.alternatives[0][0]

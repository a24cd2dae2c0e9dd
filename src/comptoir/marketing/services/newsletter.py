"""The newsletter: double opt-in, one-click unsubscribe, campaigns sent in batches in the background."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.notifications.jobs import enqueue

from ..campaigns import render_campaign
from ..emails import build_email, public_url
from ..models import Campaign, CampaignDelivery, CampaignStatus, Subscriber, SubscriberStatus

SALT = "comptoir.marketing.newsletter"
CONFIRM_WITHIN = timedelta(days=7)
BATCH_SIZE = 100


class SubscriptionRefused(Exception):
    def __init__(self, message: str) -> None:
        self.messages = [message]
        super().__init__(message)


def newsletter_token(*, email: str, action: str) -> str:
    return signing.dumps({"email": email, "action": action}, salt=SALT)


def _email_from(token: str, *, action: str, max_age: timedelta | None = None) -> str | None:
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("action") != action:
        return None
    email = payload.get("email")
    return email if isinstance(email, str) else None


def unsubscribe_url(*, email: str, language: str) -> str:
    return public_url(
        "storefront:newsletter_unsubscribe",
        language=language,
        token=newsletter_token(email=email, action="unsubscribe"),
    )


def subscribe(*, email: str, language: str, source: str) -> None:
    """Ask for a confirmation by email; the answer is the same whether the address was known or not."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise SubscriptionRefused(_("Saisissez une adresse e-mail valide.")) from error
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.get_or_create(
                email=email, defaults={"language": language, "consent_source": source}
            )
    except IntegrityError:
        subscriber = Subscriber.objects.get(email=email)
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return
    Subscriber.objects.filter(pk=subscriber.pk).update(
        status=SubscriberStatus.PENDING, language=language, consent_source=source, asked_at=timezone.now()
    )
    transaction.on_commit(lambda: enqueue(send_confirmation_email, email=email, language=language))


def send_confirmation_email(*, email: str, language: str) -> None:
    with translation.override(language):
        subject = _("Confirmez votre inscription à la lettre")
    url = public_url(
        "storefront:newsletter_confirm",
        language=language,
        token=newsletter_token(email=email, action="confirm"),
    )
    build_email(
        to=email, subject=subject, template="confirm_subscription", context={"url": url}, language=language
    ).send()


def confirm_subscription(*, token: str) -> Subscriber | None:
    email = _email_from(token, action="confirm", max_age=CONFIRM_WITHIN)
    subscriber = Subscriber.objects.filter(email=email).first() if email else None
    if subscriber is None:
        return None
    if subscriber.status != SubscriberStatus.CONFIRMED:
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at", "updated_at"])
    return subscriber


def unsubscribe(*, token: str) -> Subscriber | None:
    """One click, for good: nothing is sent to the address again until it signs up anew."""
    email = _email_from(token, action="unsubscribe")
    subscriber = Subscriber.objects.filter(email=email).first() if email else None
    if subscriber is None:
        return None
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
    return subscriber


def send_campaign_test(*, campaign_id: int, email: str) -> None:
    campaign = Campaign.objects.get(pk=campaign_id)
    _send_one(campaign=campaign, email=email, language=campaign.language, test=True)


def send_campaign(*, campaign_id: int) -> int:
    """Start sending to every confirmed subscriber of the campaign's language, in background batches."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign_id)
        if campaign.status != CampaignStatus.DRAFT:
            return 0
        campaign.status = CampaignStatus.SENDING
        campaign.save(update_fields=["status", "updated_at"])
        subscribers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED, language=campaign.language)
        CampaignDelivery.objects.bulk_create(
            [CampaignDelivery(campaign=campaign, subscriber=subscriber) for subscriber in subscribers],
            ignore_conflicts=True,
        )
        ids = list(campaign.deliveries.filter(sent_at__isnull=True).values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            transaction.on_commit(partial(enqueue, send_campaign_batch, delivery_ids=batch))
        transaction.on_commit(lambda: enqueue(finish_campaign, campaign_id=campaign_id))
    return len(ids)


def send_campaign_batch(*, delivery_ids: list[int]) -> None:
    for delivery in CampaignDelivery.objects.filter(pk__in=delivery_ids, sent_at__isnull=True).select_related(
        "campaign", "subscriber"
    ):
        # Claimed first: a retried batch never sends a copy twice.
        if not CampaignDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        ):
            continue
        if delivery.subscriber.status != SubscriberStatus.CONFIRMED:
            continue  # unsubscribed since the campaign started
        _send_one(
            campaign=delivery.campaign, email=delivery.subscriber.email, language=delivery.subscriber.language
        )


def finish_campaign(*, campaign_id: int) -> None:
    Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).update(
        status=CampaignStatus.SENT, sent_at=timezone.now()
    )


def _send_one(*, campaign: Campaign, email: str, language: str, test: bool = False) -> None:
    with translation.override(language):
        body = render_campaign(campaign=campaign)
        subject = f"[{_('Test')}] {campaign.subject}" if test else campaign.subject
    build_email(
        to=email,
        subject=subject,
        template="campaign",
        context={"body": body},
        language=language,
        unsubscribe_url=unsubscribe_url(email=email, language=language),
    ).send()

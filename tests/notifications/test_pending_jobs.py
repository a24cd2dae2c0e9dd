"""A job that cannot run now (mail server or broker down) is kept, retried later, and never lost."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from kombu.exceptions import OperationalError

from comptoir.notifications.models import PendingJob
from comptoir.notifications.services.pending_jobs import MAX_ATTEMPTS, run_pending_jobs
from comptoir.notifications.tasks import run_job
from comptoir.orders.emails import queue_order_email
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

BROKEN = "tests.notifications.broken_mail.EmailBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


def test_an_email_the_server_refuses_is_kept_then_sent_when_it_is_back(settings):
    settings.REDIS_URL = ""
    settings.EMAIL_BACKEND = BROKEN
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="paid")  # no exception reaches the caller

    job = PendingJob.objects.get()
    assert (job.kwargs, job.attempts) == ({"order_id": order.pk, "kind": "paid"}, 1)
    assert "Connection refused" in job.last_error
    assert run_pending_jobs().done == 0  # not due yet: the first retry waits a minute

    settings.EMAIL_BACKEND = WORKING
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        call_command("run_pending_jobs", stdout=io.StringIO())

    assert [message.to for message in mail.outbox] == [[order.email]]
    assert not PendingJob.objects.exists()


def test_each_failure_waits_longer_and_a_hopeless_job_is_given_up_not_retried_forever(settings):
    settings.REDIS_URL = ""
    settings.EMAIL_BACKEND = BROKEN
    queue_order_email(order_id=OrderFactory().pk, kind="paid")
    waits = []
    moment = timezone.now()
    for _ in range(MAX_ATTEMPTS - 1):
        job = PendingJob.objects.get()
        waits.append(job.run_after - moment)
        moment = job.run_after
        with time_machine.travel(moment + timedelta(seconds=1)):
            run_pending_jobs()
    job = PendingJob.objects.get()
    assert job.given_up_at is not None and job.attempts == MAX_ATTEMPTS
    assert waits[1] > waits[0] and max(waits) <= timedelta(hours=6, seconds=2)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert run_pending_jobs().done == 0 and PendingJob.objects.get().attempts == MAX_ATTEMPTS
    assert mail.outbox == []


def test_a_job_claimed_by_one_run_is_not_run_by_another(settings):
    settings.REDIS_URL = ""
    settings.EMAIL_BACKEND = BROKEN
    queue_order_email(order_id=OrderFactory().pk, kind="paid")
    settings.EMAIL_BACKEND = WORKING
    job = PendingJob.objects.get()
    later = job.run_after + timedelta(seconds=1)
    # another cron claimed it a moment ago: its lease moved the next try forward
    PendingJob.objects.filter(pk=job.pk).update(run_after=later + timedelta(minutes=15))
    with time_machine.travel(later):
        assert run_pending_jobs().done == 0
    assert mail.outbox == []


def test_when_the_broker_is_down_the_job_waits_in_the_database(settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    def refused(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(run_job, "delay", refused)
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="paid")

    assert PendingJob.objects.get().kwargs == {"order_id": order.pk, "kind": "paid"}
    settings.REDIS_URL = ""  # the retry runs where the cron runs
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert run_pending_jobs().done == 1
    assert [message.to for message in mail.outbox] == [[order.email]]

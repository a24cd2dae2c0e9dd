"""Background jobs: through Celery when REDIS_URL is set, in-process otherwise."""

import pytest
from celery.signals import task_prerun
from django.core import mail

from comptoir.config.celery import app as celery_app
from comptoir.notifications import jobs
from comptoir.notifications.tasks import resolve_job, run_job
from comptoir.orders.emails import queue_order_email, send_order_email
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def celery_tasks_seen():
    """Celery runs tasks eagerly (no broker in tests); collects the names of the tasks it ran."""
    seen: list[tuple[str, tuple]] = []

    def record(sender=None, args=(), **kwargs):
        seen.append((sender.name, tuple(args)))

    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    task_prerun.connect(record, weak=False)
    yield seen
    task_prerun.disconnect(record)
    celery_app.conf.task_always_eager = previous


def test_the_demos_replayed_past_writes_no_email_anywhere(settings, celery_tasks_seen):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.COMPTOIR_DROP_JOBS = True  # set by demo_sales while it replays eight weeks of orders
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="paid")

    assert celery_tasks_seen == [] and mail.outbox == []


def test_without_redis_the_job_runs_in_this_process(settings, celery_tasks_seen):
    settings.REDIS_URL = ""
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="paid")

    assert celery_tasks_seen == []
    assert [message.to for message in mail.outbox] == [[order.email]]


def test_with_redis_the_job_goes_through_celery(settings, celery_tasks_seen):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    order = OrderFactory()

    queue_order_email(order_id=order.pk, kind="paid")

    assert celery_tasks_seen == [
        (
            "comptoir.run_job",
            ("comptoir.orders.emails:send_order_email", {"order_id": order.pk, "kind": "paid"}),
        )
    ]
    assert [message.to for message in mail.outbox] == [[order.email]]


def test_the_celery_task_is_registered_under_its_stable_name():
    assert run_job.name == "comptoir.run_job"
    assert "comptoir.run_job" in celery_app.tasks


def test_a_job_is_named_by_its_dotted_path_and_found_again():
    path = jobs.job_path(send_order_email)

    assert path == "comptoir.orders.emails:send_order_email"
    assert resolve_job(path) is send_order_email


def test_only_module_level_functions_of_comptoir_can_be_jobs():
    def local_job() -> None:
        pass

    with pytest.raises(ValueError, match="module-level"):
        jobs.job_path(local_job)
    with pytest.raises(ValueError, match="module-level"):
        jobs.job_path(print)


@pytest.mark.parametrize("path", ["os:system", "subprocess:run", "comptoir.orders.emails", "builtins:eval"])
def test_a_message_naming_foreign_code_is_refused(path):
    with pytest.raises(ValueError, match="Refusing"):
        resolve_job(path)

"""Eight people register at the same instant for the last seat: one gets it, seven wait."""

from __future__ import annotations

import pytest

from comptoir.community.models import Event, Registration, RegistrationStatus
from comptoir.community.services.events import register
from tests.concurrency.helpers import run_at_once
from tests.factories.community import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_seat_goes_to_one_person(threads_database):
    event = EventFactory(capacity=3)
    for index in range(2):
        register(event=event, name=f"Déjà {index}", email=f"deja{index}@example.com")

    outcomes = run_at_once(
        lambda index: register(event=event, name=f"Invité {index}", email=f"invite{index}@example.com"),
        threads=8,
    )

    assert [repr(o.error) for o in outcomes if o.error] == []
    statuses = sorted(o.result.status for o in outcomes)
    assert statuses == [RegistrationStatus.CONFIRMED] + [RegistrationStatus.WAITLISTED] * 7
    assert Event.objects.get().seats_taken == 3
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 3

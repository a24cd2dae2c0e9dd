"""A shop applies to become a reseller: a pending application, and an email to the founder.

When ``COMPTOIR_VIES_CHECK`` is on, VIES is asked about the EU VAT number before anything is written (no
network call inside the transaction); its answer, or its silence, is a note for the founder.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import partial

from django.db import transaction

from comptoir.notifications.jobs import enqueue

from ..emails import send_application_received_email
from ..identifiers import HOME_COUNTRY, check_vat_online, compact_company_number, compact_vat_number
from ..models import ExpectedVolume, ResellerApplication


@dataclass(frozen=True, slots=True)
class ApplicationDetails:
    shop_name: str
    legal_name: str
    line1: str
    postcode: str
    city: str
    country: str
    first_name: str
    last_name: str
    email: str
    company_number: str = ""
    vat_number: str = ""
    line2: str = ""
    website: str = ""
    phone: str = ""
    expected_volume: str = ExpectedVolume.SMALL
    message: str = ""


def submit_application(*, details: ApplicationDetails, language: str = "fr") -> ResellerApplication:
    """Validated again here (a form is not the only caller); raises ``ValidationError`` on bad input."""
    fields = asdict(details)
    french = str(details.country or "").upper() == HOME_COUNTRY
    # A SIREN/SIRET is compacted; a number from abroad is kept as its country writes it.
    fields["company_number"] = (
        compact_company_number(details.company_number) if french else details.company_number.strip()
    )
    fields["vat_number"] = compact_vat_number(details.vat_number)
    fields["email"] = details.email.strip().lower()
    application = ResellerApplication(**fields, language=(language or "fr")[:8])
    application.full_clean(exclude=["company", "decided_by"])
    application.vat_check = check_vat_online(application.vat_number)
    with transaction.atomic():
        application.save()
        transaction.on_commit(
            partial(enqueue, send_application_received_email, application_id=application.pk)
        )
    return application

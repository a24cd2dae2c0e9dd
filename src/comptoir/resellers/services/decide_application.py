"""The founder approves or refuses an application; either way the shop gets an email after commit.

Approval creates the company, its first buyer (an admin of the company) and, when no account exists
for that email, a user without a password: the email carries a one-time link to choose one.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.notifications.jobs import enqueue

from ..emails import send_application_approved_email, send_application_refused_email
from ..errors import ResellerError
from ..identifiers import HOME_COUNTRY, siren_of
from ..models import ApplicationStatus, Buyer, Company, PaymentTerms, ResellerApplication


def _lock_pending(application_id: int) -> ResellerApplication:
    # No join: a row read after waiting for the lock is the committed one, its relations are not.
    return ResellerApplication.objects.select_for_update().get(pk=application_id)


def approve_application(
    *,
    application_id: int,
    decided_by: Any,
    message: str = "",
    price_group: Any = None,
    payment_terms: str = PaymentTerms.PREPAYMENT,
) -> Company:
    """Approving twice (a double click) returns the company of the first approval."""
    user_model = get_user_model()
    with transaction.atomic():
        application = _lock_pending(application_id)
        if application.status == ApplicationStatus.APPROVED and application.company_id is not None:
            return Company.objects.get(pk=application.company_id)
        if application.status != ApplicationStatus.PENDING:
            raise ResellerError(_("Cette demande a déjà été traitée."))
        user = user_model.objects.filter(email__iexact=application.email).first()
        if user is not None and Buyer.objects.filter(user=user).exists():
            raise ResellerError(_("Cette adresse e-mail achète déjà pour une autre entreprise."))
        company = Company.objects.create(
            legal_name=application.legal_name,
            shop_name=application.shop_name,
            # A SIREN only for a French company: a number from abroad stays on its application.
            siren=siren_of(application.company_number) if str(application.country) == HOME_COUNTRY else "",
            vat_number=application.vat_number,
            line1=application.line1,
            line2=application.line2,
            postcode=application.postcode,
            city=application.city,
            country=application.country,
            price_group=price_group,
            payment_terms=payment_terms,
        )
        if user is None:
            user = user_model.objects.create_user(
                email=application.email,
                password=None,  # unusable: the buyer chooses one through the emailed link
                first_name=application.first_name,
                last_name=application.last_name,
                preferred_language=application.language,
            )
        Buyer.objects.create(user=user, company=company, is_admin=True)
        application.status = ApplicationStatus.APPROVED
        application.company = company
        application.decision_message = message
        application.decided_at = timezone.now()
        application.decided_by = decided_by
        application.save(update_fields=["status", "company", "decision_message", "decided_at", "decided_by"])
        transaction.on_commit(
            partial(enqueue, send_application_approved_email, application_id=application.pk)
        )
    return company


def refuse_application(*, application_id: int, decided_by: Any, message: str) -> ResellerApplication:
    with transaction.atomic():
        application = _lock_pending(application_id)
        if application.status == ApplicationStatus.REFUSED:
            return application
        if application.status != ApplicationStatus.PENDING:
            raise ResellerError(_("Cette demande a déjà été traitée."))
        application.status = ApplicationStatus.REFUSED
        application.decision_message = message
        application.decided_at = timezone.now()
        application.decided_by = decided_by
        application.save(update_fields=["status", "decision_message", "decided_at", "decided_by"])
        transaction.on_commit(partial(enqueue, send_application_refused_email, application_id=application.pk))
    return application

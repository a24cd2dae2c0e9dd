"""Reads about resellers: who buys for which company. Every portal page starts here."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import ApplicationStatus, Buyer, BuyerInvitation, ResellerApplication


def active_buyer_for(*, user: Any) -> Buyer | None:
    """The buyer membership of a signed-in user whose company is approved and active, else ``None``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return (
        Buyer.objects.select_related("company", "company__price_group")
        .filter(user=user, company__is_active=True)
        .first()
    )


def has_pending_application(*, user: Any) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return ResellerApplication.objects.filter(
        email__iexact=user.email, status=ApplicationStatus.PENDING
    ).exists()


def company_buyers(*, buyer: Buyer) -> QuerySet[Buyer]:
    return Buyer.objects.select_related("user").filter(company_id=buyer.company_id).order_by("pk")


def company_invitations(*, buyer: Buyer) -> QuerySet[BuyerInvitation]:
    return BuyerInvitation.objects.filter(company_id=buyer.company_id).order_by("-created_at")

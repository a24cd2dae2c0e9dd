"""The seller's legal identity, as every invoice must state it (Code de commerce, art. R123-237).

One ``SellerSettings`` row, edited on the cockpit's settings page; until the owner saves it, the
``COMPTOIR_SELLER_*`` and ``COMPTOIR_BANK_*`` settings stand in (the demo shop's values).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from stdnum import iban

from comptoir.shop.profile import current_profile

from .models import SellerSettings


def _from_settings() -> SellerSettings:
    seller = settings.COMPTOIR_SELLER
    capital = "".join(ch for ch in seller.get("share_capital", "") if ch.isdigit() or ch in ".,")
    return SellerSettings(
        pk=SellerSettings.SINGLETON_PK,
        legal_name=seller.get("name") or current_profile().shop_name,
        legal_form=seller.get("legal_form", ""),
        share_capital=Decimal(capital.replace(",", ".")) if capital else None,
        address=seller.get("address", ""),
        siret=seller.get("siret") or seller.get("siren", ""),
        rcs=seller.get("rcs", ""),
        vat_number=seller.get("vat_number", ""),
        invoice_footer=seller.get("invoice_footer", ""),
        late_payment_rate=Decimal(seller.get("late_payment_rate") or "0"),
        default_payment_terms=seller.get("default_payment_terms") or "net_30",
        bank_holder=settings.COMPTOIR_BANK_HOLDER,
        iban=settings.COMPTOIR_BANK_IBAN,
        bic=settings.COMPTOIR_BANK_BIC,
    )


def current_seller() -> SellerSettings:
    """The saved settings, or (never saved yet) an unsaved row filled from the environment."""
    return SellerSettings.objects.filter(pk=SellerSettings.SINGLETON_PK).first() or _from_settings()


def seller_identity() -> dict[str, str]:
    """What an invoice copies of its seller when issued: later edits of the settings change nothing."""
    seller = current_seller()
    return {
        "name": seller.legal_name,
        "legal_form": seller.legal_form,
        "share_capital": _format_capital(seller.share_capital),
        "address": seller.address,
        "siren": seller.siret[:9],
        "siret": seller.siret if len(seller.siret) == 14 else "",
        "rcs": _rcs(seller.rcs, seller.siret[:9]),
        "vat_number": seller.vat_number,
        "vat_on_debits": "yes" if seller.vat_on_debits else "",
        "invoice_footer": seller.invoice_footer,
        "late_payment_rate": str(seller.late_payment_rate),
        "bank_holder": seller.bank_holder,
        "iban": seller.iban,
        "bic": seller.bic,
    }


def _format_capital(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    whole = f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",").removesuffix(",00")
    return f"{whole} €"


def _rcs(registry: str, siren: str) -> str:
    """« RCS Paris 732 829 320 »: the registry's city as typed, then the SIREN, unless already there."""
    if not registry or any(ch.isdigit() for ch in registry):
        return registry
    return f"{registry} {siren[:3]} {siren[3:6]} {siren[6:]}"


def bank_account() -> tuple[str, str, str]:
    """(holder, IBAN printed in groups of four, BIC): what a customer paying by transfer reads."""
    seller = current_seller()
    compact = iban.compact(seller.iban)
    return seller.bank_holder, iban.format(compact) if compact else "", seller.bic

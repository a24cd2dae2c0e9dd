"""The packing check: a USB scanner types an EAN-13 and Enter; each piece ticks its line.

A code that is not in the order, or one piece too many, is flagged and not counted. The order can
be marked packed only when every piece is ticked, unless the founder overrides (that is recorded).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.orders.models import Order
from comptoir.orders.services.pack_order import pack_order
from comptoir.orders.state import can_pack

from ..models import PackingCheck


@dataclass(frozen=True)
class CheckLine:
    sku: str
    ean13: str
    name: str
    wanted: int
    scanned: int

    @property
    def is_done(self) -> bool:
        return self.scanned >= self.wanted


class PackingRefused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def check_lines(*, order: Order) -> list[CheckLine]:
    check = PackingCheck.objects.filter(order=order).first()
    scanned = check.scanned if check else {}
    lines = []
    for line in order.lines.select_related("variant").order_by("pk"):
        ean = (line.variant.ean13 if line.variant else "") or ""
        name = f"{line.product_name} ({line.options_label})" if line.options_label else line.product_name
        lines.append(CheckLine(line.sku, ean, name, line.quantity, int(scanned.get(line.sku, 0))))
    return lines


def scan(*, order: Order, code: str) -> str:
    """Count one scanned piece; returns the SKU ticked, or raises with a loud message."""
    code = code.strip()
    with transaction.atomic():
        check, _created = PackingCheck.objects.select_for_update().get_or_create(order=order)
        lines = check_lines(order=order)
        match = next((line for line in lines if code and code in (line.ean13, line.sku)), None)
        if match is None:
            check.wrong_scans = [*check.wrong_scans, code]
            check.save(update_fields=["wrong_scans", "updated_at"])
            raise PackingRefused(
                _("« %(code)s » n'est pas dans cette commande : retirez cet article.") % {"code": code}
            )
        if match.is_done:
            check.wrong_scans = [*check.wrong_scans, code]
            check.save(update_fields=["wrong_scans", "updated_at"])
            raise PackingRefused(
                _("Une pièce de trop : %(item)s n'en demande que %(wanted)d.")
                % {"item": match.name, "wanted": match.wanted}
            )
        check.scanned = {**check.scanned, match.sku: match.scanned + 1}
        check.save(update_fields=["scanned", "updated_at"])
    return match.sku


def mark_packed_after_check(*, order: Order, actor: User | None, override: bool = False) -> Order:
    if not can_pack(order.status):
        raise PackingRefused(_("La commande %(number)s n'est pas à préparer.") % {"number": order.number})
    missing = [line for line in check_lines(order=order) if not line.is_done]
    if missing and not override:
        raise PackingRefused(
            _("Il manque %(count)d pièce(s) : scannez-les, ou forcez si vous êtes sûre.")
            % {"count": sum(line.wanted - line.scanned for line in missing)}
        )
    label = "staff (contrôle forcé)" if missing else "staff"
    return pack_order(order=order, actor=actor, actor_label=label)

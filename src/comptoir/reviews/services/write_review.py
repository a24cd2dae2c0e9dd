"""A buyer reviews a product of her delivered order: once, held for the founder's reading."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.core.page_cache import shop_pages_changed
from comptoir.orders.models import Order, OrderStatus

from ..models import Review, ReviewStatus

REVIEWABLE = frozenset({OrderStatus.DELIVERED})


class ReviewRefused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def reviewable_product_ids(*, order: Order) -> set[int]:
    """Products of this order its buyer may still review (delivered, not reviewed yet)."""
    if order.status not in REVIEWABLE:
        return set()
    bought = set(order.lines.filter(variant__isnull=False).values_list("variant__product_id", flat=True))
    done = set(Review.objects.filter(order=order).values_list("product_id", flat=True))
    return bought - done


def write_review(*, order: Order, product_id: int, rating: object, body: str, name: str) -> Review:
    if product_id not in reviewable_product_ids(order=order):
        raise ReviewRefused(_("Seuls les produits d'une commande livrée peuvent recevoir un avis, une fois."))
    if not str(rating).isdecimal() or not 1 <= int(str(rating)) <= 5:
        raise ReviewRefused(_("Choisissez une note de 1 à 5."))
    if not body.strip():
        raise ReviewRefused(_("Écrivez quelques mots sur le produit."))
    display_name = name.strip()[:60] or _("Client vérifié")
    try:
        with transaction.atomic():
            return Review.objects.create(
                order=order,
                product_id=product_id,
                name=display_name,
                rating=int(str(rating)),
                body=body.strip()[:2000],
                purchased_at=order.created_at,
            )
    except IntegrityError as error:  # the same form sent twice
        raise ReviewRefused(_("Vous avez déjà donné votre avis sur ce produit.")) from error


def moderate_reviews(*, review_ids: list[int], status: str) -> int:
    published_at = timezone.now() if status == ReviewStatus.APPROVED else None
    moderated = Review.objects.filter(pk__in=review_ids).update(status=status, published_at=published_at)
    shop_pages_changed()  # product pages show approved reviews; update() sends no signal
    return moderated

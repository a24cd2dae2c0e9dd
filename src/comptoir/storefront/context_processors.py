from typing import Any

from django.conf import settings
from django.http import HttpRequest

from comptoir.catalog.selectors import published_collections
from comptoir.pricing.policy import policy_for


def shop(request: HttpRequest) -> dict[str, Any]:
    """What every boutique page needs: the shop's name, the customer's price policy, the menu."""
    return {
        "shop_name": settings.SHOP_NAME,
        "pricing_policy": policy_for(customer=getattr(request, "user", None)),
        "menu_collections": published_collections().only("id", "name_fr", "name_en", "slug_fr", "slug_en"),
    }

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from comptoir.cart.selectors import cart_item_count
from comptoir.catalog.selectors import published_collections
from comptoir.content.selectors import footer_pages
from comptoir.pricing.policy import policy_for
from comptoir.shop.profile import current_profile

from .cart_session import SESSION_KEY
from .consent import consent_choice, tracker_url


def shop(request: HttpRequest) -> dict[str, Any]:
    """What every boutique page needs: the shop's brand, the customer's price policy, the menu, the bag."""
    session = getattr(request, "session", None)
    pages = footer_pages()  # one query, read by both footer rows and the legal links
    profile = current_profile()
    return {
        "cart_count": SimpleLazyObject(
            lambda: cart_item_count(
                cart_id=session.get(SESSION_KEY) if session is not None else None,
                customer=getattr(request, "user", None),
            )
        ),
        "shop_name": profile.shop_name,
        # The brand as the setup saved it: its tagline, and its logo and favicon when uploaded.
        "shop_tagline": profile.tagline,
        "shop_logo_url": profile.logo_url,
        "shop_favicon_url": profile.favicon_url,
        "pricing_policy": policy_for(customer=getattr(request, "user", None)),
        "menu_collections": published_collections().only("id", "name_fr", "name_en", "slug_fr", "slug_en"),
        "footer_pages": pages,
        # The legal pages by role (« legal_links.terms_of_sale »), for links the law expects.
        "legal_links": SimpleLazyObject(lambda: {page.legal_role: page for page in pages if page.legal_role}),
        "third_party_tracker_url": tracker_url(),
        "tracker_consent": consent_choice(request),
    }

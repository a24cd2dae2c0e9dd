"""Everything the shop holds about one customer, as plain JSON-ready data (GDPR art. 15 and 20)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.community.models import Comment, Registration
from comptoir.marketing.models import StockAlert, Subscriber
from comptoir.orders.models import Order
from comptoir.reviews.models import Review


def personal_data(*, customer: User) -> dict[str, Any]:
    email = customer.email
    orders = list(Order.objects.filter(customer=customer).prefetch_related("lines").order_by("created_at"))
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": email,
            "first_name": customer.first_name,
            "last_name": customer.last_name,
            "preferred_language": customer.preferred_language,
            "date_joined": customer.date_joined.isoformat(),
            "last_login": customer.last_login.isoformat() if customer.last_login else None,
        },
        "addresses": [
            {
                "first_name": address.first_name,
                "last_name": address.last_name,
                "company": address.company,
                "line1": address.line1,
                "line2": address.line2,
                "postcode": address.postcode,
                "city": address.city,
                "country": str(address.country),
                "phone": address.phone,
                "is_default": address.is_default,
            }
            for address in customer.addresses.order_by("pk")
        ],
        "orders": [
            {
                "number": order.number,
                "placed_at": order.created_at.isoformat(),
                "status": order.status,
                "email": order.email,
                "shipping_address": order.shipping_address,
                "billing_address": order.billing_address,
                "customer_note": order.customer_note,
                "total_gross": str(order.total_gross),
                "currency": order.currency,
                "lines": [
                    {
                        "product": line.product_name,
                        "options": line.options_label,
                        "quantity": line.quantity,
                        "total_gross": str(line.total_gross),
                    }
                    for line in order.lines.all()
                ],
            }
            for order in orders
        ],
        "reviews": [
            {
                "product": str(review.product),
                "name": review.name,
                "rating": review.rating,
                "body": review.body,
                "status": review.status,
            }
            for review in Review.objects.filter(order__in=orders).select_related("product").order_by("pk")
        ],
        "comments": [
            {
                "post": str(comment.post),
                "name": comment.name,
                "website": comment.website,
                "body": comment.body,
                "status": comment.status,
                "created_at": comment.created_at.isoformat(),
            }
            for comment in Comment.objects.filter(email__iexact=email).select_related("post").order_by("pk")
        ],
        "event_registrations": [
            {
                "event": str(registration.event),
                "starts_at": registration.event.starts_at.isoformat(),
                "name": registration.name,
                "company": registration.company,
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
            }
            for registration in Registration.objects.filter(email__iexact=email)
            .select_related("event")
            .order_by("pk")
        ],
        "newsletter": None
        if subscriber is None
        else {
            "status": subscriber.status,
            "consent_source": subscriber.consent_source,
            "asked_at": subscriber.asked_at.isoformat() if subscriber.asked_at else None,
            "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
            "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
        },
        "stock_alerts": [
            {"product": str(alert.variant), "asked_at": alert.created_at.isoformat()}
            for alert in StockAlert.objects.filter(email__iexact=email).select_related("variant")
        ],
    }

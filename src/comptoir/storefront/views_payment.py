"""Payment pages: the Stripe webhook endpoint and the demo shop's payment page.

The webhook answers Stripe in JSON: 200 when the event is applied, already applied or not ours to
apply, 400 for a bad signature, 409 when it refers to a payment we do not know yet (Stripe retries).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from comptoir.payments.providers.demo import demo_payments_enabled, read_demo_page_token
from comptoir.payments.selectors import payment_with_order
from comptoir.payments.webhooks import InvalidWebhook, verify_stripe_event
from comptoir.workflow.services.handle_stripe_event import RetryLater, handle_stripe_event
from comptoir.workflow.services.settle_demo_payment import settle_demo_payment


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> JsonResponse:
    try:
        event = verify_stripe_event(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except InvalidWebhook:
        return JsonResponse({"error": "invalid_signature"}, status=400)
    try:
        outcome = handle_stripe_event(event=event)
    except RetryLater:
        return JsonResponse({"error": "unknown_payment", "retry": True}, status=409)
    return JsonResponse({"received": True, "outcome": str(outcome)})


@never_cache
@require_http_methods(["GET", "POST"])
def demo_payment(request: HttpRequest, token: str) -> HttpResponse:
    if not demo_payments_enabled():
        raise Http404
    page = read_demo_page_token(token)
    if page is None:
        raise Http404
    payment_id, return_url, cancel_url = page
    payment = payment_with_order(payment_id=payment_id)
    if payment is None:
        raise Http404
    if request.method == "POST":
        succeeded = request.POST.get("decision") == "pay"
        settle_demo_payment(payment_id=payment.pk, succeeded=succeeded)
        # The URLs come from our own signed token: they are the ones checkout gave start_payment.
        return HttpResponseRedirect(return_url if succeeded else cancel_url)
    return render(request, "storefront/payment/demo.html", {"payment": payment, "order": payment.order})

"""Stripe test helpers: recorded responses, a recording transport, locally signed webhook calls."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import stripe

RECORDINGS = Path(__file__).parent / "recordings"
WEBHOOK_SECRET = "whsec_test_0123456789abcdef"


def recording(name: str) -> dict[str, Any]:
    return json.loads((RECORDINGS / f"{name}.json").read_text())


class RecordedStripe(stripe.HTTPClient):
    """Answers each request with the next recorded response and keeps what was asked."""

    name = "recorded"

    def __init__(self, *responses: tuple[int, dict[str, Any]]) -> None:
        super().__init__()
        self.responses = list(responses)
        self.requests: list[dict[str, Any]] = []

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        form = parse_qs(post_data.decode() if isinstance(post_data, bytes) else post_data or "")
        self.requests.append(
            {
                "method": method,
                "url": url,
                "headers": dict(headers or {}),
                "form": {k: v[0] for k, v in form.items()},
            }
        )
        if not self.responses:
            raise AssertionError(f"Unexpected Stripe call: {method.upper()} {url}")
        status, body = self.responses.pop(0)
        return json.dumps(body), status, {"request-id": f"req_test_{len(self.requests)}"}

    def close(self):
        pass


def sign(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header, computed as Stripe does: HMAC-SHA256 of "<t>.<payload>"."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def stripe_event(name: str, *, event_id: str | None = None, **object_changes: Any) -> dict[str, Any]:
    event = copy.deepcopy(recording(name))
    if event_id:
        event["id"] = event_id
    event["data"]["object"].update(object_changes)
    return event


def post_event(client, event: dict[str, Any], *, secret: str = WEBHOOK_SECRET, signature: str | None = None):
    payload = json.dumps(event).encode()
    header = sign(payload, secret=secret) if signature is None else signature
    return client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

"""An email already written (subject, bodies, recipients as strings), sent as a job: account emails
(password reset, address verification, sign-up) are rendered in the request and leave through
``enqueue``, so a mail server that is down keeps them in ``PendingJob`` instead of answering 500."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives


def send_prepared_email(*, subject: str, body: str, to: list[str], from_email: str, html: str = "") -> None:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()

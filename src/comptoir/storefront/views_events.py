"""The founder's evenings: the list, each evening with its registration form, cancellation, calendar."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from comptoir.community.models import RegistrationStatus
from comptoir.community.selectors import event_by_slug, past_events, upcoming_events
from comptoir.community.services.event_emails import event_calendar
from comptoir.community.services.events import (
    RegistrationRefused,
    cancel_registration,
    register,
    registration_for_token,
)
from comptoir.content.markdown import plain_text, render_markdown
from comptoir.core.rate_limit import allow_each, client_keys
from comptoir.seo.page_meta import PageMeta, describe, page_title
from comptoir.seo.structured_data import breadcrumb_list, event_json_ld

from .navigation import alternate_urls
from .page_meta import base_url

# One person registers a friend or two; a script registers hundreds (per IP, per 10 minutes).
REGISTRATIONS_PER_WINDOW = 5


@require_GET
def events(request: HttpRequest) -> HttpResponse:
    base = base_url(request)
    meta = PageMeta(
        title=page_title(name=_("Les rencontres"), shop_name=settings.SHOP_NAME),
        description=_(
            "Chaque mois, %(shop)s ouvre son atelier aux gens du web et du commerce indépendant : "
            "une soirée, des histoires de boutiques, un verre."
        )
        % {"shop": settings.SHOP_NAME},
        canonical_url=base + reverse("storefront:events"),
    )
    return render(
        request,
        "storefront/events/list.html",
        {
            "upcoming": upcoming_events(),
            "past": past_events(),
            "alternates": alternate_urls(request),
            "page_meta": meta,
        },
    )


@require_http_methods(["GET", "POST"])
def event(request: HttpRequest, slug: str) -> HttpResponse:
    found = event_by_slug(slug=slug)
    if found is None:
        raise Http404(_("Cette rencontre n'existe pas."))
    if slug != found.slug:
        return HttpResponsePermanentRedirect(found.get_absolute_url())
    error = ""
    values = {"name": "", "email": "", "company": ""}
    status = 200
    if request.method == "POST" and not allow_each(
        action="event_registration",
        keys=client_keys(request, email=request.POST.get("email", "")),
        limit=REGISTRATIONS_PER_WINDOW,
        window_seconds=600,
    ):
        error, status = _("Beaucoup d'inscriptions en peu de temps : réessayez dans quelques minutes."), 429
    elif request.method == "POST":
        values = {key: request.POST.get(key, "")[:120] for key in values}
        try:
            registration = register(event=found, language=translation.get_language() or "fr", **values)
        except RegistrationRefused as refused:
            error = refused.message
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("C'est noté : votre place est réservée. L'invitation arrive par e-mail.")
                )
            else:
                messages.info(
                    request,
                    _("La soirée est complète : vous êtes sur la liste d'attente, nous vous écrirons."),
                )
            return redirect(found.get_absolute_url())
    base = base_url(request)
    url = base + found.get_absolute_url()
    description = describe(plain_text(found.description), found.title)
    image_url = base + found.fallback_url if found.cover else ""  # a rendition of known size, as for products
    meta = PageMeta(
        title=page_title(name=found.title, shop_name=settings.SHOP_NAME),
        description=description,
        canonical_url=url,
        image_url=image_url,
        image_alt=found.cover_alt,
        json_ld=[
            event_json_ld(
                name=found.title,
                url=url,
                description=description,
                starts=found.starts_at,
                ends=found.ends_at,
                place=found.place_name,
                address=found.address,
                organizer=settings.SHOP_NAME,
                is_full=found.seats_left == 0,
                image_url=image_url,
            ),
            breadcrumb_list(
                base_url=base,
                trail=[
                    (_("Accueil"), reverse("storefront:home")),
                    (_("Les rencontres"), reverse("storefront:events")),
                    (found.title, found.get_absolute_url()),
                ],
            ),
        ],
    )
    return render(
        request,
        "storefront/events/detail.html",
        {
            "event": found,
            "blocks": render_markdown(found.description),
            "error": error,
            "values": values,
            "alternates": alternate_urls(request, found),
            "page_meta": meta,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def event_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_for_token(token=token)
    if registration is None:
        raise Http404(_("Ce lien n'est plus valable."))
    if request.method == "POST":
        cancel_registration(token=token)
        messages.success(
            request, _("Votre place est libérée. Merci de l'avoir dit : quelqu'un en profitera.")
        )
        return redirect(registration.event.get_absolute_url())
    response = render(request, "storefront/events/cancel.html", {"registration": registration})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def events_calendar(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        event_calendar(events=upcoming_events()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="rencontres.ics"'
    return response

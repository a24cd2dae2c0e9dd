"""The go-live checklist (« Ouverture »): what stands between the founder and an open shop, each with
its fix; « Retirer la démo », the test email, and « Ouvrir la boutique » once every item is done.

Owner only, but the test email's confirmation link: she may open it on her phone, signed out; its
signature is what proves it came from the email.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptoir.golive.checklist import go_live_checklist, is_ready
from comptoir.golive.services.demo_rows import remove_demo
from comptoir.golive.services.launch import (
    InvalidConfirmation,
    NotReady,
    TestEmailFailed,
    check_confirmation,
    confirm_test_email,
    launch_state,
    open_shop,
    send_test_email,
)
from comptoir.golive.services.legal_pages import write_legal_pages


def _owner_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


@staff_member_required
@require_GET
def go_live(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    items = go_live_checklist()
    rows = [{"item": item, "fix": reverse(item.fix_url) if item.fix_url else ""} for item in items]
    return render(
        request,
        "backoffice/go_live.html",
        {
            "rows": rows,
            "done": sum(item.is_done for item in items),
            "total": len(items),
            "ready": is_ready(items),
            "state": launch_state(),
        },
    )


@staff_member_required
@require_POST
def go_live_remove_demo(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    removal = remove_demo(keep_user_ids=frozenset({int(request.user.pk or 0)}))
    removed = ", ".join(f"{kind} : {count}" for kind, count in removal.removed.items())
    messages.success(request, _("Démonstration retirée (%(removed)s).") % {"removed": removed or "0"})
    if removal.kept:
        messages.info(
            request,
            _("%(count)d élément(s) de la démonstration restent : vos propres commandes en ont besoin.")
            % {"count": removal.kept},
        )
    return redirect("backoffice:go_live")


@staff_member_required
@require_POST
def go_live_write_legal_pages(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    written = write_legal_pages(contact_email=request.user.email)  # type: ignore[union-attr]
    messages.success(
        request,
        _("%(count)d page(s) légale(s) rédigée(s) : relisez-les et complétez ce qui reste « [à compléter] ».")
        % {"count": written},
    )
    return redirect("backoffice:go_live")


@staff_member_required
@require_POST
def go_live_send_email(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    email = request.user.email  # type: ignore[union-attr]  # staff_member_required: a signed-in user
    try:
        send_test_email(to=email)
    except TestEmailFailed as error:
        messages.error(request, _("Le serveur de courriel a refusé l'envoi : %(error)s") % {"error": error})
    else:
        messages.success(
            request,
            _("Courriel d'essai envoyé à %(email)s : ouvrez-le et cliquez sur son lien.") % {"email": email},
        )
    return redirect("backoffice:go_live")


@require_http_methods(["GET", "POST"])
def go_live_confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: a mail scanner following links does not confirm for her."""
    try:
        if request.method == "POST":
            confirm_test_email(token=token)
            return render(request, "backoffice/go_live_email.html", {"confirmed": True})
        check_confirmation(token=token)
    except InvalidConfirmation:
        return render(request, "backoffice/go_live_email.html", {"invalid": True}, status=400)
    return render(request, "backoffice/go_live_email.html", {"token": token})


@staff_member_required
@require_POST
def go_live_open(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    try:
        open_shop(ready=is_ready(go_live_checklist()))
    except NotReady:
        messages.error(request, _("La boutique ne peut pas ouvrir : la liste n'est pas terminée."))
        return redirect("backoffice:go_live")
    messages.success(request, _("La boutique est ouverte : les visiteurs la voient désormais."))
    return redirect("backoffice:today")

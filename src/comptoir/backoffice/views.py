"""The founder's cockpit: today's work on one screen, and the batch that turns paid orders into parcels.

Staff only (``staff_member_required``); every action goes through a domain service that records who.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptoir.accounts.models import User
from comptoir.community.models import Comment, CommentStatus, RejectedAttempt
from comptoir.core.uploads import check_text_content, read_text_upload
from comptoir.fulfillment.carriers import (
    coliship_file,
    coliship_fmt,
    generic_csv,
    mondial_relay_file,
    parcel_csv,
)
from comptoir.fulfillment.documents import packing_slips_pdf, pick_list_pdf, shipment_slip_pdf
from comptoir.fulfillment.models import Batch, Shipment
from comptoir.fulfillment.selectors import lines_to_ship, orders_with_backorder
from comptoir.fulfillment.services.packing_check import (
    PackingRefused,
    check_lines,
    mark_packed_after_check,
    scan,
)
from comptoir.fulfillment.services.prepare_batch import orders_to_pack, prepare_batch
from comptoir.fulfillment.services.ship_parcels import ShippingRefused
from comptoir.golive.checklist import go_live_checklist
from comptoir.golive.services.launch import shop_is_open
from comptoir.inventory.selectors import low_stock_records
from comptoir.invoicing.selectors import parcels_of_order
from comptoir.merchandising.catalogue_sheet import (
    CatalogueRefused,
    apply_catalogue_sheet,
    export_catalogue_sheet,
    preview_catalogue_sheet,
)
from comptoir.notifications.models import PendingJob
from comptoir.orders.errors import OrderTransitionRefused, PartShipmentRefused
from comptoir.orders.models import Channel, Order, OrderStatus
from comptoir.orders.selectors import (
    order_history,
    overdue_reseller_orders,
    preordered_quantities,
    preordered_quantities_csv,
)
from comptoir.orders.services.cancel_backorder import cancel_backorder
from comptoir.orders.state import READY_TO_PACK, can_cancel_backorder, can_pack, can_ship_in_parts
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from comptoir.resellers.models import ApplicationStatus, ResellerApplication
from comptoir.reviews.models import Review, ReviewStatus
from comptoir.seo.site_audit import run_site_audit
from comptoir.workflow.services.ship_and_invoice import (
    import_coliship_export_and_invoice,
    ship_part_and_invoice,
    ship_with_tracking_and_invoice,
)

from .forms_shipping import PartShipmentForm

# Packing and shipping: the owner (superuser) and the « Préparation des colis » group.
PACKING = "fulfillment.add_batch"

# What each download of a batch is: file name, content type, how it is drawn from the orders.
DOCUMENTS: dict[str, tuple[str, str, Callable[[Sequence[Order]], bytes]]] = {
    "liste-de-prelevement.pdf": ("application/pdf", "inline", lambda orders: pick_list_pdf(orders=orders)),
    "bons-de-livraison.pdf": ("application/pdf", "inline", lambda orders: packing_slips_pdf(orders=orders)),
    "coliship.csv": ("text/csv", "attachment", lambda orders: coliship_file(orders=orders)),
    "mondial-relay.csv": ("text/csv", "attachment", lambda orders: mondial_relay_file(orders=orders)),
    "commandes.csv": ("text/csv", "attachment", lambda orders: generic_csv(orders=orders)),
}


@staff_member_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    to_pack = Order.objects.filter(status__in=READY_TO_PACK)
    counts = {
        "to_pack": to_pack.filter(channel=Channel.BOUTIQUE).count(),
        "to_pack_resellers": to_pack.filter(channel=Channel.RESELLER).count(),
        "transfers": Payment.objects.filter(
            provider=BankTransferProvider.code, status=PaymentStatus.PENDING
        ).count(),
        "applications": ResellerApplication.objects.filter(status=ApplicationStatus.PENDING).count(),
        "comments": Comment.objects.filter(status=CommentStatus.PENDING).count(),
        "reviews": Review.objects.filter(status=ReviewStatus.PENDING).count(),
        "low_stock": low_stock_records().count(),
        "overdue": overdue_reseller_orders().count(),
        "returns": Order.objects.filter(
            withdrawal_requested_at__isnull=False, status=OrderStatus.DELIVERED
        ).count(),
        "spam_refused": RejectedAttempt.objects.filter(
            created_at__gte=timezone.now() - timedelta(days=7)
        ).count(),
        "mail_waiting": PendingJob.objects.count(),
    }
    # The go-live checklist, until every point is done and the shop is open (owner only).
    go_live_left = 0
    if request.user.is_superuser and not shop_is_open():
        go_live_left = sum(not item.is_done for item in go_live_checklist()) or 1  # 1: « Ouvrir » is left
    return render(request, "backoffice/today.html", {"counts": counts, "go_live_left": go_live_left})


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_http_methods(["GET", "POST"])
def to_pack(request: HttpRequest) -> HttpResponse:
    orders = orders_to_pack()
    if request.method == "POST":
        if "all" in request.POST:
            chosen = [order.pk for order in orders]
        else:
            chosen = [int(value) for value in request.POST.getlist("order") if value.isdecimal()]
        if not chosen:
            messages.error(request, _("Choisissez au moins une commande."))
            return redirect("backoffice:to_pack")
        batch = prepare_batch(order_ids=chosen, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, _("%(count)d commande(s) préparée(s).") % {"count": batch.orders.count()})
        return redirect("backoffice:batch", batch_id=batch.pk)
    return render(
        request,
        "backoffice/to_pack.html",
        {"orders": orders, "batches": Batch.objects.all()[:10], "backorders": orders_with_backorder()},
    )


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_GET
def batch(request: HttpRequest, batch_id: int) -> HttpResponse:
    found = get_object_or_404(Batch, pk=batch_id)
    return render(
        request,
        "backoffice/batch.html",
        {"batch": found, "orders": list(found.orders.order_by("number")), "documents": list(DOCUMENTS)},
    )


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_GET
def batch_document(request: HttpRequest, batch_id: int, document: str) -> HttpResponse:
    found = get_object_or_404(Batch, pk=batch_id)
    if document not in DOCUMENTS:
        raise Http404
    content_type, disposition, draw = DOCUMENTS[document]
    orders = list(found.orders.prefetch_related("lines__variant").order_by("number"))
    response = HttpResponse(draw(orders), content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="lot-{found.pk}-{document}"'
    return response


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_GET
def coliship_format(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(coliship_fmt(), content_type="text/plain")
    response["Content-Disposition"] = 'attachment; filename="comptoir.fmt"'
    return response


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_http_methods(["GET", "POST"])
def to_ship(request: HttpRequest) -> HttpResponse:
    """Packed parcels: a tracking number per order (typed or scanned), or ColiShip's export at once."""
    errors: list[str] = []
    staff = request.user if isinstance(request.user, User) else None
    upload = request.FILES.get("export") if request.method == "POST" else None
    if upload is not None:
        try:
            content = read_text_upload(upload=upload)
            shipped = import_coliship_export_and_invoice(content=content, actor=staff)
        except ValidationError as refused:
            errors = refused.messages
        except ShippingRefused as refused:
            errors = refused.messages
        else:
            messages.success(
                request,
                _("%(count)d colis expédié(s) ; les clients sont prévenus.") % {"count": len(shipped)},
            )
            return redirect("backoffice:to_ship")
    elif request.method == "POST":
        order = get_object_or_404(
            Order, pk=request.POST.get("order", "0") if request.POST.get("order", "").isdecimal() else 0
        )
        try:
            ship_with_tracking_and_invoice(
                order=order, tracking_number=request.POST.get("tracking", ""), actor=staff
            )
        except ShippingRefused as refused:
            errors = refused.messages
        else:
            messages.success(
                request, _("%(number)s expédiée ; le client est prévenu.") % {"number": order.number}
            )
            return redirect("backoffice:to_ship")
    packed = Order.objects.filter(status=OrderStatus.PACKED).order_by("packed_at", "pk")
    return render(request, "backoffice/to_ship.html", {"orders": packed, "errors": errors})


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_http_methods(["GET", "POST"])
def packing(request: HttpRequest, order_id: int) -> HttpResponse:
    """One order's packing screen: scan each piece; the order is packed once every line is ticked.

    A reseller's order may also leave in parts from here (``ship_part``).
    """
    order = get_object_or_404(Order, pk=order_id)
    staff = request.user if isinstance(request.user, User) else None
    alert = ""
    if request.method == "POST" and "code" in request.POST:
        try:
            scan(order=order, code=request.POST["code"])
        except PackingRefused as refused:
            alert = refused.message
    elif request.method == "POST":
        try:
            mark_packed_after_check(order=order, actor=staff, override="override" in request.POST)
        except PackingRefused as refused:
            alert = refused.message
        else:
            messages.success(request, _("%(number)s emballée.") % {"number": order.number})
            return redirect("backoffice:to_pack")
    return _packing_page(request, order=order, alert=alert)


def _packing_page(
    request: HttpRequest, *, order: Order, alert: str = "", part_form: PartShipmentForm | None = None
) -> HttpResponse:
    lines = check_lines(order=order)
    shippable_in_parts = order.is_reseller and can_ship_in_parts(order.status)
    if part_form is None and shippable_in_parts:
        part_form = PartShipmentForm(lines=lines_to_ship(order=order))
    return render(
        request,
        "backoffice/packing.html",
        {
            "order": order,
            "lines": lines,
            "alert": alert,
            "all_done": all(line.is_done for line in lines),
            "history": order_history(order=order),
            "part_form": part_form if shippable_in_parts else None,
            "parcels": parcels_of_order(order_id=order.pk),
            "can_cancel_backorder": can_cancel_backorder(order.status),
            "can_pack": can_pack(order.status),
        },
        status=422 if alert or (part_form is not None and part_form.errors) else 200,
    )


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_POST
def ship_part_view(request: HttpRequest, order_id: int) -> HttpResponse:
    """« Expédier ce colis »: the quantities typed per line leave now, with their own invoice."""
    order = get_object_or_404(Order, pk=order_id, channel=Channel.RESELLER)
    staff = request.user if isinstance(request.user, User) else None
    form = PartShipmentForm(request.POST, lines=lines_to_ship(order=order))
    if not form.is_valid():
        return _packing_page(request, order=order, part_form=form)
    try:
        shipment = ship_part_and_invoice(
            order=order,
            quantities=form.quantities(),
            tracking_number=form.cleaned_data["tracking"],
            actor=staff,
        )
    except PartShipmentRefused as refused:
        order.refresh_from_db()
        return _packing_page(request, order=order, alert=" ".join(refused.messages))
    messages.success(
        request, _("Colis %(reference)s expédié ; le client est prévenu.") % {"reference": shipment.reference}
    )
    return redirect("backoffice:packing", order_id=order.pk)


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_POST
def cancel_backorder_view(request: HttpRequest, order_id: int) -> HttpResponse:
    """« Annuler le reliquat »: what still waits will not ship; its pieces go back on sale."""
    order = get_object_or_404(Order, pk=order_id, channel=Channel.RESELLER)
    staff = request.user if isinstance(request.user, User) else None
    try:
        cancel_backorder(
            order=order, actor=staff, actor_label="staff", reason=request.POST.get("reason", "")[:200]
        )
    except OrderTransitionRefused as refused:
        return _packing_page(request, order=order, alert=refused.message)
    messages.success(
        request, _("Reliquat de %(number)s annulé ; le stock est libéré.") % {"number": order.number}
    )
    return redirect("backoffice:packing", order_id=order.pk)


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_GET
def shipment_slip(request: HttpRequest, order_id: int, position: int) -> HttpResponse:
    """One parcel's packing slip: what is in the box, and what still waits."""
    shipment = get_object_or_404(
        Shipment.objects.select_related("order"), order_id=order_id, position=position
    )
    response = HttpResponse(shipment_slip_pdf(shipment=shipment), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bon-de-livraison-{shipment.reference}.pdf"'
    return response


@staff_member_required
@permission_required(PACKING, raise_exception=True)
@require_GET
def shipment_csv(request: HttpRequest, order_id: int, position: int) -> HttpResponse:
    """One parcel for the carrier's tool: its reference, address, weight and pieces."""
    shipment = get_object_or_404(
        Shipment.objects.select_related("order"), order_id=order_id, position=position
    )
    response = HttpResponse(parcel_csv(shipment=shipment), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="colis-{shipment.reference}.csv"'
    return response


@staff_member_required
@require_http_methods(["GET", "POST"])
def seo_audit(request: HttpRequest) -> HttpResponse:
    """The SEO audit on demand (it walks every public page: a few seconds on a real catalogue)."""
    if not request.user.is_superuser:
        raise PermissionDenied  # the owner's tool: packing staff only pack and ship
    problems = run_site_audit() if request.method == "POST" else None
    return render(request, "backoffice/seo_audit.html", {"problems": problems})


@staff_member_required
@require_http_methods(["GET", "POST"])
def stock_sheet(request: HttpRequest) -> HttpResponse:
    """The catalogue as CSV: export; import the edited file, a preview first, then all or nothing."""
    if not request.user.is_superuser:
        raise PermissionDenied  # prices are the owner's
    if request.GET.get("export"):
        response = HttpResponse(export_catalogue_sheet(), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="catalogue.csv"'
        return response
    errors: list[str] = []
    outcome = None
    sheet = ""
    if request.method == "POST":
        upload = request.FILES.get("sheet")
        try:
            if upload is not None:
                content = read_text_upload(upload=upload)
            else:  # the previewed file, sent back to be confirmed: checked again, it came from the browser
                content = base64.b64decode(request.POST.get("content", ""), validate=False)
                check_text_content(content)
            if "confirm" in request.POST:
                done = apply_catalogue_sheet(content=content, actor=request.user)  # type: ignore[arg-type]
                messages.success(
                    request,
                    _("Catalogue importé : %(new)d variante(s) créée(s), %(updated)d relue(s).")
                    % {"new": done.new, "updated": done.updated},
                )
                return redirect("backoffice:stock_sheet")
            outcome = preview_catalogue_sheet(content=content)
            sheet = base64.b64encode(content).decode()
        except ValidationError as refused:
            errors = refused.messages
        except CatalogueRefused as refused:
            errors = refused.messages
    return render(
        request, "backoffice/stock_sheet.html", {"errors": errors, "outcome": outcome, "sheet": sheet}
    )


@staff_member_required
@require_GET
def preorders(request: HttpRequest) -> HttpResponse:
    """Pre-ordered pieces per variant and delivery window, for the workshop; ``?export=1`` as CSV."""
    if not request.user.is_superuser:
        raise PermissionDenied  # the owner plans the season
    if request.GET.get("export"):
        response = HttpResponse(preordered_quantities_csv(), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="precommandes.csv"'
        return response
    return render(request, "backoffice/preorders.html", {"rows": preordered_quantities()})

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import CreditNote, Invoice
from .pdf import invoice_pdf


class ReadOnlyDocumentAdmin(admin.ModelAdmin):
    """Issued documents are read, downloaded, never edited or deleted (a correction is a credit note)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyDocumentAdmin):
    list_display = ("number", "issued_at", "order", "total_gross", "pdf_link")
    search_fields = ("number", "order__number", "buyer__email")
    date_hierarchy = "issued_at"

    def get_urls(self):  # type: ignore[no-untyped-def]
        pdf = path(
            "<int:invoice_id>/pdf/",
            self.admin_site.admin_view(self.download_pdf),
            name="invoicing_invoice_pdf",
        )
        return [pdf, *super().get_urls()]

    def download_pdf(self, request: HttpRequest, invoice_id: int) -> HttpResponse:
        # admin_view only lets staff in; the invoice itself asks the permission its list asks.
        if not self.has_view_permission(request):
            raise PermissionDenied
        invoice = get_object_or_404(Invoice, pk=invoice_id)
        response = HttpResponse(invoice_pdf(invoice=invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{invoice.number}.pdf"'
        return response

    @admin.display(description=_("PDF"))
    def pdf_link(self, invoice: Invoice) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:invoicing_invoice_pdf", args=[invoice.pk]), invoice.number
        )


@admin.register(CreditNote)
class CreditNoteAdmin(ReadOnlyDocumentAdmin):
    list_display = ("number", "issued_at", "invoice", "total_gross", "reason")

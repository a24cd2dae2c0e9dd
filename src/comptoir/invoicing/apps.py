from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicingConfig(AppConfig):
    name = "comptoir.invoicing"
    label = "invoicing"
    verbose_name = _("Factures")

    def ready(self) -> None:
        from comptoir.orders.emails import register_bank_account, register_email_attachments

        from .attachments import invoice_for_email
        from .seller import bank_account

        register_email_attachments(invoice_for_email)
        register_bank_account(bank_account)

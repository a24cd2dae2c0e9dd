"""How VAT applies to a sale, from the buyer's situation: the wholesale policy picks the rate from it,
orders and invoices copy it, invoices print its mention. A company carries one (``resellers``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxRegime(models.TextChoices):
    """How VAT applies to a sale, from the buyer's situation; invoices print the matching mention."""

    DOMESTIC = "domestic", _("TVA française")
    INTRA_EU = "intra_eu", _("Livraison intracommunautaire exonérée (art. 262 ter I du CGI)")
    EXPORT = "export", _("Exportation exonérée (art. 262 I du CGI)")

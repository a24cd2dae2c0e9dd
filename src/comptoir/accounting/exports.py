"""The two files the accountant asks for: the sales journal (CSV) and the FEC (Fichier des écritures
comptables, article A47 A-1 of the Livre des procédures fiscales)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.invoicing.models import CreditNote, Invoice
from comptoir.orders.models import payment_method_label

from .ledger import ZERO, credit_notes_in, customer_name, invoices_in, ledger

# The 18 columns, in the order and spelling the norm sets.
FEC_COLUMNS = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)
FEC_ENCODING = "iso-8859-15"  # one of the encodings the norm accepts; every French letter fits


def _amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _clean(text: str) -> str:
    """No tab, no line break inside a field: they separate fields and records."""
    return " ".join(str(text).split())


def fec_filename(*, siren: str, end: dt.date) -> str:
    """« SirenFECAAAAMMJJ.txt », the date being the fiscal year's closing day."""
    return f"{siren}FEC{_day(end)}.txt"


def fec_file(*, start: dt.date, end: dt.date) -> bytes:
    """Every entry of the fiscal year, one line per debit or credit, tab-separated, CR LF records."""
    out = io.StringIO()
    out.write("\t".join(FEC_COLUMNS) + "\r\n")
    for entry in ledger(start=start, end=end):
        for line in entry.lines:
            fields = (
                entry.journal,
                entry.journal_label,
                entry.number,
                _day(entry.date),
                line.account,
                line.account_label,
                line.auxiliary,
                line.auxiliary_label,
                entry.reference,
                _day(entry.reference_date),
                entry.label,
                _amount(line.debit),
                _amount(line.credit),
                "",
                "",
                _day(entry.date),
                "",
                "",
            )
            out.write("\t".join(_clean(field) for field in fields) + "\r\n")
    return out.getvalue().encode(FEC_ENCODING, errors="replace")


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def sales_journal_csv(*, start: dt.date, end: dt.date) -> bytes:
    """One row per invoice and credit note of the period (credit notes negative), HT per VAT rate."""
    documents: list[Invoice | CreditNote] = [
        *invoices_in(start=start, end=end),
        *credit_notes_in(start=start, end=end),
    ]
    documents.sort(key=lambda document: (document.issued_at, document.number))
    rates = sorted({Decimal(row["rate"]) for document in documents for row in document.vat_breakdown})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Date"),
            _("Numéro"),
            _("Type"),
            _("Client"),
            *[_("HT %(rate)s %%") % {"rate": _percent(rate)} for rate in rates],
            _("TVA"),
            _("TTC"),
            _("Moyen de paiement"),
            _("Payée"),
        ]
    )
    for document in documents:
        invoice = document if isinstance(document, Invoice) else document.invoice
        order = invoice.order
        net_by_rate = {Decimal(row["rate"]): Decimal(row["net"]) for row in document.vat_breakdown}
        if isinstance(document, Invoice):
            settled = order is not None and order.paid_at is not None
        else:
            settled = order is not None and order.refunded_at is not None
        writer.writerow(
            [
                timezone.localdate(document.issued_at).strftime("%d/%m/%Y"),
                document.number,
                _("Facture") if isinstance(document, Invoice) else _("Avoir"),
                customer_name(invoice.buyer),
                *[_amount(net_by_rate.get(rate, ZERO)) for rate in rates],
                _amount(document.total_vat),
                _amount(document.total_gross),
                payment_method_label(invoice.payment_method),
                _("oui") if settled else _("non"),
            ]
        )
    return out.getvalue().encode("utf-8-sig")

"""The accountant's files: every FEC entry balances, the 18 columns in order; the sales journal adds up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comptoir.accounting.exports import FEC_COLUMNS, fec_file, fec_filename, sales_journal_csv
from comptoir.accounting.ledger import ledger
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.resellers.models import TaxRegime
from comptoir.workflow.services.pay_order import mark_payment_paid
from comptoir.workflow.services.refund_order_payments import refunded_with_credit_note
from tests.factories.payments import PaymentFactory
from tests.invoicing.company_orders import company_order

pytestmark = pytest.mark.django_db


def a_year_of_sales() -> dict[str, object]:
    """A boutique order paid by transfer, then returned and refunded; a French and a German reseller."""
    payment = PaymentFactory(
        provider="bank_transfer", status=PaymentStatus.PENDING, order__payment_method="bank_transfer"
    )
    mark_payment_paid(payment_id=payment.pk, actor_label="staff")
    boutique = payment.order
    Order.objects.filter(pk=boutique.pk).update(status=OrderStatus.RETURNED)
    refunded_with_credit_note(order=Order.objects.get(pk=boutique.pk), actor=None, actor_label="staff")
    french = issue_invoice_for_order(order=company_order(regime=TaxRegime.DOMESTIC, lines=[(12, "40.00")]))
    german = issue_invoice_for_order(order=company_order(regime=TaxRegime.INTRA_EU, lines=[(6, "52.50")]))
    return {"boutique": boutique, "french": french, "german": german}


def this_year() -> tuple[dt.date, dt.date]:
    year = timezone.localdate().year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def test_every_entry_balances_and_names_its_accounts():
    a_year_of_sales()
    entries = ledger(start=this_year()[0], end=this_year()[1])
    assert [entry.number for entry in entries if entry.journal == "VE"] == [
        "VE000001",
        "VE000002",
        "VE000003",
        "VE000004",
    ]
    assert [entry.number for entry in entries if entry.journal == "BQ"] == ["BQ000001", "BQ000002"]
    assert all(entry.is_balanced for entry in entries)
    boutique = next(
        entry for entry in entries if entry.label.startswith("Facture") and "Camille" in entry.label
    )
    assert {(line.account, line.debit, line.credit) for line in boutique.lines} == {
        ("411000", Decimal("100.90"), Decimal("0.00")),
        ("707100", Decimal("0.00"), Decimal("79.17")),
        ("708500", Decimal("0.00"), Decimal("4.92")),
        ("445711", Decimal("0.00"), Decimal("16.81")),
    }
    credit_note = next(entry for entry in entries if entry.label.startswith("Avoir"))
    assert {(line.account, line.debit, line.credit) for line in credit_note.lines} == {
        ("411000", Decimal("0.00"), Decimal("100.90")),
        ("707100", Decimal("79.17"), Decimal("0.00")),
        ("708500", Decimal("4.92"), Decimal("0.00")),
        ("445711", Decimal("16.81"), Decimal("0.00")),
    }
    german = next(
        entry
        for entry in entries
        if "C0" in "".join(line.auxiliary for line in entry.lines)
        and any(line.account == "707200" for line in entry.lines)
    )
    assert {(line.account, line.debit, line.credit) for line in german.lines} == {
        ("411000", Decimal("315.00"), Decimal("0.00")),
        ("707200", Decimal("0.00"), Decimal("315.00")),
    }
    bank = [entry for entry in entries if entry.journal == "BQ"]
    assert {(line.account, line.debit, line.credit) for line in bank[0].lines} == {
        ("512000", Decimal("100.90"), Decimal("0.00")),
        ("411000", Decimal("0.00"), Decimal("100.90")),
    }
    assert {(line.account, line.debit, line.credit) for line in bank[1].lines} == {
        ("411000", Decimal("100.90"), Decimal("0.00")),
        ("512000", Decimal("0.00"), Decimal("100.90")),
    }


def test_the_fec_has_the_18_columns_in_order_one_line_per_debit_or_credit():
    a_year_of_sales()
    start, end = this_year()
    text = fec_file(start=start, end=end).decode("iso-8859-15")
    rows = [row.split("\t") for row in text.split("\r\n") if row]
    assert rows[0] == list(FEC_COLUMNS) and len(FEC_COLUMNS) == 18
    assert FEC_COLUMNS[0] == "JournalCode" and FEC_COLUMNS[-1] == "Idevise"
    assert all(len(row) == 18 for row in rows)
    body = rows[1:]
    assert len(body) == 4 + 4 + 3 + 2 + 2 + 2  # four sales entries, two bank entries
    for row in body:
        debit, credit = (Decimal(row[index].replace(",", ".")) for index in (11, 12))
        assert (debit == 0) != (credit == 0)  # one side per line
    by_entry: dict[str, Decimal] = {}
    for row in body:
        by_entry[row[2]] = (
            by_entry.get(row[2], Decimal(0))
            + Decimal(row[11].replace(",", "."))
            - Decimal(row[12].replace(",", "."))
        )
    assert by_entry and all(balance == 0 for balance in by_entry.values())
    assert body[0][3] == start.strftime("%Y")[:4] + body[0][3][4:]  # AAAAMMJJ dates
    assert len(body[0][3]) == 8
    assert fec_filename(siren="732829320", end=end) == f"732829320FEC{end:%Y%m%d}.txt"


def test_the_sales_journal_lists_every_document_with_ht_per_rate():
    a_year_of_sales()
    start, end = this_year()
    text = sales_journal_csv(start=start, end=end).decode("utf-8-sig")
    rows = [row.split(";") for row in text.strip().split("\r\n")]
    assert rows[0] == [
        "Date",
        "Numéro",
        "Type",
        "Client",
        "HT 0 %",
        "HT 20 %",
        "TVA",
        "TTC",
        "Moyen de paiement",
        "Payée",
    ]
    numbers = [row[1] for row in rows[1:]]
    assert sorted(numbers) == [f"A{start.year}-000001"] + [f"F{start.year}-00000{n}" for n in (1, 2, 3)]
    boutique = next(row for row in rows if row[1] == f"F{start.year}-000001")
    assert boutique[3:] == ["Camille Durand", "0,00", "84,09", "16,81", "100,90", "virement bancaire", "oui"]
    credit_note = next(row for row in rows if row[1].startswith("A"))
    assert credit_note[2:] == [
        "Avoir",
        "Camille Durand",
        "0,00",
        "-84,09",
        "-16,81",
        "-100,90",
        "virement bancaire",
        "oui",
    ]
    french = next(row for row in rows if row[5] == "480,00")
    assert french[6:] == ["96,00", "576,00", "virement bancaire", "non"]


def test_both_files_come_from_management_commands(tmp_path):
    a_year_of_sales()
    start, end = this_year()
    out = StringIO()
    call_command("export_fec", str(start.year), "--output-dir", str(tmp_path), stdout=out)
    assert (tmp_path / f"732829320FEC{end:%Y%m%d}.txt").read_bytes() == fec_file(start=start, end=end)
    call_command(
        "export_sales_journal",
        start.isoformat(),
        end.isoformat(),
        "--output",
        str(tmp_path / "j.csv"),
        stdout=out,
    )
    assert (tmp_path / "j.csv").read_bytes() == sales_journal_csv(start=start, end=end)


def test_a_period_without_sales_gives_headers_only():
    text = fec_file(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)).decode("iso-8859-15")
    assert text == "\t".join(FEC_COLUMNS) + "\r\n"
    assert Payment.objects.count() == 0

"""Factur-X for company invoices: the EN 16931 CII XML, embedded in the PDF/A-3 WeasyPrint draws.

The XML is built by the ``factur-x`` library from a dict keyed by the norm's business terms (BT-1,
BG-23…): its input format changes between versions, hence the exact pin in pyproject.toml. Every figure
comes from the frozen invoice, so the XML's totals are the PDF's.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from facturx import generate_from_binary
from facturx.generate_xml import generate_cii_xml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import StreamObject
from stdnum import iban

from comptoir.resellers.models import PaymentTerms, TaxRegime

from .models import CreditNote, DocumentLine, Invoice, LineKind

EN16931 = "urn:cen.eu:en16931:2017"
INVOICE_TYPE = "380"  # UNTDID 1001: commercial invoice
CREDIT_NOTE_TYPE = "381"  # UNTDID 1001: credit note
CREDIT_TRANSFER = "30"  # UNTDID 4461
PIECE = "H87"  # UN/ECE rec. 20: piece
SIREN_SCHEME = "0002"  # ISO 6523: SIRENE (INSEE)
SIRET_SCHEME = "0009"  # ISO 6523: SIRET
# The French reform's electronic addresses (BT-34, BT-49): the directory's (annuaire) SIREN-based
# address, scheme 0225; a buyer without a SIREN (abroad) is reached at its email (EAS « EM »).
FR_DIRECTORY_SCHEME = "0225"
EMAIL_SCHEME = "EM"
# The reform's billing modes (BT-23): a goods invoice (B1), a goods invoice already paid (B2).
GOODS = "B1"
GOODS_ALREADY_PAID = "B2"

# UNTDID 5305 VAT categories, and the exemption codes EN 16931 asks of exempt ones.
CATEGORY: dict[str, str] = {TaxRegime.DOMESTIC: "S", TaxRegime.INTRA_EU: "K", TaxRegime.EXPORT: "G"}
EXEMPTION: dict[str, tuple[str, str]] = {
    TaxRegime.INTRA_EU: ("VATEX-EU-IC", "Exonération de TVA, article 262 ter I du CGI"),
    TaxRegime.EXPORT: ("VATEX-EU-G", "Exonération de TVA, article 262 I du CGI"),
}
# French notes (BR-FR-05): penalties (PMD), recovery fee (PMT), early-payment discount (AAB).
NOTE_SUBJECTS = (
    ("recouvrement", "PMT"),
    ("recovery", "PMT"),
    ("pénalités", "PMD"),
    ("penalties", "PMD"),
    ("escompte", "AAB"),
    ("discount", "AAB"),
)


def _money(amount: Decimal) -> str:
    return f"{Decimal(amount) + 0:.2f}"  # + 0: a credited zero is 0.00, never -0.00 (BR-IC-09)


def _percent(rate: Decimal | str) -> str:
    return f"{Decimal(rate) * 100:.2f}"


def _category(invoice: Invoice, rate: Decimal | str) -> str:
    if Decimal(rate) > 0:
        return "S"
    return CATEGORY.get(invoice.tax_regime, "Z")


def _postal(lines: list[str], country: str) -> dict[str, str]:
    """A free-text address (« 12 rue Oberkampf\\n75011 Paris\\nFrance ») as the norm's fields."""
    street: list[str] = []
    postcode = city = ""
    for line in (line.strip() for line in lines if line.strip()):
        found = re.match(r"^(\d{4,5})\s+(.+)$", line)
        if found and not postcode:
            postcode, city = found.groups()
        elif not postcode:
            street.append(line)
    address = {"country_code": country, "postcode": postcode, "city": city}
    for key, value in zip(("addr_l1", "addr_l2", "addr_l3"), street, strict=False):
        address[key] = value
    return {key: value for key, value in address.items() if value}


def _party_address(postal: dict[str, str]) -> dict[str, str]:
    address = {
        "addr_l1": postal.get("line1", ""),
        "addr_l2": postal.get("line2", ""),
        "postcode": postal.get("postcode", ""),
        "city": postal.get("city", ""),
        "country_code": (postal.get("country") or "FR").upper(),
    }
    return {key: value for key, value in address.items() if value}


def _seller(invoice: Invoice) -> dict[str, Any]:
    seller = invoice.seller
    party: dict[str, Any] = {
        "name": seller["name"],
        "legal_identifier": seller.get("siren", ""),
        "legal_identifier_schemeid": SIREN_SCHEME,
        "vat_identifier": seller.get("vat_number", ""),
        "legal_info": " · ".join(
            part
            for part in (
                f"{seller.get('legal_form', '')} au capital de {seller.get('share_capital', '')}".strip(),
                seller.get("rcs", ""),
            )
            if part and not part.startswith("au capital de")
        ),
    }
    if seller.get("siren"):
        party.update(einvoicing_addr=seller["siren"], einvoicing_addr_schemeid=FR_DIRECTORY_SCHEME)
    party.update(_postal(seller.get("address", "").splitlines(), "FR"))
    if seller.get("siret"):
        party["identifiers"] = {SIRET_SCHEME: seller["siret"]}
    return {key: value for key, value in party.items() if value}


def _buyer(invoice: Invoice) -> dict[str, Any]:
    buyer = invoice.buyer
    party: dict[str, Any] = {
        "name": buyer.get("company") or buyer.get("name", ""),
        "vat_identifier": buyer.get("vat_number", ""),
    }
    if buyer.get("siren"):
        party.update(legal_identifier=buyer["siren"], legal_identifier_schemeid=SIREN_SCHEME)
        party.update(einvoicing_addr=buyer["siren"], einvoicing_addr_schemeid=FR_DIRECTORY_SCHEME)
    elif buyer.get("email"):
        party.update(einvoicing_addr=buyer["email"], einvoicing_addr_schemeid=EMAIL_SCHEME)
    party.update(_party_address(buyer.get("postal") or {}))
    return {key: value for key, value in party.items() if value}


def _line(invoice: Invoice, line: DocumentLine, sign: int = 1) -> dict[str, Any]:
    return {
        "BT-126": str(line.position),
        "BT-129": str(line.quantity * sign),
        "BT-130": PIECE,
        "BT-131": _money(line.total_net * sign),
        "BT-146": f"{line.unit_net:.2f}",
        "BT-151": _category(invoice, line.vat_rate),
        "BT-152": _percent(line.vat_rate),
        "BT-153": line.description,
        **({"BT-155": line.sku} if line.sku else {}),
    }


def _notes(invoice: Invoice) -> list[dict[str, str]]:
    notes = []
    for mention in invoice.mentions:
        subject = next((code for word, code in NOTE_SUBJECTS if word in mention.lower()), "")
        notes.append({"BT-22": mention, **({"BT-21": subject} if subject else {})})
    return notes


def invoice_data(*, invoice: Invoice, credit_note: CreditNote | None = None) -> dict[str, Any]:
    """The invoice (or a credit note on it) as EN 16931 business terms, every figure from the frozen
    document. A credit note (type 381) states positive amounts: its own lines are negative, so every
    figure is turned round."""
    document: Invoice | CreditNote = credit_note or invoice
    sign = -1 if credit_note is not None else 1
    all_lines = list(document.lines.all())
    lines = [line for line in all_lines if line.kind != LineKind.DISCOUNT]
    discounts = [line for line in all_lines if line.kind == LineKind.DISCOUNT]
    lines_net = sum((line.total_net * sign for line in lines), Decimal("0"))
    allowances = -sum((line.total_net * sign for line in discounts), Decimal("0"))
    # Paid when issued, or not: a later payment changes the order, never the issued invoice.
    paid = credit_note is None and invoice.paid_when_issued
    total_gross = document.total_gross * sign
    data: dict[str, Any] = {
        "BT-24": EN16931,
        "BT-23": GOODS_ALREADY_PAID if paid else GOODS,
        "BT-1": document.number,
        "BT-2": timezone.localdate(document.issued_at),
        "BT-3": CREDIT_NOTE_TYPE if credit_note is not None else INVOICE_TYPE,
        "BT-5": invoice.currency,
        "BG-4": _seller(invoice),
        "BG-7": _buyer(invoice),
        "BG-1": _notes(invoice) if credit_note is None else _credit_note_notes(invoice, credit_note),
        "BG-25": [_line(invoice, line, sign) for line in lines],
        "BG-20": [
            {
                "amount": _money(-line.total_net * sign),
                "reason": line.description,
                "vat_category_code": _category(invoice, line.vat_rate),
                "vat_rate": _percent(line.vat_rate),
            }
            for line in discounts
        ],
        "BG-23": [_vat_row(invoice, row, sign) for row in document.vat_breakdown],
        "BT-106": _money(lines_net),
        "BT-107": _money(allowances),
        "BT-109": _money(document.total_net * sign),
        "BT-110": _money(document.total_vat * sign),
        "BT-112": _money(total_gross),
        "BT-113": _money(total_gross if paid else Decimal("0")),
        "BT-115": _money(Decimal("0") if paid else total_gross),
        "BT-83": document.number,
    }
    if credit_note is not None:
        data["BG-3"] = [{"BT-25": invoice.number, "BT-26": timezone.localdate(invoice.issued_at)}]
        return _with_delivery(data, invoice)
    if invoice.purchase_order_reference:
        data["BT-13"] = invoice.purchase_order_reference
    if invoice.order is not None:
        data["BT-14"] = invoice.order.number
    if invoice.due_date:
        data["BT-9"] = invoice.due_date
    if invoice.payment_terms:
        data["BT-20"] = str(PaymentTerms(invoice.payment_terms).label)
    _with_delivery(data, invoice)
    if invoice.seller.get("iban"):
        data["BT-81"] = CREDIT_TRANSFER
        data["BT-84"] = iban.compact(invoice.seller["iban"])
        if invoice.seller.get("bank_holder"):
            data["BT-85"] = invoice.seller["bank_holder"]
        if invoice.seller.get("bic"):
            data["BT-86"] = invoice.seller["bic"]
    return data


def _with_delivery(data: dict[str, Any], invoice: Invoice) -> dict[str, Any]:
    """The delivery (date and place) the invoice states; an intra-EU supply must name both (BR-IC-11/12)."""
    if invoice.delivery_date:
        data["BT-72"] = invoice.delivery_date
    elif invoice.period_start and invoice.period_end:  # invoiced before its goods left
        data["BT-73"], data["BT-74"] = invoice.period_start, invoice.period_end
    delivery = invoice.delivery_address or (invoice.buyer.get("postal") or {})
    if delivery:
        name = delivery.get("company") or " ".join(
            part for part in (delivery.get("first_name"), delivery.get("last_name")) if part
        )
        data["BG-13"] = {"name": name or _buyer(invoice)["name"], **_party_address(delivery)}
    return data


def _credit_note_notes(invoice: Invoice, credit_note: CreditNote) -> list[dict[str, str]]:
    """Its reason, then the invoice's notes: the exemption it reverses, and the payment terms' notes
    (penalties, recovery fee, no discount) the French reform asks of every company document."""
    return [{"BT-22": credit_note.reason}, *_notes(invoice)]


def _vat_row(invoice: Invoice, row: dict[str, str], sign: int = 1) -> dict[str, str]:
    category = _category(invoice, row["rate"])
    vat = {
        "BT-116": _money(Decimal(row["net"]) * sign),
        "BT-117": _money(Decimal(row["vat"]) * sign),
        "BT-118": category,
        "BT-119": _percent(row["rate"]),
    }
    if category in ("K", "G"):
        code, text = EXEMPTION[invoice.tax_regime]
        vat.update({"BT-121": code, "BT-120": text})
    return vat


def invoice_xml(*, invoice: Invoice, credit_note: CreditNote | None = None) -> bytes:
    """The CII XML, checked against the schema the library ships (an invalid one raises)."""
    data = invoice_data(invoice=invoice, credit_note=credit_note)
    xml = generate_cii_xml(data, level="en16931", check_xsd=True, check_schematron=None)
    return xml if isinstance(xml, bytes) else bytes(xml)


def facturx_pdf(*, pdf: bytes, invoice: Invoice, credit_note: CreditNote | None = None) -> bytes:
    """The PDF/A-3b invoice with its XML embedded as factur-x.xml: one file for eyes and machines."""
    number = (credit_note or invoice).number
    facturx = generate_from_binary(
        pdf,
        invoice_xml(invoice=invoice, credit_note=credit_note),
        flavor="factur-x",
        level="en16931",
        check_xsd=False,  # invoice_xml already checked it
        lang=invoice.language,
        pdf_metadata={
            "author": invoice.seller["name"],
            "keywords": "Factur-X",
            "title": f"{invoice.seller['name']}: {number}",
            "subject": number,
        },
    )
    return _with_agreeing_metadata(facturx)


def _with_agreeing_metadata(pdf: bytes) -> bytes:
    """PDF/A wants the Info dictionary and the XMP to say the same: factur-x leaves WeasyPrint as the
    Info's Producer but writes its own in the XMP, and puts the Keywords in the Info only. The XMP is
    made to state the Info's Producer and Keywords."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    info: dict[str, Any] = dict(writer.metadata or {})
    producer, keywords = str(info.get("/Producer", "")), str(info.get("/Keywords", ""))
    stream = writer.root_object["/Metadata"].get_object()
    if not isinstance(stream, StreamObject):  # factur-x always writes one: nothing to agree with
        return pdf
    xmp = stream.get_data().decode()
    stated = f"<pdf:Producer>{escape(producer)}</pdf:Producer>"
    if keywords:
        stated += f"<pdf:Keywords>{escape(keywords)}</pdf:Keywords>"
    xmp = re.sub(r"<pdf:Producer>.*?</pdf:Producer>", lambda _: stated, xmp, count=1)
    stream.set_data(xmp.encode())
    writer.add_metadata({"/Producer": producer})  # pypdf would otherwise put its own name on write
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

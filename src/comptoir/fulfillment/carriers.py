"""Carrier files: the ColiShip bulk import (and its one-time .FMT), a Mondial Relay list, a plain CSV.

ColiShip: ``;``-separated, values in double quotes, CRLF line ends; one ``EXP`` line per parcel and,
outside the EU customs territory, one ``CN2`` customs line per article (/work/shared/formats/coliship.md).
The encoding is a setting (``COMPTOIR_COLISHIP_ENCODING``): ``utf-8-sig`` or ``latin-1``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.conf import settings

from comptoir.core.addresses import PostalAddress
from comptoir.orders.models import Order
from comptoir.shop.profile import current_profile

from .models import Shipment

# The EU customs territory (France's overseas departments are outside it, as are Monaco's neighbours).
EU_CUSTOMS = frozenset([
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MC", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
])  # fmt: skip
CRLF = "\r\n"
EXP_FIELDS = 41
FMT = (
    "[GENERAL]\r\nDELIMITE=O\r\nSEPARATEUR=59\r\nDELIMITEUR=34\r\nFINDELIGNE=CRLF\r\nUnité poids=G\r\n"
    "CN23=O\r\nEntetLigneColis=EXP\r\nEntetLigneArticle=CN2\r\nUnitePoidsARTICLE=G\r\n"
    "[CHAMPS]\r\n"
    + "".join(
        f"{name}={position}\r\n"
        for position, name in enumerate(
            [
                "EXP", "ReferenceExpedition", "RaisonSocialeExpediteur", "NomCommercialChargeur",
                "PrenomExpediteur", "Adresse1Expediteur", "Adresse2Expediteur", "Adresse3Expediteur",
                "Adresse4Expediteur", "CodePostalExpediteur", "CommuneExpediteur", "CodePaysExpediteur",
                "MailExpediteur", "TelephoneExpediteur", "RaisonSociale", "NomDestinataire", "Prenom",
                "Adresse1", "Adresse2", "Adresse3", "Adresse4", "CodePostal", "Commune", "CodePays",
                "Portable", "Telephone", "Mail", "CodePointRetrait", "CodeProduit", "FTD", "DDP",
                "LangueNotification", "LivraisonAvecSignature", "Poids", "NatureEnvoi", "MontantADV",
                "NumCPASSID", "TagUsers", "CodePorte1", "CodePorte2", "NumEori",
            ],
            start=1,
        )
    )
    + "[CN23]\r\n"
    + "".join(
        f"{name}={position}\r\n"
        for position, name in enumerate(
            [
                "CN2", "CN23Imprimee", "LibelleArticle", "PoidsArticle", "Quantite", "ValeurArticle",
                "PaysOrigine", "Devise", "ReferenceArticle", "NumTarifaire",
            ],
            start=1,
        )
    )
)  # fmt: skip


def _quoted_line(values: Sequence[object]) -> str:
    return ";".join('"' + str(value).replace('"', "'") + '"' for value in values) + CRLF


def needs_customs(country: str) -> bool:
    return country.upper() not in EU_CUSTOMS


def order_weight(order: Order) -> int:
    """Grams: the pieces' weights plus the box."""
    pieces = sum(
        (line.variant.weight_grams if line.variant else 0) * line.quantity for line in order.lines.all()
    )
    return pieces + current_profile().packaging_grams


def coliship_fmt() -> bytes:
    return FMT.encode(settings.COMPTOIR_COLISHIP_ENCODING)


def coliship_file(*, orders: Iterable[Order]) -> bytes:
    sender = current_profile().shipper
    text = ""
    for order in orders:
        if order.shipping_carrier != "colissimo":
            continue
        address = PostalAddress.from_dict(order.shipping_address or {})
        country = address.country.upper()
        exp = [""] * EXP_FIELDS
        exp[0:14] = [
            "EXP", order.number, sender["company"], sender["company"], "",
            sender["line1"], sender["line2"], "", "", sender["postcode"], sender["city"], sender["country"],
            sender["email"], sender["phone"],
        ]  # fmt: skip
        exp[14:27] = [
            address.company, address.last_name, address.first_name, address.line1, address.line2, "", "",
            address.postcode, address.city, country, address.phone, address.phone, order.email,
        ]  # fmt: skip
        exp[27] = ""
        exp[28] = "DOS" if country == "FR" else "COLI"
        exp[31] = "FR" if (order.language or "fr").startswith("fr") else "EN"
        exp[32] = "O"
        exp[33] = str(order_weight(order))
        exp[34] = "3" if needs_customs(country) else ""  # 3 = commercial sale
        text += _quoted_line(exp)
        if needs_customs(country):
            for line in order.lines.all():
                text += _quoted_line(
                    [
                        "CN2", "O", f"{line.product_name} {line.options_label}".strip()[:64],
                        (line.variant.weight_grams if line.variant else 0), line.quantity,
                        f"{line.unit_gross:.2f}", settings.COMPTOIR_ORIGIN_COUNTRY, order.currency, line.sku,
                        settings.COMPTOIR_HS_CODE,
                    ]
                )  # fmt: skip
    return text.encode(settings.COMPTOIR_COLISHIP_ENCODING)


def mondial_relay_file(*, orders: Iterable[Order]) -> bytes:
    """One line per pick-up point parcel, for Mondial Relay's bulk shipment import.

    Columns: order number; recipient name; email; phone; pick-up point id; pick-up point name;
    country; weight (g); value (EUR, TTC).
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator=CRLF)
    writer.writerow(
        ["reference", "nom", "email", "telephone", "point_relais", "nom_point", "pays", "poids_g", "valeur"]
    )
    for order in orders:
        if order.shipping_carrier != "mondial_relay":
            continue
        address = PostalAddress.from_dict(order.shipping_address or {})
        point = order.pickup_point or {}
        writer.writerow(
            [
                order.number, address.full_name, order.email, address.phone, point.get("id", ""),
                point.get("name", ""), address.country, order_weight(order), f"{order.total_gross:.2f}",
            ]
        )  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


def generic_csv(*, orders: Iterable[Order]) -> bytes:
    """Every selected order, whatever the carrier: for a spreadsheet or another carrier's tool."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator=CRLF)
    writer.writerow(
        ["commande", "transporteur", "nom", "societe", "adresse1", "adresse2", "code_postal", "ville", "pays",
         "telephone", "email", "poids_g", "pieces", "total_ttc"]
    )  # fmt: skip
    for order in orders:
        address = PostalAddress.from_dict(order.shipping_address or {})
        pieces = sum(line.quantity for line in order.lines.all())
        writer.writerow(
            [
                order.number, order.shipping_carrier, address.full_name, address.company, address.line1,
                address.line2, address.postcode, address.city, address.country, address.phone, order.email,
                order_weight(order), pieces, f"{order.total_gross:.2f}",
            ]
        )  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


def parcel_csv(*, shipment: Shipment) -> bytes:
    """One parcel of an order shipped in parts, in the generic file's columns: its own reference
    (« R…-2 »), its own pieces, weight and value (TTC, at the order's frozen unit prices)."""
    order = shipment.order
    parts = list(shipment.lines.select_related("order_line__variant"))
    address = PostalAddress.from_dict(order.shipping_address or {})
    weight = current_profile().packaging_grams + sum(
        (part.order_line.variant.weight_grams if part.order_line.variant else 0) * part.quantity
        for part in parts
    )
    value = sum((part.order_line.unit_gross * part.quantity for part in parts), Decimal("0"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator=CRLF)
    writer.writerow(
        ["commande", "transporteur", "nom", "societe", "adresse1", "adresse2", "code_postal", "ville", "pays",
         "telephone", "email", "poids_g", "pieces", "total_ttc"]
    )  # fmt: skip
    writer.writerow(
        [
            shipment.reference, order.shipping_carrier, address.full_name, address.company, address.line1,
            address.line2, address.postcode, address.city, address.country, address.phone, order.email,
            weight, sum(part.quantity for part in parts), f"{value:.2f}",
        ]
    )  # fmt: skip
    return out.getvalue().encode("utf-8-sig")

"""The catalogue as a spreadsheet: products, their variants, prices and stock, one row per variant.

Read and written with django-import-export (tablib underneath): the founder exports, edits in her
spreadsheet, adds rows for a new shirt, and imports. The import is first run as a dry run inside a
transaction that is rolled back (the preview: what would be created, changed or left alone); the real
run writes every row or, at the first invalid row anywhere, none (one transaction, rolled back).
Each bad row is named by its line in the file, with every problem of that row.

A new product is created from its first row (French name, price TTC, VAT); later rows of the same
product must agree with it or be left empty. Sizes, colours and fits must exist already (the admin
owns those lists: a typo must not create a size « 4l »). Shelf counts go through the stock history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from comptoir.accounts.models import User
from comptoir.catalog.models import Colour, Fit, Product, ProductStatus, Size, Variant
from comptoir.inventory.models import MovementReason, StockRecord
from comptoir.inventory.movements import record_movements
from comptoir.pricing.services.record_retail_prices import record_retail_prices

VAT_RATES = {
    "20": Decimal("0.2000"),
    "10": Decimal("0.1000"),
    "5,5": Decimal("0.0550"),
    "5.5": Decimal("0.0550"),
}
COLUMNS = [
    "produit",
    "nom",
    "nom_en",
    "prix_ttc",
    "tva",
    "sku",
    "ean13",
    "taille",
    "couleur",
    "coupe",
    "poids_g",
    "prix_variante_ttc",
    "stock",
    "emplacement",
]


def _decimal(value: Any) -> Decimal | None:
    text = str(value if value is not None else "").strip().replace("\u202f", "").replace(" ", "")
    if not text:
        return None
    try:
        amount = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("« %(value)s » n'est pas un montant.") % {"value": value}) from None
    if amount <= 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(_("« %(value)s » n'est pas un prix valable.") % {"value": value})
    return amount


class PriceWidget(widgets.Widget):
    """« 89,00 » or « 89.00 »; empty means the product's price."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Decimal | None:
        return _decimal(value)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return f"{value:.2f}".replace(".", ",") if value is not None else ""


class CountWidget(widgets.Widget):
    def __init__(self, label: str, **kwargs: Any) -> None:
        self.label = label
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        text = str(value if value is not None else "").strip()
        if not text:
            return None  # an empty cell leaves the count as it is
        if not text.isdecimal():
            raise ValueError(_("%(label)s « %(value)s » invalide.") % {"label": self.label, "value": value})
        return int(text)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return str(value or 0)


class KeepIfEmptyWidget(widgets.CharWidget):
    """Text where an empty cell keeps what the variant has (a blank EAN-13 column does not erase codes)."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str | None:
        return str(value).strip() if value not in (None, "") and str(value).strip() else None


class NamedWidget(widgets.Widget):
    """A size, colour or fit found by its name (or label); unknown names are refused, never created."""

    def __init__(self, model: type[Size | Colour | Fit], lookup: str, what: str, **kwargs: Any) -> None:
        self.model, self.lookup, self.what = model, lookup, what
        self.found: dict[str, list[Any]] = {}
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = str(value or "").strip()
        if not text:
            return None
        if text.lower() not in self.found:  # per import (the resource copies its widgets): a few queries
            self.found[text.lower()] = list(self.model.objects.filter(**{f"{self.lookup}__iexact": text})[:2])
        found = self.found[text.lower()]
        if not found:
            raise ValueError(_("%(what)s « %(value)s » inconnue.") % {"what": self.what, "value": text})
        if len(found) > 1:
            raise ValueError(
                _("%(what)s « %(value)s » existe dans plusieurs grilles : précisez-la dans l'admin.")
                % {"what": self.what, "value": text}
            )
        return found[0]

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return str(getattr(value, self.lookup, "") or "") if value is not None else ""


class ProductWidget(widgets.Widget):
    """The product by its French address (slug); ``before_import_row`` has created it if it was new."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Product:
        slug = slugify(str(value or ""))
        product = Product.objects.filter(slug_fr=slug).first()
        if product is None:
            raise ValueError(_("Produit « %(value)s » introuvable.") % {"value": value})
        return product

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.slug_fr if value is not None else ""


class CatalogueResource(resources.ModelResource):
    produit = fields.Field(attribute="product", column_name="produit", widget=ProductWidget())
    nom = fields.Field(column_name="nom", attribute=None, readonly=True)
    nom_en = fields.Field(column_name="nom_en", attribute=None, readonly=True)
    prix_ttc = fields.Field(column_name="prix_ttc", attribute=None, readonly=True)
    tva = fields.Field(column_name="tva", attribute=None, readonly=True)
    sku = fields.Field(attribute="sku", column_name="sku")
    ean13 = fields.Field(
        attribute="ean13", column_name="ean13", widget=KeepIfEmptyWidget(), saves_null_values=False
    )
    taille = fields.Field(
        attribute="size", column_name="taille", widget=NamedWidget(Size, "label", _("Taille"))
    )
    couleur = fields.Field(
        attribute="colour", column_name="couleur", widget=NamedWidget(Colour, "name_fr", _("Couleur"))
    )
    coupe = fields.Field(attribute="fit", column_name="coupe", widget=NamedWidget(Fit, "name_fr", _("Coupe")))
    poids_g = fields.Field(
        attribute="weight_grams",
        column_name="poids_g",
        widget=CountWidget(_("Poids")),
        saves_null_values=False,
    )
    prix_variante_ttc = fields.Field(
        attribute="retail_price", column_name="prix_variante_ttc", widget=PriceWidget()
    )
    stock = fields.Field(column_name="stock", attribute=None, readonly=True)
    emplacement = fields.Field(column_name="emplacement", attribute=None, readonly=True)

    class Meta:
        model = Variant
        import_id_fields = ("sku",)
        fields = tuple(COLUMNS)
        export_order = tuple(COLUMNS)
        clean_model_instances = (
            True  # the model's own rules: EAN-13 checksum, unique SKU, option combinations
        )
        skip_unchanged = False
        skip_diff = True

    def __init__(self, *, actor: User | None = None, progress: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.actor, self.progress = actor, progress
        self.movements: list[tuple[int, int]] = []
        self.changes: list[str] = []  # what the file does, in words, for the preview
        self.products: set[int] = set()  # whose prices may change: their price history is kept

    # Export: the product's columns and the shelf, beside each variant.
    def get_export_queryset(self, request: Any = None) -> Any:
        return Variant.objects.select_related("product", "size", "colour", "fit", "stock").order_by(
            "product__slug_fr", "sku"
        )

    def dehydrate_nom(self, variant: Variant) -> str:
        return getattr(variant.product, "name_fr", "") or ""

    def dehydrate_nom_en(self, variant: Variant) -> str:
        return getattr(variant.product, "name_en", "") or ""

    def dehydrate_prix_ttc(self, variant: Variant) -> str:
        return PriceWidget().render(variant.product.retail_price)

    def dehydrate_tva(self, variant: Variant) -> str:
        return f"{variant.product.vat_rate * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")

    def dehydrate_stock(self, variant: Variant) -> int:
        stock = getattr(variant, "stock", None)
        return stock.on_hand if stock else 0

    def dehydrate_emplacement(self, variant: Variant) -> str:
        stock = getattr(variant, "stock", None)
        return stock.location if stock else ""

    # Import.
    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        """The prices as they are, into the price history, before the file changes any (Omnibus)."""
        slugs = {slugify(str(slug or "")) for slug in dataset["produit"]}
        record_retail_prices(
            product_ids=Product.objects.filter(slug_fr__in=slugs).values_list("pk", flat=True)
        )

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        """Create a new product from its first row, or check the row agrees with the product."""
        slug = slugify(str(row.get("produit") or ""))
        if not slug:
            raise ValidationError({"product": _("La colonne « produit » (adresse du produit) est vide.")})
        price = _decimal_or_error(row.get("prix_ttc"), "prix_ttc")
        rate = str(row.get("tva") or "").strip().rstrip("%").strip()
        if rate and rate not in VAT_RATES:
            raise ValidationError({"product": _("TVA « %(value)s » : 20, 10 ou 5,5.") % {"value": rate}})
        product = Product.objects.filter(slug_fr=slug).first()
        name = str(row.get("nom") or "").strip()
        if product is None:
            if not name or price is None:
                raise ValidationError(
                    {
                        "product": _("Nouveau produit « %(slug)s » : le nom et le prix TTC sont requis.")
                        % {"slug": slug}
                    }
                )
            Product.objects.create(
                name_fr=name,
                name_en=str(row.get("nom_en") or "").strip() or None,
                slug_fr=slug,
                retail_price=price,
                vat_rate=VAT_RATES[rate] if rate else Product._meta.get_field("vat_rate").default,
                status=ProductStatus.DRAFT,  # she publishes it once its photos are in
            )
            self.changes.append(_("%(slug)s : nouveau produit (brouillon)") % {"slug": slug})
            return
        changes: dict[str, Any] = {}
        if name and name != getattr(product, "name_fr", ""):
            changes["name_fr"] = name
        if row.get("nom_en") and str(row["nom_en"]).strip() != (getattr(product, "name_en", "") or ""):
            changes["name_en"] = str(row["nom_en"]).strip()
        if price is not None and price != product.retail_price:
            changes["retail_price"] = price
        if rate and VAT_RATES[rate] != product.vat_rate:
            changes["vat_rate"] = VAT_RATES[rate]
        if changes:
            self.changes.append(_("%(slug)s : fiche produit modifiée") % {"slug": slug})
            for attribute, value in changes.items():
                setattr(product, attribute, value)
            product.save()

    def before_save_instance(self, instance: Variant, row: Any, **kwargs: Any) -> None:
        if instance.pk is None:
            self.changes.append(_("%(sku)s : nouvelle variante") % {"sku": instance.sku})
            return
        before = (
            Variant.objects.filter(pk=instance.pk).values("retail_price", "ean13", "weight_grams").first()
        )
        if before and before["retail_price"] != instance.retail_price:
            self.changes.append(
                _("%(sku)s : prix %(old)s → %(new)s")
                % {
                    "sku": instance.sku,
                    "old": PriceWidget().render(before["retail_price"]) or "—",
                    "new": PriceWidget().render(instance.retail_price) or "—",
                }
            )
        if before and (before["ean13"], before["weight_grams"]) != (instance.ean13, instance.weight_grams):
            self.changes.append(_("%(sku)s : EAN-13 ou poids modifié") % {"sku": instance.sku})

    def after_save_instance(self, instance: Variant, row: Any, **kwargs: Any) -> None:
        """The shelf: count and location, locked, never below what placed orders hold."""
        self.products.add(instance.product_id)
        counted = CountWidget(_("Stock")).clean(row.get("stock"))
        record = StockRecord.objects.select_for_update().filter(variant=instance).first()
        if record is None:
            record = StockRecord.objects.create(variant=instance)
        on_hand = record.on_hand if counted is None else counted  # empty cells leave the shelf as it is
        location = str(row.get("emplacement") or "").strip()[:40] or record.location
        if on_hand < record.reserved:
            raise ValidationError(
                {
                    "stock": _(
                        "%(reserved)d pièce(s) réservée(s) par des commandes : stock %(stock)d impossible."
                    )
                    % {"reserved": record.reserved, "stock": on_hand}
                }
            )
        if on_hand != record.on_hand:
            self.changes.append(
                _("%(sku)s : stock %(old)d → %(new)d")
                % {"sku": instance.sku, "old": record.on_hand, "new": on_hand}
            )
        if location != record.location:
            self.changes.append(
                _("%(sku)s : emplacement %(old)s → %(new)s")
                % {"sku": instance.sku, "old": record.location or "—", "new": location or "—"}
            )
        if (on_hand, location) != (record.on_hand, record.location):
            self.movements.append((instance.pk, on_hand - record.on_hand))
            record.on_hand, record.location = on_hand, location
            record.save(update_fields=["on_hand", "location"])

    def after_import_row(self, row: Any, row_result: Any, **kwargs: Any) -> None:
        if self.progress is not None:
            self.progress(kwargs.get("row_number", 0))

    def after_import(self, dataset: Any, result: Any, **kwargs: Any) -> None:
        if not result.has_errors() and not result.has_validation_errors():
            record_movements(changes=self.movements, reason=MovementReason.IMPORT, actor=self.actor)
            record_retail_prices(product_ids=self.products)


def _decimal_or_error(value: Any, column: str) -> Decimal | None:
    try:
        return _decimal(value)
    except ValueError as error:
        raise ValidationError({column: str(error)}) from None


class CatalogueRefused(Exception):
    """The file cannot be imported: every problem is listed (French), nothing was written."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass(frozen=True)
class CatalogueOutcome:
    rows: int
    new: int
    updated: int
    changes: list[str]


REQUIRED = ("produit", "sku")
COLUMN_OF = {"product": "produit", "size": "taille", "colour": "couleur", "fit": "coupe"}
COLUMN_OF |= {"weight_grams": "poids_g", "retail_price": "prix_variante_ttc", "__all__": ""}


def export_catalogue_sheet() -> bytes:
    with translation.override("fr"):
        dataset = CatalogueResource().export()
    return (
        dataset.export("csv", delimiter=";").replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8-sig")
    )


def _dataset(content: bytes) -> tablib.Dataset:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")  # a spreadsheet saved in Windows' Western encoding
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except Exception as error:  # tablib names no common error class for a broken file
        raise CatalogueRefused([_("Le fichier n'est pas un CSV lisible.")]) from error
    headers = [str(header or "").strip().lower() for header in dataset.headers or []]
    missing = [column for column in REQUIRED if column not in headers]
    if missing:
        raise CatalogueRefused([_("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)}])
    dataset.headers = headers
    if not dataset.height:
        raise CatalogueRefused([_("Le fichier ne contient aucune ligne.")])
    return dataset


def _problems(result: Any) -> list[str]:
    problems = []
    for invalid in result.invalid_rows:
        for field, messages in invalid.error_dict.items():
            column = COLUMN_OF.get(field, field)
            for message in messages:
                text = " ".join(message.messages) if isinstance(message, ValidationError) else str(message)
                prefix = f"{column} : " if column else ""
                problems.append(
                    _("Ligne %(line)d : %(problem)s") % {"line": invalid.number + 1, "problem": prefix + text}
                )
    for number, errors in result.row_errors():
        for error in errors:
            problems.append(_("Ligne %(line)d : %(problem)s") % {"line": number + 1, "problem": error.error})
    for error in result.base_errors:
        problems.append(str(error.error))
    return problems


def _run(
    *,
    content: bytes,
    dry_run: bool,
    actor: User | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CatalogueOutcome:
    dataset = _dataset(content)
    total = dataset.height
    resource = CatalogueResource(
        actor=actor, progress=(lambda done: progress(done, total)) if progress is not None else None
    )
    with translation.override("fr"), transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
        )
    problems = _problems(result)
    if problems:
        raise CatalogueRefused(problems)
    return CatalogueOutcome(
        rows=total, new=result.totals["new"], updated=result.totals["update"], changes=resource.changes
    )


def preview_catalogue_sheet(*, content: bytes) -> CatalogueOutcome:
    """What the file would do, every row checked, nothing kept (a dry run rolled back)."""
    return _run(content=content, dry_run=True)


def apply_catalogue_sheet(
    *, content: bytes, actor: User | None = None, progress: Callable[[int, int], None] | None = None
) -> CatalogueOutcome:
    """Write every row, or none if any row is refused."""
    return _run(content=content, dry_run=False, actor=actor, progress=progress)

"""The catalogue: products, their variants on option axes (size, colour, fit), collections, images.

Names, descriptions and slugs are translated (``translation.py``, django-modeltranslation).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from stdnum import ean

from comptoir.core.models import RemembersOldSlugs, TimeStampedModel
from comptoir.core.renditions import Renditions, with_renditions
from comptoir.core.uploads import CheckedImageField

STANDARD_VAT_RATE = Decimal("0.20")


def validate_ean13(value: str) -> None:
    if len(value) != 13 or not ean.is_valid(value):
        raise ValidationError(_("« %(value)s » n'est pas un code EAN-13 valide."), params={"value": value})


class SizeScale(models.Model):
    """An ordered run of sizes: collar sizes 37–45, letter sizes S–XXL, waist sizes…"""

    name = models.CharField(_("nom"), max_length=80)

    class Meta:
        verbose_name = _("grille de tailles")
        verbose_name_plural = _("grilles de tailles")

    def __str__(self) -> str:
        return self.name


class Size(models.Model):
    scale = models.ForeignKey(
        SizeScale, on_delete=models.PROTECT, related_name="sizes", verbose_name=_("grille")
    )
    label = models.CharField(_("libellé"), max_length=20)
    slug = models.SlugField(_("identifiant"), max_length=30, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("scale_id", "position", "id")
        verbose_name = _("taille")
        verbose_name_plural = _("tailles")
        constraints = [models.UniqueConstraint(fields=["scale", "label"], name="size_label_unique_in_scale")]

    def __str__(self) -> str:
        return self.label


class Colour(models.Model):
    name = models.CharField(_("nom"), max_length=60)
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    hex_code = models.CharField(_("couleur (hex)"), max_length=7, default="#ffffff")
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("couleur")
        verbose_name_plural = _("couleurs")

    def __str__(self) -> str:
        return self.name


class Fit(models.Model):
    name = models.CharField(_("nom"), max_length=60)
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("coupe")
        verbose_name_plural = _("coupes")

    def __str__(self) -> str:
        return self.name


class SizeGuide(models.Model):
    name = models.CharField(_("nom"), max_length=80)
    introduction = models.TextField(_("introduction"), blank=True)
    # One row per line, cells separated by "|"; the first row is the header.
    table = models.TextField(_("tableau"), help_text=_("Une ligne par rangée, cellules séparées par « | »."))

    class Meta:
        verbose_name = _("guide des tailles")
        verbose_name_plural = _("guides des tailles")

    def __str__(self) -> str:
        return self.name

    @property
    def rows(self) -> list[list[str]]:
        return [
            [cell.strip() for cell in line.split("|")] for line in self.table.splitlines() if line.strip()
        ]


class Collection(RemembersOldSlugs, TimeStampedModel):
    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("adresse"), max_length=140, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    is_published = models.BooleanField(_("publiée"), default=True)
    is_featured = models.BooleanField(_("mise en avant sur l'accueil"), default=False)
    meta_title = models.CharField(
        _("titre pour les moteurs de recherche"),
        max_length=70,
        blank=True,
        help_text=_("Laisser vide : le nom et la marque."),
    )
    meta_description = models.CharField(
        _("description pour les moteurs de recherche"),
        max_length=170,
        blank=True,
        help_text=_("Laisser vide : écrite d'après le texte de la page."),
    )

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("storefront:collection", kwargs={"slug": self.slug})


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")


def _product_is_sellable(prefix: str = "") -> Q:
    """Still on sale, the one rule: a published product (a draft is not out yet, an archived one is over).
    ``Product.is_sellable`` says the same of one product in Python; a variant adds its own ``is_active``."""
    return Q(**{f"{prefix}status": ProductStatus.PUBLISHED})


class ProductQuerySet(models.QuerySet["Product"]):
    def sellable(self) -> ProductQuerySet:
        return self.filter(_product_is_sellable())


class Gender(models.TextChoices):
    MALE = "male", _("Homme")
    FEMALE = "female", _("Femme")
    UNISEX = "unisex", _("Mixte")


class Product(RemembersOldSlugs, TimeStampedModel):
    name = models.CharField(_("nom"), max_length=160)
    slug = models.SlugField(_("adresse"), max_length=180, unique=True)
    summary = models.CharField(_("accroche"), max_length=240, blank=True)
    description = models.TextField(_("description"), blank=True)
    composition = models.CharField(_("composition"), max_length=240, blank=True)
    care = models.TextField(_("entretien"), blank=True)
    status = models.CharField(
        _("statut"), max_length=12, choices=ProductStatus.choices, default=ProductStatus.DRAFT
    )
    gender = models.CharField(_("genre"), max_length=8, choices=Gender.choices, default=Gender.UNISEX)
    is_new = models.BooleanField(_("nouveauté"), default=False)
    is_best_seller = models.BooleanField(_("meilleure vente"), default=False)
    # Its variants are amounts (a size scale « Montant » : 25 €, 50 €…); once the order is paid, each
    # piece becomes a gift card emailed to the buyer. A multi-purpose voucher: sold without VAT.
    is_gift_card = models.BooleanField(
        _("carte cadeau"),
        default=False,
        help_text=_("Chaque pièce payée devient une carte cadeau de son prix, envoyée par e-mail (TVA 0 %)."),
    )
    retail_price = models.DecimalField(
        _("prix de vente TTC"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Prix public, TVA incluse. Une variante peut avoir son propre prix."),
    )
    vat_rate = models.DecimalField(
        _("taux de TVA"), max_digits=5, decimal_places=4, default=STANDARD_VAT_RATE
    )
    size_guide = models.ForeignKey(
        SizeGuide,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guide des tailles"),
    )
    collections = models.ManyToManyField(
        Collection,
        through="CollectionProduct",
        related_name="products",
        blank=True,
        verbose_name=_("collections"),
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    # Next season, opened to the shops before it exists: pre-orders take no current stock.
    preorder_cutoff = models.DateField(
        _("précommandes revendeurs jusqu'au"),
        null=True,
        blank=True,
        help_text=_(
            "Laisser vide : pas de précommande. Les revendeurs précommandent jusqu'à cette date incluse."
        ),
    )
    preorder_ships_from = models.DateField(_("livraison à partir du"), null=True, blank=True)
    preorder_ships_until = models.DateField(_("livraison au plus tard le"), null=True, blank=True)
    meta_title = models.CharField(
        _("titre pour les moteurs de recherche"),
        max_length=70,
        blank=True,
        help_text=_("Laisser vide : le nom et la marque."),
    )
    meta_description = models.CharField(
        _("description pour les moteurs de recherche"),
        max_length=170,
        blank=True,
        help_text=_("Laisser vide : écrite d'après le texte de la page."),
    )
    # The boutique's search document per language (name A, summary B, description and composition C),
    # written by a PostgreSQL trigger on every insert or update of the texts (migration 0006), so that
    # the admin, the CSV import and bulk writes all keep it right; GIN-indexed. Empty on SQLite.
    search_document_fr = SearchVectorField(null=True, editable=False)
    search_document_en = SearchVectorField(null=True, editable=False)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ("position", "-id")
        verbose_name = _("produit")
        verbose_name_plural = _("produits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retail_price__gt=0), name="product_retail_price_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(vat_rate__gte=0) & models.Q(vat_rate__lt=1), name="product_vat_rate_sane"
            ),
            # A gift card's sale carries no VAT: the goods it pays for later carry it.
            models.CheckConstraint(
                condition=models.Q(is_gift_card=False) | models.Q(vat_rate=0), name="gift_card_without_vat"
            ),
            models.CheckConstraint(
                condition=models.Q(preorder_cutoff__isnull=True)
                | (
                    models.Q(preorder_ships_from__isnull=False)
                    & models.Q(preorder_ships_until__gte=models.F("preorder_ships_from"))
                ),
                name="product_preorder_window_complete",
            ),
        ]
        indexes = [models.Index(fields=["status", "position"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("storefront:product", kwargs={"slug": self.slug})

    @property
    def is_sellable(self) -> bool:
        """On sale now (``_product_is_sellable`` in SQL): published."""
        return self.status == ProductStatus.PUBLISHED

    def is_open_for_preorder(self, *, today: date) -> bool:
        """Shops may pre-order it (up to the cut-off date, inclusive): their lines take no current stock."""
        return self.preorder_cutoff is not None and today <= self.preorder_cutoff

    def clean(self) -> None:
        super().clean()
        if self.is_gift_card and self.vat_rate:
            raise ValidationError({"vat_rate": _("Une carte cadeau se vend sans TVA : taux 0.")})
        if self.preorder_cutoff is not None and (
            self.preorder_ships_from is None
            or self.preorder_ships_until is None
            or self.preorder_ships_until < self.preorder_ships_from
        ):
            raise ValidationError(
                _("Indiquez les dates de livraison de la précommande, la fin après le début.")
            )


class CollectionProduct(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="memberships")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="memberships")
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("produit de la collection")
        verbose_name_plural = _("produits de la collection")
        constraints = [
            models.UniqueConstraint(fields=["collection", "product"], name="collection_product_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.collection} — {self.product}"


class VariantQuerySet(models.QuerySet["Variant"]):
    def sellable(self) -> VariantQuerySet:
        """Variants a customer may buy now: active, of a product on sale."""
        return self.filter(_product_is_sellable(prefix="product__"), is_active=True)


class Variant(TimeStampedModel):
    """One thing a customer can buy: a product in one size, colour and fit."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="variants", verbose_name=_("produit")
    )
    size = models.ForeignKey(Size, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("taille"))
    colour = models.ForeignKey(
        Colour, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("couleur")
    )
    fit = models.ForeignKey(Fit, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("coupe"))
    sku = models.CharField(_("référence (SKU)"), max_length=64, unique=True)
    ean13 = models.CharField(
        _("code-barres EAN-13"),
        max_length=13,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_ean13],
    )
    weight_grams = models.PositiveIntegerField(_("poids (g)"), default=0)
    retail_price = models.DecimalField(
        _("prix TTC propre"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Laisser vide pour reprendre le prix du produit."),
    )
    is_active = models.BooleanField(_("en vente"), default=True)

    objects = VariantQuerySet.as_manager()

    class Meta:
        ordering = ("product_id", "colour__position", "size__position", "fit__position", "id")
        verbose_name = _("variante")
        verbose_name_plural = _("variantes")
        constraints = [
            # Coalesce: an absent option counts as a value, so "no fit" cannot be entered twice either
            # (NULLs are distinct in a plain unique index, and SQLite has no NULLS NOT DISTINCT).
            models.UniqueConstraint(
                "product",
                Coalesce("size", 0),
                Coalesce("colour", 0),
                Coalesce("fit", 0),
                name="variant_options_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(retail_price__isnull=True) | models.Q(retail_price__gt=0),
                name="variant_retail_price_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} — {self.options_label}" if self.options_label else str(self.product)

    def clean(self) -> None:
        if self.ean13:
            self.ean13 = self.ean13.replace(" ", "")

    @property
    def is_sellable(self) -> bool:
        """A customer may buy it now (``Variant.objects.sellable()`` in SQL): active, its product on sale."""
        return self.is_active and self.product.is_sellable

    @property
    def options_label(self) -> str:
        return " / ".join(str(option) for option in (self.colour, self.size, self.fit) if option is not None)


def product_image_path(instance: ProductImage, filename: str) -> str:
    return f"products/{instance.product_id}/{filename}"


@with_renditions(source="image", alt="alt_text")
class ProductImage(Renditions, models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="images", verbose_name=_("produit")
    )
    colour = models.ForeignKey(
        Colour,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("couleur"),
        help_text=_("Laisser vide si l'image vaut pour toutes les couleurs."),
    )
    image = CheckedImageField(
        _("image"), upload_to=product_image_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=200,
        help_text=_("Décrit l'image pour qui ne la voit pas (obligatoire)."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ("position", "id")
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text

    def clean(self) -> None:
        if not (self.alt_text or "").strip():
            raise ValidationError({"alt_text": _("Le texte alternatif est obligatoire.")})

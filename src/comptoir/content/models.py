"""The founder's words: the journal (posts, categories, tags) and the shop's pages, in Markdown."""

from __future__ import annotations

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comptoir.core.models import RemembersOldSlugs, TimeStampedModel
from comptoir.core.renditions import Renditions, with_renditions
from comptoir.core.uploads import CheckedImageField

WORDS_PER_MINUTE = 200


class LegalRole(models.TextChoices):
    """What a legal page stands for, whatever its editable title and address: the links find it by this."""

    LEGAL_NOTICE = "legal_notice", _("Mentions légales")
    TERMS_OF_SALE = "terms_of_sale", _("Conditions générales de vente (boutique)")
    RESELLER_TERMS = "reseller_terms", _("Conditions générales de vente aux professionnels")
    PRIVACY = "privacy", _("Politique de confidentialité")
    WITHDRAWAL_FORM = "withdrawal_form", _("Formulaire de rétractation")


class Page(RemembersOldSlugs, TimeStampedModel):
    """The brand's story, delivery and returns, contact, legal pages: linked from the footer."""

    title = models.CharField(_("titre"), max_length=120)
    slug = models.SlugField(_("adresse"), max_length=140, unique=True)
    body = models.TextField(_("texte (Markdown)"))
    meta_description = models.CharField(
        _("description pour les moteurs de recherche"), max_length=170, blank=True
    )
    is_published = models.BooleanField(_("publiée"), default=True)
    in_footer = models.BooleanField(_("lien en pied de page"), default=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    legal_role = models.CharField(
        _("page légale"),
        max_length=20,
        choices=LegalRole.choices,
        blank=True,
        help_text=_("La boutique lie cette page là où la loi l'attend (pied de page, commande)."),
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ("position", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["legal_role"],
                condition=~models.Q(legal_role=""),
                name="content_page_one_per_legal_role",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("storefront:page", kwargs={"slug": self.slug})


class Category(RemembersOldSlugs, models.Model):
    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(_("adresse"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("rubrique")
        verbose_name_plural = _("rubriques")
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("storefront:journal_category", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(_("nom"), max_length=60)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("mot-clé")
        verbose_name_plural = _("mots-clés")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("storefront:journal_tag", kwargs={"slug": self.slug})


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")


class PostQuerySet(models.QuerySet["Post"]):
    def live(self) -> PostQuerySet:
        """Published, and due: a post scheduled for tomorrow stays hidden until then."""
        return self.filter(status=PostStatus.PUBLISHED, publish_at__lte=timezone.now())


@with_renditions(source="cover", alt="cover_alt")
class Post(Renditions, RemembersOldSlugs, TimeStampedModel):
    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("adresse"), max_length=180, unique=True)
    excerpt = models.CharField(
        _("chapeau"), max_length=300, blank=True, help_text=_("Deux phrases qui donnent envie de lire.")
    )
    body = models.TextField(
        _("texte (Markdown)"),
        help_text=_(
            "Titres ##, citations > (la dernière ligne « — Nom » signe la citation), "
            "un produit : [[produit:adresse-du-produit]]."
        ),
    )
    cover = CheckedImageField(
        _("image de couverture"),
        upload_to="journal/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(editable=False, default=0)
    cover_height = models.PositiveIntegerField(editable=False, default=0)
    cover_alt = models.CharField(_("texte alternatif de la couverture"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("auteur")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("rubrique"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("mots-clés"))
    status = models.CharField(
        _("statut"), max_length=12, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publié le"), default=timezone.now, help_text=_("Une date à venir programme la publication.")
    )
    meta_description = models.CharField(
        _("description pour les moteurs de recherche"), max_length=170, blank=True
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ("-publish_at", "-id")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("storefront:journal_post", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.cover and not (self.cover_alt or "").strip():
            raise ValidationError({"cover_alt": _("Décrivez l'image de couverture pour qui ne la voit pas.")})

    @property
    def is_live(self) -> bool:
        return self.status == PostStatus.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))

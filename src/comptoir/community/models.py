"""Comments on the journal: held until the founder trusts the address, defended against spam."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from comptoir.content.models import Post
from comptoir.core.models import RemembersOldSlugs, TimeStampedModel
from comptoir.core.renditions import Renditions, with_renditions
from comptoir.core.uploads import CheckedImageField


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("À modérer")
    APPROVED = "approved", _("Publié")
    REJECTED = "rejected", _("Refusé")
    SPAM = "spam", _("Indésirable")


class Comment(models.Model):
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("en réponse à"),
    )
    name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("adresse e-mail"))  # never shown on the site
    website = models.URLField(_("site web"), max_length=200, blank=True)
    body = models.TextField(_("commentaire"), max_length=3000)
    status = models.CharField(
        _("statut"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    is_author_reply = models.BooleanField(_("réponse de l'auteur"), default=False)
    notify_replies = models.BooleanField(_("prévenir des réponses"), default=False)
    language = models.CharField(max_length=8, default="fr")
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    notified_founder_at = models.DateTimeField(null=True, blank=True)  # in an hourly digest
    notified_parent_at = models.DateTimeField(null=True, blank=True)  # the commenter it answers was told

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ("created_at", "id")
        indexes = [models.Index(fields=["post", "status"]), models.Index(fields=["email", "status"])]

    def __str__(self) -> str:
        return f"{self.name} — {self.post}"


class RejectedAttempt(models.Model):
    """A comment the spam defences refused, counted for the founder's dashboard (nothing of it is kept)."""

    reason = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tentative refusée")
        verbose_name_plural = _("tentatives refusées")

    def __str__(self) -> str:
        return f"{self.reason} {self.created_at:%Y-%m-%d %H:%M}"


@with_renditions(source="cover", alt="cover_alt")
class Event(Renditions, RemembersOldSlugs, TimeStampedModel):
    """One of the founder's evenings: a place, a date, a number of seats, a waitlist."""

    title = models.CharField(_("titre"), max_length=140)
    slug = models.SlugField(_("adresse"), max_length=160, unique=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place_name = models.CharField(_("lieu"), max_length=120)
    address = models.CharField(_("adresse du lieu"), max_length=250)
    capacity = models.PositiveIntegerField(_("places"))
    seats_taken = models.PositiveIntegerField(_("places prises"), default=0, editable=False)
    description = models.TextField(_("description (Markdown)"))
    cover = CheckedImageField(
        _("image"),
        upload_to="rencontres/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(editable=False, default=0)
    cover_height = models.PositiveIntegerField(editable=False, default=0)
    cover_alt = models.CharField(_("texte alternatif de l'image"), max_length=200, blank=True)
    is_published = models.BooleanField(_("publiée"), default=True)

    class Meta:
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        ordering = ("starts_at",)
        constraints = [
            # Never more people confirmed than seats: the backstop under the row lock.
            models.CheckConstraint(
                condition=models.Q(seats_taken__lte=models.F("capacity")), name="event_not_overbooked"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("storefront:event", kwargs={"slug": self.slug})

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def map_url(self) -> str:
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscrit")
    WAITLISTED = "waitlisted", _("En liste d'attente")
    CANCELLED = "cancelled", _("Annulé")


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("adresse e-mail"))
    company = models.CharField(_("société"), max_length=120, blank=True)
    language = models.CharField(max_length=8, default="fr")
    status = models.CharField(_("statut"), max_length=12, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=43, unique=True, editable=False)  # the cancellation link's secret
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("passé de la liste d'attente le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ("created_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("event", "email"),
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"


class EventMessage(TimeStampedModel):
    """A word from the founder to everyone registered (a change of room, a reminder)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("message aux inscrits")
        verbose_name_plural = _("messages aux inscrits")

    def __str__(self) -> str:
        return self.subject

"""Comments on the journal: held until the founder trusts the address, defended against spam."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.content.models import Post


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

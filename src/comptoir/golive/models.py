"""What going live remembers: which rows the demo created, and the owner's test email and opening."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoRow(models.Model):
    """One row the demo build created (``manage.py demo_shop``): « Retirer la démo » removes these
    and only these, so whatever the founder made herself stays, whatever it is called."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # For the shop's one-row settings the demo fills (the seller's identity): what the row held when the
    # demo wrote it. Never removed; while the row still holds exactly that, the identity is the demo's.
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("ligne de la démonstration")
        verbose_name_plural = _("lignes de la démonstration")
        constraints = [
            models.UniqueConstraint(fields=("content_type", "object_id"), name="golive_demo_row_once")
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id}"


class LaunchState(models.Model):
    """One row: the test email she sent herself and confirmed, and whether the shop is open.

    ``is_open`` is False on a new shop: visitors see the « bientôt » page until she opens it.
    """

    SINGLETON_PK = 1

    is_open = models.BooleanField(_("boutique ouverte"), default=False)
    opened_at = models.DateTimeField(_("ouverte le"), null=True, blank=True)
    test_email_to = models.EmailField(_("courriel d'essai envoyé à"), blank=True)
    test_email_sent_at = models.DateTimeField(_("courriel d'essai envoyé le"), null=True, blank=True)
    test_email_confirmed_at = models.DateTimeField(_("courriel d'essai reçu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("ouverture de la boutique")
        verbose_name_plural = _("ouverture de la boutique")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="golive_launch_state_singleton")]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

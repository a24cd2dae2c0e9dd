"""Jobs that could not run when they were asked for (the mail server or the broker was down).

A job kept here is retried by ``manage.py run_pending_jobs`` (cron, every few minutes) with a growing
delay, so an email is late rather than lost, and the request that asked for it never fails for it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingJob(models.Model):
    path = models.CharField(_("tâche"), max_length=200)
    kwargs = models.JSONField(_("paramètres"), default=dict)
    attempts = models.PositiveIntegerField(_("essais"), default=0)
    run_after = models.DateTimeField(_("prochain essai"), db_index=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    given_up_at = models.DateTimeField(_("abandonnée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("tâche en attente")
        verbose_name_plural = _("tâches en attente")
        ordering = ("run_after", "pk")

    def __str__(self) -> str:
        return f"{self.path} ({self.attempts})"

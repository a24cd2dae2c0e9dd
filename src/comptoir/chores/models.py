"""One row per run of a scheduled chore: its slot is claimed before it runs, so it runs once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoreRun(models.Model):
    command = models.CharField(_("tâche"), max_length=80)
    slot = models.DateTimeField(_("échéance"))
    started_at = models.DateTimeField(_("commencée le"))
    finished_at = models.DateTimeField(_("finie le"), null=True, blank=True)
    succeeded = models.BooleanField(_("réussie"), null=True)
    output = models.TextField(_("compte rendu"), blank=True)

    class Meta:
        verbose_name = _("passage d'une tâche automatique")
        verbose_name_plural = _("passages des tâches automatiques")
        ordering = ("-slot", "command")
        constraints = [models.UniqueConstraint(fields=("command", "slot"), name="chore_run_once_per_slot")]
        indexes = [models.Index(fields=("command", "-slot"))]

    def __str__(self) -> str:
        return f"{self.command} @ {self.slot:%Y-%m-%d %H:%M}"

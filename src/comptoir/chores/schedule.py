"""Every periodic chore of the shop, defined once: what runs, how often, and when it is late.

Celery beat reads this schedule in the production shape (``config/celery.py``); on one machine
without Redis, ``manage.py run_chores`` (APScheduler) does. Either way each run claims its slot
(``services/run_chore.py``), so a chore runs once per slot however many schedulers are started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Chore:
    """A management command run every ``every`` (aligned on midnight) or once a day ``at`` a time."""

    command: str
    label: str | Promise
    every: timedelta | None = None
    at: time | None = None

    def __post_init__(self) -> None:
        if (self.every is None) == (self.at is None):
            raise ValueError(f"{self.command}: give either every= or at=.")
        if self.every is not None and (timedelta(days=1) % self.every or self.every < timedelta(minutes=1)):
            raise ValueError(f"{self.command}: every= must divide a day in whole minutes.")

    @property
    def period(self) -> timedelta:
        return self.every or timedelta(days=1)

    def slot(self, *, now: datetime) -> datetime:
        """The start of the period ``now`` falls in: the run that is due (local time)."""
        local = timezone.localtime(now)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if self.every is not None:
            elapsed = local - midnight
            return midnight + (elapsed // self.every) * self.every
        assert self.at is not None
        today = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        return today if local >= today else today - timedelta(days=1)

    def next_run(self, *, now: datetime) -> datetime:
        return self.slot(now=now) + self.period

    def frequency(self) -> str:
        """« chaque jour à 03:15 », « toutes les 15 minutes », in the language of the page."""
        if self.at is not None:
            return gettext_now("chaque jour à %(time)s") % {"time": self.at.strftime("%H:%M")}
        assert self.every is not None
        minutes = int(self.every.total_seconds() // 60)
        return ngettext("chaque minute", "toutes les %(count)d minutes", minutes) % {"count": minutes}

    def cron(self) -> dict[str, str]:
        """The same moments as a crontab (minute, hour), for Celery beat and APScheduler."""
        if self.at is not None:
            return {"minute": str(self.at.minute), "hour": str(self.at.hour)}
        assert self.every is not None
        minutes = int(self.every.total_seconds() // 60)
        if minutes < 60:
            return {"minute": f"*/{minutes}", "hour": "*"}
        return {"minute": "0", "hour": f"*/{minutes // 60}"}


SCHEDULE: tuple[Chore, ...] = (
    Chore("flush_page_views", _("Écrire les pages vues"), every=timedelta(minutes=1)),
    Chore("run_pending_jobs", _("Renvoyer les emails en attente"), every=timedelta(minutes=5)),
    Chore(
        "send_marketing_emails",
        _("Alertes de retour en stock et paniers oubliés"),
        every=timedelta(minutes=15),
    ),
    Chore("send_comment_digest", _("Résumé des commentaires à modérer"), every=timedelta(minutes=15)),
    # Every 10 minutes: an abandoned card payment holds its pieces for an hour at most.
    Chore("cancel_unpaid_orders", _("Annuler les commandes impayées"), every=timedelta(minutes=10)),
    # Orders cancelled any other way than the workflow's: their gift cards get their money back.
    Chore("credit_back_gift_cards", _("Recréditer les cartes cadeaux"), at=time(2, 30)),
    Chore("backup", _("Sauvegarde de la base et des médias"), at=time(3, 15)),
    Chore("send_low_stock_digest", _("Liste des tailles en stock bas"), at=time(7, 0)),
    Chore("send_payment_reminders", _("Relances des factures revendeurs échues"), at=time(8, 0)),
)


def chore_named(command: str) -> Chore:
    for chore in SCHEDULE:
        if chore.command == command:
            return chore
    raise KeyError(command)

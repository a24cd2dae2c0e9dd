"""The shop's own audience measurement, without cookies and without keeping who anyone is.

A visitor is a hash of the day's random salt, the IP address and the browser's user agent: the same
person counts once a day, and once the salt is deleted (the day after) nobody, the shop included, can
tell whose visits they were. Nothing is stored in the browser, so no consent banner is needed for it
(the CNIL's exemption for audience measurement strictly limited to the site's own statistics).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    day = models.DateField(primary_key=True)
    salt = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("sel du jour")
        verbose_name_plural = _("sels du jour")

    def __str__(self) -> str:
        return str(self.day)


class PageView(models.Model):
    day = models.DateField(_("jour"), db_index=True)
    visitor = models.CharField(_("visiteur (anonyme)"), max_length=16)
    path = models.CharField(_("page"), max_length=200)

    class Meta:
        verbose_name = _("page vue")
        verbose_name_plural = _("pages vues")
        indexes = [models.Index(fields=["day", "visitor"])]

    def __str__(self) -> str:
        return f"{self.day} {self.path}"

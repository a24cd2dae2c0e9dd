"""The go-live checklist: what still stands between the founder and a lawful, working shop.

Each item says whether it is done, what is missing in her words, and where to fix it (a URL name of
the cockpit or the admin, reversed by the page). Read-only: the cockpit's « Ouverture » page lists
them, « Aujourd'hui » links there until every item is done, and « Ouvrir la boutique » needs them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import checks
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comptoir.chores.models import ChoreRun
from comptoir.chores.schedule import SCHEDULE
from comptoir.chores.selectors import chore_statuses
from comptoir.content.models import LegalRole, Page

from .services.demo_rows import demo_rows_left
from .services.launch import launch_state
from .shop_facts import brand_name, has_delivery_rate, missing_identity_fields, real_payment_methods

PLACEHOLDERS = ("[à compléter", "[to be completed")
BACKUP_COMMAND = "backup"


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str | Promise
    is_done: bool
    problems: list[str] = field(default_factory=list)  # what is missing, in her words
    fix_url: str = ""  # a URL name, reversed by the page
    fix_label: str | Promise = ""
    can_write: bool = False  # pages missing: « Rédiger les pages manquantes » writes them from her identity


def go_live_checklist(*, now: datetime | None = None) -> list[ChecklistItem]:
    now = now or timezone.now()
    items = [
        _identity(),
        _legal_pages(),
        _payment_methods(),
        _delivery_rates(),
        _demo_data(),
        _test_email(),
        _backups(now=now),
    ]
    if settings.IS_PRODUCTION:
        items.append(_deploy_checks())
    return items


def is_ready(items: list[ChecklistItem]) -> bool:
    return all(item.is_done for item in items)


def _identity() -> ChecklistItem:
    problems = [_("Champ manquant : %(field)s") % {"field": name} for name in missing_identity_fields()]
    if not brand_name():
        problems.insert(0, _("Le nom de la marque manque."))
    return ChecklistItem(
        key="identity",
        label=gettext_lazy("Identité de l'entreprise"),
        is_done=not problems,
        problems=problems,
        fix_url="backoffice:seller_settings",
        fix_label=gettext_lazy("Compléter l'identité"),
    )


def _legal_pages() -> ChecklistItem:
    pages = {page.legal_role: page for page in Page.objects.exclude(legal_role="")}
    problems = []
    for role in LegalRole:
        page = pages.get(role.value)
        if page is None:
            problems.append(_("« %(page)s » manque.") % {"page": role.label})
            continue
        if not page.is_published:
            problems.append(_("« %(page)s » n'est pas publiée.") % {"page": role.label})
        texts = [getattr(page, f"body_{code}", "") or "" for code, _name in settings.LANGUAGES]
        if any(marker in text for text in texts for marker in PLACEHOLDERS):
            problems.append(_("« %(page)s » contient encore « [à compléter] ».") % {"page": role.label})
    return ChecklistItem(
        key="legal_pages",
        label=gettext_lazy("Pages légales"),
        is_done=not problems,
        problems=problems,
        can_write=any(role.value not in pages for role in LegalRole),
        fix_url="admin:content_page_changelist",
        fix_label=gettext_lazy("Compléter les pages légales"),
    )


def _payment_methods() -> ChecklistItem:
    methods = real_payment_methods()
    return ChecklistItem(
        key="payment",
        label=gettext_lazy("Moyen de paiement"),
        is_done=bool(methods),
        problems=[]
        if methods
        else [
            _(
                "Aucun moyen de paiement ne vous versera d'argent : "
                "ni votre IBAN pour les virements, ni Stripe."
            )
        ],
        fix_url="backoffice:seller_settings",
        fix_label=gettext_lazy("Saisir vos coordonnées bancaires"),
    )


def _delivery_rates() -> ChecklistItem:
    has_rate = has_delivery_rate()
    return ChecklistItem(
        key="delivery",
        label=gettext_lazy("Tarifs de livraison"),
        is_done=has_rate,
        problems=[]
        if has_rate
        else [_("Aucun mode de livraison n'a de tarif : personne ne peut commander.")],
        fix_url="admin:shipping_shippingzone_changelist",
        fix_label=gettext_lazy("Définir la livraison"),
    )


def _demo_data() -> ChecklistItem:
    left = demo_rows_left()
    return ChecklistItem(
        key="demo",
        label=gettext_lazy("Données de démonstration"),
        is_done=left == 0,
        problems=[]
        if left == 0
        else [_("Produits, commandes, revendeurs ou textes de la démonstration sont encore là.")],
        fix_url="",  # the page's own « Retirer la démo » button
    )


def _test_email() -> ChecklistItem:
    state = launch_state()
    if state.test_email_confirmed_at is not None:
        problems = []
    elif state.test_email_sent_at is not None:
        problems = [
            _(
                "Courriel d'essai envoyé à %(email)s : "
                "cliquez sur le lien qu'il contient pour confirmer sa réception."
            )
            % {"email": state.test_email_to}
        ]
    else:
        problems = [_("Envoyez-vous un courriel d'essai : il prouve que vos clients recevront les leurs.")]
    return ChecklistItem(
        key="test_email",
        label=gettext_lazy("Courriel d'essai reçu"),
        is_done=not problems,
        problems=problems,
    )


def _backups(*, now: datetime) -> ChecklistItem:
    problems = []
    statuses = {status.chore.command: status for status in chore_statuses(now=now)}
    backup = statuses.get(BACKUP_COMMAND)
    if backup is None or backup.last_run is None:
        problems.append(_("Aucune sauvegarde n'a encore été faite."))
    elif backup.has_failed:
        problems.append(_("La dernière sauvegarde a échoué."))
    elif backup.last_run.succeeded is None:
        problems.append(_("La sauvegarde est en cours."))
    shortest = min(chore.period for chore in SCHEDULE)
    last_seen = ChoreRun.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    if last_seen is None or now - last_seen > max(2 * shortest, timedelta(hours=1)):
        problems.append(_("Le planificateur des tâches automatiques ne tourne pas."))
    return ChecklistItem(
        key="backups",
        label=gettext_lazy("Sauvegardes"),
        is_done=not problems,
        problems=problems,
        fix_url="backoffice:chores",
        fix_label=gettext_lazy("Voir les tâches automatiques"),
    )


def _deploy_checks() -> ChecklistItem:
    """Django's own deployment checks (``manage.py check --deploy``), run here in the process."""
    found = checks.run_checks(include_deployment_checks=True)
    serious = [message for message in found if message.level >= checks.WARNING and not message.is_silenced()]
    return ChecklistItem(
        key="deploy",
        label=gettext_lazy("Réglages de production"),
        is_done=not serious,
        problems=[f"{message.id} : {message.msg}" for message in serious],
        fix_url="",
        fix_label=gettext_lazy("À transmettre à la personne qui héberge la boutique"),
    )

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import (
    dashboard,
    stock,
    two_factor,
    views,
    views_chores,
    views_golive,
    views_invoicing,
    views_journal,
    views_setup,
)

app_name = "backoffice"

urlpatterns = [
    path("", views.today, name="today"),
    path(pgettext_lazy("url", "tableau-de-bord/"), dashboard.dashboard, name="dashboard"),
    path(pgettext_lazy("url", "a-preparer/"), views.to_pack, name="to_pack"),
    path(pgettext_lazy("url", "a-expedier/"), views.to_ship, name="to_ship"),
    path(pgettext_lazy("url", "colis/<int:order_id>/"), views.packing, name="packing"),
    path(
        pgettext_lazy("url", "colis/<int:order_id>/expedier-une-partie/"),
        views.ship_part_view,
        name="ship_part",
    ),
    path(
        pgettext_lazy("url", "colis/<int:order_id>/annuler-le-reliquat/"),
        views.cancel_backorder_view,
        name="cancel_backorder",
    ),
    path(
        pgettext_lazy("url", "colis/<int:order_id>/envoi-<int:position>/bon-de-livraison.pdf"),
        views.shipment_slip,
        name="shipment_slip",
    ),
    path(
        pgettext_lazy("url", "colis/<int:order_id>/envoi-<int:position>/transporteur.csv"),
        views.shipment_csv,
        name="shipment_csv",
    ),
    path(pgettext_lazy("url", "lots/<int:batch_id>/"), views.batch, name="batch"),
    path(
        pgettext_lazy("url", "lots/<int:batch_id>/<str:document>"),
        views.batch_document,
        name="batch_document",
    ),
    path("coliship.fmt", views.coliship_format, name="coliship_format"),
    path(pgettext_lazy("url", "referencement/"), views.seo_audit, name="seo_audit"),
    path(pgettext_lazy("url", "stock/"), stock.stock, name="stock"),
    path(pgettext_lazy("url", "stock/<int:variant_id>/"), stock.stock_variant, name="stock_variant"),
    path(pgettext_lazy("url", "stock/etiquettes.pdf"), stock.stock_labels, name="stock_labels"),
    path(pgettext_lazy("url", "stock/tableur/"), views.stock_sheet, name="stock_sheet"),
    path(pgettext_lazy("url", "facturation/"), views_invoicing.seller_settings, name="seller_settings"),
    path(pgettext_lazy("url", "installation/"), views_setup.setup, name="setup"),
    path(
        pgettext_lazy("url", "installation/marque/"),
        views_setup.setup_step,
        {"step": "brand"},
        name="setup_brand",
    ),
    path(
        pgettext_lazy("url", "installation/identite/"),
        views_setup.setup_step,
        {"step": "identity"},
        name="setup_identity",
    ),
    path(
        pgettext_lazy("url", "installation/banque/"),
        views_setup.setup_step,
        {"step": "bank"},
        name="setup_bank",
    ),
    path(
        pgettext_lazy("url", "installation/expedition/"),
        views_setup.setup_step,
        {"step": "shipper"},
        name="setup_shipper",
    ),
    path(
        pgettext_lazy("url", "installation/livraison/"),
        views_setup.setup_step,
        {"step": "delivery"},
        name="setup_delivery",
    ),
    path(
        pgettext_lazy("url", "installation/paiements/"),
        views_setup.setup_step,
        {"step": "payments"},
        name="setup_payments",
    ),
    path(
        pgettext_lazy("url", "installation/adresse/"),
        views_setup.setup_step,
        {"step": "address"},
        name="setup_address",
    ),
    path(pgettext_lazy("url", "comptabilite/"), views_invoicing.accounting, name="accounting"),
    path(pgettext_lazy("url", "precommandes/"), views.preorders, name="preorders"),
    path(pgettext_lazy("url", "journal/"), views_journal.journal, name="journal"),
    path(pgettext_lazy("url", "taches/"), views_chores.chores, name="chores"),
    path(pgettext_lazy("url", "ouverture/"), views_golive.go_live, name="go_live"),
    path(
        pgettext_lazy("url", "ouverture/retirer-la-demo/"),
        views_golive.go_live_remove_demo,
        name="go_live_remove_demo",
    ),
    path(
        pgettext_lazy("url", "ouverture/pages-legales/"),
        views_golive.go_live_write_legal_pages,
        name="go_live_write_legal_pages",
    ),
    path(
        pgettext_lazy("url", "ouverture/courriel-d-essai/"),
        views_golive.go_live_send_email,
        name="go_live_send_email",
    ),
    path(
        pgettext_lazy("url", "ouverture/courriel-d-essai/<str:token>/"),
        views_golive.go_live_confirm_email,
        name="go_live_confirm_email",
    ),
    path(pgettext_lazy("url", "ouverture/ouvrir/"), views_golive.go_live_open, name="go_live_open"),
    path(pgettext_lazy("url", "double-authentification/"), two_factor.enrol, name="two_factor"),
    path(pgettext_lazy("url", "double-authentification/code/"), two_factor.verify, name="two_factor_verify"),
]

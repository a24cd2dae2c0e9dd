from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views, views_api_keys, views_documents

app_name = "reseller_portal"

urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("url", "devenir-revendeur/"), views.apply, name="apply"),
    path(pgettext_lazy("url", "devenir-revendeur/merci/"), views.apply_thanks, name="apply_thanks"),
    path(pgettext_lazy("url", "mot-de-passe/<uidb64>/<token>/"), views.set_password, name="set_password"),
    path(
        pgettext_lazy("url", "invitation/<str:token>/"),
        views.accept_invitation_page,
        name="accept_invitation",
    ),
    path(pgettext_lazy("url", "catalogue/"), views.catalogue, name="catalogue"),
    path(pgettext_lazy("url", "catalogue/<slug:slug>/"), views.product, name="product"),
    path(pgettext_lazy("url", "commande/"), views.draft, name="draft"),
    path(pgettext_lazy("url", "commande/passer/"), views.place_order, name="place_order"),
    path(pgettext_lazy("url", "commande/rapide/"), views.quick_order, name="quick_order"),
    path(pgettext_lazy("url", "commandes/"), views.order_list, name="orders"),
    path(pgettext_lazy("url", "commandes/<str:number>/"), views.order_detail, name="order"),
    path(pgettext_lazy("url", "commandes/<str:number>/recommander/"), views.reorder_order, name="reorder"),
    path(pgettext_lazy("url", "commandes/<str:number>/payer/"), views.pay_order, name="pay"),
    path(
        pgettext_lazy("url", "catalogue/line-sheet.pdf"),
        views_documents.line_sheet_pdf_view,
        name="line_sheet",
    ),
    path(
        pgettext_lazy("url", "catalogue/line-sheet.csv"),
        views_documents.line_sheet_csv_view,
        name="line_sheet_csv",
    ),
    path(pgettext_lazy("url", "factures/"), views_documents.document_list, name="documents"),
    path(pgettext_lazy("url", "factures/<str:number>.pdf"), views_documents.document_pdf, name="document"),
    path(pgettext_lazy("url", "equipe/"), views.team, name="team"),
    path(pgettext_lazy("url", "cles-api/"), views_api_keys.api_keys, name="api_keys"),
    path(
        pgettext_lazy("url", "cles-api/<int:key_id>/revoquer/"),
        views_api_keys.revoke_api_key_view,
        name="api_key_revoke",
    ),
]

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import (
    views,
    views_account,
    views_cart,
    views_checkout,
    views_consent,
    views_content,
    views_documents,
    views_events,
    views_marketing,
    views_order,
    views_payment,
)

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("url", "collections/<slug:slug>/"), views.collection_detail, name="collection"),
    path(pgettext_lazy("url", "produits/<slug:slug>/"), views.product_detail, name="product"),
    path(pgettext_lazy("url", "recherche/"), views.search, name="search"),
    path(pgettext_lazy("url", "panier/"), views_cart.cart_detail, name="cart"),
    path(pgettext_lazy("url", "panier/ajouter/"), views_cart.cart_add, name="cart_add"),
    path(pgettext_lazy("url", "panier/lignes/<int:line_id>/"), views_cart.cart_update, name="cart_line"),
    path(pgettext_lazy("url", "commander/"), views_checkout.checkout, name="checkout"),
    path(pgettext_lazy("url", "conditions-generales-de-vente/"), views_checkout.terms_of_sale, name="terms"),
    path(pgettext_lazy("url", "cookies/"), views_consent.consent, name="consent"),
    # The customer's account (sign-in pages are allauth's, under the same compte/ prefix).
    path(pgettext_lazy("url", "compte/"), views_account.account_home, name="account_home"),
    path(pgettext_lazy("url", "compte/commandes/"), views_account.order_list, name="account_orders"),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/"),
        views_order.account_order,
        name="account_order",
    ),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/retractation/"),
        views_order.account_order_withdrawal,
        name="account_order_withdrawal",
    ),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/payer/"),
        views_order.account_order_pay_again,
        name="account_order_pay_again",
    ),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/annuler/"),
        views_order.account_order_cancel,
        name="account_order_cancel",
    ),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/avis/<int:product_id>/"),
        views_order.account_order_review,
        name="account_order_review",
    ),
    path(
        pgettext_lazy("url", "compte/commandes/<str:number>/facture/"),
        views_order.account_order_invoice,
        name="account_order_invoice",
    ),
    path(pgettext_lazy("url", "compte/factures/"), views_documents.document_list, name="account_documents"),
    path(
        pgettext_lazy("url", "compte/factures/<str:number>.pdf"),
        views_documents.document_pdf,
        name="account_document",
    ),
    path(pgettext_lazy("url", "compte/adresses/"), views_account.address_list, name="account_addresses"),
    path(
        pgettext_lazy("url", "compte/adresses/nouvelle/"),
        views_account.address_add,
        name="account_address_add",
    ),
    path(
        pgettext_lazy("url", "compte/adresses/<int:address_id>/"),
        views_account.address_edit,
        name="account_address_edit",
    ),
    path(
        pgettext_lazy("url", "compte/adresses/<int:address_id>/supprimer/"),
        views_account.address_delete,
        name="account_address_delete",
    ),
    path(
        pgettext_lazy("url", "compte/adresses/<int:address_id>/par-defaut/"),
        views_account.address_make_default,
        name="account_address_default",
    ),
    path(pgettext_lazy("url", "compte/profil/"), views_account.profile, name="account_profile"),
    path(pgettext_lazy("url", "compte/donnees/"), views_account.personal_data_page, name="account_data"),
    path(
        pgettext_lazy("url", "compte/donnees/mes-donnees.json"),
        views_account.personal_data_export,
        name="account_data_export",
    ),
    path(pgettext_lazy("url", "compte/supprimer/"), views_account.account_delete, name="account_delete"),
    # A guest's order, behind the signed link of the order emails (orders/access.py).
    path(pgettext_lazy("url", "commande/<str:token>/"), views_order.order_status, name="order_status"),
    path(
        pgettext_lazy("url", "commande/<str:token>/retractation/"),
        views_order.order_status_withdrawal,
        name="order_status_withdrawal",
    ),
    path(
        pgettext_lazy("url", "commande/<str:token>/payer/"),
        views_order.order_status_pay_again,
        name="order_status_pay_again",
    ),
    path(
        pgettext_lazy("url", "commande/<str:token>/annuler/"),
        views_order.order_status_cancel,
        name="order_status_cancel",
    ),
    path(pgettext_lazy("url", "journal/"), views_content.journal, name="journal"),
    path(pgettext_lazy("url", "journal/rss/"), views_content.JournalFeed(), name="journal_rss"),
    path(pgettext_lazy("url", "journal/atom/"), views_content.JournalAtomFeed(), name="journal_atom"),
    path(
        pgettext_lazy("url", "journal/rubrique/<slug:slug>/"),
        views_content.journal_category,
        name="journal_category",
    ),
    path(pgettext_lazy("url", "journal/mot-cle/<slug:slug>/"), views_content.journal_tag, name="journal_tag"),
    path(
        pgettext_lazy("url", "journal/apercu/<str:token>/"),
        views_content.journal_preview,
        name="journal_preview",
    ),
    path(pgettext_lazy("url", "journal/<slug:slug>/"), views_content.journal_post, name="journal_post"),
    path(
        pgettext_lazy("url", "journal/<slug:slug>/commenter/"),
        views_content.journal_comment,
        name="journal_comment",
    ),
    path(pgettext_lazy("url", "infos/<slug:slug>/"), views_content.page, name="page"),
    path(pgettext_lazy("url", "rencontres/"), views_events.events, name="events"),
    path(
        pgettext_lazy("url", "rencontres/calendrier.ics"),
        views_events.events_calendar,
        name="events_calendar",
    ),
    path(
        pgettext_lazy("url", "rencontres/annulation/<str:token>/"),
        views_events.event_cancel,
        name="event_cancel",
    ),
    path(pgettext_lazy("url", "rencontres/<slug:slug>/"), views_events.event, name="event"),
    path(pgettext_lazy("url", "lettre/"), views_marketing.newsletter_signup, name="newsletter_signup"),
    path(
        pgettext_lazy("url", "carte-cadeau/solde/"),
        views_marketing.gift_card_balance_page,
        name="gift_card_balance",
    ),
    path(
        pgettext_lazy("url", "lettre/confirmer/<str:token>/"),
        views_marketing.newsletter_confirm,
        name="newsletter_confirm",
    ),
    path(
        pgettext_lazy("url", "lettre/desinscription/<str:token>/"),
        views_marketing.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path(pgettext_lazy("url", "alerte-stock/"), views_marketing.stock_alert, name="stock_alert"),
    path(
        pgettext_lazy("url", "commande/<str:token>/avis/<int:product_id>/"),
        views_order.order_status_review,
        name="order_status_review",
    ),
    path(
        pgettext_lazy("url", "commande/<str:token>/facture/"),
        views_order.order_status_invoice,
        name="order_status_invoice",
    ),
    # The demo shop's payment page (404 unless demo payments are on; never in production).
    path("paiement/demo/<str:token>/", views_payment.demo_payment, name="demo_payment"),
]

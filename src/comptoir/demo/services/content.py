"""The demo shop's pages and first journal posts, created once when there are none; its legal pages,
each created once when no page stands for it."""

# ruff: noqa: E501 - the texts of the demo pages, kept whole for reading

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from comptoir.accounts.models import User
from comptoir.catalog.selectors import published_products
from comptoir.content.models import Category, Page, Post, PostStatus, Tag
from comptoir.content.services.legal_pages import write_missing_legal_pages

PAGES = [
    (
        "Notre histoire", "Our story", "notre-histoire", "our-story",
        "Maison Lavande est née d'une chemise : celle que son grand-père portait le dimanche, "
        "usée aux poignets, jamais remplacée.\n\nNos chemises sont **coupées à Paris** et **cousues au "
        "Portugal**, dans un atelier familial de Guimarães, en petites séries.\n\n"
        "> Une belle chemise ne se remarque pas : on remarque celui qui la porte.\n>\n> — Louise, fondatrice",
        "Maison Lavande began with one shirt: the one her grandfather wore on Sundays, worn at the cuffs, "
        "never replaced.\n\nOur shirts are **cut in Paris** and **sewn in Portugal**, in a family workshop "
        "in Guimarães, in small runs.\n\n> A fine shirt goes unnoticed: the person wearing it is noticed.\n>\n"
        "> — Louise, founder",
    ),
    (
        "Livraison & retours", "Delivery & returns", "livraison-et-retours", "delivery-and-returns",
        "## Livraison\n\n- **Colissimo à domicile** : 48 h en France, offerte dès 150 €.\n"
        "- **Mondial Relay** en point relais : 3 à 5 jours.\n- **Retrait à l'atelier**, Paris 11e : gratuit.\n\n"
        "## Retours\n\nVous avez **14 jours** après la livraison pour changer d'avis : depuis votre commande, "
        "cliquez sur « Renoncer au contrat ici ». Nous remboursons dans les 14 jours.",
        "## Delivery\n\n- **Colissimo to your door**: 2 days in France, free from €150.\n"
        "- **Mondial Relay** pick-up point: 3 to 5 days.\n- **Collection at the workshop**, Paris 11e: free.\n\n"
        "## Returns\n\nYou have **14 days** after delivery to change your mind: from your order, click "
        "“Withdraw from the contract here”. We refund within 14 days.",
    ),
    (
        "Nous écrire", "Contact us", "contact", "contact",
        "Une question sur une taille, une commande, un retour ? Écrivez-nous à "
        "[bonjour@maison-lavande.example](mailto:bonjour@maison-lavande.example) : nous répondons sous un jour ouvré."
        "\n\nAtelier Maison Lavande, 12 rue Oberkampf, 75011 Paris.",
        "A question about a size, an order, a return? Write to "
        "[bonjour@maison-lavande.example](mailto:bonjour@maison-lavande.example): we answer within a working day."
        "\n\nAtelier Maison Lavande, 12 rue Oberkampf, 75011 Paris.",
    ),
    (
        "Questions fréquentes", "Frequently asked questions", "questions-frequentes", "faq",
        "## Comment choisir ma taille ?\n\nChaque fiche produit a son guide des tailles, mesuré à plat sur la chemise.\n\n"
        "## Sous combien de temps est expédiée ma commande ?\n\nSous deux jours ouvrés : nous préparons les colis chaque matin.\n\n"
        "## Comment entretenir une chemise en lin ?\n\nLavage à 30 °C, séchage à l'air libre, repassage humide ou pas du tout.",
        "## How do I choose my size?\n\nEvery product page has its size guide, measured flat on the shirt.\n\n"
        "## How soon is my order shipped?\n\nWithin two working days: we pack the parcels every morning.\n\n"
        "## How do I care for a linen shirt?\n\nWash at 30 °C, dry in the air, iron damp or not at all.",
    ),
    (
        "Politique des avis", "Review policy", "politique-des-avis", "review-policy",
        "Seules les personnes qui ont reçu une commande peuvent donner leur avis sur les produits de cette "
        "commande, une fois par produit, depuis leur compte ou le lien de leur commande.\n\nChaque avis est lu "
        "avant publication : nous publions les avis positifs comme négatifs, et ne refusons que les propos "
        "injurieux, hors sujet ou contenant des données personnelles. Les avis ne sont pas rémunérés. Ils "
        "paraissent avec la date de l'achat et celle de la publication.",
        "Only people who received an order can review the products of that order, once per product, from "
        "their account or the link of their order.\n\nEvery review is read before publication: we publish "
        "positive and negative reviews alike, and refuse only abusive or off-topic words or personal data. "
        "Reviews are not paid for. They appear with the date of purchase and of publication.",
    ),
]  # fmt: skip


@transaction.atomic
def ensure_demo_content(*, author: User) -> bool:
    """Pages and three posts, only in a shop that has none; returns whether it created them."""
    if Page.objects.exists() or Post.objects.exists():
        return False
    for position, (title_fr, title_en, slug_fr, slug_en, body_fr, body_en) in enumerate(PAGES):
        Page.objects.create(
            title_fr=title_fr, title_en=title_en, slug_fr=slug_fr, slug_en=slug_en,
            body_fr=body_fr, body_en=body_en, position=position,
        )  # fmt: skip
    atelier = Category.objects.create(
        name_fr="L'atelier", name_en="The workshop", slug_fr="atelier", slug_en="workshop"
    )
    rencontres = Category.objects.create(
        name_fr="Rencontres", name_en="Gatherings", slug_fr="rencontres", slug_en="gatherings", position=1
    )
    oxford = Tag.objects.create(name_fr="Oxford", name_en="Oxford", slug_fr="oxford", slug_en="oxford")
    lin = Tag.objects.create(name_fr="Lin", name_en="Linen", slug_fr="lin", slug_en="linen")
    product = published_products().order_by("position", "id").first()
    with translation.override("fr"):  # the French slug: product tags match a slug in any language
        mention = f"\n\n[[produit:{product.slug}]]\n\n" if product else "\n\n"
    now = timezone.now()
    posts = [
        (
            atelier, [oxford], 12,
            "Dans l'atelier de Guimarães", "In the Guimarães workshop", "atelier-guimaraes", "guimaraes-workshop",
            "Trois générations de couturières, quarante mètres de tissu par jour, et une règle : "
            "pas plus de vingt chemises par modèle et par semaine.",
            "Three generations of seamstresses, forty metres of cloth a day, and one rule: no more than "
            "twenty shirts per model each week.",
            "## Vingt chemises par semaine\n\nÀ Guimarães, l'atelier de la famille Costa coud nos chemises "
            "depuis la première collection. Chaque col est monté à la main."
            "\n\n> On reconnaît une bonne chemise à son col, et un bon atelier à ses mains.\n>\n"
            "> — Maria Costa, cheffe d'atelier" + mention + "Le coton vient d'Italie, les boutons de nacre "
            "de France. Rien n'est pressé : une chemise prend deux heures.",
            "## Twenty shirts a week\n\nIn Guimarães, the Costa family workshop has sewn our shirts since the "
            "first collection. Every collar is set by hand.\n\n> You know a good shirt by its collar, and a good "
            "workshop by its hands.\n>\n> — Maria Costa, head of the workshop" + mention
            + "The cotton comes from Italy, the mother-of-pearl buttons from France. Nothing is rushed: a shirt "
            "takes two hours.",
        ),
        (
            rencontres, [], 5,
            "Les soirées du jeudi", "Thursday evenings", "soirees-du-jeudi", "thursday-evenings",
            "Chaque mois, l'atelier ouvre ses portes aux gens du web et du commerce indépendant.",
            "Every month, the workshop opens its doors to people of the web and of independent commerce.",
            "Un verre, une table, et des histoires de boutiques qui tiennent. La prochaine soirée est annoncée "
            "dans la lettre.",
            "A drink, a table, and stories of shops that last. The next evening is announced in the newsletter.",
        ),
        (
            atelier, [lin], 1,
            "Pourquoi le lin froisse (et pourquoi c'est bien)", "Why linen creases (and why that is fine)",
            "pourquoi-le-lin-froisse", "why-linen-creases",
            "Le lin est la fibre de l'été : il respire, il sèche vite, et il garde la trace de vos journées.",
            "Linen is the fibre of summer: it breathes, it dries fast, and it keeps the trace of your days.",
            "## Une fibre vivante\n\nLe lin pousse en Normandie et ne demande presque pas d'eau. Ses plis font "
            "partie de sa beauté : repassez-le humide, ou ne le repassez pas du tout.",
            "## A living fibre\n\nLinen grows in Normandy and needs almost no water. Its creases are part of its "
            "beauty: iron it damp, or do not iron it at all.",
        ),
    ]  # fmt: skip
    for (
        category,
        tags,
        days_ago,
        title_fr,
        title_en,
        slug_fr,
        slug_en,
        excerpt_fr,
        excerpt_en,
        body_fr,
        body_en,
    ) in posts:
        post = Post.objects.create(
            title_fr=title_fr, title_en=title_en, slug_fr=slug_fr, slug_en=slug_en,
            excerpt_fr=excerpt_fr, excerpt_en=excerpt_en, body_fr=body_fr, body_en=body_en,
            author=author, category=category, status=PostStatus.PUBLISHED,
            publish_at=now - timedelta(days=days_ago),
        )  # fmt: skip
        post.tags.set(tags)
    return True


# The demo's first, short legal pages (before the legal roles): replaced by the full texts, unless edited.
FORMER_DEMO_BODIES = {
    "mentions-legales": "**Maison Lavande SAS**, au capital de 10 000 €, RCS Paris 732 829 320, TVA FR44732829320.\n\n"
    "Siège : 12 rue Oberkampf, 75011 Paris. Directrice de la publication : Louise Martin.",
    "confidentialite": "Nous ne gardons de vous que ce qu'il faut pour vous livrer et vous facturer. Aucun traceur "
    "publicitaire, aucun script tiers. La lettre n'est envoyée qu'après votre confirmation, et se quitte "
    "en un clic.",
}
# What the seller's invoicing identity does not say: the demo's contact address and publisher.
DEMO_CONTACT_EMAIL = "bonjour@maison-lavande.example"
DEMO_PUBLISHER = "Louise Martin"  # after the shop's own pages


def ensure_legal_pages(*, seller: Mapping[str, str]) -> int:
    """The legal pages no page stands for yet, from the demo seller's identity (content's service);
    the demo's first short texts, never edited, become the full ones."""
    return write_missing_legal_pages(seller=seller, former_bodies=FORMER_DEMO_BODIES)

"""The legal pages' first texts, French (the law's language) and English, for the founder to review.

Written from the Code de la consommation, the Code de commerce and the GDPR as they stand in 2026.
``{name}``-style fields are filled from the seller's identity when the pages are created; whatever the
shop does not know yet reads « [à compléter] ». The consumer mediator is always left for the founder:
a shop must name the mediator it has joined (art. L616-1). No link to the EU's online dispute
resolution platform: it closed on 20 July 2025 (regulation (EU) 2024/3228).

``services/legal_pages.py`` writes each missing page from them: ``manage.py demo_shop`` with the demo's
identity, the go-live checklist with the founder's; a page already there is never rewritten.
"""

# ruff: noqa: E501 - legal texts, kept whole for reading

from __future__ import annotations

from collections.abc import Mapping

from comptoir.content.models import LegalRole

TO_COMPLETE = "[à compléter]"
TO_COMPLETE_EN = "[to be completed]"
MEDIATOR_FR = (
    "**[à compléter : nom du médiateur de la consommation]**  \n"
    "[à compléter : adresse postale du médiateur]  \n"
    "[à compléter : site internet du médiateur]"
)
MEDIATOR_EN = (
    "**[to be completed: name of the consumer mediator]**  \n"
    "[to be completed: the mediator's postal address]  \n"
    "[to be completed: the mediator's website]"
)

LEGAL_NOTICE_FR = """## Éditeur du site

**{name}**, {legal_form} au capital de {share_capital}  \n{address}  \n{rcs} · SIRET {siret}  \nTVA intracommunautaire : {vat_number}  \nE-mail : [{email}](mailto:{email}) · Téléphone : [à compléter]

Directrice ou directeur de la publication : {publisher}.

## Hébergement

[à compléter : nom, adresse et téléphone de l'hébergeur du site]

## Propriété intellectuelle

Les textes, photographies, dessins et la marque présentés sur ce site appartiennent à {name} ou à leurs auteurs. Toute reproduction sans autorisation écrite est interdite.

## Vos données

Ce que nous faisons de vos données et vos droits sont décrits dans notre politique de confidentialité. Le site ne dépose aucun cookie publicitaire ; la mesure d'audience se fait sans cookie."""

LEGAL_NOTICE_EN = """## Publisher

**{name}**, {legal_form} with a share capital of {share_capital}  \n{address}  \n{rcs} · SIRET {siret}  \nEU VAT number: {vat_number}  \nEmail: [{email}](mailto:{email}) · Telephone: [to be completed]

Director of publication: {publisher}.

## Hosting

[to be completed: name, address and telephone of the website's host]

## Intellectual property

The texts, photographs, drawings and brand shown on this site belong to {name} or to their authors. Any reproduction without written permission is forbidden.

## Your data

What we do with your data and your rights are described in our privacy policy. The site sets no advertising cookie; audience measurement works without cookies.

*This translation is given for convenience; the French text prevails.*"""

LEGAL_GUARANTEE_FR = """### Ce que dit la loi

Le consommateur dispose d'un délai de deux ans à compter de la délivrance du bien pour obtenir la mise en œuvre de la **garantie légale de conformité** en cas d'apparition d'un défaut de conformité. Durant ce délai, le consommateur n'est tenu d'établir que l'existence du défaut de conformité et non la date d'apparition de celui-ci.

La garantie légale de conformité donne au consommateur droit à la réparation ou au remplacement du bien dans un délai de trente jours suivant sa demande, sans frais et sans inconvénient majeur pour lui.

Si le bien est réparé dans le cadre de la garantie légale de conformité, le consommateur bénéficie d'une extension de six mois de la garantie initiale. Si le consommateur demande la réparation du bien, mais que le vendeur impose le remplacement, la garantie légale de conformité est renouvelée pour une période de deux ans à compter de la date de remplacement du bien.

Le consommateur peut obtenir une réduction du prix d'achat en conservant le bien ou mettre fin au contrat en se faisant rembourser intégralement contre restitution du bien, si : 1° le professionnel refuse de réparer ou de remplacer le bien ; 2° la réparation ou le remplacement du bien intervient après un délai de trente jours ; 3° la réparation ou le remplacement du bien occasionne un inconvénient majeur pour le consommateur, notamment lorsque le consommateur supporte définitivement les frais de reprise ou d'enlèvement du bien non conforme, ou s'il supporte les frais d'installation du bien réparé ou de remplacement ; 4° la non-conformité du bien persiste en dépit de la tentative de mise en conformité du vendeur restée infructueuse.

Le consommateur a également droit à une réduction du prix du bien ou à la résolution du contrat lorsque le défaut de conformité est si grave qu'il justifie que la réduction du prix ou la résolution du contrat soit immédiate. Le consommateur n'est alors pas tenu de demander la réparation ou le remplacement du bien au préalable. Le consommateur n'a pas droit à la résolution de la vente si le défaut de conformité est mineur.

Toute période d'immobilisation du bien en vue de sa réparation ou de son remplacement suspend la garantie qui restait à courir jusqu'à la délivrance du bien remis en état.

Les droits mentionnés ci-dessus résultent de l'application des articles L. 217-1 à L. 217-32 du code de la consommation.

Le vendeur qui fait obstacle de mauvaise foi à la mise en œuvre de la garantie légale de conformité encourt une amende civile d'un montant maximal de 300 000 euros, qui peut être porté jusqu'à 10 % du chiffre d'affaires moyen annuel (article L. 242-18-1 du code de la consommation).

Le consommateur bénéficie également de la **garantie légale des vices cachés** en application des articles 1641 à 1649 du code civil, pendant une durée de deux ans à compter de la découverte du défaut. Cette garantie donne droit à une réduction de prix si le bien est conservé ou à un remboursement intégral contre restitution du bien."""

LEGAL_GUARANTEE_EN = """### What the law says

The consumer has two years from delivery of the goods to obtain the **legal guarantee of conformity** (garantie légale de conformité) if a lack of conformity appears. During this period, the consumer need only establish that the lack of conformity exists, not when it appeared.

The legal guarantee of conformity entitles the consumer to have the goods repaired or replaced within thirty days of the request, free of charge and without major inconvenience.

If the goods are repaired under the legal guarantee of conformity, the consumer receives a six-month extension of the initial guarantee. If the consumer asks for repair but the seller imposes replacement, the legal guarantee of conformity is renewed for two years from the date of replacement.

The consumer may obtain a price reduction while keeping the goods, or end the contract with a full refund against return of the goods, if: 1° the seller refuses to repair or replace the goods; 2° the repair or replacement takes place after thirty days; 3° the repair or replacement causes the consumer a major inconvenience, in particular when the consumer finally bears the cost of taking back or removing the non-conforming goods, or the cost of installing the repaired or replacement goods; 4° the lack of conformity persists despite the seller's unsuccessful attempt to remedy it.

The consumer is also entitled to a price reduction or to end the contract when the lack of conformity is so serious that it justifies an immediate price reduction or termination. The consumer need not ask for repair or replacement first. The consumer is not entitled to end the sale if the lack of conformity is minor.

Any period during which the goods are out of use for repair or replacement suspends the remaining guarantee until the repaired goods are delivered.

These rights result from articles L. 217-1 to L. 217-32 of the French Consumer Code.

A seller who obstructs in bad faith the legal guarantee of conformity incurs a civil fine of up to 300,000 euros, which may be raised to 10% of average annual turnover (article L. 242-18-1 of the Consumer Code).

The consumer also benefits from the **legal guarantee against latent defects** (articles 1641 to 1649 of the Civil Code) for two years from discovery of the defect. It entitles the consumer to a price reduction if the goods are kept, or to a full refund against their return."""

TERMS_OF_SALE_FR = (
    """Les présentes conditions générales de vente s'appliquent à toute commande passée sur ce site par un consommateur. Vous les acceptez en cochant la case prévue avant de commander ; la version applicable est celle en ligne au jour de votre commande.

## 1. Qui nous sommes

**{name}**, {legal_form} au capital de {share_capital}, {address_inline} — {rcs}, TVA {vat_number}. Pour toute question : [{email}](mailto:{email}).

## 2. Les articles

Chaque fiche produit décrit l'article (matière, coupe, guide des tailles, entretien) et indique s'il est disponible. Les photographies sont aussi fidèles que possible ; la couleur peut varier légèrement selon l'écran.

## 3. Les prix

Les prix sont indiqués en euros, **toutes taxes comprises (TTC)**, TVA française incluse. Les frais de livraison sont indiqués, selon le pays et le mode choisis, avant la validation de la commande. Pour une livraison hors de l'Union européenne, des droits de douane ou taxes locales peuvent être dus par le destinataire. Le prix applicable est celui affiché au moment de la commande.

## 4. Les étapes de la commande

1. Vous choisissez vos articles, leur taille et leur quantité, et les ajoutez au panier.
2. Vous indiquez votre adresse e-mail, votre adresse de livraison et le mode de livraison.
3. Un récapitulatif vous montre les articles, le prix total TTC et les frais de livraison : vous pouvez encore tout corriger.
4. Vous acceptez les présentes conditions et cliquez sur « Commander avec obligation de paiement » : la commande est ferme.
5. Vous payez ; un e-mail de confirmation récapitulant la commande vous est envoyé aussitôt.

Le contrat est conclu en français. Nous archivons les commandes d'un montant d'au moins 120 € pendant dix ans et vous en donnons copie sur demande (article L213-1 du Code de la consommation).

## 5. Le paiement

Le paiement se fait par carte bancaire sur la page sécurisée de notre prestataire de paiement (nous ne voyons jamais vos numéros de carte), ou par virement bancaire. La carte est débitée à la commande. Une commande payée par virement est préparée à réception des fonds ; sans paiement dans le délai indiqué dans l'e-mail de confirmation, elle est annulée.

## 6. La livraison

Nous livrons en France, dans l'Union européenne et dans le reste du monde, à domicile, en point relais ou en retrait à l'atelier, selon les modes proposés pour votre pays. Le délai est indiqué avant la commande ; à défaut, l'article est livré au plus tard trente jours après la commande (article L216-1). En cas de retard, vous pouvez, après nous avoir demandé de livrer dans un délai raisonnable, résoudre le contrat (article L216-6). Les risques vous sont transférés lorsque vous prenez possession du colis (article L216-4).

## 7. Le droit de rétractation

Vous disposez de **14 jours** à compter de la réception de l'article (du dernier article, pour une commande livrée en plusieurs fois) pour exercer votre droit de **rétractation**, sans avoir à vous justifier ni à payer de pénalité (articles L221-18 et suivants).

**Comment faire :** cliquez sur « Renoncer au contrat ici » sur la page de votre commande, ou envoyez-nous le formulaire de rétractation (page « Formulaire de rétractation ») ou toute déclaration dénuée d'ambiguïté, par e-mail à [{email}](mailto:{email}) ou par courrier à {address_inline}. Nous en accusons réception sans délai.

**Le renvoi :** renvoyez les articles dans les 14 jours suivant votre décision, à l'adresse indiquée dans l'accusé de réception. Les frais directs de renvoi restent à votre charge. Votre responsabilité n'est engagée qu'en cas de dépréciation résultant d'autres manipulations que celles nécessaires pour établir la nature, les caractéristiques et le bon fonctionnement de l'article (l'essayer comme en boutique).

**Le remboursement :** nous vous remboursons la totalité des sommes versées, frais de livraison initiaux compris (dans la limite du mode standard), au plus tard 14 jours après avoir été informés de votre décision, par le moyen de paiement utilisé pour la commande. Nous pouvons différer le remboursement jusqu'à la récupération des articles ou jusqu'à ce que vous ayez fourni une preuve de leur expédition.

**Les exceptions (article L221-28) :** le droit de rétractation ne s'applique pas aux articles confectionnés selon vos spécifications ou nettement personnalisés (une chemise sur mesure, des initiales brodées), ni aux articles descellés après la livraison qui ne peuvent être renvoyés pour des raisons d'hygiène ou de protection de la santé.

## 8. Les garanties légales

Nos articles bénéficient de la garantie légale de conformité et de la garantie des vices cachés, indépendamment de tout geste commercial. Pour les mettre en œuvre, écrivez-nous à [{email}](mailto:{email}) avec votre numéro de commande.

"""
    + LEGAL_GUARANTEE_FR
    + """

## 9. Le service client et la médiation

En cas de difficulté, écrivez-nous d'abord à [{email}](mailto:{email}) : nous répondons sous un jour ouvré et cherchons une solution avec vous. Si votre réclamation écrite n'a pas abouti, vous pouvez recourir gratuitement, dans un délai d'un an, au **médiateur** de la consommation dont nous relevons (articles L611-1 et suivants) :

"""
    + MEDIATOR_FR
    + """

## 10. Vos données

Les données de votre commande servent à la préparer, la livrer et la facturer : notre politique de confidentialité décrit leur usage, leur durée de conservation et vos droits.

## 11. Le droit applicable

Les présentes conditions sont soumises au droit français. À défaut d'accord amiable, le litige est porté devant la juridiction compétente ; vous pouvez saisir celle de votre domicile. Ces conditions ne vous privent pas de la protection que vous accordent les règles impératives du pays où vous résidez."""
)

TERMS_OF_SALE_EN = (
    """These general terms of sale apply to every order placed on this site by a consumer. You accept them by ticking the box before ordering; the version that applies is the one online on the day of your order.

## 1. Who we are

**{name}**, {legal_form} with a share capital of {share_capital}, {address_inline} — {rcs}, VAT {vat_number}. For any question: [{email}](mailto:{email}).

## 2. The items

Each product page describes the item (cloth, cut, size guide, care) and says whether it is available. The photographs are as faithful as we can make them; colours may vary slightly from screen to screen.

## 3. Prices

Prices are in euros, **all taxes included**, French VAT included. Delivery costs, by country and method, are shown before you confirm the order. For delivery outside the European Union, customs duties or local taxes may be payable by the recipient. The price that applies is the one shown when you order.

## 4. The steps of an order

1. You choose your items, their size and quantity, and add them to the bag.
2. You give your email address, your delivery address and the delivery method.
3. A summary shows the items, the total price with taxes and the delivery costs: you can still correct everything.
4. You accept these terms and click “Order with obligation to pay”: the order is binding.
5. You pay; an email confirming the order is sent to you at once.

The contract is concluded in French. We keep orders of €120 or more for ten years and give you a copy on request (article L213-1 of the Consumer Code).

## 5. Payment

You pay by card on the secure page of our payment provider (we never see your card numbers), or by bank transfer. The card is charged when you order. An order paid by transfer is prepared when the money arrives; without payment within the time given in the confirmation email, it is cancelled.

## 6. Delivery

We deliver in France, in the European Union and to the rest of the world, to your door, to a pick-up point or for collection at the workshop, according to the methods offered for your country. The delivery time is shown before you order; failing that, the item is delivered within thirty days of the order (article L216-1). If delivery is late, you may end the contract after asking us to deliver within a reasonable time (article L216-6). The risk passes to you when you take possession of the parcel (article L216-4).

## 7. The right of withdrawal

You have **14 days** from receipt of the item (of the last item, for an order delivered in several parcels) to withdraw from the contract, without giving any reason or paying any penalty (articles L221-18 and following).

**How:** click “Withdraw from the contract here” on your order's page, or send us the withdrawal form (the “Withdrawal form” page) or any unambiguous statement, by email to [{email}](mailto:{email}) or by post to {address_inline}. We acknowledge receipt without delay.

**Sending back:** return the items within 14 days of your decision, to the address given in the acknowledgement. The direct cost of returning them is yours. You are liable only for any loss in value caused by handling beyond what is needed to establish the nature, characteristics and functioning of the item (trying it on as you would in a shop).

**Refund:** we refund everything you paid, including the initial delivery costs (up to the standard method), within 14 days of learning of your decision, by the means of payment used for the order. We may withhold the refund until we have received the items back or you have supplied proof of sending them.

**Exceptions (article L221-28):** the right of withdrawal does not apply to items made to your specifications or clearly personalised (a made-to-measure shirt, embroidered initials), nor to items unsealed after delivery that cannot be returned for reasons of hygiene or health protection.

## 8. The legal guarantees

Our items carry the legal guarantee of conformity and the guarantee against latent defects, regardless of any commercial gesture. To use them, write to [{email}](mailto:{email}) with your order number.

"""
    + LEGAL_GUARANTEE_EN
    + """

## 9. Customer service and mediation

If anything goes wrong, write to us first at [{email}](mailto:{email}): we answer within a working day and look for a solution with you. If your written complaint has not succeeded, you may refer the dispute free of charge, within one year, to the consumer **mediator** we belong to (articles L611-1 and following):

"""
    + MEDIATOR_EN
    + """

## 10. Your data

The data of your order serve to prepare, deliver and invoice it: our privacy policy describes their use, how long they are kept and your rights.

## 11. Governing law

These terms are governed by French law. Failing an amicable agreement, the dispute goes before the competent court; you may bring it before the court of your place of residence. These terms do not deprive you of the protection given by the mandatory rules of the country where you live.

*This translation is given for convenience; the French text prevails.*"""
)

RESELLER_TERMS_FR = """Les présentes conditions générales de vente aux professionnels s'appliquent à toute commande passée par une entreprise revendeuse dans l'espace revendeurs. Elles constituent le socle unique de la négociation commerciale (article L441-1 du Code de commerce) et prévalent sur les conditions d'achat de l'acheteur, sauf accord écrit contraire.

## 1. Le vendeur

**{name}**, {legal_form} au capital de {share_capital}, {address_inline} — {rcs}, TVA {vat_number}. Contact : [{email}](mailto:{email}).

## 2. L'ouverture du compte

L'espace revendeurs est réservé aux professionnels dont la demande a été acceptée. Les informations de l'entreprise (raison sociale, SIRET, numéro de TVA intracommunautaire, adresse de facturation) doivent être exactes et tenues à jour.

## 3. Les commandes

Les commandes sont passées dans l'espace revendeurs, avec, si vous le souhaitez, votre propre référence de bon de commande. Elles sont fermes dès leur enregistrement, confirmé par e-mail. Une modification ou une annulation n'est possible qu'avec notre accord écrit, avant la préparation.

**Minimums :** chaque article peut avoir un minimum de pièces par commande et un multiple par taille, indiqués dans le catalogue professionnel ; le montant minimum d'une commande est de [à compléter] € HT.

## 4. Les prix

Les prix sont ceux du tarif professionnel affiché dans l'espace revendeurs au jour de la commande, en euros **hors taxes**. La TVA s'y ajoute au taux en vigueur ; une entreprise établie dans un autre État de l'Union, identifiée à la TVA, est facturée hors taxes (autoliquidation, article 283-2 du CGI) ; les livraisons hors de l'Union sont exonérées (article 262 I du CGI). Les frais de port sont indiqués avant la commande.

## 5. Le paiement

La commande est payable selon les conditions de votre compte : à la commande, à 30 jours net ou à 45 jours fin de mois à compter de la date de facture, dans la limite fixée par l'article L441-10 du Code de commerce. La date d'échéance figure sur la facture. Aucun escompte n'est accordé pour paiement anticipé.

## 6. Les retards de paiement

Tout retard de paiement entraîne de plein droit, dès le lendemain de l'échéance et sans rappel : des **pénalités de retard** au taux annuel de {late_payment_rate} %, qui ne peut être inférieur à trois fois le taux d'intérêt légal ; et une **indemnité forfaitaire pour frais de recouvrement de 40 €** par facture (articles L441-10 et D441-5 du Code de commerce), sans préjudice d'une indemnisation complémentaire sur justificatif si les frais exposés sont supérieurs. Nous pouvons suspendre les commandes en cours jusqu'au paiement complet.

## 7. La réserve de propriété

**Les marchandises restent notre propriété jusqu'au paiement intégral du prix** (articles 2367 et suivants du Code civil, L624-16 du Code de commerce). Les risques vous sont transférés dès la livraison : vous assurez les marchandises et les conservez identifiables tant qu'elles ne sont pas payées. Vous pouvez les revendre dans le cours normal de votre activité ; la créance née de la revente nous est alors cédée à hauteur du prix restant dû.

## 8. La livraison

Les délais sont donnés à titre indicatif ; un retard ne peut justifier l'annulation de la commande ni des dommages et intérêts, sauf retard de plus de trente jours après une mise en demeure restée sans effet. Vérifiez le colis à la réception : toute avarie ou manque doit être noté sur le bon du transporteur et confirmé par lettre recommandée dans les trois jours (article L133-3 du Code de commerce).

## 9. Pas de droit de rétractation

Vous achetez pour les besoins de votre activité : le droit de rétractation du Code de la consommation ne s'applique pas. Un retour n'est possible qu'avec notre accord écrit préalable.

## 10. Les réclamations et la garantie

Un défaut de conformité apparent doit nous être signalé par écrit dans les huit jours de la livraison. Les marchandises restent couvertes par la garantie des vices cachés (articles 1641 et suivants du Code civil). Notre responsabilité est limitée au prix des marchandises en cause.

## 11. Le droit applicable et les litiges

Les présentes conditions sont soumises au droit français. Tout litige entre professionnels relève de la compétence exclusive du tribunal des activités économiques de [à compléter], même en cas d'appel en garantie ou de pluralité de défendeurs."""

RESELLER_TERMS_EN = """These general terms of sale to professionals apply to every order placed by a reseller company in the reseller space. They are the sole basis of commercial negotiation (article L441-1 of the French Commercial Code) and prevail over the buyer's purchasing conditions, unless agreed otherwise in writing.

## 1. The seller

**{name}**, {legal_form} with a share capital of {share_capital}, {address_inline} — {rcs}, VAT {vat_number}. Contact: [{email}](mailto:{email}).

## 2. Opening an account

The reseller space is for professionals whose application has been accepted. The company's details (legal name, SIRET, EU VAT number, billing address) must be accurate and kept up to date.

## 3. Orders

Orders are placed in the reseller space, with your own purchase order reference if you wish. They are binding once recorded, which is confirmed by email. A change or cancellation needs our written agreement, before packing.

**Minimums:** each item may have a minimum number of pieces per order and a pack multiple per size, shown in the trade catalogue; the minimum order value is €[to be completed] excluding VAT.

## 4. Prices

Prices are those of the trade price list shown in the reseller space on the day of the order, in euros **excluding VAT**. VAT is added at the current rate; a company established in another EU member state and registered for VAT is invoiced without VAT (reverse charge, article 283-2 of the French Tax Code); deliveries outside the EU are exempt (article 262 I). Shipping costs are shown before ordering.

## 5. Payment

The order is payable on your account's terms: on ordering, 30 days net or 45 days end of month from the invoice date, within the limit of article L441-10 of the Commercial Code. The due date is printed on the invoice. No discount is given for early payment.

## 6. Late payment

Any late payment automatically triggers, from the day after the due date and without reminder: **late-payment penalties** at the annual rate of {late_payment_rate}%, which may not be lower than three times the legal interest rate; and a **fixed recovery fee of €40** per invoice (articles L441-10 and D441-5 of the Commercial Code), without prejudice to further compensation on proof if the costs incurred are higher. We may suspend pending orders until full payment.

## 7. Retention of title

**The goods remain our property until the price is paid in full** (articles 2367 and following of the Civil Code, L624-16 of the Commercial Code). The risk passes to you on delivery: you insure the goods and keep them identifiable until they are paid for. You may resell them in the normal course of your business; the claim arising from the resale is then assigned to us up to the price still owed.

## 8. Delivery

Delivery times are indicative; a delay cannot justify cancelling the order or damages, unless it exceeds thirty days after a formal notice that went unheeded. Check the parcel on receipt: any damage or shortage must be noted on the carrier's slip and confirmed by registered letter within three days (article L133-3 of the Commercial Code).

## 9. No right of withdrawal

You buy for the needs of your business: the Consumer Code's right of withdrawal does not apply. A return is possible only with our prior written agreement.

## 10. Claims and guarantee

An apparent lack of conformity must be reported to us in writing within eight days of delivery. The goods remain covered by the guarantee against latent defects (articles 1641 and following of the Civil Code). Our liability is limited to the price of the goods concerned.

## 11. Governing law and disputes

These terms are governed by French law. Any dispute between professionals falls under the exclusive jurisdiction of the economic activities court of [to be completed], even with third-party claims or several defendants.

*This translation is given for convenience; the French text prevails.*"""

PRIVACY_FR = """Nous ne gardons de vous que ce qu'il faut pour vous livrer, vous facturer et, si vous le voulez, vous écrire. Cette politique décrit ces traitements, conformément au règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.

## Le responsable du traitement

**{name}**, {address_inline}. Pour toute question sur vos données : [{email}](mailto:{email}).

## Ce que nous traitons, pourquoi, et sur quelle base

- **Vos commandes** (nom, adresses, e-mail, téléphone, articles, paiement) : pour les préparer, les livrer, gérer les retours et le service client. Base : l'exécution du contrat.
- **Les factures et la comptabilité** : base : nos obligations légales (Code de commerce, Code général des impôts).
- **Votre compte client** : pour retrouver vos commandes et adresses. Base : le contrat.
- **La lettre** (votre e-mail) : envoyée seulement après que vous avez confirmé votre inscription. Base : votre consentement, retirable en un clic dans chaque lettre.
- **Vos avis** sur les produits : publiés avec votre prénom après lecture. Base : votre consentement.
- **Les comptes revendeurs** (coordonnées des personnes de l'entreprise) : base : le contrat avec l'entreprise.
- **La sécurité du site et la lutte contre la fraude** : base : notre intérêt légitime.
- **La mesure d'audience** : nous comptons les pages vues avec notre propre outil, **sans cookie** et sans identifiant déposé sur votre appareil ; les chiffres sont agrégés et ne permettent pas de vous identifier. Base : notre intérêt légitime.

Le paiement par carte est traité par notre prestataire de paiement : nous ne recevons jamais vos numéros de carte.

## Combien de temps nous les gardons

- Commandes et échanges avec le service client : la durée de la relation, puis cinq ans (prescription).
- Factures et pièces comptables : dix ans (article L123-22 du Code de commerce).
- Compte client : jusqu'à sa suppression, ou trois ans après votre dernière activité.
- Lettre : jusqu'à votre désinscription, ou trois ans sans aucune ouverture ni clic.
- Journaux techniques de sécurité : six mois au plus.

## Qui les reçoit

Notre équipe, et nos sous-traitants pour ce qui les concerne : hébergeur du site ([à compléter]), prestataire de paiement, transporteurs (Colissimo, Mondial Relay), service d'envoi des e-mails. Ils agissent sur nos instructions. Aucune donnée n'est vendue ni louée. Si un sous-traitant traite des données hors de l'Union européenne, le transfert est encadré par une décision d'adéquation ou des clauses contractuelles types de la Commission européenne.

## Les cookies

Le site ne dépose que les cookies **strictement nécessaires** : la session (votre panier, votre connexion), la protection des formulaires (csrftoken) et, si vous la changez, la langue. Ils ne demandent pas de consentement. Aucun cookie publicitaire, aucun traceur tiers par défaut. Si un outil tiers de mesure était un jour ajouté, il ne serait chargé qu'après votre accord donné sur un bandeau, que vous pourriez retirer à tout moment depuis le pied de page.

## Vos droits

Vous pouvez accéder à vos données, les rectifier, les effacer, en limiter le traitement, vous opposer à un traitement fondé sur notre intérêt légitime, recevoir les données que vous nous avez fournies dans un format lisible (portabilité), retirer votre consentement à tout moment et définir des directives sur le sort de vos données après votre décès. Écrivez à [{email}](mailto:{email}) : nous répondons dans un délai d'un mois.

Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la **CNIL** (Commission nationale de l'informatique et des libertés), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou sur [www.cnil.fr](https://www.cnil.fr/fr/plaintes)."""

PRIVACY_EN = """We keep only what we need to deliver and invoice you and, if you wish, to write to you. This policy describes that processing, under the General Data Protection Regulation (GDPR) and the French Data Protection Act.

## The controller

**{name}**, {address_inline}. For any question about your data: [{email}](mailto:{email}).

## What we process, why, and on what basis

- **Your orders** (name, addresses, email, telephone, items, payment): to prepare and deliver them, handle returns and customer service. Basis: performance of the contract.
- **Invoices and accounting**: basis: our legal obligations (Commercial Code, Tax Code).
- **Your customer account**: to find your orders and addresses again. Basis: the contract.
- **The newsletter** (your email): sent only after you have confirmed your sign-up. Basis: your consent, withdrawn in one click in every letter.
- **Your product reviews**: published with your first name after reading. Basis: your consent.
- **Reseller accounts** (contact details of the company's people): basis: the contract with the company.
- **Site security and fraud prevention**: basis: our legitimate interest.
- **Audience measurement**: we count page views with our own tool, **without cookies** and without storing any identifier on your device; the figures are aggregated and cannot identify you. Basis: our legitimate interest.

Card payments are handled by our payment provider: we never receive your card numbers.

## How long we keep them

- Orders and customer-service exchanges: the length of the relationship, then five years (limitation period).
- Invoices and accounting records: ten years (article L123-22 of the Commercial Code).
- Customer account: until you delete it, or three years after your last activity.
- Newsletter: until you unsubscribe, or three years without any open or click.
- Technical security logs: six months at most.

## Who receives them

Our team, and our processors for their part: the site's host ([to be completed]), the payment provider, carriers (Colissimo, Mondial Relay), the email delivery service. They act on our instructions. No data is sold or rented. If a processor handles data outside the European Union, the transfer is covered by an adequacy decision or the European Commission's standard contractual clauses.

## Cookies

The site sets only **strictly necessary** cookies: the session (your bag, your sign-in), form protection (csrftoken) and, if you change it, the language. They need no consent. No advertising cookie, no third-party tracker by default. Should a third-party measurement tool ever be added, it would load only after you agree on a banner, and you could withdraw that consent at any time from the footer.

## Your rights

You may access your data, correct it, erase it, restrict its processing, object to processing based on our legitimate interest, receive the data you gave us in a readable format (portability), withdraw your consent at any time and set instructions for your data after your death. Write to [{email}](mailto:{email}): we answer within one month.

If you believe your rights are not respected, you may lodge a complaint with the **CNIL** (the French data protection authority), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, or at [www.cnil.fr](https://www.cnil.fr/fr/plaintes).

*This translation is given for convenience; the French text prevails.*"""

WITHDRAWAL_FORM_FR = """Formulaire de rétractation (annexe à l'article R221-1 du Code de la consommation). Le plus simple reste le bouton « Renoncer au contrat ici » sur la page de votre commande ; ce formulaire, imprimé ou recopié dans un e-mail, est une autre façon d'exercer votre droit de rétractation.

*(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)*

À l'attention de **{name}**, {address_inline}, [{email}](mailto:{email}) :

Je/nous (\\*) vous notifie/notifions (\\*) par la présente ma/notre (\\*) rétractation du contrat portant sur la vente du bien (\\*)/pour la prestation de services (\\*) ci-dessous :

- Commandé le (\\*)/reçu le (\\*) :
- Numéro de commande :
- Nom du (des) consommateur(s) :
- Adresse du (des) consommateur(s) :
- Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :
- Date :

(\\*) Rayez la mention inutile."""

WITHDRAWAL_FORM_EN = """Withdrawal form (annex to article R221-1 of the French Consumer Code). The simplest way is still the “Withdraw from the contract here” button on your order's page; this form, printed or copied into an email, is another way to use your right of withdrawal.

*(Complete and return this form only if you wish to withdraw from the contract.)*

To **{name}**, {address_inline}, [{email}](mailto:{email}):

I/We (\\*) hereby give notice that I/We (\\*) withdraw from my/our (\\*) contract of sale of the following goods (\\*)/for the provision of the following service (\\*):

- Ordered on (\\*)/received on (\\*):
- Order number:
- Name of consumer(s):
- Address of consumer(s):
- Signature of consumer(s) (only if this form is notified on paper):
- Date:

(\\*) Delete as appropriate."""

# role, titles, slugs, bodies: the footer lists them in this order.
LEGAL_PAGES = [
    (LegalRole.LEGAL_NOTICE, "Mentions légales", "Legal notice", "mentions-legales", "legal-notice", LEGAL_NOTICE_FR, LEGAL_NOTICE_EN),
    (LegalRole.TERMS_OF_SALE, "Conditions générales de vente", "Terms of sale", "conditions-generales-de-vente", "terms-of-sale", TERMS_OF_SALE_FR, TERMS_OF_SALE_EN),
    (LegalRole.RESELLER_TERMS, "CGV professionnels", "Trade terms of sale", "cgv-professionnels", "trade-terms-of-sale", RESELLER_TERMS_FR, RESELLER_TERMS_EN),
    (LegalRole.PRIVACY, "Confidentialité", "Privacy", "confidentialite", "privacy", PRIVACY_FR, PRIVACY_EN),
    (LegalRole.WITHDRAWAL_FORM, "Formulaire de rétractation", "Withdrawal form", "formulaire-de-retractation", "withdrawal-form", WITHDRAWAL_FORM_FR, WITHDRAWAL_FORM_EN),
]  # fmt: skip

IDENTITY_FIELDS = (
    "name", "legal_form", "share_capital", "address", "rcs", "siret", "vat_number", "email",
    "publisher", "late_payment_rate",
)  # fmt: skip


def fill(text: str, *, seller: Mapping[str, str], english: bool = False) -> str:
    """The text with the seller's identity in place; what is unknown reads « [à compléter] »."""
    missing = TO_COMPLETE_EN if english else TO_COMPLETE
    values = {field: (str(seller.get(field) or "").strip() or missing) for field in IDENTITY_FIELDS}
    address_lines = [line.strip() for line in values["address"].splitlines() if line.strip()]
    values["address"] = "  \n".join(address_lines)
    values["address_inline"] = ", ".join(address_lines)
    if not english:  # « 12,15 % »
        values["late_payment_rate"] = values["late_payment_rate"].replace(".", ",")
    return text.format_map(values)
